import { useCallback, useEffect, useMemo, useState } from 'react';
import { setServerToday } from '../format/dates';
import { createApiClient, type ApiClient } from '../api/api-client';
import type { AcademyItem, ImprovementModel, Me, PersonItem } from '../api/api-types';
import { asApiError, type Loadable } from '../api/use-api-data';
import type { AppContextValue } from './app-context';
import { connectToHost, type Host, type ThemeName } from './teams-host';
import { useRoute, type Route } from './router';

const DEV_PERSON_KEY = 'trust-tab.dev-person';

export interface DevPerson {
  id: string;
  name: string;
  jobTitle?: string;
}

export interface AppShellState {
  host: Host | undefined;
  theme: ThemeName;
  route: Route;
  context: Loadable<AppContextValue>;
  /** Local mode only: who the switcher can become. Undefined in Teams and in production. */
  devPeople: DevPerson[] | undefined;
  devPerson: string;
  setDevPerson: (id: string) => void;
  retry: () => void;
}

/** Locally: `?theme=` wins, else the browser's colour scheme; forced colours mean high contrast. */
function localTheme(): ThemeName {
  const asked = new URLSearchParams(window.location.search).get('theme');
  if (asked === 'dark' || asked === 'contrast' || asked === 'default') return asked;
  if (window.matchMedia?.('(forced-colors: active)').matches) return 'contrast';
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'default';
}

function initialDevPerson(): string {
  const asked = new URLSearchParams(window.location.search).get('as');
  if (asked) return asked;
  try {
    return window.localStorage.getItem(DEV_PERSON_KEY) ?? 'ceo';
  } catch {
    return 'ceo';
  }
}

async function loadContext(api: ApiClient, mode: 'teams' | 'local'): Promise<Omit<AppContextValue, 'setDevPerson'>> {
  const [me, people, academies, model] = await Promise.all([
    api.get<Me>('/api/me'),
    api.get<{ people: PersonItem[] }>('/api/people'),
    api.get<{ academies: AcademyItem[] }>('/api/academies'),
    api.get<{ model: ImprovementModel }>('/api/model'),
  ]);
  setServerToday(me.today);
  return {
    api,
    me,
    mode,
    people: new Map(people.people.map((p) => [p.id, p])),
    academies: new Map(academies.academies.map((a) => [a.id, a])),
    model: model.model,
  };
}

/** The shell's state: host (Teams or local), theme and its changes, identity, and the trust's reference data. */
export function useAppShell(): AppShellState {
  const [host, setHost] = useState<Host>();
  const [theme, setTheme] = useState<ThemeName>(localTheme);
  const [devPerson, setDevPersonState] = useState(initialDevPerson);
  const [devPeople, setDevPeople] = useState<DevPerson[]>();
  const [context, setContext] = useState<Loadable<AppContextValue>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  const teamsPage = host?.kind === 'teams' ? host.subPageId : undefined;
  const route = useRoute(teamsPage ? `/tab/${teamsPage}` : undefined);

  useEffect(() => {
    let live = true;
    void connectToHost().then((h) => {
      if (!live) return;
      setHost(h);
      if (h.kind === 'teams') {
        setTheme(h.theme);
        h.onThemeChange((t) => setTheme(t));
      }
    });
    return () => {
      live = false;
    };
  }, []);

  // Locally the page follows the browser's colour scheme as it changes.
  useEffect(() => {
    if (host?.kind !== 'local' || !window.matchMedia) return;
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const follow = () => setTheme(localTheme());
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, [host]);

  // The dev identity switcher exists only when the local host offers it (never in Teams or production).
  useEffect(() => {
    if (host?.kind !== 'local') return;
    fetch('/tab/dev/people')
      .then((r) => (r.ok ? (r.json() as Promise<{ people: DevPerson[] }>) : undefined))
      .then((b) => b && setDevPeople(b.people))
      .catch(() => undefined);
  }, [host]);

  const api = useMemo(() => {
    if (!host) return undefined;
    if (host.kind === 'teams') return createApiClient(async () => ({ authorization: `Bearer ${await host.getToken()}` }));
    return createApiClient(async () => ({ 'x-dev-person': devPerson }));
  }, [host, devPerson]);

  const setDevPerson = useCallback((id: string) => {
    try {
      window.localStorage.setItem(DEV_PERSON_KEY, id);
    } catch {
      // private browsing: the choice lasts for this page only
    }
    const url = new URL(window.location.href);
    url.searchParams.set('as', id);
    window.history.replaceState(null, '', url);
    setDevPersonState(id);
  }, []);

  useEffect(() => {
    if (!api || !host) return;
    let live = true;
    setContext({ state: 'loading' });
    loadContext(api, host.kind).then(
      (value) => live && setContext({ state: 'ready', data: host.kind === 'local' ? { ...value, setDevPerson } : value }),
      (e: unknown) => live && setContext({ state: 'error', error: asApiError(e) }),
    );
    return () => {
      live = false;
    };
  }, [api, host, setDevPerson, tick]);

  return { host, theme, route, context, devPeople, devPerson, setDevPerson, retry: () => setTick((t) => t + 1) };
}
