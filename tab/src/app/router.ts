import { useEffect, useState } from 'react';

/** The tab's pages, each with a path that works as a deep link under `/tab`. */
export type Route =
  | { page: 'dashboard' }
  | { page: 'academy'; academyId: string }
  | { page: 'planner' }
  | { page: 'meeting'; meetingId: string }
  | { page: 'side-panel'; meetingId: string }
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
  const [first, second, third] = parts;
  if (!first || first === 'dashboard') return { page: 'dashboard' };
  if (first === 'academy' && second) return { page: 'academy', academyId: second };
  if (first === 'planner') return { page: 'planner' };
  if (first === 'meeting' && second && third === 'panel') return { page: 'side-panel', meetingId: second };
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
    case 'meeting':
      return `${BASE}/meeting/${encodeURIComponent(route.meetingId)}`;
    case 'side-panel':
      return `${BASE}/meeting/${encodeURIComponent(route.meetingId)}/panel`;
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
