import Bottleneck from 'bottleneck';
import type { AdaptiveCard } from '../cards/adaptive-card';
import type { ConversationReferenceStore, SentLog, StoredReference } from '../../core/ports/conversation-references.port';
import { decideRetry, DEFAULT_RETRY, TEAMS_LIMITS, type RetryPolicy } from '../../core/services/delivery/send-decisions';

/** A failed send as the transport reports it: the HTTP status (if any) and the server's `Retry-After`. */
export interface SendFailure {
  statusCode?: number;
  retryAfter?: string;
}

/** Sends one card to one stored conversation (the hosting module's `continueConversation`). */
export type ProactiveTransport = (reference: StoredReference, card: AdaptiveCard, signal?: AbortSignal) => Promise<void>;

export type SendResult =
  | { status: 'sent'; attempts: number }
  | { status: 'duplicate' }
  | { status: 'no-conversation' }
  | { status: 'failed'; attempts: number; statusCode?: number };

export interface ProactiveSenderOptions {
  references: ConversationReferenceStore;
  sent: SentLog;
  transport: ProactiveTransport;
  retry?: RetryPolicy;
  /** Injected for tests (fake timers) and determinism. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  /** Teams' limits by default; tests and the benchmark may tighten or loosen them. */
  limits?: { perTenantPerSecond: number; perConversationPerSecond: number; perConversationPer30Seconds: number };
}

const failureOf = (e: unknown): SendFailure => {
  if (typeof e !== 'object' || e === null) return {};
  const x = e as {
    statusCode?: unknown;
    status?: unknown;
    retryAfter?: unknown;
    response?: { headers?: { get?: (k: string) => string | undefined } };
  };
  const statusCode = typeof x.statusCode === 'number' ? x.statusCode : typeof x.status === 'number' ? x.status : undefined;
  const retryAfter = typeof x.retryAfter === 'string' ? x.retryAfter : x.response?.headers?.get?.('retry-after');
  return { ...(statusCode !== undefined ? { statusCode } : {}), ...(retryAfter ? { retryAfter } : {}) };
};

/**
 * Proactive sending that holds at trust scale: one limiter for the app in the tenant and one per
 * conversation (bottleneck), retries with backoff from `decideRetry`, and a sent log so each
 * reminder reaches each person once. Returns what happened; throws only on programming errors.
 */
export function createProactiveSender(options: ProactiveSenderOptions) {
  const limits = options.limits ?? {
    perTenantPerSecond: TEAMS_LIMITS.perTenantPerSecond,
    // 8 in 2 s is the tighter of the per-second limits: 4 a second sustained, spaced 250 ms.
    perConversationPerSecond: TEAMS_LIMITS.perConversation.per2Seconds / 2,
    perConversationPer30Seconds: TEAMS_LIMITS.perConversation.per30Seconds,
  };
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const tenant = new Bottleneck({
    reservoir: limits.perTenantPerSecond,
    reservoirRefreshAmount: limits.perTenantPerSecond,
    reservoirRefreshInterval: 1000,
  });
  const conversations = new Bottleneck.Group({
    minTime: Math.ceil(1000 / limits.perConversationPerSecond),
    reservoir: limits.perConversationPer30Seconds,
    reservoirRefreshAmount: limits.perConversationPer30Seconds,
    reservoirRefreshInterval: 30_000,
  });

  const attemptOnce = (ref: StoredReference, card: AdaptiveCard, signal?: AbortSignal) =>
    conversations.key(ref.conversationId).schedule(() => tenant.schedule(() => options.transport(ref, card, signal)));

  return {
    /** Sends `card` to `personId` once per `key`. */
    async send(personId: string, key: string, card: AdaptiveCard, signal?: AbortSignal): Promise<SendResult> {
      const ref = await options.references.get(personId, signal ? { signal } : {});
      if (!ref) return { status: 'no-conversation' };
      if (!(await options.sent.claim(key, signal ? { signal } : {}))) return { status: 'duplicate' };
      for (let attempt = 1; ; attempt++) {
        let failure: SendFailure | undefined;
        try {
          await attemptOnce(ref, card, signal);
          return { status: 'sent', attempts: attempt };
        } catch (e) {
          failure = failureOf(e);
        }
        const decision = decideRetry(
          {
            status: failure.statusCode,
            attempt,
            ...(failure.retryAfter ? { retryAfter: failure.retryAfter } : {}),
            nowMs: now(),
            random: random(),
            aborted: signal?.aborted ?? false,
          },
          options.retry ?? DEFAULT_RETRY,
        );
        if (!decision.retry) {
          await options.sent.release(key);
          return { status: 'failed', attempts: attempt, ...(failure.statusCode !== undefined ? { statusCode: failure.statusCode } : {}) };
        }
        await sleep(decision.delayMs);
      }
    },
    async stop(): Promise<void> {
      await Promise.all([
        tenant.stop({ dropWaitingJobs: false }),
        ...conversations.limiters().map((l) => l.limiter.stop({ dropWaitingJobs: false })),
      ]);
    },
  };
}

export type ProactiveSender = ReturnType<typeof createProactiveSender>;
