import type { ReminderQueue } from '../../../core/ports/reminder-queue.port';

export interface QueueUnderTest {
  queue: ReminderQueue;
  /** The same store's `<name>-poison` queue, to see what was poisoned. */
  poison: ReminderQueue;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The `ReminderQueue` contract: what the deliverer and the local consumer rely on, run against every adapter. */
export function reminderQueueContract(name: string, make: () => Promise<QueueUnderTest>): void {
  describe(`ReminderQueue contract: ${name}`, () => {
    test('a message sent is received once with dequeue count 1, and gone once deleted', async () => {
      const { queue } = await make();
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
      const { queue } = await make();
      await queue.send('again');
      expect((await queue.receive(1, { visibilityTimeoutMs: 1000 }))[0]?.dequeueCount).toBe(1);
      expect(await queue.approximateCount()).toBe(1); // hidden, not gone
      await sleep(1300);
      const [again] = await queue.receive(1, { visibilityTimeoutMs: 1000 });
      expect(again).toMatchObject({ body: 'again', dequeueCount: 2 });
    });

    test('a delayed send stays hidden until its delay has passed', async () => {
      const { queue } = await make();
      await queue.send('later', { visibilityDelayMs: 1000 });
      expect(await queue.receive(32, { visibilityTimeoutMs: 1000 })).toEqual([]);
      // Azure Storage keeps time in whole seconds: allow one more.
      await sleep(2200);
      expect((await queue.receive(32, { visibilityTimeoutMs: 1000 })).map((m) => m.body)).toEqual(['later']);
    });

    test('updating visibility hides a message longer and gives the receipt that deletes it', async () => {
      const { queue } = await make();
      await queue.send('held');
      const [m] = await queue.receive(1, { visibilityTimeoutMs: 1000 });
      const { popReceipt } = await queue.updateVisibility(m!, 3000);
      await sleep(1300);
      expect(await queue.receive(1, { visibilityTimeoutMs: 1000 })).toEqual([]);
      await queue.delete({ messageId: m!.messageId, popReceipt });
      expect(await queue.approximateCount()).toBe(0);
    });

    test('poison puts the body on the poison queue, leaving the main queue alone', async () => {
      const { queue, poison } = await make();
      await queue.poison('{"bad":true}');
      expect(await queue.approximateCount()).toBe(0);
      expect((await poison.receive(32, { visibilityTimeoutMs: 1000 })).map((m) => m.body)).toEqual(['{"bad":true}']);
    });

    test('receives at most the number asked for, and at most 32', async () => {
      const { queue } = await make();
      await Promise.all(Array.from({ length: 40 }, (_, i) => queue.send(`m${i}`)));
      expect(await queue.receive(5, { visibilityTimeoutMs: 5000 })).toHaveLength(5);
      expect(await queue.receive(100, { visibilityTimeoutMs: 5000 })).toHaveLength(32);
      expect(await queue.approximateCount()).toBe(40);
    });
  });
}
