import { createSqliteRecordStore, openSqliteDatabase } from '../../../core/adapters/sqlite';
import { preset } from '../../../core/domain/models/presets';
import { SchoolCalendar } from '../../../core/domain/school-year/school-calendar';
import { planYear } from '../../../core/domain/year-planner';
import { fixedClock } from '../../../core/ports/clock.port';
import { getAcademyStatus, getTrustDashboard } from '../../../core/services/academy-status.service';
import { planAcademicYear } from '../../../core/services/planner.service';
import { measure, ms, type BenchRow } from '../measure';
import { storeSyntheticTrust, syntheticTrust } from '../synthetic-trust';

/** A fixed school day, so figures compare run to run. */
const CLOCK = fixedClock('2026-11-23T10:00:00Z');
const YEAR = '2026/27';

/** Foundation figures: one academy's status, the trust dashboard and year planning on SQLite. */
export async function coreSqliteBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const store = createSqliteRecordStore(openSqliteDatabase(':memory:'));
  const deps = { store, clock: CLOCK };
  const { people } = await storeSyntheticTrust(store, CLOCK, 60);
  const ceo = people.find((p) => p.id === 'ceo')!;

  const t0 = performance.now();
  const summary = await planAcademicYear(deps, ceo, { academicYear: YEAR });
  const planAndWrite = performance.now() - t0;

  const status = await measure(500, () => getAcademyStatus(deps, ceo, 'academy-007'));
  rows.push({
    name: 'academy status (SQLite, 1 academy)',
    figure: `p50 ${ms(status.p50)}, p95 ${ms(status.p95)} (${status.runs} runs)`,
    target: 'p95 < 5 ms',
    pass: status.p95 < 5,
  });

  const dashboard = await measure(100, () => getTrustDashboard(deps, ceo));
  rows.push({
    name: 'trust dashboard (SQLite, 60 academies)',
    figure: `p50 ${ms(dashboard.p50)}, p95 ${ms(dashboard.p95)} (${dashboard.runs} runs)`,
    target: 'p95 < 50 ms',
    pass: dashboard.p95 < 50,
  });

  const trust = syntheticTrust(60);
  const calendar = new SchoolCalendar();
  const model = preset('dsat');
  const input = { model, calendar, academicYear: YEAR, academies: trust.academies, people: trust.people };
  const plan = await measure(10, () => planYear(input), 2);
  const placed = planYear(input);
  rows.push({
    name: 'year planning (60 academies, compute)',
    figure: `p50 ${ms(plan.p50)}, max ${ms(plan.max)}; ${placed.create.length} meetings, ${placed.unplaced.length} unplaced`,
    target: '< 1 s, 0 unplaced',
    pass: plan.max < 1000 && placed.unplaced.length === 0,
  });
  rows.push({
    name: 'year planning (60 academies, plan + write)',
    figure: `${ms(planAndWrite)}; ${summary.created} created from ${CLOCK.now().toISOString().slice(0, 10)}`,
    target: '< 1 s',
    pass: planAndWrite < 1000,
  });
  await store.close();
  return rows;
}
