import { useSidePanelStyles } from './SidePanelPage.styles';
import { renderSidePanelPage } from './renderSidePanelPage';
import { useSidePanelPage } from './useSidePanelPage';

/** The Teams meeting side panel (about 320 px): actions and judgements captured live. */
export function SidePanelPage(props: { meetingId: string }) {
  const state = useSidePanelPage(props.meetingId);
  const styles = useSidePanelStyles();
  return renderSidePanelPage(state, styles);
}
