import { usePageStyles } from '../../page.styles';
import { renderImportPanel } from './renderImportPanel';
import { useImportPanel } from './useImportPanel';

/** Settings' "Import from CSV" panel (trust admin / CEO): check, then import academies and people. */
export function ImportPanel(props: { onImported?: () => void }) {
  const state = useImportPanel(props.onImported);
  const styles = usePageStyles();
  return renderImportPanel(state, styles);
}
