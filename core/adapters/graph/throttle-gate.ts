import { headerOf } from './graph-types';

/**
 * Where every Graph caller of the app learns that SharePoint asked the app to slow down, so they back
 * off together instead of each finding out with a 429 of its own: throttled requests count against
 * the app's budget too, and ignoring `Retry-After` prolongs the throttle ("Avoid getting throttled or
 * blocked in SharePoint Online", Microsoft Learn). One gate per process by default; an implementation
 * on shared storage (see table-throttle-gate.ts) makes every instance back off together.
 */
export interface ThrottleGate {
  /** Epoch ms until which nobody sends (a 429 / 503 with `Retry-After`); at or before now: open. */
  closedUntil(): Promise<number>;
  /** Epoch ms until which background work leaves what is left of the minute's budget to people. */
  reservedUntil(): Promise<number>;
  /** Keeps the later of the current and the new time. */
  close(untilMs: number): Promise<void>;
  reserve(untilMs: number): Promise<void>;
}

/** A gate shared by every client in this process that is given it. */
export function memoryThrottleGate(): ThrottleGate {
  let closed = 0;
  let reserved = 0;
  return {
    closedUntil: async () => closed,
    reservedUntil: async () => reserved,
    async close(untilMs) {
      closed = Math.max(closed, untilMs);
    },
    async reserve(untilMs) {
      reserved = Math.max(reserved, untilMs);
    },
  };
}

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
