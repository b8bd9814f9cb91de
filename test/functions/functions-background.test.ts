import { InvocationContext, type Timer } from '@azure/functions';
import { monitoringVisitEventId } from '../../core/domain/calendar-event';
import { isTrustMeeting } from '../../core/domain/meeting';
import { monitoringVisitDay } from '../../core/domain/planner-occupancy';
import { SchoolCalendar } from '../../core/domain/school-year/school-calendar';
import { startProductionStack, type ProductionStack } from './production-stack';

/**
 * The Functions app's timers and queue triggers on the production composition: the daily sweep runs
 * once per UK day at the configured time whatever the UTC clock says, fans reminders out onto the
 * Azure Storage queue and puts the year's meetings into the organiser's Outlook calendar; the queue
 * trigger settles each message once in the delivery ledger, and a poisoned one is shown to the admin.
 */
let now = new Date('2026-11-23T07:20:00Z'); // 07:20 in London (GMT): before the 07:30 sweep
const clock = { now: () => now };
let stack: ProductionStack;
beforeAll(async () => {
  stack = await startProductionStack({ clock });
}, 90_000);
afterAll(async () => {
  await stack?.stop();
}, 20_000);

const timer: Timer = { isPastDue: false, schedule: { adjustForDST: false }, scheduleStatus: { last: '', next: '', lastUpdated: '' } };
let invocation = 0;
const ctx = (functionName: string, triggerMetadata?: Record<string, unknown>) =>
  new InvocationContext({ invocationId: `bg-${++invocation}`, functionName, ...(triggerMetadata ? { triggerMetadata } : {}) });
const run = async (name: string, input: unknown, meta?: Record<string, unknown>) => {
  const f = stack.functions.get(name)!;
  await (f.handler as (i: unknown, c: InvocationContext) => Promise<unknown>)(input, ctx(name, meta));
};
const app = () => stack.runtime.app();
const bearer = async (personId: string) => ({ authorization: `Bearer ${await stack.tokenFor(personId)}` });

test('before 07:30 UK time the quarter-hour tick does nothing', async () => {
  await run('dailySweep', timer);
  expect(await (await app()).queue.approximateCount()).toBe(0);
  expect(stack.graph.stats.batches).toBe(0);
});

test('the first tick after 07:30 fans out today’s reminders and puts the year into Outlook; later ticks that day add nothing', async () => {
  now = new Date('2026-11-23T07:31:00Z');
  await run('dailySweep', timer);
  const a = await app();
  const queued = await a.queue.approximateCount();
  expect(queued).toBeGreaterThan(0);
  // One event per meeting not called off (the trust's own meetings too), and one for the monitoring visit the school day before
  // each academy meeting whose kind has one (DSAT's AIM, issue 16).
  const settings = (await a.store.trust.get())!;
  const calendar = new SchoolCalendar({ termDates: settings.termDates, closures: settings.closures });
  const kinds = new Map(settings.model.meetingKinds.map((k) => [k.id, k]));
  const meetings = await a.store.meetings.inRange({ from: '2026-09-01', to: '2027-08-31' }).toArray();
  const synced = meetings.filter((m) => m.status !== 'cancelled');
  const expected = synced.flatMap((m) => {
    if (isTrustMeeting(m)) return [m.id];
    const visit = monitoringVisitDay(m.date, kinds.get(m.kind)!, calendar);
    return visit.needed && visit.day ? [m.id, monitoringVisitEventId(m.id)] : [m.id];
  });
  expect(expected.length).toBeGreaterThan(synced.length); // the seed's AIMs have their visits
  // Each event by the meeting it is for, as Outlook holds it: none missing, none twice.
  const events = [...stack.graph.events.values()].flat();
  const eventFor = events.map(
    (e) =>
      ((e.body.singleValueExtendedProperties as { id: string; value: string }[] | undefined) ?? []).find((p) =>
        p.id.endsWith('SchoolImprovementMeetingId'),
      )?.value,
  );
  expect(eventFor.sort()).toEqual(expected.sort());
  expect(stack.graph.stats.mailboxPeak).toBeLessThanOrEqual(4);

  now = new Date('2026-11-23T07:46:00Z');
  const batches = stack.graph.stats.batches;
  await run('dailySweep', timer);
  expect(await a.queue.approximateCount()).toBe(queued);
  expect(stack.graph.stats.batches).toBe(batches);
  expect(stack.logs.filter((l) => l.msg === 'daily sweep done')).toHaveLength(1);
});

let messages: { body: string; dequeueCount: number }[] = [];
const keyOf = (body: string) => (JSON.parse(body) as { key: string }).key;

test('each queued reminder is settled once even when the queue delivers it twice, and the admin sees who could not be reached', async () => {
  const a = await app();
  messages = await a.queue.receive(32, { visibilityTimeoutMs: 60_000 });
  expect(messages.length).toBeGreaterThan(0);
  for (const m of messages) {
    await run('deliverReminder', JSON.parse(m.body), { dequeueCount: m.dequeueCount });
    await run('deliverReminder', JSON.parse(m.body), { dequeueCount: m.dequeueCount + 1 });
  }
  const outcomes = stack.logs.filter((l) => l.msg === 'reminder delivery').map((l) => l.outcome);
  // Nobody has the app installed in this tenant yet (no conversation references, no catalogue id to
  // install it): every delivery, first or repeated, ends as no-conversation and nothing is sent.
  expect(outcomes).toHaveLength(messages.length * 2);
  expect(new Set(outcomes)).toEqual(new Set(['no-conversation']));

  const res = await stack.http('api', { path: '/api/admin/deliveries?status=no-conversation', headers: await bearer('admin') });
  expect(res.status).toBe(200);
  const listed = (res.body as { deliveries: { key: string; status: string; personName: string }[] }).deliveries;
  // One row per reminder, however often it was delivered, naming the person.
  expect(listed.map((d) => d.key).sort()).toEqual([...new Set(messages.map((m) => keyOf(m.body)))].sort());
  expect(listed.every((d) => d.personName && d.personName !== d.key)).toBe(true);
  expect((await stack.http('api', { path: '/api/admin/deliveries', headers: await bearer('head-oakfield') })).status).toBe(403);
});

test('a message the host gave up on is recorded as poisoned and shown to the trust admin', async () => {
  const m = messages[0];
  expect(m).toBeDefined();
  await run('reminderPoison', JSON.parse(m!.body));
  const res = await stack.http('api', { path: '/api/admin/deliveries?status=poisoned', headers: await bearer('ceo') });
  const poisoned = (res.body as { deliveries: { key: string; lastError?: string }[] }).deliveries;
  expect(poisoned.map((d) => d.key)).toEqual([keyOf(m!.body)]);
  expect(poisoned[0]!.lastError).toMatch(/gave up/);
  expect(stack.logs.some((l) => l.msg === 'reminder delivery gave up; recorded for the trust admin' && l.level === 'warn')).toBe(true);
});

test('the delivery sweep finds nothing stalled when every delivery settled', async () => {
  await run('deliverySweep', timer);
  expect(stack.logs.filter((l) => l.functionName === 'deliverySweep' && l.level === 'error')).toHaveLength(0);
});
