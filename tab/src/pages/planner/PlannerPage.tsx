import { usePageStyles } from '../page.styles';
import { renderPlannerPage } from './renderPlannerPage';
import { usePlannerPage } from './usePlannerPage';

/** The year planner. */
export function PlannerPage() {
  const state = usePlannerPage();
  const styles = usePageStyles();
  return renderPlannerPage(state, styles);
}
