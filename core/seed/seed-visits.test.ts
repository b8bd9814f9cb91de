import { createSqliteRecordStore, openSqliteDatabase } from '../adapters/sqlite';
import { checkMonitoringForm, checkSubmission } from '../domain/monitoring-forms';
import { preset } from '../domain/models/presets';
import { fixedClock } from '../ports/clock.port';
import { seedDemoTrust } from './seed-demo-trust';

describe('the demo trust’s monitoring visits', () => {
  it('has a learning walk the school day before Brook Lane’s last AIM, a submitted observation at Hill Top and a draft to finish', async () => {
    const store = createSqliteRecordStore(openSqliteDatabase(':memory:'));
    await seedDemoTrust(store, fixedClock('2026-11-23T10:00:00Z'));
    const visits = await store.monitoringForms.list({}).toArray();
    const model = preset('dsat');
    expect(visits.map((v) => [v.academyId, v.activity, v.status]).sort()).toEqual([
      ['brook-lane', 'Learning walk', 'submitted'],
      ['hill-top', 'Lesson observation', 'submitted'],
      ['northgate', 'Work analysis', 'draft'],
    ]);
    // Each is a form the model accepts; the submitted ones are complete.
    for (const v of visits)
      expect([v.academyId, (v.status === 'draft' ? checkMonitoringForm : checkSubmission)(v, model).ok]).toEqual([v.academyId, true]);
    const walk = visits.find((v) => v.academyId === 'brook-lane')!;
    const aim = (await store.meetings.get(walk.meetingId!))!;
    expect([aim.kind, aim.status, walk.startsAt < `${aim.date}T00:00:00Z`]).toEqual(['aim', 'held', true]);
    await seedDemoTrust(store, fixedClock('2026-11-23T10:00:00Z'));
    expect((await store.monitoringForms.list({}).toArray()).length).toBe(3);
    await store.close();
  });
});
