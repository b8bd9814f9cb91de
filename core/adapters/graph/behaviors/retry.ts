import { headerOf, type GraphBehavior, type GraphRequest } from '../graph-types';
import { decideRetry, DEFAULT_RETRY_POLICY, type RetryPolicy } from '../retry-decision';
import { sleep } from './sleep';

export interface RetryOptions {
  policy?: RetryPolicy;
  /** Told of every retry (status and wait), for logs and tests; never given headers or bodies. */
  onRetry?: (info: { method: string; status: number; delayMs: number; attempt: number }) => void;
  random?: () => number;
}

/** GET is safe to send twice; a write is reconciled by its caller instead (see sharepoint/item-writes.ts). */
const isIdempotent = (request: GraphRequest): boolean => request.idempotent ?? request.method === 'GET';

/**
 * Retries throttled (429) requests and, for reads, 503 / 504 / lost responses, waiting as
 * `Retry-After` says (Graph docs, concepts/throttling.md) within a bounded budget with jitter.
 * A request the caller aborted is never retried.
 */
export function retry(options: RetryOptions = {}): GraphBehavior {
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  return (next) => async (request) => {
    let waitedMs = 0;
    for (let retriesSoFar = 0; ; retriesSoFar++) {
      let status: number;
      let retryAfter: string | undefined;
      let failure: unknown;
      let response;
      try {
        response = await next(request);
        status = response.status;
        retryAfter = headerOf(response.headers, 'retry-after');
      } catch (e) {
        failure = e;
        status = 0;
      }
      const aborted = request.signal?.aborted ?? false;
      const decision = decideRetry({ status, retryAfter, idempotent: isIdempotent(request), aborted, retriesSoFar, waitedMs }, policy, Date.now(), options.random);
      if (!decision.retry) {
        if (response) return response;
        throw failure;
      }
      options.onRetry?.({ method: request.method, status, delayMs: decision.delayMs, attempt: retriesSoFar + 1 });
      await sleep(decision.delayMs, request.signal);
      waitedMs += decision.delayMs;
    }
  };
}
