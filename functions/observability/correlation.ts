import { randomUUID } from 'node:crypto';

/** What a caller may pass as its own correlation id: short and printable, so it cannot forge log lines. */
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** Whether `id` may be used as a correlation id as given (from a header or a queue message). */
export const isSafeCorrelationId = (id: unknown): id is string => typeof id === 'string' && SAFE_ID.test(id);

/** W3C trace context (`traceparent: 00-<trace-id>-<parent-id>-<flags>`), which Teams and App Insights propagate. */
const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;

/**
 * The id that ties every log line of one request or delivery together: the caller's
 * `x-correlation-id` when it is safe, else the W3C trace id (so our lines join the App Insights
 * operation), else a new one.
 */
export function correlationIdFrom(
  headers: { get(name: string): string | null | undefined } | Record<string, string | undefined>,
  newId: () => string = randomUUID,
): string {
  const read = (name: string): string | undefined => {
    const v =
      typeof (headers as { get?: unknown }).get === 'function'
        ? (headers as { get(n: string): string | null | undefined }).get(name)
        : (headers as Record<string, string | undefined>)[name];
    return v ?? undefined;
  };
  const given = read('x-correlation-id')?.trim();
  if (isSafeCorrelationId(given)) return given;
  const trace = TRACEPARENT.exec(read('traceparent')?.trim().toLowerCase() ?? '');
  if (trace?.[1] && !/^0+$/.test(trace[1])) return trace[1];
  return newId();
}
