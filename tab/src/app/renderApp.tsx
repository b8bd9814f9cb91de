import { FluentProvider, teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';
import { AppContext } from './app-context';
import type { useAppStyles } from './App.styles';
import { AppLink } from '../components/AppLink';
import { LoadError, Loading } from '../components/PageState';
import { DevIdentitySwitcher } from './DevIdentitySwitcher';
import { PageFor } from './pages';
import { pathOf, type Route } from './router';
import type { AppShellState } from './use-app-shell';

const THEMES = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme } as const;

const NAV: { label: string; route: Route; trustOnly?: boolean; adminOnly?: boolean }[] = [
  { label: 'Dashboard', route: { page: 'dashboard' } },
  { label: 'Year planner', route: { page: 'planner' } },
  { label: 'My work', route: { page: 'my-work' } },
  { label: 'Settings', route: { page: 'settings' }, adminOnly: true },
];

/** The shell as a pure function of its state: theme provider, header with page links and (locally) the identity switcher, then the page. */
export function renderApp(state: AppShellState, s: ReturnType<typeof useAppStyles>) {
  const { route, context } = state;
  const panel = route.page === 'side-panel';
  const me = context.state === 'ready' ? context.data.me : undefined;
  const isAdmin = me?.can.administerTrust ?? false;
  const title = context.state === 'ready' ? 'School improvement' : 'School improvement';
  return (
    <FluentProvider theme={THEMES[state.theme]} className={s.root} data-theme={state.theme}>
      {!panel ? (
        <a href="#main" className={s.skip}>
          Skip to the page
        </a>
      ) : null}
      {!panel ? (
        <header className={s.header}>
          <p className={s.title}>{title}</p>
          <nav aria-label="Pages" className={s.nav}>
            <ul className={s.navList}>
              {NAV.filter((n) => !n.adminOnly || isAdmin).map((n) => (
                <li key={n.label}>
                  <AppLink
                    to={pathOf(n.route)}
                    current={n.route.page === route.page}
                    {...(n.route.page === route.page ? { className: s.navCurrent } : {})}
                  >
                    {n.label}
                  </AppLink>
                </li>
              ))}
            </ul>
          </nav>
          <span className={s.spacer} />
          {state.devPeople ? (
            <DevIdentitySwitcher people={state.devPeople} current={state.devPerson} onChange={state.setDevPerson} className={s.devSelect} />
          ) : null}
        </header>
      ) : null}
      <main id="main" tabIndex={-1} className={panel ? s.panelMain : s.main}>
        {context.state === 'loading' ? <Loading what="the app" /> : null}
        {context.state === 'error' ? <LoadError error={context.error} onRetry={state.retry} /> : null}
        {context.state === 'ready' ? (
          <AppContext.Provider value={context.data}>
            <PageFor route={route} />
          </AppContext.Provider>
        ) : null}
      </main>
    </FluentProvider>
  );
}
