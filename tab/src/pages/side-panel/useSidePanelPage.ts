import { useState } from 'react';
import { useMeetingPage } from '../meeting/useMeetingPage';

export type SidePanelTab = 'actions' | 'kpi-drops' | 'judgements';

/** The side panel's state: the meeting page's (record, actions with `can`, KPI drops) and which tab is open; a link to `#kpi-drops` opens that tab. */
export function useSidePanelPage(meetingId: string) {
  const page = useMeetingPage(meetingId);
  const [tab, setTab] = useState<SidePanelTab>(() => (window.location.hash === '#kpi-drops' ? 'kpi-drops' : 'actions'));
  return { ...page, tab, setTab };
}

export type SidePanelState = ReturnType<typeof useSidePanelPage>;
