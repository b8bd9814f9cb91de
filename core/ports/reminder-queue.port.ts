/** One message as the queue hands it out: its body and what is needed to delete it or hide it again. */
export interface ReceivedMessage {
  messageId: string;
  popReceipt: string;
  /** 1 on first delivery; the Functions runtime poisons a message once this reaches `maxDequeueCount`. */
  dequeueCount: number;
  body: string;
}

/**
 * The reminder queue (Azure Storage queue in production, Azurite locally). Shaped like the Azure
 * SDK's `QueueClient`: options bag last, visibility in milliseconds. At-least-once: a message not
 * deleted within its visibility timeout comes back with `dequeueCount + 1`.
 */
export interface ReminderQueue {
  readonly name: string;
  /** Enqueues `body`, invisible for `visibilityDelayMs` first (a scheduled retry). */
  send(body: string, options?: { visibilityDelayMs?: number; signal?: AbortSignal }): Promise<void>;
  /** Up to `max` (≤ 32) visible messages, each hidden for `visibilityTimeoutMs` while it is handled. */
  receive(max: number, options: { visibilityTimeoutMs: number; signal?: AbortSignal }): Promise<ReceivedMessage[]>;
  delete(message: Pick<ReceivedMessage, 'messageId' | 'popReceipt'>, options?: { signal?: AbortSignal }): Promise<void>;
  /** Hides the message for `visibilityTimeoutMs` more; returns the new pop receipt. */
  updateVisibility(
    message: Pick<ReceivedMessage, 'messageId' | 'popReceipt'>,
    visibilityTimeoutMs: number,
    options?: { signal?: AbortSignal },
  ): Promise<{ popReceipt: string }>;
  /** Moves a body to `<name>-poison`, where the Functions runtime puts messages it gave up on. */
  poison(body: string, options?: { signal?: AbortSignal }): Promise<void>;
  /** Messages waiting (approximate, as Azure reports it). */
  approximateCount(options?: { signal?: AbortSignal }): Promise<number>;
}
