import type { ServiceDeps } from '../../core/services/service-context';
import type { ApiRequest, ApiResponse, Identify, Route } from './api-types';
import { errorResponse, notFoundRoute, unauthorised } from './error-responses';
import { API_ROUTES } from './routes';
import { historyRoutes } from './history-routes';
import { paperFileRoutes } from './paper-file-routes';
import type { PaperFiles } from '../../core/ports/paper-files.port';
import type { AuditLog } from '../../core/ports/audit-log.port';
import { auditedStore } from '../../core/services/audited-store';

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
 * thing. Every route needs a signed-in person; each handler checks role × academy itself.
 */
export function createApiHandler(options: { deps: ServiceDeps; identify: Identify; logger?: ApiLogger; routes?: readonly Route[]; audit?: { log: AuditLog; newId: () => string }; papers?: PaperFiles }) {
  const audit = options.audit;
  const routes = [...(options.routes ?? API_ROUTES), ...(audit ? historyRoutes(audit.log) : []), ...(options.papers ? paperFileRoutes(options.papers) : [])];
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
      // Every write in this request is recorded against the signed-in person.
      const deps = audit ? { ...options.deps, store: auditedStore(options.deps.store, audit.log, viewer.id, options.deps.clock, audit.newId) } : options.deps;
      return await found.route.handler({ deps, viewer, params: found.params, req });
    } catch (e) {
      const res = errorResponse(e, req.correlationId);
      if (res.status >= 500) options.logger?.error({ err: e, correlationId: req.correlationId, path: req.path }, 'API request failed');
      return res;
    }
  };
}
