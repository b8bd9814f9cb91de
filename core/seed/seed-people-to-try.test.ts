import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSqliteRecordStore, openSqliteDatabase } from '../adapters/sqlite';
import type { LocalDate } from '../domain/local-date';
import { fixedClock } from '../ports/clock.port';
import type { RecordStore } from '../ports/record-store.port';
import { getTrustDashboard } from '../services/academy-status.service';
import { getMyWork } from '../services/my-work.service';
import { dueReminders, type DueReminder } from '../services/reminders.service';
import { PEOPLE_TO_TRY } from './demo-trust.data';
import { seedDemoTrust } from './seed-demo-trust';

/**
 * The people the README and the Agents Playground invite you to be each find something to do on
 * the day the demo is seeded, as the real reminder sweep and My work see it.
 */
const SEED_DAYS: [string, LocalDate][] = [
  ['a Monday in the autumn term', '2026-11-23'],
  ['a Tuesday in the autumn term', '2026-12-01'],
  ['a day in the Christmas holidays', '2026-12-23'],
  ['the first day of the spring term', '2027-01-04'],
  ['a Wednesday in the spring term', '2027-03-10'],
  ['a Thursday in the summer term', '2027-06-17'],
];

describe.each(SEED_DAYS)('seeding as of %s (%s)', (_label, today) => {
  const clock = fixedClock(`${today}T10:00:00Z`);
  let store: RecordStore;
  let reminders: DueReminder[];
  const workOf = async (personId: string) => getMyWork({ store, clock }, (await store.people.get(personId))!);
  beforeAll(async () => {
    store = createSqliteRecordStore(openSqliteDatabase(':memory:'));
    await seedDemoTrust(store, clock);
    reminders = await dueReminders({ store, clock });
  });
  afterAll(() => store.close());

  it.each(PEOPLE_TO_TRY)('gives %s at least one reminder in the daily sweep', (personId) => {
    expect(reminders.filter((r) => r.personId === personId).map((r) => r.kind)).not.toEqual([]);
  });

  it('gives the Oakfield head papers to write, actions open and overdue, and notes to check', async () => {
    const work = await workOf('head-oakfield');
    expect(work.papersOwed.length).toBeGreaterThan(0);
    expect(work.actions.some((a) => a.dueDate < today)).toBe(true);
    expect(work.actions.some((a) => a.dueDate >= today)).toBe(true);
    expect(work.approvals.filter((a) => a.type === 'notes')).not.toEqual([]);
    expect(reminders.filter((r) => r.personId === 'head-oakfield').map((r) => r.kind)).toEqual(
      expect.arrayContaining(['paper-deadline', 'notes-approval', 'action-overdue']),
    );
  });

  it('asks the Oakfield chair of LGB to check the same notes as the head', async () => {
    const [head, chair] = await Promise.all([workOf('head-oakfield'), workOf('chair-oakfield')]);
    const meetingsOf = (w: typeof head) => w.approvals.filter((a) => a.type === 'notes').map((a) => a.meetingId);
    expect(meetingsOf(chair)).toEqual(meetingsOf(head));
  });

  it('gives the Brook Lane head and chair of LGB open actions of their own', async () => {
    for (const personId of ['head-brook-lane', 'chair-brook-lane']) expect((await workOf(personId)).actions).not.toEqual([]);
  });
});

it('looks after everyone the Agents Playground lets you be', () => {
  // The Playground's identities: `currentUser` and each of `users`, one line each.
  const yml = readFileSync(join(__dirname, '../../bot/playground/.m365agentsplayground.yml'), 'utf8');
  const ids = [...yml.matchAll(/^(?:currentUser:|\s+-)\s*\{\s*id:\s*([\w-]+)/gm)].map((m) => m[1]);
  expect(ids.length).toBeGreaterThan(1);
  expect(ids.filter((id) => !PEOPLE_TO_TRY.includes(id!))).toEqual([]);
});

/** The ids in the README's five-minute tour (its table's "who" column). */
function tourIds(): string[] {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
  const tour = readme.slice(readme.indexOf('### A five-minute tour'), readme.indexOf('The JSON behind them'));
  return [...tour.matchAll(/^\|[^|]+\| `([\w-]+)`/gm)].map((m) => m[1]!);
}

describe('the README’s five-minute tour', () => {
  const today: LocalDate = '2026-12-01';
  const clock = fixedClock(`${today}T10:00:00Z`);
  let store: RecordStore;
  beforeAll(async () => {
    store = createSqliteRecordStore(openSqliteDatabase(':memory:'));
    await seedDemoTrust(store, clock);
  });
  afterAll(() => store.close());

  it('names the people to try, one per role', () => {
    expect(tourIds()).toEqual([...PEOPLE_TO_TRY, 'board-chair', 'admin']);
  });

  it('gives everyone it names something to do', async () => {
    const reminders = await dueReminders({ store, clock });
    const dashboard = await getTrustDashboard({ store, clock }, (await store.people.get('board-chair'))!);
    const idle = tourIds().filter((id) => {
      if (id === 'board-chair') return !dashboard.academies.some((a) => a.rag !== 'green' && a.reasons.length > 0);
      // The trust admin watches the reminders that go out (and those that cannot reach someone).
      if (id === 'admin') return reminders.length === 0;
      return !reminders.some((r) => r.personId === id);
    });
    expect(idle).toEqual([]);
  });
});
