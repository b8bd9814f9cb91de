import { useState } from 'react';
import { asApiError, useApiData } from '../../api/use-api-data';
import { useAppContext } from '../../app/app-context';

/** What `/api/my-work/calendar-feed` answers: no feeds on this host, or whether mine is live (the link only right after a reset). */
export type FeedLink = { available: false } | { available: true; active: boolean; url?: string };

/**
 * My private calendar feed: the link is shown once, right after it is made, because the app keeps
 * only a fingerprint (hash) of it; "reset link" makes a new one and the old one stops working.
 */
export function useCalendarFeed() {
  const { api } = useAppContext();
  const data = useApiData<FeedLink>('/api/my-work/calendar-feed');
  const [fresh, setFresh] = useState<FeedLink>();
  const [message, setMessage] = useState<{ intent: 'success' | 'error' | 'info'; text: string }>();
  const [busy, setBusy] = useState(false);
  const reset = async () => {
    setBusy(true);
    setMessage(undefined);
    try {
      setFresh(await api.send<FeedLink>('POST', '/api/my-work/calendar-feed/reset', {}));
      setMessage({ intent: 'info', text: 'Your new link is below. Any earlier link has stopped working.' });
    } catch (e) {
      setMessage({ intent: 'error', text: asApiError(e).message });
    } finally {
      setBusy(false);
    }
  };
  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setMessage({
        intent: 'success',
        text: 'Link copied. In Outlook choose Add calendar › Subscribe from web; in Google Calendar, Other calendars › From URL.',
      });
    } catch {
      // Teams may not let a tab write to the clipboard: the link stays selectable.
      setMessage({ intent: 'info', text: 'Select the link and copy it (Ctrl+C).' });
    }
  };
  return {
    data,
    feed: fresh ?? (data.state === 'ready' ? data.data : undefined),
    message,
    busy,
    reset: () => void reset(),
    copy: (url: string) => void copy(url),
  };
}

export type CalendarFeedState = ReturnType<typeof useCalendarFeed>;
