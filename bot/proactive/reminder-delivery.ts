import type { Person } from '../../core/domain/people';
import type { TeamsAppInstaller } from '../../core/ports/teams-app-installer.port';
import type { AdaptiveCard } from '../cards/adaptive-card';
import type { BotDeps } from '../conversation/bot-types';
import type { ConversationReferenceStore, StoredReference } from '../../core/ports/conversation-references.port';
import type { DeliveryLedger, DeliveryRecord, VersionedRecord } from '../../core/ports/delivery-ledger.port';
import {
  bodyText,
  decideAfterFailure,
  decideClaim,
  describeFailure,
  parseDeliveryMessage,
  QUEUE_RETRY,
  reminderOfMessage,
  sendFailureOf,
  type DeliveryMessage,
  type SendFailure,
} from '../../core/services/delivery/delivery-decisions';
import { createProactiveSender, type ProactiveSenderOptions, type ProactiveTransport } from './proactive-sender';
import { reminderCard } from './reminder-cards';
import type { ReminderQueue } from '../../core/ports/reminder-queue.port';
import { TEAMS_LIMITS, type RetryPolicy } from '../../core/services/delivery/send-decisions';
import Bottleneck from 'bottleneck';

export interface DeliveryLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface ReminderDelivererDeps {
  /** Records, clock and tab links: each card is rebuilt from the records as they are now. */
  bot: BotDeps;
  queue: ReminderQueue;
  ledger: DeliveryLedger;
  references: ConversationReferenceStore;
  /** The hosting module's `continueConversation` (botbuilder), or a test's stand-in. */
  transport: ProactiveTransport;
  /** Proactive install for someone who never opened the app: install through Graph, then send to that chat. */
  install?: { installer: TeamsAppInstaller; referenceForChat: (chatId: string, person: Person) => StoredReference };
  /** Teams' limits by default (50/s per app per tenant; per-conversation limits). */
  limits?: ProactiveSenderOptions['limits'];
  /** Queue-level retries (each a delayed queue message). */
  retry?: RetryPolicy;
  /** How long a `sending` claim holds before another delivery may take the key over. */
  leaseMs?: number;
  random?: () => number;
  logger?: DeliveryLogger;
}

export type DeliveryOutcome =
  | { outcome: 'sent'; key: string; attempts: number }
  | { outcome: 'duplicate'; key: string; reason: 'sent' | 'poisoned' | 'skipped' }
  | { outcome: 'in-flight'; key: string; recheckInMs: number }
  | { outcome: 'skipped'; key: string }
  | { outcome: 'no-conversation'; key: string }
  | { outcome: 'retry-scheduled'; key: string; attempts: number; delayMs: number }
  | { outcome: 'failed'; key: string; attempts: number; error: string }
  | { outcome: 'poisoned'; key: string; attempts: number; error: string }
  | { outcome: 'invalid' };

export interface DeliverOptions {
  /** The queue's dequeue count for this message (the Functions trigger's `dequeueCount` metadata). */
  dequeueCount: number;
  /** After this many dequeues the runtime poisons the message (host.json `maxDequeueCount`, 5 by default). */
  maxDequeueCount: number;
  correlationId?: string;
  signal?: AbortSignal;
}

/** A `sending` claim lapses after two minutes: far longer than one rate-limited send takes. */
const DEFAULT_LEASE_MS = 120_000;

/**
 * Delivery of one reminder message (the Azure queue trigger's body; the local consumer's too).
 * One send attempt per message: a retryable failure becomes a new queue message made visible after
 * the backoff (so the Functions host never sleeps, and the delay honours `Retry-After`), and after
 * the last attempt the body goes to `<queue>-poison` with the ledger row `poisoned`. Sends go through
 * the proactive sender's limiters, so one deliverer per process keeps the app within Teams' limits.
 *
 * In Azure the queue trigger calls `deliver` for each message. Teams' 50 requests a second per app
 * per tenant holds because there is exactly one deliverer, so its limiter is the app's:
 * - the delivery function runs on one instance (its own Function App with `functionAppScaleLimit: 1`,
 *   or `WEBSITE_MAX_DYNAMIC_APPLICATION_SCALE_OUT=1`), and `createReminderDeliverer` is called once
 *   per worker process (`FUNCTIONS_WORKER_PROCESS_COUNT=1`);
 * - host.json `extensions.queues`: `batchSize: 16`, `newBatchThreshold: 8` (at most 24 messages in
 *   hand, each waiting well under a second in the limiter), `maxDequeueCount: 5`,
 *   `visibilityTimeout: "00:00:10"` (a throw is retried after 10 s), `messageEncoding: "base64"`
 *   (what `createAzureReminderQueue` writes).
 * Retries never rely on the runtime's fixed visibility timeout: a failed send is re-enqueued with
 * its own backoff delay and the invocation succeeds, so `dequeueCount` only counts infrastructure
 * failures, and `maxDequeueCount` poisons a message the ledger or queue kept refusing.
 */
