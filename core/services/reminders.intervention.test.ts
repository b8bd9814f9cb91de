import { createSqliteRecordStore, openSqliteDatabase } from '../adapters/sqlite';
import { fixedClock } from '../ports/clock.port';
import { seedDemoTrust } from '../seed/seed-demo-trust';
import { dueReminders } from './reminders.service';

describe('an intervention review due goes to its lead', () => {
  it('reminds the lead from three days before a review date until a review is recorded, once per review date', async () => {
    const store = createSqliteRecordStore(openSqliteDatabase(':memory:'));
    const seededOn = fixedClock('2026-11-23T10:00:00Z');
    await seedDemoTrust(store, seededOn);
    const [i] = await store.interventions.list({}).toArray();
    const due = i!.reviewDates.find((d) => !(i!.reviews ?? []).some((r) => r.on >= d))!;
    const remindersOn = async (day: string) =>
      (await dueReminders({ store, clock: fixedClock(`${day}T10:00:00Z`) })).filter(
        (r) => r.kind === 'intervention-review' && r.occurrence === `${i!.id}@${due}`,
      );
    const before = new Date(`${due}T12:00:00Z`);
    before.setUTCDate(before.getUTCDate() - 2);
    expect((await remindersOn(before.toISOString().slice(0, 10))).map((r) => r.personId)).toEqual([i!.leadId]);
    const longBefore = new Date(`${due}T12:00:00Z`);
    longBefore.setUTCDate(longBefore.getUTCDate() - 10);
    expect(await remindersOn(longBefore.toISOString().slice(0, 10))).toEqual([]);
    await store.interventions.update({
      ...i!,
      reviews: [...(i!.reviews ?? []), { on: due, by: i!.leadId, note: 'On track against each criterion' }],
    });
    expect(await remindersOn(due)).toEqual([]);
    await store.close();
  });
});
