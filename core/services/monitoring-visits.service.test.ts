import { createSqliteRecordStore, openSqliteDatabase } from '../adapters/sqlite';
import { makeMonitoringForm } from '../domain/test-factories';
import { fixedClock } from '../ports/clock.port';
import { seedDemoTrust } from '../seed/seed-demo-trust';
import { checkCitedVisits, listAcademyVisits, submitMonitoringVisit } from './monitoring-visits.service';
import { judgementBodySchema } from './meeting-record.service';

/**
 * A form written before drafts existed has no status in its stored body, and the stores read bodies
 * back without the schema's defaults: it must still read as the complete, submitted form it was.
 */
describe('a monitoring form stored before drafts existed', () => {
  it('reads as submitted: listed for the school, citable as evidence, and not submittable again', async () => {
    const db = openSqliteDatabase(':memory:');
    const store = createSqliteRecordStore(db);
    const clock = fixedClock('2026-11-23T10:00:00Z');
    await seedDemoTrust(store, clock);
    const { status: _status, ...old } = makeMonitoringForm({ id: 'old-form', academyId: 'oakfield', observerId: 'aid-graham' });
    db.prepare('INSERT INTO monitoring_forms (id, version, idempotency_key, academy_id, body) VALUES (?, 1, NULL, ?, ?)').run(
      'old-form',
      'oakfield',
      JSON.stringify(old),
    );
    const deps = { store, clock };
    const [head, director] = [(await store.people.get('head-oakfield'))!, (await store.people.get('aid-graham'))!];

    const { visits } = await listAcademyVisits(deps, head, 'oakfield');
    expect(visits.find((v) => v.id === 'old-form')).toMatchObject({ status: 'submitted', focus: old.focus, can: { change: false } });
    await expect(checkCitedVisits(deps, director, { academyId: 'oakfield' }, ['old-form'], judgementBodySchema)).resolves.toBeUndefined();
    await expect(submitMonitoringVisit(deps, director, 'old-form', { version: '1' })).resolves.toMatchObject({
      ok: false,
      code: 'MONITORING_VISIT.ALREADY_SUBMITTED',
    });
    await store.close();
  });
});
