import type { DeliveryOutcome, ReminderDeliverer } from '../../../bot/proactive/reminder-delivery';
import type { ReminderQueue } from '../../../core/ports/reminder-queue.port';

/**
 * Drains `queue` the way an unlucky runtime would: each message is handed to two deliverers at
 * once, and left undeleted after its first dequeue so the queue hands it out again once its
 * visibility lapses. Stops when the queue is empty (hidden messages included) or after `timeoutMs`.
 */
export async function drainDeliveringTwice(
  queue: ReminderQueue,
  deliverer: Pick<ReminderDeliverer, 'deliver'>,
  options: { timeoutMs?: number } = {},
): Promise<DeliveryOutcome[]> {
  const outcomes: DeliveryOutcome[] = [];
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (Date.now() > deadline) throw new Error('queue did not drain in time');
    const batch = await queue.receive(32, { visibilityTimeoutMs: 1000 });
    if (batch.length === 0) {
      if ((await queue.approximateCount()) === 0) return outcomes;
      await new Promise((r) => setTimeout(r, 200));
      continue;
    }
    await Promise.all(
      batch.map(async (m) => {
        const opts = { dequeueCount: m.dequeueCount, maxDequeueCount: 5 };
        outcomes.push(...(await Promise.all([deliverer.deliver(m.body, opts), deliverer.deliver(m.body, opts)])));
        if (m.dequeueCount >= 2) await queue.delete(m);
      }),
    );
  }
}
