import { createSqliteRecordStore, openSqliteDatabase } from '../../core/adapters/sqlite';
import { createMemoryReferenceStore, createMemorySentLog } from '../../core/adapters/memory/memory-conversation-references';
import type { Meeting } from '../../core/domain/meeting';
import type { Clock } from '../../core/ports/clock.port';
import type { RecordStore, Stored } from '../../core/ports/record-store.port';
import { seedDemoTrust } from '../../core/seed/seed-demo-trust';
import { createProactiveSender, type ProactiveSender } from '../../bot/proactive/proactive-sender';
import { runReminderSweep } from '../../bot/proactive/reminder-sweep';
import { testBotDeps } from '../support/test-services';

/**
 * A report due after a meeting is chased like a paper (issue 17): DSAT's iAIM is followed by "a
 * brief report … soon after the meeting". The daily sweep sends its owner a card once for its due
 * date and once when it is late, through the same queue and sent log as every reminder; My work
 * lists it; marked in, it is chased no more.
 */
let now = new Date('2026-11-23T10:00:00Z');
const clock: Clock = { now: () => now };
let store: RecordStore;
let deps: ReturnType<typeof testBotDeps>;
let sender: ProactiveSender;
let iaim: Stored<Meeting>;
const cards: { personId: string; text: string }[] = [];

const dayAfter = (d: string, n: number) => new Date(Date.parse(`${d}T10:00:00Z`) + n * 86_400_000);

beforeAll(async () => {
  store = createSqliteRecordStore(openSqliteDatabase(':memory:'));
  await seedDemoTrust(store, clock);
  deps = testBotDeps(store, clock);
  const meetings = await store.meetings.inRange({ from: '2026-11-24', to: '2027-07-31' }).toArray();
  iaim = meetings.filter((m) => m.kind === 'iaim' && m.status === 'planned').sort((a, b) => a.date.localeCompare(b.date))[0]!;
  const references = createMemoryReferenceStore();
  for (const p of await store.people.list({}).toArray())
    await references.save({ personId: p.id, conversationId: `personal-${p.id}`, reference: {}, savedAt: now.toISOString() });
  sender = createProactiveSender({
    references,
    sent: createMemorySentLog(),
    transport: async (ref, card) => {
      cards.push({ personId: ref.personId, text: JSON.stringify(card) });
    },
    limits: { perTenantPerSecond: 1000, perConversationPerSecond: 1000, perConversationPer30Seconds: 1000 },
  });
});

afterAll(async () => {
  await sender.stop();
  await store.close();
});

/** Cards about this iAIM's report: a report card with the button to mark it in for this meeting. */
const reportCards = () => cards.filter((c) => c.text.includes('Brief report of the iAIM') && c.text.includes(`"meetingId":"${iaim.id}"`));

test('the planner gives each iAIM its brief report, owned by the chair, due five working days after', () => {
  expect(iaim).toBeDefined();
  expect(iaim.reports).toEqual([expect.objectContaining({ requirementId: 'brief-report', ownerId: iaim.chairId, ownerRole: 'ceo' })]);
  expect(iaim.reports![0]!.dueDate > iaim.date).toBe(true);
});

test('the sweep chases the report’s owner from its due date, once, then once more when it is late, and no longer once it is in', async () => {
  const due = iaim.reports![0]!.dueDate;
  // The week before it is due: nothing about it.
  now = dayAfter(due, -7);
  await runReminderSweep(deps, sender);
  expect(reportCards()).toEqual([]);

  // The day it is due: the owner gets the card, with a button to mark it in; a second run the same day sends nothing more.
  now = dayAfter(due, 0);
  const before = (await deps.services.jobs.dueReminders()).filter((r) => r.kind === 'report-due' && r.meetingId === iaim.id);
  expect(before.map((r) => r.personId)).toEqual([iaim.chairId]);
  await runReminderSweep(deps, sender);
  await runReminderSweep(deps, sender);
  expect(reportCards().map((c) => c.personId)).toEqual([iaim.chairId]);
  expect(reportCards()[0]!.text).toContain('Report due: the Interim Academy Improvement Meeting at');

  // Late: once more, saying so.
  now = dayAfter(due, 3);
  await runReminderSweep(deps, sender);
  expect(reportCards()).toHaveLength(2);
  expect(reportCards()[1]!.text).toContain('Report overdue');

  // My work lists it, overdue.
  const chair = await deps.services.openFor(iaim.chairId);
  const work = await chair!.myWork();
  expect(work.reportsOwed).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        meetingId: iaim.id,
        dueDate: due,
        overdue: true,
        paper: expect.objectContaining({ title: 'Brief report of the iAIM' }),
      }),
    ]),
  );

  // Marked in (the same way as a paper), it is chased no more and leaves My work.
  const fresh = (await store.meetings.get(iaim.id))!;
  await chair!.submitPaper(iaim.id, 'brief-report', { version: fresh.version });
  now = dayAfter(due, 4);
  expect((await deps.services.jobs.dueReminders()).filter((r) => r.kind === 'report-due' && r.meetingId === iaim.id)).toEqual([]);
  expect((await chair!.myWork()).reportsOwed.filter((r) => r.meetingId === iaim.id)).toEqual([]);
});
