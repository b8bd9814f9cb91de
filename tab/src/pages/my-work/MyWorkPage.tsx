import { usePageStyles } from '../page.styles';
import { renderMyWorkPage } from './renderMyWorkPage';
import { useMyWorkPage } from './useMyWorkPage';

/** My work: actions, papers owed, approvals, next meetings. */
export function MyWorkPage() {
  const state = useMyWorkPage();
  const styles = usePageStyles();
  return renderMyWorkPage(state, styles);
}
