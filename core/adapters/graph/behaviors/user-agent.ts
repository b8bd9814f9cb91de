import type { GraphBehavior } from '../graph-types';

/**
 * SharePoint gives traffic it cannot attribute lower priority when it throttles, and asks ISVs to
 * decorate it as `ISV|<company>|<app>/<version>` ("Avoid getting throttled or blocked in SharePoint
 * Online", How to decorate your http traffic).
 */
export const isvUserAgent = (company: string, app: string, version: string): string => `ISV|${company}|${app}/${version}`;

/** Sets the decorated `User-Agent` on every request. */
export function userAgent(value: string): GraphBehavior {
  return (next) => (request) => next({ ...request, headers: { ...request.headers, 'User-Agent': value } });
}
