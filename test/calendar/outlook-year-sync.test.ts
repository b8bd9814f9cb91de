import { createGraphCalendar } from '../../core/adapters/graph-calendar/graph-calendar';
import type { Calendar } from '../../core/ports/calendar.port';
import { syncCalendar, type CalendarSyncSummary } from '../../core/services/calendar-sync.service';
import { moveMeetingTo, planAcademicYear } from '../../core/services/planner.service';
import { createSqliteRecordStore, openSqliteDatabase } from '../../core/adapters/sqlite';
import { storeSyntheticTrust } from '../bench/synthetic-trust';
import type { ServiceDeps } from '../../core/services/service-context';
import { startGraphServer, type GraphServer } from '../graph-server/graph-server';
import { TEST_RETRY_POLICY, testClient } from '../graph-server/sharepoint-test-site';
import { SchoolCalendar } from '../../core/domain/school-year/school-calendar';
import { trustWithYearOfMeetings, WHOLE_YEAR, YEAR, type YearOfMeetings } from './year-of-meetings';
import { preset } from '../../core/domain/models/presets';
import { monitoringVisitDay } from '../../core/domain/planner-occupancy';
import type { Meeting } from '../../core/domain/meeting';

const MEETING_ID_PROP = /SchoolImprovementMeetingId$/;

let mailboxes = 0;
const outlookFor = (server: GraphServer, mailbox = `organiser-${++mailboxes}@trust.example`) => ({
  mailbox,
  calendar: createGraphCalendar({ client: testClient(server, { timeoutMs: 2000 }), mailbox, policy: TEST_RETRY_POLICY }),
});

/** Events in the mailbox by meeting id, as the server holds them. */
function eventsByMeeting(server: GraphServer, mailbox: string): Map<string, { live: number; cancelled: number; start: string }> {
  const out = new Map<string, { live: number; cancelled: number; start: string }>();
  for (const e of server.events.get(mailbox) ?? []) {
    const props = (e.body.singleValueExtendedProperties as { id: string; value: string }[] | undefined) ?? [];
    const meetingId = props.find((p) => MEETING_ID_PROP.test(p.id))?.value ?? '?';
    const seen = out.get(meetingId) ?? { live: 0, cancelled: 0, start: '' };
    if (e.isCancelled) seen.cancelled++;
    else {
      seen.live++;
      seen.start = (e.body.start as { dateTime: string }).dateTime;
    }
    out.set(meetingId, seen);
  }
  return out;
}

const FIXTURE_CALENDAR = new SchoolCalendar({ termDates: [], closures: [] });
const KINDS = preset('dsat').meetingKinds;
/**
 * Events the meetings make: one each, and one for the monitoring visit the school day before an
 * AIM (issue 16) where the half term has that day (the fixture puts some AIMs on a half term's first day).
 */
const eventsFor = (meetings: readonly Pick<Meeting, 'kind' | 'date'>[]): number =>
  meetings.length +
  meetings.filter((m) => {
    const kind = KINDS.find((k) => k.id === m.kind);
    const visit = kind ? monitoringVisitDay(m.date, kind, FIXTURE_CALENDAR) : ({ needed: false } as const);
    return visit.needed && visit.day !== undefined;
  }).length;
const visitOf = (meetingId: string) => `${meetingId}~monitoring-visit`;

/** Late in the half term, past every fixture meeting (and the visit the day before an AIM). */
const freeDayIn = (halfTerm: number) => new SchoolCalendar({ termDates: [], closures: [] }).schoolDays(YEAR, halfTerm).at(-2)!;

/** A UTC instant as the event holds it (Graph's dateTime with timeZone UTC). */
const graphTime = (iso: string) => iso.replace(/\.\d+Z$|Z$/, '');

const writesSince = (server: GraphServer, from: number) => server.calls.slice(from).filter((c) => c.method !== 'GET');

/** Syncs until nothing is left failing, as the timer would on its next runs. */
async function syncUntilClean(deps: ServiceDeps, calendar: Calendar, runs: number): Promise<CalendarSyncSummary[]> {
  const summaries: CalendarSyncSummary[] = [];
  for (let i = 0; i < runs; i++) {
    summaries.push(await syncCalendar(deps, calendar, WHOLE_YEAR));
    if (summaries[summaries.length - 1]!.failures.length === 0) break;
  }
  return summaries;
}

