import { fixedClock } from '../../core/ports/clock.port';
import type { RunningAzuriteStorage } from '../../bot/local/azurite';
import type { AdaptiveCard } from '../../bot/cards/adaptive-card';
import { createAzureReminderQueue } from '../../core/adapters/azure-storage/azure-reminder-queue';
import { createMemoryReferenceStore } from '../../core/adapters/memory/memory-conversation-references';
import type { DeliveryLedger } from '../../core/ports/delivery-ledger.port';
import { createLocalQueueConsumer, type LocalQueueConsumer } from '../../bot/proactive/local-queue-consumer';
import { requeueStalledDeliveries, runFanOutSweep } from '../../core/services/delivery/reminder-fanout.service';
import { messageForReminder } from '../../core/services/delivery/delivery-decisions';
import { createReminderDeliverer, type ReminderDelivererDeps } from '../../bot/proactive/reminder-delivery';
import type { ReminderQueue } from '../../core/ports/reminder-queue.port';
import type { StoredReference } from '../../core/ports/conversation-references.port';
import { createApiHandler } from '../../functions/api/api-handler';
import { testServices } from '../support/test-services';
import { freshQueueAndLedger, referenceFor, seededTrust, startStorage, type SeededTrust } from './support/fanout-stack';

/**
 * Failed sends on the real queue and ledger (Azurite): retried with backoff that honours
 * Retry-After, poisoned after the limit and shown to the trust admin (who can retry), people
 * without the app recorded visibly, and the rate limit held.
 */
const clock = fixedClock('2026-11-23T07:30:00Z');
let azurite: RunningAzuriteStorage;
let trust: SeededTrust;
const stops: (() => Promise<void>)[] = [];

beforeAll(async () => {
  [azurite, trust] = await Promise.all([startStorage(), seededTrust(clock)]);
}, 30_000);

afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
  await trust?.close();
  await azurite?.stop();
});

/** A transport stand-in that records each call and fails as the test says (an HTTP error shaped like botbuilder's). */
function scriptedTransport(fail: (call: number, ref: StoredReference) => { statusCode: number; retryAfter?: string } | undefined) {
  const calls: { at: number; personId: string; card: AdaptiveCard; ok: boolean }[] = [];
  const transport: ReminderDelivererDeps['transport'] = async (ref, card) => {
    const f = fail(calls.length + 1, ref);
    calls.push({ at: Date.now(), personId: ref.personId, card, ok: !f });
    if (f)
      throw Object.assign(new Error(f.statusCode === 429 ? 'Too Many Requests' : 'Bad Gateway'), {
        statusCode: f.statusCode,
        ...(f.retryAfter ? { retryAfter: f.retryAfter } : {}),
      });
  };
  return { transport, calls };
}

async function deliveryOn(
  queue: ReminderQueue,
  ledger: DeliveryLedger,
  transport: ReminderDelivererDeps['transport'],
  extra: Partial<ReminderDelivererDeps> = {},
) {
  const references = createMemoryReferenceStore();
  const deliverer = createReminderDeliverer({
    bot: trust.deps,
    queue,
    ledger,
    references,
    transport,
    retry: { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 4000 },
    ...extra,
  });
  const consumer: LocalQueueConsumer = createLocalQueueConsumer({ queue, deliverer, maxPollIntervalMs: 100, visibilityTimeoutMs: 5000 });
  stops.push(async () => {
    await consumer.stop();
    await deliverer.stop();
  });
  return { references, deliverer, consumer };
}

/** One reminder only (the first due), so each test's timings are its own. */
const firstDue = async () => (await trust.deps.services.jobs.dueReminders()).slice(0, 1);

