import { usePageStyles } from '../page.styles';
import { renderAcademyPage } from './renderAcademyPage';
import { useAcademyPage } from './useAcademyPage';

/** An academy: status, meetings, actions, KPIs, interventions, escalation and support. */
export function AcademyPage(props: { academyId: string }) {
  const state = useAcademyPage(props.academyId);
  const styles = usePageStyles();
  return renderAcademyPage(state, styles);
}
