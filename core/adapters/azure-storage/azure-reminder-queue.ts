import type { QueueClient } from '@azure/storage-queue';
import { queueClient, type StorageAccount } from './storage-account';
import type { ReceivedMessage, ReminderQueue } from '../../ports/reminder-queue.port';

/** Azure Storage counts visibility in whole seconds; a delay that is not zero waits at least one. */
const seconds = (ms: number): number => (ms <= 0 ? 0 : Math.ceil(ms / 1000));

/**
 * Base64, because the Functions queue trigger decodes base64 by default (host.json
 * `extensions.queues.messageEncoding`), so messages this adapter sends are what the trigger reads.
 */
const encode = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const decode = (s: string) => Buffer.from(s, 'base64').toString('utf8');

/**
 * The reminder queue on Azure Storage queues (Azurite locally), and its `<name>-poison` sibling.
 * Messages never expire (`messageTimeToLive: -1`): a reminder that waited is delivered or poisoned,
 * never silently dropped by the storage service.
 */
export async function createAzureReminderQueue(
  account: StorageAccount,
  name = 'reminders',
  options: { signal?: AbortSignal } = {},
): Promise<ReminderQueue> {
  const queue: QueueClient = queueClient(account, name);
  const poison: QueueClient = queueClient(account, `${name}-poison`);
  await Promise.all([queue.createIfNotExists({ abortSignal: options.signal }), poison.createIfNotExists({ abortSignal: options.signal })]);
  return {
    name,
    async send(body, o) {
      await queue.sendMessage(encode(body), {
        visibilityTimeout: seconds(o?.visibilityDelayMs ?? 0),
        messageTimeToLive: -1,
        abortSignal: o?.signal,
      });
    },
    async receive(max, o): Promise<ReceivedMessage[]> {
      const r = await queue.receiveMessages({
        numberOfMessages: Math.min(32, Math.max(1, max)),
        visibilityTimeout: Math.max(1, seconds(o.visibilityTimeoutMs)),
        abortSignal: o.signal,
      });
      return r.receivedMessageItems.map((m) => ({
        messageId: m.messageId,
        popReceipt: m.popReceipt,
        dequeueCount: m.dequeueCount,
        body: decode(m.messageText),
      }));
    },
    async delete(m, o) {
      try {
        await queue.deleteMessage(m.messageId, m.popReceipt, { abortSignal: o?.signal });
      } catch (e) {
        // Already gone (deleted by a redelivered copy): what we wanted.
        if ((e as { statusCode?: number }).statusCode !== 404) throw e;
      }
    },
    async updateVisibility(m, visibilityTimeoutMs, o) {
      const r = await queue.updateMessage(m.messageId, m.popReceipt, undefined, seconds(visibilityTimeoutMs), { abortSignal: o?.signal });
      return { popReceipt: r.popReceipt ?? m.popReceipt };
    },
    async poison(body, o) {
      await poison.sendMessage(encode(body), { messageTimeToLive: -1, abortSignal: o?.signal });
    },
    async approximateCount(o) {
      return (await queue.getProperties({ abortSignal: o?.signal })).approximateMessagesCount ?? 0;
    },
  };
}
