import { randomUUID } from 'node:crypto';
import type { ReceivedMessage, ReminderQueue } from '../../ports/reminder-queue.port';

/**
 * A queue service refusal, shaped like the Azure SDK's `RestError` (`statusCode` and `code`), so a
 * caller handles the memory adapter's failures the way it handles Azure's.
 */
export class MemoryQueueError extends Error {
  override readonly name = 'MemoryQueueError';
  constructor(
    readonly statusCode: number,
    readonly code: 'MessageNotFound' | 'PopReceiptMismatch',
    message: string,
  ) {
    super(message);
  }
}

interface StoredMessage {
  messageId: string;
  popReceipt: string;
  dequeueCount: number;
  body: string;
  /** Epoch ms from which `receive` may hand it out. */
  visibleAt: number;
}

/** Azure Storage queues hand out at most 32 messages per receive (Get Messages, `numofmessages`). */
const MAX_RECEIVE = 32;

/** Queues by name sharing one clock, as queues share a storage account: `poison` writes to `<name>-poison` here. */
export interface MemoryQueueStorage {
  queue(name?: string): ReminderQueue;
}

/**
 * Azure Storage queue semantics in memory, for unit tests and runs without Azurite: at-least-once
 * delivery with visibility timeouts (a message not deleted in time comes back with its dequeue count
 * raised), delayed sends, a `<name>-poison` sibling, and the service's refusals for a pop receipt that
 * is no longer the message's (400 `PopReceiptMismatch`) or a message that is gone (404 `MessageNotFound`,
 * which `delete` takes as done, as the Azure adapter does). `now` lets fake timers drive visibility.
 */
export function createMemoryQueueStorage(options: { now?: () => number } = {}): MemoryQueueStorage {
  const now = options.now ?? Date.now;
  const queues = new Map<string, ReminderQueue>();

  const create = (name: string): ReminderQueue => {
    const messages = new Map<string, StoredMessage>();
    /** The message a receipt was handed out for; a stale receipt is refused as Azure refuses it. */
    const held = (m: Pick<ReceivedMessage, 'messageId' | 'popReceipt'>): StoredMessage | undefined => {
      const stored = messages.get(m.messageId);
      if (stored && stored.popReceipt !== m.popReceipt)
        throw new MemoryQueueError(
          400,
          'PopReceiptMismatch',
          'The specified pop receipt did not match the pop receipt for a dequeued message.',
        );
      return stored;
    };
    return {
      name,
      async send(body, o) {
        const messageId = randomUUID();
        messages.set(messageId, {
          messageId,
          popReceipt: randomUUID(),
          dequeueCount: 0,
          body,
          visibleAt: now() + Math.max(0, o?.visibilityDelayMs ?? 0),
        });
      },
      async receive(max, o) {
        const at = now();
        // Map iteration keeps insertion order: oldest first, as a queue mostly does.
        const visible = [...messages.values()].filter((m) => m.visibleAt <= at).slice(0, Math.min(MAX_RECEIVE, Math.max(1, max)));
        return visible.map((m) => {
          m.dequeueCount += 1;
          m.popReceipt = randomUUID();
          m.visibleAt = at + Math.max(0, o.visibilityTimeoutMs);
          return { messageId: m.messageId, popReceipt: m.popReceipt, dequeueCount: m.dequeueCount, body: m.body };
        });
      },
      async delete(m) {
        // Already gone (deleted by a redelivered copy): what the caller wanted.
        if (held(m)) messages.delete(m.messageId);
      },
      async updateVisibility(m, visibilityTimeoutMs) {
        const stored = held(m);
        if (!stored) throw new MemoryQueueError(404, 'MessageNotFound', 'The specified message does not exist.');
        stored.popReceipt = randomUUID();
        stored.visibleAt = now() + Math.max(0, visibilityTimeoutMs);
        return { popReceipt: stored.popReceipt };
      },
      async poison(body) {
        await storage.queue(`${name}-poison`).send(body);
      },
      // Hidden messages count too: Azure's approximate count is of every message in the queue.
      async approximateCount() {
        return messages.size;
      },
    };
  };

  const storage: MemoryQueueStorage = {
    queue(name = 'reminders') {
      const existing = queues.get(name);
      if (existing) return existing;
      const made = create(name);
      queues.set(name, made);
      return made;
    },
  };
  return storage;
}

/** One reminder queue in memory (with its own storage, so its poison queue is `storage.queue(`${name}-poison`)`). */
export function createMemoryReminderQueue(
  name = 'reminders',
  options: { now?: () => number } = {},
): ReminderQueue & { storage: MemoryQueueStorage } {
  const storage = createMemoryQueueStorage(options);
  return Object.assign(storage.queue(name), { storage });
}
