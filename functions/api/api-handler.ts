import type { TrustServices } from '../../core/services/trust-services';
import type { ApiRequest, ApiResponse, Identify, Route } from './api-types';
import { errorResponse, notFoundRoute, unauthorised } from './error-responses';
import { API_ROUTES } from './routes';
import { tooManyRequests, type RateLimits } from '../security/rate-limits';

export interface ApiLogger {
  error(obj: object, msg: string): void;
}

function match(pattern: string, path: string): Record<string, string> | undefined {
  const p = pattern.split('/');
  const s = path.replace(/\/+$/, '').split('/');
  if (p.length !== s.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const seg = p[i]!;
    if (seg.startsWith(':')) {
      try {
        params[seg.slice(1)] = decodeURIComponent(s[i]!);
      } catch {
        return undefined;
      }
    } else if (seg !== s[i]) return undefined;
  }
  return params;
}

/**
 * The JSON API as one function of a request, so the local host and Azure Functions serve the same
 * thing. Every route needs a signed-in person, and runs in a session opened for them: the session
 * checks role × academy and audits every write.
 */
export function createApiHandler(options: {
  services: TrustServices;
  identify: Identify;
  logger?: ApiLogger;
  routes?: readonly Route[];
  /** Per-person rate limit (functions/security/rate-limits.ts). */ limits?: Pick<RateLimits, 'person'>;
}) {
  const routes = options.routes ?? API_ROUTES;
  return async (req: ApiRequest): Promise<ApiResponse> => {
    const method = req.method.toUpperCase();
    let found: { route: Route; params: Record<string, string> } | undefined;
    for (const route of routes) {
      const params = match(route.pattern, req.path);
      if (params && route.method === method) {
        found = { route, params };
        break;
      }
    }
    if (!found) return notFoundRoute(method, req.path);
    try {
      const viewer = await options.identify(req);
      if (!viewer) return unauthorised('Sign in to use the app (in Teams this happens for you).');
      const allowed = await options.limits?.person(viewer.id);
      if (allowed && !allowed.ok) return tooManyRequests(allowed);
      return await found.route.handler({ session: options.services.open(viewer), params: found.params, req });
    } catch (e) {
      const res = errorResponse(e, req.correlationId);
      if (res.status >= 500) options.logger?.error({ err: e, correlationId: req.correlationId, path: req.path }, 'API request failed');
      return res;
    }
  };
}
