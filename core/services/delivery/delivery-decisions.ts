/**
 * The reminder queue's decisions, pure and unit-tested apart from the code that reads and writes
 * queues and tables (STYLE rule 4): what a queue message holds, who may claim a key, and what a
 * failed send leads to.
 */
import { z } from 'zod';
import { MESSAGE_KINDS, type MessageKind } from '../../domain/notifications';
import type { DueReminder } from '../reminders.service';
import type { DeliveryRecord, DeliveryStatus } from '../../ports/delivery-ledger.port';
import { decideRetry, reminderKey, type RetryPolicy } from './send-decisions';

const KINDS = Object.keys(MESSAGE_KINDS) as [MessageKind, ...MessageKind[]];

/** One queue message: one reminder to one person for one occurrence. */
export const deliveryMessageSchema = z.object({
  v: z.literal(1),
  key: z.string().min(1),
  kind: z.enum(KINDS),
  personId: z.string().min(1),
  occurrence: z.string().min(1),
  meetingId: z.string().min(1).optional(),
  actionId: z.string().min(1).optional(),
  academyId: z.string().min(1).optional(),
  requirementIds: z.array(z.string()).optional(),
  enqueuedAt: z.string(),
  correlationId: z.string(),
});
export type DeliveryMessage = z.infer<typeof deliveryMessageSchema>;

/** The message for a due reminder; its key is the reminder's idempotency key. */
export function messageForReminder(r: DueReminder, at: { enqueuedAt: string; correlationId: string }): DeliveryMessage {
  const base = {
    v: 1 as const,
    key: reminderKey(r.kind, r.occurrence, r.personId),
    kind: r.kind,
    personId: r.personId,
    occurrence: r.occurrence,
    ...at,
  };
  if ('actionId' in r) return { ...base, actionId: r.actionId };
  if ('academyId' in r) return { ...base, academyId: r.academyId };
  if ('requirementIds' in r) return { ...base, meetingId: r.meetingId, requirementIds: [...r.requirementIds] };
  return { ...base, meetingId: r.meetingId };
}

/** A queue body as text: the Functions trigger hands JSON messages over already parsed. */
export const bodyText = (body: unknown): string => (typeof body === 'string' ? body : (JSON.stringify(body) ?? String(body)));