test('a send that fails twice with 429 then succeeds is delivered once, after waiting at least Retry-After each time', async () => {
  const { queue, ledger } = await freshQueueAndLedger(azurite);
  const { transport, calls } = scriptedTransport((n) => (n <= 2 ? { statusCode: 429, retryAfter: '2' } : undefined));
  const { references, consumer } = await deliveryOn(queue, ledger, transport);
  const [reminder] = await firstDue();
  await references.save(referenceFor(reminder!.personId, 'http://127.0.0.1:1/'));

  await runFanOutSweep({ store: trust.store, clock, queue, ledger, due: async () => [reminder!] }, { correlationId: 'retry-test' });
  await consumer.idle({ quietMs: 500, timeoutMs: 30_000 });

  expect(calls.map((c) => c.ok)).toEqual([false, false, true]);
  expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(1900);
  expect(calls[2]!.at - calls[1]!.at).toBeGreaterThanOrEqual(1900);
  const [sent] = await ledger.list(['sent']);
  expect(sent).toMatchObject({ personId: reminder!.personId, status: 'sent', attempts: 3, lastError: 'HTTP 429: Too Many Requests' });
}, 60_000);

test('a send that always fails is poisoned after the limit, shown to the trust admin (403 for a head), and Retry sends it', async () => {
  const { queue, ledger, queueName } = await freshQueueAndLedger(azurite);
  let healthy = false;
  const { transport, calls } = scriptedTransport(() => (healthy ? undefined : { statusCode: 502 }));
  const { references, consumer } = await deliveryOn(queue, ledger, transport);
  const [reminder] = await firstDue();
  await references.save(referenceFor(reminder!.personId, 'http://127.0.0.1:1/'));

  await runFanOutSweep({ store: trust.store, clock, queue, ledger, due: async () => [reminder!] }, { correlationId: 'poison-test' });
  await consumer.idle({ quietMs: 500, timeoutMs: 40_000 });
  expect(calls).toHaveLength(4);
  const poisonQueue = await createAzureReminderQueue(azurite.connectionString, `${queueName}-poison`);
  const [poisoned] = await poisonQueue.receive(32, { visibilityTimeoutMs: 1000 });
  expect(JSON.parse(poisoned!.body)).toMatchObject({ personId: reminder!.personId, kind: reminder!.kind });

  const api = createApiHandler({
    services: testServices(trust.store, clock, { deliveries: { queue, ledger } }),
    identify: async (req) => trust.store.people.get(req.headers['x-dev-person'] ?? ''),
  });
  const call = (as: string, method: string, path: string, query: Record<string, string> = {}) =>
    api({ method, path, query, headers: { 'x-dev-person': as }, body: undefined });

  const listed = await call('admin', 'GET', '/api/admin/deliveries', { status: 'poisoned' });
  expect(listed.status).toBe(200);
  const person = (await trust.store.people.get(reminder!.personId))!;
  const rows = (
    listed.body as {
      deliveries: { key: string; personName: string; status: string; attempts: number; lastError: string; updatedAt: string }[];
    }
  ).deliveries;
  expect(rows).toEqual([
    expect.objectContaining({
      personName: person.name,
      status: 'poisoned',
      attempts: 4,
      lastError: 'HTTP 502: Bad Gateway',
      updatedAt: clock.now().toISOString(),
    }),
  ]);
  expect((await call('admin', 'GET', '/api/admin/deliveries', { status: 'sent' })).body).toEqual({ deliveries: [] });

  expect((await call('head-oakfield', 'GET', '/api/admin/deliveries', { status: 'poisoned' })).status).toBe(403);
  expect((await call('head-oakfield', 'POST', `/api/admin/deliveries/${encodeURIComponent(rows[0]!.key)}/retry`)).status).toBe(403);
  expect(calls).toHaveLength(4);

  // A new sweep leaves a poisoned key alone; the CEO's Retry puts it back on the queue.
  expect(
    await runFanOutSweep({ store: trust.store, clock, queue, ledger, due: async () => [reminder!] }, { correlationId: 'next-day' }),
  ).toEqual({ due: 1, enqueued: 0, skipped: 1 });
  healthy = true;
  const retried = await call('ceo', 'POST', `/api/admin/deliveries/${encodeURIComponent(rows[0]!.key)}/retry`);
  expect(retried).toMatchObject({ status: 200, body: { requeued: true, delivery: { status: 'pending' } } });
  await consumer.idle({ quietMs: 500, timeoutMs: 20_000 });
  expect(calls.map((c) => c.ok)).toEqual([false, false, false, false, true]);
  expect((await call('admin', 'GET', '/api/admin/deliveries', { status: 'sent' })).body).toMatchObject({
    deliveries: [{ personName: person.name, status: 'sent', attempts: 1 }],
  });
  expect((await call('admin', 'POST', `/api/admin/deliveries/${encodeURIComponent(rows[0]!.key)}/retry`)).status).toBe(422);
}, 90_000);

