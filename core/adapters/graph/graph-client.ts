import { retry, type RetryOptions } from './behaviors/retry';
import { bearerToken, type TokenProvider } from './behaviors/bearer-token';
import { timeout } from './behaviors/timeout';
import { fetchTransport } from './fetch-transport';
import { errorFromResponse, errorFromTransport, isAbortError } from './graph-error';
import { composePipeline, type GraphBehavior, type GraphHandler, type GraphRequest, type GraphResponse } from './graph-types';

export const GRAPH_V1 = 'https://graph.microsoft.com/v1.0';

export interface GraphClientOptions {
  /** The service root with its version, `https://graph.microsoft.com/v1.0` unless a test server stands in. */
  baseUrl?: string;
  /** Bearer tokens (msal-node); leave out only for a local test server. */
  getToken?: TokenProvider;
  /** The last handler; `fetch` unless replaced (tests count or fault calls here). */
  transport?: GraphHandler;
  retry?: RetryOptions;
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
}

/** Builds the client: retry (honouring Retry-After) → bearer token → per-attempt timeout → transport. */
export function createGraphClient(options: GraphClientOptions = {}): GraphClient {
  const baseUrl = (options.baseUrl ?? GRAPH_V1).replace(/\/$/, '');
  const behaviors: GraphBehavior[] = [
    ...(options.behaviors ?? []),
    retry(options.retry),
    ...(options.getToken ? [bearerToken(options.getToken)] : []),
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
      throw errorFromTransport(e, `${method} ${pathOnly(path)}`);
    }
  };

  return {
    baseUrl,
    send,
    async call<T>(method: GraphRequest['method'], path: string, o?: SendOptions): Promise<T> {
      const response = await send(method, path, o);
      if (response.status >= 200 && response.status < 300) return response.body as T;
      throw errorFromResponse(response, `${method} ${pathOnly(path)}`);
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
