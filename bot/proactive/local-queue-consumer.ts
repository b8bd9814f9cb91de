import type { ReminderDeliverer, DeliveryOutcome } from './reminder-delivery';
import type { ReceivedMessage, ReminderQueue } from '../../core/ports/reminder-queue.port';

export interface LocalQueueConsumerOptions {
  queue: ReminderQueue;
  deliverer: Pick<ReminderDeliverer, 'deliver' | 'recordPoisoned'>;
  /** Messages handled at once; they wait in the sender's limiters, so this only needs to keep them busy. */
  concurrency?: number;
  /** As the Functions host's `visibilityTimeout` after a failure, and how long a received message stays hidden. */
  visibilityTimeoutMs?: number;
  /** host.json `maxDequeueCount` (5 by default in Azure Functions). */
  maxDequeueCount?: number;
  /** Longest wait between polls of an empty queue (the Functions host backs off to 1 minute; locally less). */
  maxPollIntervalMs?: number;
  onOutcome?: (outcome: DeliveryOutcome) => void;
  onError?: (e: unknown) => void;
}

export interface LocalQueueConsumer {
  stop(): Promise<void>;
  /** Resolves once the queue has looked empty with nothing in hand (tests and the benchmark). */
  idle(options?: { quietMs?: number; timeoutMs?: number }): Promise<void>;
}

/**
 * The local stand-in for the Functions queue trigger, with the same contract: each message is
 * handed to the deliverer with its dequeue count; a normal return deletes it; a throw leaves it to
 * reappear after the visibility timeout, and on the last dequeue it is moved to `<queue>-poison`
 * and its key recorded as poisoned (what the runtime does in Azure).
 */
export function createLocalQueueConsumer(options: LocalQueueConsumerOptions): LocalQueueConsumer {
  const concurrency = options.concurrency ?? 32;
  const visibilityTimeoutMs = options.visibilityTimeoutMs ?? 60_000;
  const maxDequeueCount = options.maxDequeueCount ?? 5;
  const maxPoll = options.maxPollIntervalMs ?? 2_000;
  let stopped = false;
  let inHand = 0;
  let lastBusyAt = Date.now();
  let wake: (() => void) | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(t);
        resolve();
      };
    });

  async function handle(m: ReceivedMessage): Promise<void> {
    try {
      const outcome = await options.deliverer.deliver(m.body, { dequeueCount: m.dequeueCount, maxDequeueCount });
      await options.queue.delete(m);
      options.onOutcome?.(outcome);
    } catch (e) {
      options.onError?.(e);
      if (m.dequeueCount >= maxDequeueCount) {
        await options.queue.poison(m.body);
        await options.queue.delete(m);
      }
    }
  }

  const loop = (async () => {
    let idleDelay = 50;
    while (!stopped) {
      try {
        if (inHand >= concurrency) {
          await sleep(20);
          continue;
        }
        const batch = await options.queue.receive(Math.min(32, concurrency - inHand), { visibilityTimeoutMs });
        if (batch.length === 0) {
          await sleep(idleDelay);
          idleDelay = Math.min(maxPoll, idleDelay * 2);
          continue;
        }
        idleDelay = 50;
        lastBusyAt = Date.now();
        for (const m of batch) {
          inHand++;
          void handle(m)
            .catch((e: unknown) => options.onError?.(e))
            .finally(() => {
              inHand--;
              lastBusyAt = Date.now();
              wake?.();
            });
        }
      } catch (e) {
        // The queue itself was unreachable: say so and try again shortly.
        options.onError?.(e);
        await sleep(1000);
      }
    }
  })();

  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      while (inHand > 0) await new Promise((r) => setTimeout(r, 20));
    },
    async idle(o = {}) {
      const quietMs = o.quietMs ?? 1_000;
      const deadline = Date.now() + (o.timeoutMs ?? 120_000);
      for (;;) {
        if (inHand === 0 && Date.now() - lastBusyAt >= quietMs && (await options.queue.approximateCount()) === 0) return;
        if (Date.now() > deadline) throw new Error(`reminder queue still busy after ${o.timeoutMs ?? 120_000} ms (${inHand} in hand)`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}
