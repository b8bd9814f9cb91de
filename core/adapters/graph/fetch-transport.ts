import type { GraphHandler } from './graph-types';

/** The `fetch` the transport uses; a test passes its own, production the global one. */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string | Uint8Array; signal?: AbortSignal },
) => Promise<Response>;

/** The last handler of the pipeline: sends over HTTP with `fetch` and parses the body. */
export function fetchTransport(fetchImpl: FetchLike = (url, init) => fetch(url, init)): GraphHandler {
  return async (request) => {
    const headers = { ...request.headers };
    let body: string | Uint8Array | undefined;
    if (request.body instanceof Uint8Array) body = request.body;
    else if (request.body !== undefined) {
      body = JSON.stringify(request.body);
      headers['Content-Type'] ??= 'application/json';
    }
    const response = await fetchImpl(request.url, {
      method: request.method,
      headers,
      ...(body === undefined ? {} : { body }),
      ...(request.signal ? { signal: request.signal } : {}),
    });
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    let parsed: unknown = undefined;
    if (text !== '') parsed = contentType.includes('json') ? safeJson(text) : text;
    const out: Record<string, string> = {};
    response.headers.forEach((v, k) => (out[k] = v));
    return { status: response.status, headers: out, body: parsed };
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
