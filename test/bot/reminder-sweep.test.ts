import { formatInTimeZone } from 'date-fns-tz';
import { createSqliteRecordStore, openSqliteDatabase } from '../../core/adapters/sqlite';
import type { Clock } from '../../core/ports/clock.port';
import type { RecordStore } from '../../core/ports/record-store.port';
import { seedDemoTrust } from '../../core/seed/seed-demo-trust';
import { testBotDeps } from '../support/test-services';
import type { BotDeps } from '../../bot/conversation/bot-types';
import { scheduleDailySweep } from '../../bot/local/reminder-scheduler';
import { createMemoryReferenceStore, createMemorySentLog } from '../../core/adapters/memory/memory-conversation-references';
import { createProactiveSender, type ProactiveSender } from '../../bot/proactive/proactive-sender';
import { runReminderSweep } from '../../bot/proactive/reminder-sweep';

/** The daily reminder sweep as `npm start` runs it: each reminder reaches each person once, however often it runs. */
let now = new Date('2026-11-23T10:00:00Z');
const clock: Clock = { now: () => now };
let store: RecordStore;
let deps: BotDeps;
let sender: ProactiveSender;
const delivered: { personId: string; conversationId: string; title: string }[] = [];
const sent = createMemorySentLog();

beforeAll(async () => {
  store = createSqliteRecordStore(openSqliteDatabase(':memory:'));
  await seedDemoTrust(store, clock);
  deps = testBotDeps(store, clock);
  const references = createMemoryReferenceStore();
  // Everyone the demo trust would remind has the app installed.
  for (const r of await deps.services.jobs.dueReminders()) {
    await references.save({ personId: r.personId, conversationId: `personal-${r.personId}`, reference: {}, savedAt: now.toISOString() });
  }
  sender = createProactiveSender({
    references,
    sent,
    transport: async (ref, card) => {
      delivered.push({ personId: ref.personId, conversationId: ref.conversationId, title: JSON.stringify(card.body?.[0] ?? '') });
    },
    limits: { perTenantPerSecond: 1000, perConversationPerSecond: 1000, perConversationPer30Seconds: 1000 },
  });
});

afterAll(async () => {
  await sender.stop();
  await store.close();
});

test('running the sweep twice on the same day sends each reminder once', async () => {
  const due = await deps.services.jobs.dueReminders();
  expect(due.length).toBeGreaterThan(0);
  const first = await runReminderSweep(deps, sender);
  expect(first.sent).toBeGreaterThan(0);
  expect(first.sent + first.gone).toBe(due.length);
  expect(delivered).toHaveLength(first.sent);

  now = new Date('2026-11-23T16:45:00Z');
  const second = await runReminderSweep(deps, sender);
  expect(second).toMatchObject({ sent: 0, duplicate: first.sent, failed: 0 });
  expect(delivered).toHaveLength(first.sent);
  expect(new Set(sent.keys()).size).toBe(first.sent);
});

test('the local scheduler runs at 07:30 UK time, at most once a UK date, one sweep at a time', async () => {
  let runs = 0;
  const t = { at: new Date('2026-11-24T07:00:00Z') };
  const scheduler = scheduleDailySweep(
    async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 20));
    },
    { at: '07:30', now: () => t.at, catchUp: false },
  );
  try {
    expect(formatInTimeZone(scheduler.nextRun()!, 'Europe/London', 'HH:mm')).toBe('07:30');
    expect(await scheduler.runIfDue()).toBe(false); // 07:00 GMT: not yet
    t.at = new Date('2026-11-24T07:30:00Z');
    expect(await Promise.all([scheduler.runIfDue(), scheduler.runIfDue()])).toEqual([true, false]);
    expect(scheduler.lastRunOn()).toBe('2026-11-24');
    t.at = new Date('2026-11-24T23:59:00Z');
    expect(await scheduler.runIfDue()).toBe(false);
    t.at = new Date('2026-11-25T07:45:00Z');
    expect(await scheduler.runIfDue()).toBe(true);
    // British Summer Time: 07:30 in London is 06:30 UTC.
    t.at = new Date('2027-06-01T06:29:00Z');
    expect(await scheduler.runIfDue()).toBe(false);
    t.at = new Date('2027-06-01T06:30:00Z');
    expect(await scheduler.runIfDue()).toBe(true);
    expect(runs).toBe(3);
  } finally {
    scheduler.stop();
  }
});

test('the scheduler catches up at start-up after 07:30 and a failing sweep is retried on the next tick', async () => {
  let calls = 0;
  const errors: unknown[] = [];
  const ran: string[] = [];
  const scheduler = scheduleDailySweep(
    async () => {
      calls++;
      if (calls === 1) throw new Error('store unavailable');
    },
    { now: () => new Date('2026-11-23T10:00:00Z'), onError: (e) => errors.push(e), onRun: (d) => ran.push(d) },
  );
  try {
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toBe(1);
    expect(errors).toHaveLength(1);
    expect(scheduler.lastRunOn()).toBeUndefined();
    expect(await scheduler.runIfDue()).toBe(true);
    expect(ran).toEqual(['2026-11-23']);
  } finally {
    scheduler.stop();
  }
});
