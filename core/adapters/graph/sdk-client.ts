import { Client, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import type { GraphClient } from './graph-client';
import { headerOf, type GraphRequest } from './graph-types';

const METHODS = new Set<GraphRequest['method']>(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']);

/** What the SDK hands a middleware as a body, as the project's client sends it: JSON parsed back to a value, bytes as bytes. */
function bodyOf(body: unknown, contentType: string | undefined): unknown {
  if (body === undefined || body === null) return undefined;
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (typeof body === 'string') {
    if (!/json/i.test(contentType ?? 'application/json')) return new TextEncoder().encode(body);
    try {
      return JSON.parse(body) as unknown;
    } catch {
      return new TextEncoder().encode(body);
    }
  }
  throw new Error('The Graph SDK sent a body the app does not send (a Blob or a stream)');
}

const headersOf = (h: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  if (!h) return out;
  if (h instanceof Headers) h.forEach((v, k) => (out[k] = v));
  else if (Array.isArray(h)) for (const [k, v] of h as [string, string][]) out[k] = v;
  else for (const [k, v] of Object.entries(h as Record<string, unknown>)) out[k] = String(v);
  return out;
};

/**
 * The SDK's custom middleware chain (microsoft-graph-client, "Using a custom middleware chain")
 * with one middleware: the project's own client, so what the SDK sends goes through the same retry
 * (Retry-After, the shared throttle gate, patience), token, User-Agent, timeout and transport as
 * everything else, and never the SDK's `RetryHandler`, which re-sends POSTs.
 */
export interface SdkBridgeOptions {
  signal?: AbortSignal;
  /** Told each status the SDK is answered with: the SDK throws some failures as their bare body, without the status. */
  onStatus?: (status: number) => void;
}

export function projectClientMiddleware(client: GraphClient, options: SdkBridgeOptions = {}): Middleware {
  return {
    async execute(context: Context) {
      const request = context.request as unknown; // RequestInfo: a URL string, or a Request
      const url = typeof request === 'string' ? request : (request as { url: string }).url;
      const init = context.options ?? {};
      const method = (init.method ?? 'GET').toUpperCase() as GraphRequest['method'];
      if (!METHODS.has(method)) throw new Error(`The app does not send ${method} to Graph`);
      const headers = headersOf(init.headers);
      // The SDK sets Content-Length itself; the transport (fetch) computes its own.
      for (const k of Object.keys(headers)) if (k.toLowerCase() === 'content-length') delete headers[k];
      const body = bodyOf(init.body, headerOf(headers, 'content-type'));
      const response = await client.send(method, url, {
        ...(body === undefined ? {} : { body }),
        headers,
        // A fragment PUT to an upload URL lands once whatever the retries: the session answers 416 for a range it has.
        idempotent: method === 'GET' || method === 'PUT',
        signal: options.signal,
      });
      options.onStatus?.(response.status);
      const text = response.body === undefined ? null : typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
      const noBody = response.status === 204 || response.status === 304;
      context.response = new Response(noBody ? null : text, { status: response.status, headers: response.headers });
    },
  };
}

/** An SDK `Client` whose every request goes through the project's client (see `projectClientMiddleware`). */
export function sdkClientOver(client: GraphClient, options: SdkBridgeOptions = {}): Client {
  const base = new URL(client.baseUrl);
  const version = base.pathname.replace(/^\//, '').split('/')[0] || 'v1.0';
  return Client.initWithMiddleware({
    middleware: projectClientMiddleware(client, options),
    baseUrl: base.origin,
    defaultVersion: version,
    customHosts: new Set([base.hostname]),
  });
}
