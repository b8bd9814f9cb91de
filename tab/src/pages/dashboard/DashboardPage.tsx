import { useDashboardStyles } from './DashboardPage.styles';
import { renderDashboardPage } from './renderDashboardPage';
import { useDashboardPage } from './useDashboardPage';

/** Trust dashboard: every academy the viewer may see, with RAG and reasons, sortable and filterable; KPI chart; board export. */
export function DashboardPage() {
  const state = useDashboardPage();
  const styles = useDashboardStyles();
  return renderDashboardPage(state, styles);
}
