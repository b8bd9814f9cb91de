/** One HTTP call to Microsoft Graph as the pipeline sees it; `url` is absolute once the client has resolved it. */
export interface GraphRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  /** JSON-serialisable, or raw bytes for file content. */
  body?: unknown;
  signal?: AbortSignal;
  /** Safe to send twice (defaults to GET only); a `$batch` of reads sets it. */
  idempotent?: boolean;
}

/** A response with its body already parsed (JSON, or undefined when empty). */
export interface GraphResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** Sends a request and resolves with whatever status came back; rejects only when no response arrived. */
export type GraphHandler = (request: GraphRequest) => Promise<GraphResponse>;

/**
 * A cross-cutting behaviour (auth header, retry, timeout, …) wrapped around the next handler, so
 * each concern is one small function added in one place (pnpjs behaviors, Azure pipeline policies).
 */
export type GraphBehavior = (next: GraphHandler) => GraphHandler;

/** Wraps `transport` in `behaviors`, the first listed outermost. */
export function composePipeline(transport: GraphHandler, behaviors: readonly GraphBehavior[]): GraphHandler {
  return behaviors.reduceRight<GraphHandler>((next, behave) => behave(next), transport);
}

/** Header lookup ignoring case, as HTTP does. */
export function headerOf(headers: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === wanted) return v;
  return undefined;
}
