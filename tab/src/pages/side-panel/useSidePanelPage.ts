import { useState } from 'react';
import { useMeetingPage } from '../meeting/useMeetingPage';

/** The side panel's state: the meeting record and which of its two tabs is open. */
export function useSidePanelPage(meetingId: string) {
  const page = useMeetingPage(meetingId);
  const [tab, setTab] = useState<'actions' | 'judgements'>('actions');
  return { ...page, tab, setTab };
}

export type SidePanelState = ReturnType<typeof useSidePanelPage>;
