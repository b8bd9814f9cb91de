import { createSqliteRecordStore, openSqliteDatabase } from '../adapters/sqlite';
import type { LocalDate } from '../domain/local-date';
import { formatLongDate, londonDateOf } from '../domain/london-time';
import { SchoolCalendar } from '../domain/school-year/school-calendar';
import { fixedClock } from '../ports/clock.port';
import type { RecordStore } from '../ports/record-store.port';
import { seedDemoTrust } from './seed-demo-trust';

/**
 * Every date the demo trust is seeded with falls on a school working day in term, by the trust's own
 * calendar: not a weekend, not a bank holiday, not in the holidays between terms and half terms.
 * Seeded as of days across the year, holidays included, since the demo is seeded as of today.
 */
const SEED_DAYS: [string, LocalDate][] = [
  ['early in the autumn term', '2026-09-14'],
  ['the week before the October half term', '2026-10-20'],
  ['a Monday in the autumn term', '2026-11-23'],
  ['a Tuesday in the autumn term', '2026-12-01'],
  ['a day in the Christmas holidays', '2026-12-23'],
  ['the first day of the spring term', '2027-01-04'],
  ['a day in the February half term', '2027-02-16'],
  ['a Wednesday in the spring term', '2027-03-10'],
  ['a day in the Easter holidays', '2027-04-01'],
  ['a Thursday in the summer term', '2027-06-17'],
  ['the last week of the school year', '2027-07-20'],
];

const dayOf = (utc: string): LocalDate => londonDateOf(utc);

/** Every date field of every record the seed writes, each named so a failure says which one. */
async function seededDates(store: RecordStore): Promise<{ what: string; on: LocalDate }[]> {
  const out: { what: string; on: LocalDate }[] = [];
  for (const m of await store.meetings.list({}).toArray()) {
    const name = `${m.kind} at ${m.academyId}`;
    out.push({ what: `${name}: meeting`, on: m.date });
    for (const p of m.papers) {
      out.push({ what: `${name}: ${p.requirementId} due`, on: p.dueDate });
      if (p.extension) out.push({ what: `${name}: ${p.requirementId} extended to`, on: p.extension.newDueDate });
    }
  }
  for (const a of await store.actions.list({}).toArray()) out.push({ what: `action "${a.text}" at ${a.academyId}: due`, on: a.dueDate });
  for (const i of await store.interventions.list({}).toArray()) {
    out.push({ what: `intervention ${i.title}: start`, on: i.startDate }, { what: `intervention ${i.title}: end`, on: i.endDate });
    for (const d of i.reviewDates) out.push({ what: `intervention ${i.title}: review`, on: d });
  }
  for (const k of await store.kpiDataPoints.list({}).toArray()) {
    out.push({ what: `KPI point ${k.point} at ${k.academyId}: recorded`, on: dayOf(k.recordedAt) });
    if (k.drop) out.push({ what: `KPI point ${k.point} at ${k.academyId}: drop flagged`, on: dayOf(k.drop.flaggedAt) });
  }
  for (const e of await store.escalations.list({}).toArray())
    out.push({ what: `escalation of ${e.academyId} to step ${e.step}`, on: dayOf(e.at) });
  for (const s of await store.supportDays.list({}).toArray())
    out.push({ what: `support day at ${s.academyId}: ${s.description}`, on: s.date });
  return out;
}

/** When people did what the seed says they did: papers in, apologies, notes written and checked, actions raised and finished. */
async function seededDoings(store: RecordStore): Promise<{ what: string; at: string }[]> {
  const out: { what: string; at: string }[] = [];
  for (const m of await store.meetings.list({}).toArray()) {
    const name = `${m.kind} at ${m.academyId} on ${m.date}`;
    for (const p of m.papers) if (p.submittedAt) out.push({ what: `${name}: ${p.requirementId} in`, at: p.submittedAt });
    for (const a of m.attendees) if (a.apology) out.push({ what: `${name}: apologies from ${a.personId}`, at: a.apology.givenAt });
    if (m.notes) {
      out.push({ what: `${name}: notes written`, at: m.notes.writtenAt });
      for (const a of m.notes.approvals) if (a.at) out.push({ what: `${name}: notes ${a.status} by ${a.personId}`, at: a.at });
      if (m.notes.circulatedAt) out.push({ what: `${name}: notes circulated`, at: m.notes.circulatedAt });
    }
  }
  for (const a of await store.actions.list({}).toArray()) {
    out.push({ what: `action "${a.text}" at ${a.academyId}: raised`, at: a.createdAt });
    if (a.completedAt) out.push({ what: `action "${a.text}" at ${a.academyId}: completed`, at: a.completedAt });
  }
  return out;
}

describe.each(SEED_DAYS)('seeding as of %s (%s)', (_label, today) => {
  const at = `${today}T10:00:00Z`;
  let store: RecordStore;
  let calendar: SchoolCalendar;
  beforeAll(async () => {
    store = createSqliteRecordStore(openSqliteDatabase(':memory:'));
    await seedDemoTrust(store, fixedClock(at));
    const settings = (await store.trust.get())!;
    calendar = new SchoolCalendar({ termDates: settings.termDates, closures: settings.closures });
  });
  afterAll(() => store.close());

  it('puts every seeded date on a school working day in term', async () => {
    const dates = await seededDates(store);
    expect(dates.length).toBeGreaterThan(100);
    const offDays = dates.filter((d) => !calendar.isTermWorkingDay(d.on)).map((d) => `${d.what} on ${formatLongDate(d.on)}`);
    expect(offDays).toEqual([]);
  });

  it('has people doing things only on school days, and none of it after now', async () => {
    const doings = await seededDoings(store);
    const offDays = doings.filter((d) => !calendar.isTermWorkingDay(dayOf(d.at))).map((d) => `${d.what} on ${formatLongDate(dayOf(d.at))}`);
    expect(offDays).toEqual([]);
    expect(doings.filter((d) => d.at > new Date(at).toISOString()).map((d) => `${d.what} at ${d.at}`)).toEqual([]);
  });
});
