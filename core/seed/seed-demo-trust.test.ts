import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSqliteRecordStore, openSqliteDatabase } from '../adapters/sqlite';
import { rulesFor, suggestStage } from '../domain/cadence';
import { weekOf } from '../domain/local-date';
import { PRESETS } from '../domain/models/presets';
import { effectiveDueDate, isPaperIn, isPaperOverdue } from '../domain/paper-deadlines';
import { fixedClock } from '../ports/clock.port';
import type { RecordStore } from '../ports/record-store.port';
import { DEMO_ACADEMIES } from './demo-trust.data';
import { seedDemoTrust } from './seed-demo-trust';

const newStore = () => createSqliteRecordStore(openSqliteDatabase(':memory:'));

async function counts(store: RecordStore) {
  return {
    academies: (await store.academies.list({}).toArray()).length,
    people: (await store.people.list({}).toArray()).length,
    meetings: (await store.meetings.list({}).toArray()).length,
    actions: (await store.actions.list({}).toArray()).length,
    kpiPoints: (await store.kpiDataPoints.list({}).toArray()).length,
  };
}

describe('the demo trust covers every route of the five models', () => {
  it.each(Object.keys(PRESETS))('every cadence rule and stage of the %s preset applies to at least one seeded academy', (id) => {
    const model = PRESETS[id]!;
    const academies = DEMO_ACADEMIES.map((a) => ({ ...a, supportStage: suggestStage(model, a).id }));
    const rulesUsed = new Set(academies.flatMap((a) => rulesFor(model, a).map((r) => r.id)));
    const stagesUsed = new Set(academies.map((a) => a.supportStage));
    expect([...model.cadence.map((r) => r.id)].filter((r) => !rulesUsed.has(r))).toEqual([]);
    expect(model.stages.map((s) => s.id).filter((s) => !stagesUsed.has(s))).toEqual([]);
  });
});

describe.each([
  ['a Monday in the autumn term', '2026-11-23T10:00:00Z'],
  ['a Tuesday in the autumn term', '2026-12-01T10:00:00Z'],
  ['the first day of the spring term', '2027-01-04T10:00:00Z'],
  ['a Wednesday in the spring term', '2027-03-10T10:00:00Z'],
  ['a Thursday in the summer term', '2027-06-17T10:00:00Z'],
])('seeding as of %s', (_label, at) => {
  const today = at.slice(0, 10);
  let store: RecordStore;
  beforeAll(async () => {
    store = newStore();
    await seedDemoTrust(store, fixedClock(at));
  });
  afterAll(() => store.close());

  it('holds every meeting before today, with notes, and none after', async () => {
    const meetings = (await store.meetings.list({}).toArray()).filter((m) => m.status !== 'cancelled');
    const past = meetings.filter((m) => m.date < today);
    expect(past.length).toBeGreaterThan(0);
    expect(past.every((m) => m.status === 'held' && m.notes !== undefined)).toBe(true);
    expect(meetings.filter((m) => m.date >= today).every((m) => m.status === 'planned')).toBe(true);
  });

  it('has papers due this week and a paper already overdue', async () => {
    const meetings = await store.meetings.list({}).toArray();
    const week = weekOf(today);
    const dueThisWeek = meetings.flatMap((m) =>
      m.papers.filter((p) => !isPaperIn(p) && weekOf(effectiveDueDate(p)) === week && m.status === 'planned'),
    );
    expect(dueThisWeek.length).toBeGreaterThan(0);
    // Not in, and past its (extended) deadline, for a meeting still planned.
    const overdue = meetings.flatMap((m) => m.papers.filter((p) => isPaperOverdue(p, m, today)));
    expect(overdue.length).toBeGreaterThan(0);
  });

  it('has overdue actions, a KPI drop awaiting review, an academy partway up the ladder and support days used', async () => {
    const actions = await store.actions.list({}).toArray();
    expect(actions.some((a) => (a.status === 'open' || a.status === 'in-progress') && a.dueDate < today)).toBe(true);
    const points = await store.kpiDataPoints.list({ academyId: 'brook-lane' }).toArray();
    expect(points.some((p) => p.drop && !p.drop.reviewedInMeetingId)).toBe(true);
    const ladder = await store.escalations.list({ academyId: 'brook-lane' }).toArray();
    expect(Math.max(...ladder.map((e) => e.step))).toBe(2);
    const days = await store.supportDays.list({}).toArray();
    expect(days.some((d) => d.kind === 'development' && d.chargePence === d.days * 35000)).toBe(true);
    expect(days.some((d) => d.supportingAcademyId !== undefined)).toBe(true);
    expect((await store.interventions.list({}).toArray()).length).toBeGreaterThan(0);
  });

  it('changes nothing when seeded a second time', async () => {
    const before = await counts(store);
    await seedDemoTrust(store, fixedClock(at));
    expect(await counts(store)).toEqual(before);
  });
});

it('puts no seeded meeting on a weekend or bank holiday', async () => {
  const store = newStore();
  await seedDemoTrust(store, fixedClock('2026-11-23T10:00:00Z'));
  const meetings = await store.meetings.list({}).toArray();
  const bankHolidays = ['2026-12-25', '2026-12-28', '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31'];
  for (const m of meetings) {
    const weekday = new Date(`${m.date}T12:00:00Z`).getUTCDay();
    expect([0, 6]).not.toContain(weekday);
    expect(bankHolidays).not.toContain(m.date);
  }
  await store.close();
});

it('seeds the same trust twice on the same day', async () => {
  // Ids from a counter, so two stores can be compared record for record.
  const seeded = async () => {
    let n = 0;
    const store = createSqliteRecordStore(openSqliteDatabase(':memory:'), { newId: () => `id-${++n}` });
    await seedDemoTrust(store, fixedClock('2026-11-23T10:00:00Z'));
    const records = {
      trust: await store.trust.get(),
      academies: await store.academies.list({}).toArray(),
      people: await store.people.list({}).toArray(),
      meetings: await store.meetings.list({}).toArray(),
      actions: await store.actions.list({}).toArray(),
      kpiTargets: await store.kpiTargets.list({}).toArray(),
      kpiPoints: await store.kpiDataPoints.list({}).toArray(),
      interventions: await store.interventions.list({}).toArray(),
      escalations: await store.escalations.list({}).toArray(),
      supportDays: await store.supportDays.list({}).toArray(),
    };
    await store.close();
    return records;
  };
  const [first, second] = [await seeded(), await seeded()];
  expect(first.meetings.length).toBeGreaterThan(0);
  expect(second).toEqual(first);
});

it('takes the time only from its clock and chance only from the seeded generator', () => {
  // Ids are the store's business; the seed itself must not reach for the system's time or randomness.
  const sources = readdirSync(__dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  const uses = sources.flatMap((f) =>
    (readFileSync(join(__dirname, f), 'utf8').match(/Math\.random|Date\.now|randomUUID|new Date\(\)/g) ?? []).map((m) => `${f}: ${m}`),
  );
  expect(sources.length).toBeGreaterThan(5);
  expect(uses).toEqual([]);
});
