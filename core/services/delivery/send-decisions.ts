import type { MessageKind } from '../../domain/notifications';
/**
 * The proactive sender's decisions, pure and unit-tested apart from the code that waits and sends
 * (STYLE rule 4).
 *
 * Teams limits ("Optimize your bot with rate limiting in Teams", learn.microsoft.com/microsoftteams/
 * platform/bots/how-to/rate-limit): per bot per thread (conversation) 7 operations a second, 8 in 2 s,
 * 60 in 30 s, 1800 in an hour; globally 50 requests a second per app per tenant. Retry 429 with
 * exponential backoff and random jitter, and also retry 412, 502 and 504.
 */
export const TEAMS_LIMITS = {
  perTenantPerSecond: 50,
  perConversation: { perSecond: 7, per2Seconds: 8, per30Seconds: 60, perHour: 1800 },
} as const;

export const RETRYABLE_STATUSES: readonly number[] = [412, 429, 502, 504];

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 30_000 };

/** `Retry-After` as milliseconds: seconds or an HTTP date (relative to `nowMs`); undefined when absent or unreadable. */
export function retryAfterMs(header: string | undefined, nowMs: number): number | undefined {
  if (!header) return undefined;
  const t = header.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Math.round(Number(t) * 1000);
  const at = Date.parse(t);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

export type RetryDecision =
  { retry: false; reason: 'sent' | 'not-retryable' | 'attempts-exhausted' | 'aborted' } | { retry: true; delayMs: number };

/**
 * After attempt `attempt` (1-based) ended with `status`: retry, and after how long. Exponential
 * backoff with full jitter (`random` in [0,1)), never shorter than the server's `Retry-After`,
 * capped at `maxDelayMs`. An aborted send is never retried.
 */
export function decideRetry(
  input: { status: number | undefined; attempt: number; retryAfter?: string; nowMs: number; random: number; aborted?: boolean },
  policy: RetryPolicy = DEFAULT_RETRY,
): RetryDecision {
  if (input.aborted) return { retry: false, reason: 'aborted' };
  if (input.status !== undefined && input.status >= 200 && input.status < 300) return { retry: false, reason: 'sent' };
  // No status at all is a network failure: as transient as a 502.
  if (input.status !== undefined && !RETRYABLE_STATUSES.includes(input.status)) return { retry: false, reason: 'not-retryable' };
  if (input.attempt >= policy.maxAttempts) return { retry: false, reason: 'attempts-exhausted' };
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (input.attempt - 1));
  const jittered = Math.round(exp / 2 + (exp / 2) * input.random);
  const floor = retryAfterMs(input.retryAfter, input.nowMs) ?? 0;
  return { retry: true, delayMs: Math.min(policy.maxDelayMs, Math.max(jittered, floor)) };
}

export type ReminderKind = MessageKind;

/**
 * The idempotency key of one reminder to one person for one occurrence (a meeting, a paper's
 * deadline, an action's due date): sending it again is a no-op.
 */
export const reminderKey = (kind: ReminderKind, occurrence: string, personId: string): string => `${kind}|${occurrence}|${personId}`;
