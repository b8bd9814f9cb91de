import { dueReminders, type DueReminder } from '../reminders.service';
import type { ServiceDeps } from '../service-context';
import type { DeliveryLedger } from '../../ports/delivery-ledger.port';
import { isStalled, messageForReminder, shouldEnqueue, QUEUE_RETRY } from './delivery-decisions';
import type { ReminderQueue } from '../../ports/reminder-queue.port';

export interface FanOutDeps extends ServiceDeps {
  queue: ReminderQueue;
  ledger: DeliveryLedger;
  /** Every reminder due now; `dueReminders` by default. */
  due?: (deps: ServiceDeps) => Promise<DueReminder[]>;
  /** Ledger reads and enqueues in flight at once (Azure Storage takes thousands a second per queue). */
  concurrency?: number;
}

export type FanOutCounts = {
  due: number;
  enqueued: number;
  /** Already sent, or poisoned (waiting for an admin's Retry). */
  skipped: number;
};

/** Runs `work` over `items`, at most `n` at a time, stopping early when `signal` aborts. */
async function eachLimited<T>(items: readonly T[], n: number, work: (item: T) => Promise<void>, signal?: AbortSignal): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      signal?.throwIfAborted();
      await work(items[next++]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(n, items.length)) }, lane));
}

/**
 * The daily sweep (the Azure timer trigger, croner locally): one queue message per due reminder
 * whose key the ledger does not already show as sent or poisoned. Running it again (a timer fired
 * twice, a re-run after a crash half-way) may enqueue a key twice; delivery claims each key once in
 * the ledger, so that costs a message, never a duplicate card, and a crash loses nothing.
 */
export async function runFanOutSweep(deps: FanOutDeps, options: { signal?: AbortSignal; correlationId: string }): Promise<FanOutCounts> {
  const due = await (deps.due ?? dueReminders)(deps);
  const enqueuedAt = deps.clock.now().toISOString();
  const counts: FanOutCounts = { due: due.length, enqueued: 0, skipped: 0 };
  const signalOpt = options.signal ? { signal: options.signal } : {};
  const messages = due.map((r) => messageForReminder(r, { enqueuedAt, correlationId: options.correlationId }));
  const known = await deps.ledger.getMany(
    messages.map((m) => m.key),
    signalOpt,
  );
  await eachLimited(
    messages,
    deps.concurrency ?? 16,
    async (message) => {
      if (!shouldEnqueue(known.get(message.key)?.record.status)) return void counts.skipped++;
      await deps.queue.send(JSON.stringify(message), signalOpt);
      counts.enqueued++;
    },
    options.signal,
  );
  return counts;
}

/**
 * The frequent delivery sweep (every 5 minutes in Azure): puts back on the queue each delivery left
 * half-done, a `sending` claim whose deliverer died or a `pending` retry whose message never came.
 * `graceMs` must exceed the longest retry delay (10 minutes by default, so 15 minutes).
 */
export async function requeueStalledDeliveries(
  deps: { queue: ReminderQueue; ledger: DeliveryLedger; clock: ServiceDeps['clock'] },
  options: { signal?: AbortSignal; graceMs?: number } = {},
): Promise<{ stalled: number; requeued: number }> {
  const graceMs = options.graceMs ?? QUEUE_RETRY.maxDelayMs + 5 * 60_000;
  const signalOpt = options.signal ? { signal: options.signal } : {};
  const nowMs = deps.clock.now().getTime();
  const open = await deps.ledger.list(['sending', 'pending'], { limit: 5000, ...signalOpt });
  const stalled = open.filter((r) => isStalled(r, { nowMs, graceMs }));
  for (const r of stalled) await deps.queue.send(r.message, signalOpt);
  return { stalled: stalled.length, requeued: stalled.length };
}