test('someone without the app is installed through the hook when there is one, and recorded as no-conversation when not', async () => {
  const { queue, ledger } = await freshQueueAndLedger(azurite);
  const { transport, calls } = scriptedTransport(() => undefined);
  const due = (await trust.deps.services.jobs.dueReminders())
    .filter((r, i, all) => all.findIndex((x) => x.personId === r.personId) === i)
    .slice(0, 2);
  const [withEntra, without] = due;
  await trust.store.people.update({
    ...(await trust.store.people.get(withEntra!.personId))!,
    entraObjectId: '00000000-0000-0000-0000-000000000001',
  });
  const installs: string[] = [];
  const { consumer } = await deliveryOn(queue, ledger, transport, {
    install: {
      installer: {
        ensureInstalledForUser: async (oid) => (installs.push(oid), { chatId: `19:${oid}_bot@unq.gbl.spaces`, newlyInstalled: true }),
      },
      referenceForChat: (chatId, person) => ({
        personId: person.id,
        conversationId: chatId,
        reference: { conversation: { id: chatId } },
        savedAt: clock.now().toISOString(),
      }),
    },
  });
  await runFanOutSweep({ store: trust.store, clock, queue, ledger, due: async () => due }, { correlationId: 'install-test' });
  await consumer.idle({ quietMs: 500, timeoutMs: 20_000 });
  expect(installs).toEqual(['00000000-0000-0000-0000-000000000001']);
  expect(calls.map((c) => c.personId)).toEqual([withEntra!.personId]);
  const [missing] = await ledger.list(['no-conversation']);
  expect(missing).toMatchObject({
    personId: without!.personId,
    status: 'no-conversation',
    lastError: expect.stringContaining('has not installed the app'),
  });
}, 60_000);

test('deliveries never go out faster than the per-app limit in any second', async () => {
  const { queue, ledger } = await freshQueueAndLedger(azurite);
  const { transport, calls } = scriptedTransport(() => undefined);
  const limits = { perTenantPerSecond: 8, perConversationPerSecond: 4, perConversationPer30Seconds: 60 };
  const { references, consumer } = await deliveryOn(queue, ledger, transport, { limits });
  const due = await trust.deps.services.jobs.dueReminders();
  for (const p of new Set(due.map((r) => r.personId))) await references.save(referenceFor(p, 'http://127.0.0.1:1/'));
  const started = Date.now();
  await runFanOutSweep({ store: trust.store, clock, queue, ledger }, { correlationId: 'rate-test' });
  await consumer.idle({ quietMs: 500, timeoutMs: 30_000 });
  expect(calls).toHaveLength(due.length);
  const times = calls.map((c) => c.at).sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= 1000) j++;
    most = Math.max(most, i - j + 1);
  }
  expect(most).toBeLessThanOrEqual(limits.perTenantPerSecond);
  expect(times.at(-1)! - started).toBeGreaterThanOrEqual((Math.ceil(due.length / limits.perTenantPerSecond) - 1) * 1000);
}, 60_000);