/** Reads a queue body (text or parsed JSON); undefined when it is not a delivery message (it is poisoned, never guessed at). */
export function parseDeliveryMessage(body: unknown): DeliveryMessage | undefined {
  try {
    const parsed = deliveryMessageSchema.safeParse(typeof body === 'string' ? JSON.parse(body) : body);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The reminder a message is for, to rebuild its card from the records as they are now. */
export function reminderOfMessage(m: DeliveryMessage): DueReminder | undefined {
  const who = { personId: m.personId, occurrence: m.occurrence };
  if (m.kind === 'action-due' || m.kind === 'action-overdue' || m.kind === 'action-assigned')
    return m.actionId ? { kind: m.kind, actionId: m.actionId, ...who } : undefined;
  if (m.kind === 'escalation-moved' || m.kind === 'intervention-review')
    return m.academyId ? { kind: m.kind, academyId: m.academyId, ...who } : undefined;
  if (!m.meetingId) return undefined;
  if (m.kind === 'report-due') return { kind: m.kind, meetingId: m.meetingId, requirementIds: m.requirementIds ?? [], ...who };
  if (m.kind === 'paper-escalation') return { kind: m.kind, meetingId: m.meetingId, requirementIds: m.requirementIds ?? [], ...who };
  if (m.kind === 'extension-request' || m.kind === 'extension-decision') {
    const [requirementId] = m.requirementIds ?? [];
    return requirementId ? { kind: m.kind, meetingId: m.meetingId, requirementIds: [requirementId], ...who } : undefined;
  }
  return { kind: m.kind, meetingId: m.meetingId, ...who };
}

/** Whether a sweep enqueues a key: not when it went out, nor when it was poisoned (an admin retries those). */
export const shouldEnqueue = (status: DeliveryStatus | undefined): boolean => status !== 'sent' && status !== 'poisoned';

/** How soon a copy that found its key in flight looks again (at most). */
export const IN_FLIGHT_RECHECK_MS = 5_000;

export type ClaimDecision =
  | { claim: true; record: DeliveryRecord }
  | { claim: false; reason: 'sent' | 'poisoned' | 'skipped' }
  /** Another deliverer holds a live lease: look again once it lapses, in case that deliverer died. */
  | { claim: false; reason: 'in-flight'; recheckInMs: number };

/**
 * Whether this delivery may send `message` given the ledger's record of its key: the first one in
 * claims it as `sending` with a lease; `sent`, `poisoned` and `skipped` are final for the key.
 */
export function decideClaim(
  existing: DeliveryRecord | undefined,
  message: DeliveryMessage,
  input: { nowMs: number; leaseMs: number },
): ClaimDecision {
  const s = existing?.status;
  if (s === 'sent' || s === 'poisoned' || s === 'skipped') return { claim: false, reason: s };
  if (s === 'sending' && existing?.leaseUntil) {
    const left = Date.parse(existing.leaseUntil) - input.nowMs;
    // Usually the holder finishes within a second; a holder that died is taken over once its lease lapses.
    if (left > 0) return { claim: false, reason: 'in-flight', recheckInMs: Math.min(left, IN_FLIGHT_RECHECK_MS) + 500 };
  }
  const now = new Date(input.nowMs).toISOString();
  const { lastError: _e, ...kept } = existing ?? ({} as Partial<DeliveryRecord>);
  return {
    claim: true,
    record: {
      ...kept,
      key: message.key,
      kind: message.kind,
      personId: message.personId,
      occurrence: message.occurrence,
      status: 'sending',
      attempts: existing?.attempts ?? 0,
      leaseUntil: new Date(input.nowMs + input.leaseMs).toISOString(),
      updatedAt: now,
      correlationId: message.correlationId,
      message: JSON.stringify(message),
      ...(existing?.lastError ? { lastError: existing.lastError } : {}),
    },
  };
}

/** Queue-level retries: each a fresh queue message made visible after the delay. */
export const QUEUE_RETRY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 5_000, maxDelayMs: 10 * 60_000 };

/** A failed send as the transport reported it. */
export interface SendFailure {
  statusCode?: number;
  retryAfter?: string;
  message: string;
}

/** Reads the status, `Retry-After` and message from whatever the transport threw (botbuilder's RestError, fetch errors). */
export function sendFailureOf(e: unknown): SendFailure {
  const message = e instanceof Error ? e.message : String(e);
  if (typeof e !== 'object' || e === null) return { message };
  const x = e as {
    statusCode?: unknown;
    status?: unknown;
    retryAfter?: unknown;
    response?: { status?: unknown; headers?: { get?: (k: string) => string | null | undefined } };
  };
  const statusCode =
    typeof x.statusCode === 'number'
      ? x.statusCode
      : typeof x.status === 'number'
        ? x.status
        : typeof x.response?.status === 'number'
          ? x.response.status
          : undefined;
  const retryAfter = typeof x.retryAfter === 'string' ? x.retryAfter : (x.response?.headers?.get?.('retry-after') ?? undefined);
  return { message, ...(statusCode !== undefined ? { statusCode } : {}), ...(retryAfter ? { retryAfter } : {}) };
}

/** What the ledger shows for a failure: status and message, short enough for a table cell. */
export const describeFailure = (f: SendFailure): string =>
  `${f.statusCode !== undefined ? `HTTP ${f.statusCode}: ` : 'network: '}${f.message}`.slice(0, 500);

export type FailureDecision = { action: 'retry'; delayMs: number } | { action: 'poison' } | { action: 'fail' };

/**
 * After send attempt `attempts` failed: retry later (exponential backoff with jitter, never sooner
 * than `Retry-After`), poison once the attempts are used up, or fail for good when the status says
 * trying again cannot help (403: the app was blocked; 404: the conversation is gone).
 */
export function decideAfterFailure(
  input: { attempts: number; failure: SendFailure; nowMs: number; random: number },
  policy: RetryPolicy = QUEUE_RETRY,
): FailureDecision {
  const d = decideRetry(
    {
      status: input.failure.statusCode,
      attempt: input.attempts,
      ...(input.failure.retryAfter ? { retryAfter: input.failure.retryAfter } : {}),
      nowMs: input.nowMs,
      random: input.random,
    },
    policy,
  );
  if (d.retry) return { action: 'retry', delayMs: d.delayMs };
  return d.reason === 'attempts-exhausted' ? { action: 'poison' } : { action: 'fail' };
}

/**
 * Whether the frequent delivery sweep should put a record's message back on the queue: a `sending`
 * claim whose lease lapsed (its deliverer died) or a `pending` retry overdue by `graceMs` (its
 * message was lost). A copy too many costs nothing: the ledger claims each key once.
 */
export function isStalled(r: DeliveryRecord, input: { nowMs: number; graceMs: number }): boolean {
  if (r.status === 'sending') return !r.leaseUntil || Date.parse(r.leaseUntil) + input.graceMs <= input.nowMs;
  // A retry waits at most the policy's longest delay, so `graceMs` must be longer than that.
  if (r.status === 'pending') return Date.parse(r.updatedAt) + input.graceMs <= input.nowMs;
  return false;
}

/** Statuses an admin may send again. */
export const RETRYABLE_BY_ADMIN: readonly DeliveryStatus[] = ['failed', 'poisoned', 'no-conversation'];
