import { useAppStyles } from './App.styles';
import { renderApp } from './renderApp';
import { useAppShell } from './use-app-shell';

/** The tab: Teams host or local browser, theme, identity, then the page for the route. */
export function App() {
  const state = useAppShell();
  const styles = useAppStyles();
  return renderApp(state, styles);
}
