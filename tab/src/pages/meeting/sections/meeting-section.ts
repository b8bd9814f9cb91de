import type { MeetingView } from '../../../api/api-types';
import type { MeetingPageState } from '../useMeetingPage';

/** What every section of the meeting page is given: the page's state (writes, feedback) and the meeting as the viewer may see it. */
export interface MeetingSectionProps {
  st: MeetingPageState;
  v: MeetingView;
}
