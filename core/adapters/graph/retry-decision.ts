/*
 * The retry *decision*, kept pure so it is tested without timers or a network; the behaviour in
 * behaviors/retry.ts does the waiting. Facts it rests on (Graph docs, concepts/throttling.md):
 * a 429 carries `Retry-After` in seconds and the request was not processed; the SDK's RetryHandler
 * also retries 503 and 504. Without `Retry-After`, back off exponentially.
 */

export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** Exponential backoff base when no `Retry-After` came, in ms. */
  baseDelayMs: number;
  /** No single wait longer than this. */
  maxDelayMs: number;
  /** Give up once the waits so far plus the next one would pass this total. */
  budgetMs: number;
  /** Up to this fraction added at random to every wait, so throttled callers do not return in step. */
  jitter: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 5, baseDelayMs: 500, maxDelayMs: 30_000, budgetMs: 60_000, jitter: 0.2 };

export interface AttemptOutcome {
  /** HTTP status, or 0 when no response arrived (timeout, reset). */
  status: number;
  /** The `Retry-After` header as sent, if any. */
  retryAfter?: string | undefined;
  /** Safe to send again when the outcome is unknown (GET; a write the caller reconciles is not). */
  idempotent: boolean;
  /** The caller cancelled: never retried. */
  aborted: boolean;
  /** Retries already made. */
  retriesSoFar: number;
  /** Milliseconds already spent waiting between attempts. */
  waitedMs: number;
}

/** A refusal says how long Graph asked to wait when that was the reason, so a person can be told. */
export type RetryDecision = { retry: false; reason: string; waitAskedMs?: number } | { retry: true; delayMs: number };

/** Jitter spreads callers apart; past a second it only lengthens a wait Graph already sized. */
const MAX_JITTER_MS = 1_000;

/** `Retry-After` in ms: delta-seconds (may be fractional) or an HTTP-date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** Statuses worth another attempt; 429 means "not processed", so it is retried whatever the method. */
function retryableStatus(status: number, idempotent: boolean): boolean {
  if (status === 429) return true;
  // 503/504 and no response at all may hide an applied write: only a safe request goes again.
  return idempotent && (status === 0 || status === 503 || status === 504);
}

/** Whether to try again and after how long, given the last attempt; `random` is injected for tests. */
export function decideRetry(
  outcome: AttemptOutcome,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  nowMs = 0,
  random: () => number = Math.random,
): RetryDecision {
  if (outcome.aborted) return { retry: false, reason: 'aborted by the caller' };
  if (!retryableStatus(outcome.status, outcome.idempotent)) return { retry: false, reason: `status ${outcome.status} is not retried` };
  if (outcome.retriesSoFar >= policy.maxRetries) return { retry: false, reason: `gave up after ${outcome.retriesSoFar} retries` };
  const asked = parseRetryAfter(outcome.retryAfter, nowMs);
  const backoff = policy.baseDelayMs * 2 ** outcome.retriesSoFar;
  // Graph says wait at least Retry-After; jitter only ever adds to it.
  const base = Math.min(asked ?? backoff, policy.maxDelayMs);
  const delayMs = Math.round(base + Math.min(base * policy.jitter * random(), MAX_JITTER_MS));
  if (asked !== undefined && asked > policy.maxDelayMs)
    return { retry: false, reason: `Retry-After ${asked} ms is past the longest wait allowed`, waitAskedMs: asked };
  if (outcome.waitedMs + delayMs > policy.budgetMs)
    return { retry: false, reason: 'retry budget spent', ...(asked !== undefined ? { waitAskedMs: asked } : {}) };
  return { retry: true, delayMs };
}
