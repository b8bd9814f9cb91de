import type { ReminderQueue } from '../../core/ports/reminder-queue.port';

export interface QueueUnderTest {
  queue: ReminderQueue;
  /** The same store's `<name>-poison` queue, to see what was poisoned. */
  poison: ReminderQueue;
  /** Lets `ms` pass for this queue: real time for Azurite, a step of the clock for an adapter that takes one. */
  wait?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The `ReminderQueue` contract: what the deliverer and the local consumer rely on, run against every adapter. */
export function reminderQueueContract(name: string, make: () => Promise<QueueUnderTest>): void {
  describe(`ReminderQueue contract: ${name}`, () => {
    let sleep: (ms: number) => Promise<void> = realSleep;
    const made = async (): Promise<QueueUnderTest> => {
      const q = await make();
      sleep = q.wait ?? realSleep;
      return q;
    };

    test('a message sent is received once with dequeue count 1, and gone once deleted', async () => {
      const { queue } = await made();
      await queue.send('{"key":"paper-deadline|m1@2026-11-30|head-oakfield","note":"Café · £5 — ✓"}');
      const [m, ...rest] = await queue.receive(32, { visibilityTimeoutMs: 5000 });
      expect(rest).toEqual([]);
      expect(m).toMatchObject({ body: '{"key":"paper-deadline|m1@2026-11-30|head-oakfield","note":"Café · £5 — ✓"}', dequeueCount: 1 });
      expect(await queue.receive(32, { visibilityTimeoutMs: 5000 })).toEqual([]);
      await queue.delete(m!);
      await queue.delete(m!); // deleting twice (a redelivered copy already did) is fine
      expect(await queue.approximateCount()).toBe(0);
    });

    test('a message not deleted comes back after its visibility timeout with its dequeue count raised', async () => {
      const { queue } = await made();
      await queue.send('again');
      expect((await queue.receive(1, { visibilityTimeoutMs: 1000 }))[0]?.dequeueCount).toBe(1);
      expect(await queue.approximateCount()).toBe(1); // hidden, not gone
      await sleep(1300);
      const [again] = await queue.receive(1, { visibilityTimeoutMs: 1000 });
      expect(again).toMatchObject({ body: 'again', dequeueCount: 2 });
    });

    test('a delayed send stays hidden until its delay has passed', async () => {
      const { queue } = await made();
      await queue.send('later', { visibilityDelayMs: 1000 });
      expect(await queue.receive(32, { visibilityTimeoutMs: 1000 })).toEqual([]);
      // Azure Storage keeps time in whole seconds: allow one more.
      await sleep(2200);
      expect((await queue.receive(32, { visibilityTimeoutMs: 1000 })).map((m) => m.body)).toEqual(['later']);
    });

    test('updating visibility hides a message longer and gives the receipt that deletes it', async () => {
      const { queue } = await made();
      await queue.send('held');
      const [m] = await queue.receive(1, { visibilityTimeoutMs: 1000 });
      const { popReceipt } = await queue.updateVisibility(m!, 3000);
      await sleep(1300);
      expect(await queue.receive(1, { visibilityTimeoutMs: 1000 })).toEqual([]);
      await queue.delete({ messageId: m!.messageId, popReceipt });
      expect(await queue.approximateCount()).toBe(0);
    });

    test('poison puts the body on the poison queue, leaving the main queue alone', async () => {
      const { queue, poison } = await made();
      await queue.poison('{"bad":true}');
      expect(await queue.approximateCount()).toBe(0);
      expect((await poison.receive(32, { visibilityTimeoutMs: 1000 })).map((m) => m.body)).toEqual(['{"bad":true}']);
    });

    test('receives at most the number asked for, and at most 32', async () => {
      const { queue } = await made();
      await Promise.all(Array.from({ length: 40 }, (_, i) => queue.send(`m${i}`)));
      expect(await queue.receive(5, { visibilityTimeoutMs: 5000 })).toHaveLength(5);
      expect(await queue.receive(100, { visibilityTimeoutMs: 5000 })).toHaveLength(32);
      expect(await queue.approximateCount()).toBe(40);
    });

    test('a receipt from an earlier delivery neither deletes nor hides the message that came back', async () => {
      const { queue } = await made();
      await queue.send('redelivered');
      const [first] = await queue.receive(1, { visibilityTimeoutMs: 1000 });
      await sleep(1300);
      const [second] = await queue.receive(1, { visibilityTimeoutMs: 1000 });
      expect(second).toMatchObject({ messageId: first!.messageId, dequeueCount: 2 });
      // Azure Queue Storage refuses a stale receipt with 400 PopReceiptMismatch (Queue Storage error codes).
      await expect(queue.delete(first!)).rejects.toMatchObject({ statusCode: 400 });
      await expect(queue.updateVisibility(first!, 5000)).rejects.toMatchObject({ statusCode: 400 });
      expect(await queue.approximateCount()).toBe(1);
      await queue.delete(second!);
      expect(await queue.approximateCount()).toBe(0);
      // A message that is gone cannot be hidden again: 404 MessageNotFound.
      await expect(queue.updateVisibility(second!, 5000)).rejects.toMatchObject({ statusCode: 404 });
    });
  });
}
