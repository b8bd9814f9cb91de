import { ServiceBusyError } from '../../../domain/errors';
import { headerOf, type GraphBehavior, type GraphRequest } from '../graph-types';
import { REAL_TIMERS, type GraphTimers } from '../graph-timers';
import { BACKGROUND_POLICY, INTERACTIVE_POLICY, patienceNow, type Patience, type PatiencePolicies } from '../patience';
import { decideRetry, parseRetryAfter, type RetryPolicy } from '../retry-decision';
import { memoryThrottleGate, readRateLimit, shouldReserve, type ThrottleGate } from '../throttle-gate';

export interface RetryOptions {
  /** One policy whatever the patience (tests); otherwise `policies`, then the defaults in patience.ts. */
  policy?: RetryPolicy;
  policies?: Partial<PatiencePolicies>;
  /** Outside `inBackground` / `asInteractive`: a person's request unless the client is for background work (CLIs). */
  patience?: Patience;
  /** Shared by every caller that should back off together. */
  gate?: ThrottleGate;
  timers?: GraphTimers;
  /** Told of every retry (status and wait), for logs and tests; never given headers or bodies. */
  onRetry?: (info: { method: string; status: number; delayMs: number; attempt: number }) => void;
  random?: () => number;
}

/** What the retry behaviour resolved for a client: the batch helper throttles its inner requests the same way. */
export interface Throttling {
  gate: ThrottleGate;
  timers: GraphTimers;
  patience(): Patience;
  policy(): RetryPolicy;
  /** Records what a response says about throttling: `Retry-After` closes the gate, `RateLimit-*` near the limit reserves the rest for people. */
  observe(status: number, headers: Record<string, string>): Promise<void>;
  /** Waits while the gate is closed (and, for background work, reserved), or throws `ServiceBusyError` when that is longer than the work may wait. Returns the ms waited. */
  waitForGate(waitedMs: number, signal?: AbortSignal): Promise<number>;
}

/** Resolves the options into the throttling every request of one client shares. */
export function throttling(options: RetryOptions = {}): Throttling {
  const timers = options.timers ?? REAL_TIMERS;
  const gate = options.gate ?? memoryThrottleGate();
  const random = options.random ?? Math.random;
  const patience = () => patienceNow(options.patience ?? 'interactive');
  const policy = () => {
    const p = patience();
    return options.policy ?? options.policies?.[p] ?? (p === 'background' ? BACKGROUND_POLICY : INTERACTIVE_POLICY);
  };
  return {
    gate,
    timers,
    patience,
    policy,
    async observe(status, headers) {
      const now = timers.now();
      if (status === 429 || status === 503) {
        const asked = parseRetryAfter(headerOf(headers, 'retry-after'), now);
        if (asked !== undefined && asked > 0) await gate.close(now + asked);
      }
      const reading = readRateLimit(headers, now);
      if (reading && shouldReserve(reading)) await gate.reserve(reading.resetAtMs);
    },
    async waitForGate(waitedMs, signal) {
      const now = timers.now();
      const closed = await gate.closedUntil();
      const reserved = patience() === 'background' ? await gate.reservedUntil() : 0;
      const until = Math.max(closed, reserved);
      if (until <= now) return 0;
      const p = policy();
      const wait = until - now;
      if (wait > p.maxDelayMs || waitedMs + wait > p.budgetMs) throw new ServiceBusyError(Math.max(1, Math.ceil(wait / 1000)));
      // Spread the callers released together over up to a second, so the gate does not reopen on a burst.
      const spread = Math.round(Math.min(1000, wait * p.jitter) * random());
      await timers.sleep(wait + spread, signal);
      return wait + spread;
    },
  };
}

/** GET is safe to send twice; a write is reconciled by its caller instead (see sharepoint/item-writes.ts). */
const isIdempotent = (request: GraphRequest): boolean => request.idempotent ?? request.method === 'GET';

/**
 * Retries throttled (429) requests and, for reads, 503 / 504 / lost responses, waiting as
 * `Retry-After` says (Graph docs, concepts/throttling.md) within the patience of the work in hand,
 * with jitter. Before each attempt it waits while the shared gate is closed, so one 429 holds back
 * every caller. A request the caller aborted is never retried.
 */
export function retry(options: RetryOptions = {}, shared?: Throttling): GraphBehavior {
  const t = shared ?? throttling(options);
  const { onRetry, random } = options;
  return (next) => async (request) => {
    const policy = t.policy();
    let waitedMs = 0;
    for (let retriesSoFar = 0; ; retriesSoFar++) {
      waitedMs += await t.waitForGate(waitedMs, request.signal);
      let status: number;
      let retryAfter: string | undefined;
      let failure: unknown;
      let response;
      try {
        response = await next(request);
        status = response.status;
        retryAfter = headerOf(response.headers, 'retry-after');
        await t.observe(status, response.headers);
      } catch (e) {
        failure = e;
        status = 0;
      }
      const aborted = request.signal?.aborted ?? false;
      const decision = decideRetry(
        { status, retryAfter, idempotent: isIdempotent(request), aborted, retriesSoFar, waitedMs },
        policy,
        t.timers.now(),
        random,
      );
      if (!decision.retry) {
        if (response) return response;
        throw failure;
      }
      onRetry?.({ method: request.method, status, delayMs: decision.delayMs, attempt: retriesSoFar + 1 });
      await t.timers.sleep(decision.delayMs, request.signal);
      waitedMs += decision.delayMs;
    }
  };
}
