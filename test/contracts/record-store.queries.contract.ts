import type { LocalDate } from '../../core/domain/local-date';
import type { Meeting } from '../../core/domain/meeting';
import type { Stored } from '../../core/ports/record-store.port';
import { everyPage, idsOf, type StoreUnderTest } from './contract-helpers';
import { aMeeting, anAction, aPerson, uniqueId, uniqueKey } from './record-factories';

const byDateThenId = (a: { date: string; id: string }, b: { date: string; id: string }): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** The indexed queries hosts rely on: the calendar, the overdue-papers sweep, a person's actions, sign-in lookups. */
export function describeQueries(store: StoreUnderTest): void {
  const addMeeting = async (academyId: string, date: LocalDate, overrides: Partial<Meeting> = {}): Promise<Stored<Meeting>> =>
    (await store().meetings.create(aMeeting(academyId, date, overrides), { idempotencyKey: uniqueKey() })).record;

  describe('meetings.inRange', () => {
    it('includes meetings on both boundary dates, of every status, and none outside', async () => {
      const academyId = uniqueId('academy');
      await addMeeting(academyId, '2026-09-30');
      const onFrom = await addMeeting(academyId, '2026-10-01', { status: 'held' });
      const inside = await addMeeting(academyId, '2026-10-15', { status: 'cancelled' });
      const onTo = await addMeeting(academyId, '2026-10-31');
      await addMeeting(academyId, '2026-11-01');
      const page = await store().meetings.inRange({ from: '2026-10-01', to: '2026-10-31' }).page();
      expect(idsOf(page.items)).toEqual([onFrom.id, inside.id, onTo.id]);
    });

    it("orders by date then id, and with an academy gives only that academy's meetings", async () => {
      const oakfield = uniqueId('academy');
      const brookLane = uniqueId('academy');
      const later = await addMeeting(oakfield, '2026-10-20');
      const sameDayA = await addMeeting(oakfield, '2026-10-06');
      const sameDayB = await addMeeting(oakfield, '2026-10-06');
      const theirs = await addMeeting(brookLane, '2026-10-06');
      const range = { from: '2026-10-01', to: '2026-10-31' };
      expect(idsOf((await store().meetings.inRange(range).page()).items)).toEqual(
        idsOf([later, sameDayA, sameDayB, theirs].sort(byDateThenId)),
      );
      expect(
        idsOf(
          (
            await store()
              .meetings.inRange({ ...range, academyId: oakfield })
              .page()
          ).items,
        ),
      ).toEqual(idsOf([later, sameDayA, sameDayB].sort(byDateThenId)));
    });

    it('pages through a busy term without losing or repeating a meeting', async () => {
      const academyId = uniqueId('academy');
      const made: Stored<Meeting>[] = [];
      for (let i = 0; i < 30; i++) made.push(await addMeeting(academyId, `2026-11-${String(2 + (i % 5)).padStart(2, '0')}`));
      await addMeeting(uniqueId('academy'), '2026-11-03');
      const pages = await everyPage((p) => store().meetings.inRange({ from: '2026-11-01', to: '2026-11-30', academyId }, p).page(), 7);
      for (const page of pages) expect(page.items.length).toBeLessThanOrEqual(7);
      expect(pages.flatMap((p) => idsOf(p.items))).toEqual(idsOf([...made].sort(byDateThenId)));
    });
  });

  describe('actions.openByOwner', () => {
    it('lists only open and in-progress actions of that owner, by due date then id', async () => {
      const academyId = uniqueId('academy');
      const owner = uniqueId('person');
      const add = async (dueDate: LocalDate, overrides = {}) =>
        (await store().actions.create(anAction(academyId, owner, dueDate, overrides), { idempotencyKey: uniqueKey() })).record;
      const december = await add('2026-12-01');
      const novemberA = await add('2026-11-01', { status: 'in-progress' });
      const novemberB = await add('2026-11-01');
      await add('2026-10-01', { status: 'done', completedAt: '2026-10-01T12:00:00Z' });
      await add('2026-10-01', { status: 'dropped' });
      await store().actions.create(anAction(academyId, uniqueId('person'), '2026-10-01'), { idempotencyKey: uniqueKey() });

      const expected = [...[novemberA, novemberB].sort((a, b) => (a.id < b.id ? -1 : 1)), december];
      expect(idsOf((await store().actions.openByOwner(owner).page()).items)).toEqual(idsOf(expected));
      const pages = await everyPage((p) => store().actions.openByOwner(owner, p).page(), 2);
      expect(pages.flatMap((p) => idsOf(p.items))).toEqual(idsOf(expected));
    });

    it("an action marked done leaves its owner's open list", async () => {
      const owner = uniqueId('person');
      const action = (await store().actions.create(anAction(uniqueId('academy'), owner, '2026-11-01'), { idempotencyKey: uniqueKey() }))
        .record;
      await store().actions.update({ ...action, status: 'done', completedAt: '2026-11-01T15:00:00Z' });
      expect((await store().actions.openByOwner(owner).page()).items).toEqual([]);
    });
  });

  describe('people lookups', () => {
    it('byEmail ignores case, and follows an email change', async () => {
      const person = (
        await store().people.create(aPerson(uniqueId('academy'), { email: 'Jo.Bloggs@Oakfield.sch.uk' }), { idempotencyKey: uniqueKey() })
      ).record;
      expect(await store().people.byEmail('jo.bloggs@oakfield.SCH.UK')).toEqual(person);
      expect(await store().people.byEmail('someone.else@oakfield.sch.uk')).toBeUndefined();

      const moved = await store().people.update({ ...person, email: 'jo.bloggs@brooklane.sch.uk' });
      expect(await store().people.byEmail('Jo.Bloggs@Oakfield.sch.uk')).toBeUndefined();
      expect(await store().people.byEmail('JO.BLOGGS@BROOKLANE.SCH.UK')).toEqual(moved);
    });

    it('byEntraObjectId finds the person signed in to Teams, and no one for an unknown id', async () => {
      const oid = '8f5c2a1e-4d3b-4f6a-9c1d-2e7b8a9f0c11';
      const person = (await store().people.create(aPerson(uniqueId('academy'), { entraObjectId: oid }), { idempotencyKey: uniqueKey() }))
        .record;
      await store().people.create(aPerson(uniqueId('academy')), { idempotencyKey: uniqueKey() });
      expect(await store().people.byEntraObjectId(oid)).toEqual(person);
      expect(await store().people.byEntraObjectId('00000000-0000-0000-0000-000000000000')).toBeUndefined();
    });
  });

  it('a date that is not a calendar date is refused by the date queries', async () => {
    await expect(store().meetings.inRange({ from: '1 Oct', to: '2026-10-31T12:00:00Z' }).page()).rejects.toMatchObject({
      code: 'INPUT.INVALID',
    });
  });
}