export function createReminderDeliverer(deps: ReminderDelivererDeps) {
  const now = () => deps.bot.services.clock.now().getTime();
  const iso = () => deps.bot.services.clock.now().toISOString();
  const random = deps.random ?? Math.random;
  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  // What the transport threw for a card, so the decision can honour the server's Retry-After
  // (the sender reports only the status). Each delivery builds its own card object.
  const failures = new WeakMap<AdaptiveCard, SendFailure>();
  // The reference this process just read for a person, so the sender does not read it again.
  const justRead = new Map<string, StoredReference>();
  // Bottleneck's reservoir refills all at once each second, so two refills can straddle one sliding
  // second and let up to twice the limit through; spacing sends at least 1000/limit ms apart (5%
  // margin for network jitter) keeps every sliding second within Teams' per-app limit.
  const perSecond = deps.limits?.perTenantPerSecond ?? TEAMS_LIMITS.perTenantPerSecond;
  const pace = new Bottleneck({ minTime: Math.ceil((1000 / perSecond) * 1.05) });
  const sender = createProactiveSender({
    references: {
      get: async (personId, o) => justRead.get(personId) ?? deps.references.get(personId, o),
      save: (r, o) => deps.references.save(r, o),
      removeConversation: (c, o) => deps.references.removeConversation(c, o),
    },
    // The ledger holds the claim; the sender's own sent log would only repeat it.
    sent: { claim: async () => true, release: async () => undefined },
    transport: async (ref, card, signal) => {
      try {
        await pace.schedule(() => deps.transport(ref, card, signal));
      } catch (e) {
        failures.set(card, sendFailureOf(e));
        throw e;
      }
    },
    retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
    ...(deps.limits ? { limits: deps.limits } : {}),
  });

  /** Writes `next` over the row at `etag`; if the row moved on meanwhile, over its latest version unless that is already final. */
  async function settle(next: DeliveryRecord, etag: string | undefined): Promise<void> {
    for (let i = 0; i < 5; i++) {
      const written = etag === undefined ? await deps.ledger.insert(next) : await deps.ledger.replace(next, etag);
      if (written !== undefined) return;
      const latest: VersionedRecord | undefined = await deps.ledger.get(next.key);
      if (latest?.record.status === 'sent' && next.status !== 'sent') return;
      etag = latest?.etag;
    }
    throw new Error(`delivery ledger: could not record ${next.status} for ${next.key} (kept changing)`);
  }

  const finalRecord = (claimed: DeliveryRecord, patch: Partial<DeliveryRecord>): DeliveryRecord => {
    const { leaseUntil: _l, ...rest } = claimed;
    return { ...rest, updatedAt: iso(), ...patch };
  };

  async function referenceFor(personId: string, signal?: AbortSignal): Promise<StoredReference | undefined> {
    const known = await deps.references.get(personId, signal ? { signal } : {});
    if (known || !deps.install) return known;
    const person = (await deps.bot.services.openFor(personId))?.viewer;
    if (!person?.entraObjectId) return undefined;
    const { chatId } = await deps.install.installer.ensureInstalledForUser(person.entraObjectId, signal ? { signal } : {});
    const ref = deps.install.referenceForChat(chatId, person);
    await deps.references.save(ref, signal ? { signal } : {});
    return ref;
  }

  async function failed(
    message: DeliveryMessage,
    body: string,
    claimed: DeliveryRecord,
    etag: string,
    failure: SendFailure,
  ): Promise<DeliveryOutcome> {
    const attempts = claimed.attempts + 1;
    const error = describeFailure(failure);
    const decision = decideAfterFailure({ attempts, failure, nowMs: now(), random: random() }, deps.retry ?? QUEUE_RETRY);
    if (decision.action === 'retry') {
      // Ledger first: if the process dies before the retry is enqueued, this message is redelivered and claims `pending`.
      await settle(finalRecord(claimed, { status: 'pending', attempts, lastError: error }), etag);
      await deps.queue.send(body, { visibilityDelayMs: decision.delayMs });
      deps.logger?.info(
        { key: message.key, attempts, delayMs: decision.delayMs, error, correlationId: message.correlationId },
        'reminder send failed; retry scheduled',
      );
      return { outcome: 'retry-scheduled', key: message.key, attempts, delayMs: decision.delayMs };
    }
    if (decision.action === 'poison') await deps.queue.poison(body);
    const status = decision.action === 'poison' ? 'poisoned' : 'failed';
    await settle(finalRecord(claimed, { status, attempts, lastError: error }), etag);
    deps.logger?.warn({ key: message.key, attempts, error, correlationId: message.correlationId }, `reminder ${status}`);
    return { outcome: status, key: message.key, attempts, error };
  }

  /** Claims the message's key as `sending`, or says why this copy does not send. */
  async function claimKey(message: DeliveryMessage, body: string): Promise<{ claimed: DeliveryRecord; etag: string } | DeliveryOutcome> {
    // Insert first: almost every key is new, so one round trip claims it; an existing row is read and decided on.
    const fresh = decideClaim(undefined, message, { nowMs: now(), leaseMs });
    const inserted = fresh.claim ? await deps.ledger.insert(fresh.record) : undefined;
    if (fresh.claim && inserted !== undefined) return { claimed: fresh.record, etag: inserted };
    const existing = await deps.ledger.get(message.key);
    const decision = decideClaim(existing?.record, message, { nowMs: now(), leaseMs });
    if (!decision.claim) {
      if (decision.reason !== 'in-flight') return { outcome: 'duplicate', key: message.key, reason: decision.reason };
      // Look again soon: if the holder died, that copy takes the key over once its lease lapses.
      await deps.queue.send(body, { visibilityDelayMs: decision.recheckInMs });
      return { outcome: 'in-flight', key: message.key, recheckInMs: decision.recheckInMs };
    }
    const etag = existing ? await deps.ledger.replace(decision.record, existing.etag) : await deps.ledger.insert(decision.record);
    // Another delivery claimed it between our read and write: its copy of the message carries on.
    return etag === undefined ? { outcome: 'duplicate', key: message.key, reason: 'sent' } : { claimed: decision.record, etag };
  }

  async function deliverOnce(raw: unknown, options: DeliverOptions): Promise<DeliveryOutcome> {
    const body = bodyText(raw);
    const message = parseDeliveryMessage(raw);
    const reminder = message && reminderOfMessage(message);
    if (!message || !reminder) {
      // Not ours to guess at, and not to be dropped silently either.
      await deps.queue.poison(body);
      deps.logger?.warn({ correlationId: options.correlationId, body: body.slice(0, 200) }, 'unreadable reminder message poisoned');
      return { outcome: 'invalid' };
    }
    const claim = await claimKey(message, body);
    if ('outcome' in claim) return claim;
    const { claimed, etag } = claim;

    const card = await reminderCard(deps.bot, reminder);
    if (!card) {
      await settle(finalRecord(claimed, { status: 'skipped', lastError: 'The meeting or action no longer exists.' }), etag);
      return { outcome: 'skipped', key: message.key };
    }
    let ref: StoredReference | undefined;
    try {
      ref = await referenceFor(message.personId, options.signal);
    } catch (e) {
      return failed(message, body, claimed, etag, sendFailureOf(e));
    }
    if (!ref) {
      await settle(
        finalRecord(claimed, {
          status: 'no-conversation',
          lastError: 'This person has not installed the app in Teams, so there is no chat to send to.',
        }),
        etag,
      );
      // Visible in the ledger and the admin's panel; routine locally (nobody has opened the Playground), so not a warning.
      deps.logger?.info({ key: message.key, correlationId: message.correlationId }, 'reminder has no conversation');
      return { outcome: 'no-conversation', key: message.key };
    }
    justRead.set(message.personId, ref);
    const result = await sender.send(message.personId, message.key, card, options.signal).finally(() => justRead.delete(message.personId));
    if (result.status === 'sent') {
      const attempts = claimed.attempts + 1;
      await settle(finalRecord(claimed, { status: 'sent', attempts, sentAt: iso() }), etag);
      return { outcome: 'sent', key: message.key, attempts };
    }
    if (result.status === 'no-conversation') {
      await settle(
        finalRecord(claimed, {
          status: 'no-conversation',
          lastError: 'The app was uninstalled from this person’s Teams while the reminder was on its way.',
        }),
        etag,
      );
      return { outcome: 'no-conversation', key: message.key };
    }
    const failure = failures.get(card) ?? {
      message: 'send failed',
      ...(result.status === 'failed' && result.statusCode !== undefined ? { statusCode: result.statusCode } : {}),
    };
    return failed(message, body, claimed, etag, failure);
  }

  /** Marks the message's key `poisoned` with `error` (the runtime gave up on it); leaves a `sent` row alone. */
  async function recordPoisoned(raw: unknown, error: unknown): Promise<void> {
    const body = bodyText(raw);
    const message = parseDeliveryMessage(raw);
    if (!message) return;
    const existing = await deps.ledger.get(message.key);
    if (existing?.record.status === 'sent') return;
    const lastError = describeFailure(sendFailureOf(error));
    const base: DeliveryRecord = existing?.record ?? {
      key: message.key,
      kind: message.kind,
      personId: message.personId,
      occurrence: message.occurrence,
      status: 'poisoned',
      attempts: 0,
      updatedAt: iso(),
      message: body,
    };
    await settle(finalRecord(base, { status: 'poisoned', lastError, correlationId: message.correlationId }), existing?.etag);
  }

  return {
    /**
     * Delivers one queue message. Returns what happened; throws only when the runtime should
     * redeliver (the ledger or queue was unreachable). On the last dequeue it records the key as
     * poisoned before throwing, because the runtime is about to move the message to `<queue>-poison`.
     */
    async deliver(body: unknown, options: DeliverOptions): Promise<DeliveryOutcome> {
      try {
        return await deliverOnce(body, options);
      } catch (e) {
        if (options.dequeueCount >= options.maxDequeueCount) await recordPoisoned(body, e).catch(() => undefined);
        throw e;
      }
    },
    recordPoisoned,
    /** Waits for sends under way, then stops the limiters. */
    stop: async () => {
      await sender.stop();
      await pace.stop({ dropWaitingJobs: false });
    },
  };
}

export type ReminderDeliverer = ReturnType<typeof createReminderDeliverer>;