describe('a year of 60 academies in Outlook', () => {
  let server: GraphServer;
  let year: YearOfMeetings;
  beforeAll(async () => {
    server = await startGraphServer({ seed: 11 });
    year = await trustWithYearOfMeetings(60);
  });
  afterAll(() => server.close());

  it('360 meetings and their monitoring visits go out in fully parallel $batches of 4 that Graph accepts, never more than 4 at once in the mailbox, and a second sync writes nothing', async () => {
    const { mailbox, calendar } = outlookFor(server);
    const deps = { store: year.store, clock: year.clock };
    const batchesBefore = server.stats.batches;
    const peakBefore = server.stats.mailboxPeak;
    const summary = await syncCalendar(deps, calendar, WHOLE_YEAR);
    const total = eventsFor(year.meetings);
    expect(total).toBeGreaterThan(360);
    expect(summary).toEqual({ created: total, updated: 0, cancelled: 0, unchanged: 0, failures: [] });
    // Graph refuses mixed dependsOn chains (400 "fully sequential or fully parallel"): 4 a batch, one batch at a time.
    expect(server.stats.batches - batchesBefore).toBe(Math.ceil(total / 4));
    expect(server.stats.badLayouts).toBe(0);
    expect(peakBefore).toBe(0);
    expect(server.stats.mailboxPeak).toBeLessThanOrEqual(4);
    expect(server.stats.mailboxThrottled).toBe(0);
    const events = eventsByMeeting(server, mailbox);
    expect(events.size).toBe(total);
    expect([...events.values()].every((e) => e.live === 1)).toBe(true);
    // Each event invites the chair, the head and the chair of governors.
    const one = server.events.get(mailbox)![0]!;
    expect((one.body.attendees as unknown[]).length).toBe(3);

    const from = server.calls.length;
    const again = await syncCalendar(deps, calendar, WHOLE_YEAR);
    expect(again).toEqual({ created: 0, updated: 0, cancelled: 0, unchanged: total, failures: [] });
    expect(writesSince(server, from)).toEqual([]);
  });

  it('a moved meeting patches its event (no new event) and gains its visit the day before; a cancelled one is cancelled and its attendees are told why', async () => {
    const { mailbox, calendar } = outlookFor(server);
    const local = await trustWithYearOfMeetings(12);
    const deps: ServiceDeps = { store: local.store, clock: local.clock, calendar };
    await syncCalendar(deps, calendar, WHOLE_YEAR);
    const ceo = local.people.find((p) => p.id === 'ceo')!;
    const [toMove, toCancel] = local.meetings.filter((m) => m.academyId === 'academy-000') as [
      (typeof local.meetings)[number],
      (typeof local.meetings)[number],
    ];
    const nextDay = freeDayIn(toMove.halfTerm);

    const from = server.calls.length;
    const moved = await moveMeetingTo(deps, ceo, toMove.id, { date: nextDay, version: toMove.version });
    if (!moved.ok) throw new Error(moved.message);
    const writes = writesSince(server, from).filter((c) => !c.path.endsWith('$batch'));
    // It was on its half term's first day, with no school day before it for a visit; now it has one.
    expect(writes.map((c) => c.method).sort()).toEqual(['PATCH', 'POST']);
    expect(eventsByMeeting(server, mailbox).get(toMove.id)).toEqual({ live: 1, cancelled: 0, start: graphTime(moved.meeting.startsAt) });
    expect(eventsByMeeting(server, mailbox).get(visitOf(toMove.id))).toMatchObject({ live: 1, cancelled: 0 });
    expect(moved.meeting.date).toBe(nextDay);

    await local.store.meetings.update({ ...toCancel, status: 'cancelled' });
    const noticesBefore = server.notices.length;
    const summary = await syncCalendar(deps, calendar, WHOLE_YEAR);
    expect(summary).toMatchObject({ cancelled: 1, created: 0, updated: 0, failures: [] });
    const notices = server.notices.slice(noticesBefore);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.attendees.sort()).toEqual(['aid0@bench.example', 'chair0@bench.example', 'head0@bench.example']);
    expect(notices[0]!.comment).toMatch(
      /Academy Improvement Meeting at Academy 0 on .* is cancelled: the trust's year plan no longer includes it/,
    );
    expect(eventsByMeeting(server, mailbox).get(toCancel.id)).toMatchObject({ live: 0, cancelled: 1 });
  });

  it('planning the year puts every planned meeting straight into Outlook, without waiting for a sync', async () => {
    const { mailbox, calendar } = outlookFor(server);
    const store = createSqliteRecordStore(openSqliteDatabase(':memory:'));
    const { people } = await storeSyntheticTrust(store, year.clock, 12);
    const deps: ServiceDeps = { store, clock: year.clock, calendar };
    const summary = await planAcademicYear(
      deps,
      people.find((p) => p.id === 'ceo')!,
      { academicYear: YEAR },
    );
    expect(summary.created).toBeGreaterThan(20);
    const events = eventsByMeeting(server, mailbox);
    const planned = (await store.meetings.list({}).toArray()).filter((m) => m.status === 'planned');
    // The planner keeps the school day before every AIM free for its visit, so each AIM brings a second event (issue 16);
    // the trust's own meetings (DSAT's moderation and network meetings, issue 17) go in too.
    expect(summary.trust.created).toBeGreaterThan(0);
    expect(events.size).toBe(summary.created + summary.trust.created + planned.filter((m) => m.kind === 'aim').length);
    expect([...events.values()].every((e) => e.live === 1)).toBe(true);
    expect(await syncCalendar(deps, calendar, WHOLE_YEAR)).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: events.size,
      failures: [],
    });
  });

  it('when Outlook fails during a move, the move still stands, it is logged, and the next sync repairs the event', async () => {
    const { mailbox, calendar } = outlookFor(server);
    const local = await trustWithYearOfMeetings(12);
    const warnings: object[] = [];
    const deps: ServiceDeps = {
      store: local.store,
      clock: local.clock,
      calendar,
      logger: { warn: (details) => void warnings.push(details) },
    };
    await syncCalendar(deps, calendar, WHOLE_YEAR);
    const ceo = local.people.find((p) => p.id === 'ceo')!;
    const meeting = local.meetings.find((m) => m.academyId === 'academy-003')!;
    const nextDay = freeDayIn(meeting.halfTerm);

    Object.assign(server.faults, { errorRate: 1, kinds: ['503'] });
    const moved = await moveMeetingTo(deps, ceo, meeting.id, { date: nextDay, version: meeting.version }).finally(
      () => (server.faults.errorRate = 0),
    );
    if (!moved.ok) throw new Error(moved.message);
    expect((await local.store.meetings.get(meeting.id))?.date).toBe(nextDay);
    expect(warnings).toHaveLength(1);
    expect(eventsByMeeting(server, mailbox).get(meeting.id)?.start).toBe(graphTime(meeting.startsAt));

    const repaired = await syncCalendar(deps, calendar, WHOLE_YEAR);
    // The meeting's event, and the visit the day before its new date (which Outlook may have taken before failing).
    expect(repaired).toMatchObject({ failures: [] });
    expect(repaired.updated + repaired.created).toBe(2);
    expect(eventsByMeeting(server, mailbox).get(meeting.id)).toEqual({ live: 1, cancelled: 0, start: graphTime(moved.meeting.startsAt) });
    expect(eventsByMeeting(server, mailbox).get(visitOf(meeting.id))).toMatchObject({ live: 1, cancelled: 0 });
  });
});

