import { isServiceBusyError } from '../../domain/errors';
import { retry, throttling, type RetryOptions, type Throttling } from './behaviors/retry';
import { bearerToken, type TokenProvider } from './behaviors/bearer-token';
import { timeout } from './behaviors/timeout';
import { isvUserAgent, userAgent } from './behaviors/user-agent';
import { fetchTransport } from './fetch-transport';
import { errorFromTransport, failureFrom, isAbortError } from './graph-error';
import { composePipeline, type GraphBehavior, type GraphHandler, type GraphRequest, type GraphResponse } from './graph-types';

export const GRAPH_V1 = 'https://graph.microsoft.com/v1.0';

export interface GraphClientOptions {
  /** The service root with its version, `https://graph.microsoft.com/v1.0` unless a test server stands in. */
  baseUrl?: string;
  /** Bearer tokens (msal-node); leave out only for a local test server. */
  getToken?: TokenProvider;
  /** The last handler; `fetch` unless replaced (tests count or fault calls here). */
  transport?: GraphHandler;
  /** Patience, policies, the shared throttle gate and the timers (see behaviors/retry.ts). */
  retry?: RetryOptions;
  /** `ISV|<company>|<app>/<version>` (behaviors/user-agent.ts); SharePoint deprioritises undecorated traffic. */
  userAgent?: string;
  /** Per attempt. */
  timeoutMs?: number;
  /** Extra behaviours, outermost first, e.g. logging. */
  behaviors?: readonly GraphBehavior[];
}

export interface SendOptions {
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
  idempotent?: boolean;
}

/** The one Graph client: every call goes through the same behaviours, configured here and nowhere else. */
export interface GraphClient {
  readonly baseUrl: string;
  /** Sends and returns whatever status came back (after retries); rejects only when no response arrived. */
  send(method: GraphRequest['method'], path: string, options?: SendOptions): Promise<GraphResponse>;
  /** Sends and returns the parsed body of a 2xx; anything else is a `GraphRequestError`. */
  call<T>(method: GraphRequest['method'], path: string, options?: SendOptions): Promise<T>;
  /** A path relative to the service root, as `$batch` wants it, from a path or an absolute `@odata.nextLink`. */
  relative(pathOrUrl: string): string;
  /** The throttling every request of this client shares (gate, timers, the patience of the work in hand). */
  readonly throttle: Throttling;
}

/** Undecorated traffic is deprioritised; this names the app when a caller gives no User-Agent of its own. */
export const DEFAULT_USER_AGENT = isvUserAgent('TrustImprovement', 'TrustImprovementTeamsApp', '0.1.0');

/** Builds the client: retry (honouring Retry-After, through the shared gate) → User-Agent → bearer token → per-attempt timeout → transport. */
export function createGraphClient(options: GraphClientOptions = {}): GraphClient {
  const baseUrl = (options.baseUrl ?? GRAPH_V1).replace(/\/$/, '');
  const throttle = throttling(options.retry);
  const behaviors: GraphBehavior[] = [
    ...(options.behaviors ?? []),
    retry(options.retry, throttle),
    userAgent(options.userAgent ?? DEFAULT_USER_AGENT),
    ...(options.getToken ? [bearerToken(options.getToken, baseUrl)] : []),
    timeout(options.timeoutMs ?? 30_000),
  ];
  const handler = composePipeline(options.transport ?? fetchTransport(), behaviors);
  const absolute = (path: string): string => (/^https?:\/\//.test(path) ? path : `${baseUrl}${path.startsWith('/') ? '' : '/'}${path}`);

  const send = async (method: GraphRequest['method'], path: string, o: SendOptions = {}): Promise<GraphResponse> => {
    const request: GraphRequest = {
      method,
      url: absolute(path),
      headers: { Accept: 'application/json', ...(o.headers ?? {}) },
      ...(o.body === undefined ? {} : { body: o.body }),
      ...(o.signal ? { signal: o.signal } : {}),
      ...(o.idempotent === undefined ? {} : { idempotent: o.idempotent }),
    };
    try {
      return await handler(request);
    } catch (e) {
      if (isAbortError(e) || o.signal?.aborted) throw o.signal?.reason ?? e;
      if (isServiceBusyError(e)) throw e;
      throw errorFromTransport(e, `${method} ${pathOnly(path)}`);
    }
  };

  return {
    baseUrl,
    send,
    throttle,
    async call<T>(method: GraphRequest['method'], path: string, o?: SendOptions): Promise<T> {
      const response = await send(method, path, o);
      if (response.status >= 200 && response.status < 300) return response.body as T;
      throw failureFrom(response, `${method} ${pathOnly(path)}`, o?.idempotent ?? method === 'GET', throttle.timers.now());
    },
    relative(pathOrUrl: string): string {
      if (pathOrUrl.startsWith(baseUrl)) return pathOrUrl.slice(baseUrl.length) || '/';
      if (/^https?:\/\//.test(pathOrUrl)) {
        const u = new URL(pathOrUrl);
        return u.pathname.replace(/^\/(v1\.0|beta)/, '') + u.search;
      }
      return pathOrUrl.startsWith('/') ? pathOrUrl : `/${pathOrUrl}`;
    },
  };
}

/** The path without its query, for error messages (filters may hold people's emails). */
const pathOnly = (path: string): string => path.split('?')[0] ?? path;
