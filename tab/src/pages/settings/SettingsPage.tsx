import { usePageStyles } from '../page.styles';
import { renderSettingsPage } from './renderSettingsPage';
import { useSettingsPage } from './useSettingsPage';

/** Trust settings: the improvement model, academies and people. */
export function SettingsPage() {
  const state = useSettingsPage();
  const styles = usePageStyles();
  return renderSettingsPage(state, styles);
}
