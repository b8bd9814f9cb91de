import { headerOf } from './graph-types';

/** The port lives in core/ports; the in-memory adapter beside the other memory adapters. Re-exported for the Graph client's callers. */
export type { ThrottleGate } from '../../ports/throttle-gate.port';
export { memoryThrottleGate } from '../memory/memory-throttle-gate';

/** What SharePoint's `RateLimit-*` headers say (sent once an app has used 80% of its minute's resource units). */
export interface RateLimitReading {
  limit: number;
  remaining: number;
  /** Epoch ms when the budget resets. */
  resetAtMs: number;
}

/**
 * Reads `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` (seconds until the window
 * resets), the IETF draft headers SharePoint sends near the limit (Microsoft Learn, "Avoid getting
 * throttled", RateLimit headers); undefined when they are absent or unreadable.
 */
export function readRateLimit(headers: Record<string, string>, nowMs: number): RateLimitReading | undefined {
  const limit = Number(headerOf(headers, 'ratelimit-limit'));
  const remaining = Number(headerOf(headers, 'ratelimit-remaining'));
  const reset = Number(headerOf(headers, 'ratelimit-reset'));
  if (![limit, remaining, reset].every(Number.isFinite) || limit <= 0) return undefined;
  return { limit, remaining, resetAtMs: nowMs + Math.max(0, reset) * 1000 };
}

/** Background work stops spending once less than this share of the minute's budget is left, so people are not throttled by a sweep. */
export const PEOPLE_RESERVE = 0.1;

/** Whether a reading says background work should yield until the reset. */
export const shouldReserve = (r: RateLimitReading): boolean => r.remaining <= r.limit * PEOPLE_RESERVE;