describe.each(['error', 'existing'] as const)(
  'a year of 60 academies under 20%% faults (a repeated transactionId answered: %s)',
  (repeatedTransaction) => {
    let server: GraphServer;
    beforeAll(async () => {
      server = await startGraphServer({ seed: 23, repeatedTransaction });
    });
    afterAll(() => server.close());

    it('429, 503, timeouts and answers lost after the write give exactly one event per meeting, within 4 at once per mailbox', async () => {
      const year = await trustWithYearOfMeetings(60);
      const { mailbox, calendar } = outlookFor(server);
      const deps = { store: year.store, clock: year.clock };
      Object.assign(server.faults, { errorRate: 0.2, kinds: ['429', '503', 'timeout', 'lost-after-write'], retryAfterSeconds: 0.01 });
      const runs = await syncUntilClean(deps, calendar, 4).finally(() => (server.faults.errorRate = 0));
      expect(runs[runs.length - 1]!.failures).toEqual([]);
      // Faults really happened, and some writes landed whose answers were lost.
      expect(server.calls.filter((c) => c.status === 429 || c.status === 503).length).toBeGreaterThan(10);

      const events = eventsByMeeting(server, mailbox);
      expect(events.size).toBe(eventsFor(year.meetings));
      expect([...events.values()].filter((e) => e.live !== 1 || e.cancelled !== 0)).toEqual([]);
      expect(server.stats.mailboxPeak).toBeLessThanOrEqual(4);
      expect(server.stats.badLayouts).toBe(0);

      const from = server.calls.length;
      expect(await syncCalendar(deps, calendar, WHOLE_YEAR)).toEqual({
        created: 0,
        updated: 0,
        cancelled: 0,
        unchanged: eventsFor(year.meetings),
        failures: [],
      });
      expect(writesSince(server, from)).toEqual([]);
    });
  },
);