test('a message whose key the ledger keeps refusing is redelivered, then poisoned and recorded; an unreadable one is poisoned at once', async () => {
  const { queue, ledger, queueName } = await freshQueueAndLedger(azurite);
  // The ledger refuses every claim (an outage for writes of `sending`), but can still record the poisoning.
  const refusing: DeliveryLedger = {
    ...ledger,
    insert: async (r, o) => (r.status === 'sending' ? Promise.reject(new Error('503 Server Busy')) : ledger.insert(r, o)),
  };
  const { transport, calls } = scriptedTransport(() => undefined);
  const references = createMemoryReferenceStore();
  const deliverer = createReminderDeliverer({ bot: trust.deps, queue, ledger: refusing, references, transport });
  const errors: unknown[] = [];
  const consumer = createLocalQueueConsumer({
    queue,
    deliverer,
    maxDequeueCount: 3,
    visibilityTimeoutMs: 1000,
    maxPollIntervalMs: 100,
    onError: (e) => errors.push(e),
  });
  stops.push(async () => {
    await consumer.stop();
    await deliverer.stop();
  });
  const [reminder] = await firstDue();
  await references.save(referenceFor(reminder!.personId, 'http://127.0.0.1:1/'));
  await runFanOutSweep({ store: trust.store, clock, queue, ledger, due: async () => [reminder!] }, { correlationId: 'outage' });
  await queue.send('{"not":"a reminder"}');
  await consumer.idle({ quietMs: 1500, timeoutMs: 30_000 });

  expect(calls).toHaveLength(0);
  expect(errors).toHaveLength(3);
  const poison = await createAzureReminderQueue(azurite.connectionString, `${queueName}-poison`);
  const bodies = (await poison.receive(32, { visibilityTimeoutMs: 1000 })).map((m) => m.body).sort();
  expect(bodies).toEqual(
    [
      '{"not":"a reminder"}',
      JSON.stringify(messageForReminder(reminder!, { enqueuedAt: clock.now().toISOString(), correlationId: 'outage' })),
    ].sort(),
  );
  const [recorded] = await ledger.list(['poisoned']);
  expect(recorded).toMatchObject({ personId: reminder!.personId, status: 'poisoned', lastError: 'network: 503 Server Busy' });
}, 60_000);

test('the delivery sweep puts a delivery whose deliverer died back on the queue, and it is sent once', async () => {
  const { queue, ledger } = await freshQueueAndLedger(azurite);
  const { transport, calls } = scriptedTransport(() => undefined);
  const { references, consumer } = await deliveryOn(queue, ledger, transport);
  const [reminder] = await firstDue();
  await references.save(referenceFor(reminder!.personId, 'http://127.0.0.1:1/'));
  // A deliverer claimed this key ten minutes ago and died; its message is gone.
  const message = messageForReminder(reminder!, { enqueuedAt: '2026-11-23T07:20:00.000Z', correlationId: 'died' });
  await ledger.insert({
    key: message.key,
    kind: message.kind,
    personId: message.personId,
    occurrence: message.occurrence,
    status: 'sending',
    attempts: 0,
    leaseUntil: '2026-11-23T07:22:00.000Z',
    updatedAt: '2026-11-23T07:20:00.000Z',
    message: JSON.stringify(message),
  });

  expect(await requeueStalledDeliveries({ queue, ledger, clock }, { graceMs: 60_000 })).toEqual({ stalled: 1, requeued: 1 });
  await consumer.idle({ quietMs: 500, timeoutMs: 20_000 });
  expect(calls.map((c) => c.personId)).toEqual([reminder!.personId]);
  expect(await requeueStalledDeliveries({ queue, ledger, clock }, { graceMs: 60_000 })).toEqual({ stalled: 0, requeued: 0 });
  expect((await ledger.get(message.key))?.record).toMatchObject({ status: 'sent', attempts: 1 });
}, 60_000);
