import { Button, Input, MessageBar } from '@fluentui/react-components';
import { LoadError, Loading } from '../../components/PageState';
import { Section } from '../../components/Section';
import { usePageStyles } from '../page.styles';
import { useCalendarFeed, type CalendarFeedState } from './useCalendarFeed';

/** My meetings in Outlook or Google Calendar: a private feed link to copy, and to reset if it ever leaks. */
export function CalendarFeed() {
  const state = useCalendarFeed();
  const s = usePageStyles();
  return renderCalendarFeed(state, s);
}

/** The feed section as a pure function of its state. */
export function renderCalendarFeed(st: CalendarFeedState, s: ReturnType<typeof usePageStyles>) {
  if (st.data.state === 'loading') return <Loading what="your calendar link" />;
  if (st.data.state === 'error') return <LoadError error={st.data.error} onRetry={st.data.reload} />;
  const feed = st.feed;
  if (!feed || !feed.available) return null; // In Teams the meetings are already in Outlook.
  const url = feed.url;
  return (
    <Section title="My meetings in my calendar">
      <p className={s.muted}>
        Subscribe to this private link in Outlook or Google Calendar to see the meetings you chair or attend. Anyone with the link can read
        it: keep it to yourself, and reset it if it is shared by mistake.
      </p>
      {st.message ? (
        <MessageBar intent={st.message.intent} role={st.message.intent === 'error' ? 'alert' : 'status'}>
          {st.message.text}
        </MessageBar>
      ) : null}
      {url ? (
        <div className={s.row}>
          <Input
            readOnly
            value={url}
            aria-label="My private calendar link"
            onFocus={(e) => e.currentTarget.select()}
            style={{ flexGrow: 1 }}
          />
          <Button appearance="primary" onClick={() => st.copy(url)}>
            Copy link
          </Button>
        </div>
      ) : feed.active ? (
        <p className={s.muted}>
          Your link is live. It is shown only once, when it is made; to get it again, reset it (the old link then stops working).
        </p>
      ) : null}
      <div className={s.row}>
        <Button appearance={url || feed.active ? 'secondary' : 'primary'} disabled={st.busy} onClick={st.reset}>
          {feed.active || url ? 'Reset link' : 'Get my calendar link'}
        </Button>
      </div>
    </Section>
  );
}
