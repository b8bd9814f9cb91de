import { usePageStyles } from '../page.styles';
import { renderMeetingPage } from './renderMeetingPage';
import { useMeetingPage } from './useMeetingPage';

/** A meeting and everything recorded at it. */
export function MeetingPage(props: { meetingId: string }) {
  const state = useMeetingPage(props.meetingId);
  const styles = usePageStyles();
  return renderMeetingPage(state, styles);
}
