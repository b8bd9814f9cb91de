import { usePageStyles } from '../page.styles';
import { renderConfigPage } from './renderConfigPage';
import { useConfigPage } from './useConfigPage';

/** The configurable tab's setup page (the manifest's configurationUrl, `/tab/config`). */
export function ConfigPage() {
  const state = useConfigPage();
  const styles = usePageStyles();
  return renderConfigPage(state, styles);
}
