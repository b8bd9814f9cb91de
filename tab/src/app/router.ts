import { useEffect, useState } from 'react';

/** The tab's pages, each with a path that works as a deep link under `/tab`. */
export type Route =
  | { page: 'dashboard' }
  | { page: 'academy'; academyId: string }
  /** A monitoring visit's form: a new one (for a meeting, where it came from one), or a visit already recorded. */
  | { page: 'visit'; academyId: string; visitId?: string; meetingId?: string }
  | { page: 'planner' }
  | { page: 'meeting'; meetingId: string }
  | { page: 'side-panel'; meetingId: string }
  /** A meeting's papers folder: where cards' "Open the papers folder" leads (bot/cards/card-links.ts). */
  | { page: 'papers-folder'; meetingId: string }
  | { page: 'my-work' }
  | { page: 'settings' }
  /** The configurable tab's setup page (manifest `configurationUrl`). */
  | { page: 'config' }
  | { page: 'not-found'; path: string };

export const BASE = '/tab';

/** Reads a path below `/tab` ("/academy/oakfield") or a Teams subPageId ("academy/oakfield"). */
export function parseRoute(path: string): Route {
  const rest = path.startsWith(BASE) ? path.slice(BASE.length) : path;
  const parts = rest.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, third, fourth] = parts;
  if (!first || first === 'dashboard') return { page: 'dashboard' };
  if (first === 'academy' && second && third === 'visit')
    return { page: 'visit', academyId: second, ...(fourth ? { visitId: fourth } : {}) };
  if (first === 'academy' && second && third === 'visit-for' && fourth) return { page: 'visit', academyId: second, meetingId: fourth };
  if (first === 'academy' && second) return { page: 'academy', academyId: second };
  if (first === 'planner') return { page: 'planner' };
  if (first === 'meeting' && second && third === 'panel') return { page: 'side-panel', meetingId: second };
  if (first === 'meeting' && second && third === 'papers') return { page: 'papers-folder', meetingId: second };
  if (first === 'meeting' && second) return { page: 'meeting', meetingId: second };
  if (first === 'my-work') return { page: 'my-work' };
  if (first === 'settings') return { page: 'settings' };
  if (first === 'config') return { page: 'config' };
  return { page: 'not-found', path: rest };
}

/** The path for a route, for links and `navigate`. */
export function pathOf(route: Route): string {
  switch (route.page) {
    case 'dashboard':
      return `${BASE}/`;
    case 'academy':
      return `${BASE}/academy/${encodeURIComponent(route.academyId)}`;
    case 'visit': {
      const academy = `${BASE}/academy/${encodeURIComponent(route.academyId)}`;
      if (route.visitId) return `${academy}/visit/${encodeURIComponent(route.visitId)}`;
      return route.meetingId ? `${academy}/visit-for/${encodeURIComponent(route.meetingId)}` : `${academy}/visit`;
    }
    case 'meeting':
      return `${BASE}/meeting/${encodeURIComponent(route.meetingId)}`;
    case 'side-panel':
      return `${BASE}/meeting/${encodeURIComponent(route.meetingId)}/panel`;
    case 'papers-folder':
      return `${BASE}/meeting/${encodeURIComponent(route.meetingId)}/papers`;
    case 'not-found':
      return `${BASE}${route.path}`;
    default:
      return `${BASE}/${route.page}`;
  }
}

const CHANGE = 'tab:navigate';

/** Moves to a page without reloading, keeping the query (dev identity, theme). */
export function navigate(path: string): void {
  window.history.pushState(null, '', `${path}${window.location.search}`);
  window.dispatchEvent(new Event(CHANGE));
}

/** The current route, following back/forward and `navigate`. */
export function useRoute(initial?: string): Route {
  const [path, setPath] = useState(() => initial ?? window.location.pathname);
  useEffect(() => {
    const update = () => setPath(window.location.pathname);
    window.addEventListener('popstate', update);
    window.addEventListener(CHANGE, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(CHANGE, update);
    };
  }, []);
  return parseRoute(path);
}
