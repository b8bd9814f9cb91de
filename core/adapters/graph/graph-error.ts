import { ServiceBusyError } from '../../domain/errors';
import { headerOf, type GraphResponse } from './graph-types';
import { parseRetryAfter } from './retry-decision';

/**
 * A Graph call that failed, with the parts callers decide on: `statusCode`, Graph's `code`
 * (`resourceModified`, `itemNotFound`, …) and the request id support asks for. The Azure SDK's
 * `RestError` shape: one typed class, never a bare object.
 */
export class GraphRequestError extends Error {
  readonly code: string;
  readonly statusCode: number;
  readonly requestId: string | undefined;
  /**
   * True when the write may have happened although no success came back (a timeout, a dropped
   * connection, a 5xx): the caller must find out before writing again.
   */
  readonly ambiguous: boolean;

  constructor(init: { statusCode: number; code: string; message: string; requestId?: string; ambiguous?: boolean; cause?: unknown }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'GraphRequestError';
    this.statusCode = init.statusCode;
    this.code = init.code;
    this.requestId = init.requestId;
    this.ambiguous = init.ambiguous ?? false;
  }
}

/** Statuses where a write may or may not have been applied (Graph documents no rollback for them). */
export const isAmbiguousStatus = (status: number): boolean => status === 500 || status === 502 || status === 503 || status === 504;

/**
 * The error for a non-2xx response. Graph's error body is `{"error":{"code","message","innerError":{"request-id"}}}`
 * (Graph docs, concepts/errors.md); anything else still gives a usable error.
 */
export function errorFromResponse(response: Pick<GraphResponse, 'status' | 'headers' | 'body'>, what: string): GraphRequestError {
  const error = (response.body as { error?: { code?: unknown; message?: unknown; innerError?: { 'request-id'?: unknown } } } | undefined)
    ?.error;
  const code = typeof error?.code === 'string' ? error.code : `http${response.status}`;
  const message = typeof error?.message === 'string' ? error.message : 'no error message';
  const requestId =
    typeof error?.innerError?.['request-id'] === 'string' ? error.innerError['request-id'] : headerOf(response.headers, 'request-id');
  return new GraphRequestError({
    statusCode: response.status,
    code,
    message: `${what} failed: ${response.status} ${code}: ${message}`,
    ...(requestId ? { requestId } : {}),
    ambiguous: isAmbiguousStatus(response.status),
  });
}

/** The error for a request that got no response at all (timeout, reset): always ambiguous. */
export function errorFromTransport(cause: unknown, what: string): GraphRequestError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new GraphRequestError({
    statusCode: 0,
    code: 'transportFailed',
    message: `${what} got no response: ${reason}`,
    ambiguous: true,
    cause,
  });
}

/** Whether `e` is a Graph failure with this status. */
export const isGraphStatus = (e: unknown, status: number): boolean => e instanceof GraphRequestError && e.statusCode === status;

/** Whether `e` left a write's outcome unknown. */
export const isAmbiguousFailure = (e: unknown): boolean => e instanceof GraphRequestError && e.ambiguous;

/** Whether `e` is the caller's own cancellation, which is never retried or reinterpreted. */
export const isAbortError = (e: unknown): boolean => e instanceof Error && e.name === 'AbortError';

/**
 * The error a caller sees for a failed response once the client has retried as its patience allows:
 * a 429 (never processed) or a read's 503 is "SharePoint is busy, try again in N s"
 * (`ServiceBusyError`, a 503 with `Retry-After` to a person); anything else a `GraphRequestError`.
 * A write's 503 stays a `GraphRequestError` marked ambiguous: it may have landed, and the caller
 * reconciles it (sharepoint/item-writes.ts).
 */
export function failureFrom(
  response: Pick<GraphResponse, 'status' | 'headers' | 'body'>,
  what: string,
  idempotent: boolean,
  nowMs = Date.now(),
): GraphRequestError | ServiceBusyError {
  const cause = errorFromResponse(response, what);
  if (response.status === 429 || (response.status === 503 && idempotent)) {
    const waitMs = parseRetryAfter(headerOf(response.headers, 'retry-after'), nowMs) ?? 30_000;
    return new ServiceBusyError(Math.max(1, Math.ceil(waitMs / 1000)), 'SharePoint', { cause });
  }
  return cause;
}
