import type { Academy } from '../../core/domain/academy';
import { suggestStage } from '../../core/domain/cadence';
import { addDays } from '../../core/domain/local-date';
import { londonDateOf } from '../../core/domain/london-time';
import type { ImprovementModel } from '../../core/domain/models/improvement-model.schema';
import { preset } from '../../core/domain/models/presets';
import type { Person } from '../../core/domain/people';
import type { Clock } from '../../core/ports/clock.port';
import type { RecordStore } from '../../core/ports/record-store.port';

/** About one school in five below Good, roughly the national picture; a CEO can chair one iAIM a day. */
const GRADES = [
  'good',
  'outstanding',
  'good',
  'requires-improvement',
  'good',
  'good',
  'outstanding',
  'inadequate',
  'good',
  'not-inspected',
] as const;
const PHASES = ['primary', 'secondary', 'primary', 'special', 'all-through'] as const;

/** A trust of `n` academies and one improvement director per twelve, for benchmarks and scale tests. */
export function syntheticTrust(n: number, model: ImprovementModel = preset('dsat')): { academies: Academy[]; people: Person[] } {
  const directors = Math.max(1, Math.ceil(n / 12));
  const people: Person[] = [{ id: 'ceo', name: 'CEO', email: 'ceo@bench.example', roles: [{ role: 'ceo' }] }];
  for (let d = 0; d < directors; d++)
    people.push({ id: `aid-${d}`, name: `Director ${d}`, email: `aid${d}@bench.example`, roles: [{ role: 'improvement-director' }] });
  const academies: Academy[] = [];
  for (let i = 0; i < n; i++) {
    const id = `academy-${String(i).padStart(3, '0')}`;
    const facts = {
      ofstedGrade: GRADES[i % GRADES.length]!,
      inOfstedWindow: i % 7 === 0,
      sponsored: i % 11 === 0,
      requests: i % 9 === 0 ? ['iaim'] : [],
    };
    academies.push({
      id,
      name: `Academy ${i}`,
      aliases: [],
      phase: PHASES[i % PHASES.length]!,
      ...facts,
      supportStage: suggestStage(model, facts).id,
      improvementDirectorId: `aid-${i % directors}`,
      improvementBudgetPence: 105000,
    });
    people.push({ id: `head-${id}`, name: `Head ${i}`, email: `head${i}@bench.example`, roles: [{ role: 'head', academyId: id }] });
    people.push({ id: `chair-${id}`, name: `Chair ${i}`, email: `chair${i}@bench.example`, roles: [{ role: 'chair-lgb', academyId: id }] });
  }
  return { academies, people };
}

/** Writes a synthetic trust with some open and overdue actions and KPI targets (meetings come from planning). */
export async function storeSyntheticTrust(
  store: RecordStore,
  clock: Clock,
  n: number,
): Promise<{ academies: Academy[]; people: Person[] }> {
  const model = preset('dsat');
  const trust = syntheticTrust(n, model);
  await store.trust.save({ id: 'bench', name: `Bench trust (${n})`, model, termDates: [], closures: [] });
  for (const p of trust.people) await store.people.create(p, { idempotencyKey: `bench:person:${p.id}` });
  const today = londonDateOf(clock.now());
  const year = Number(today.slice(0, 4)) - (today.slice(5) < '09-01' ? 1 : 0);
  for (const a of trust.academies) {
    await store.academies.create(a, { idempotencyKey: `bench:academy:${a.id}` });
    for (let k = 0; k < 6; k++) {
      await store.actions.create(
        {
          academyId: a.id,
          text: `Action ${k}`,
          ownerId: `head-${a.id}`,
          dueDate: addDays(today, (k - 3) * 9),
          status: k % 3 === 0 ? 'done' : 'open',
          createdAt: clock.now().toISOString(),
          progress: [],
        },
        { idempotencyKey: `bench:action:${a.id}:${k}` },
      );
    }
    await store.kpiTargets.create(
      {
        academyId: a.id,
        academicYear: `${year}/${String((year + 1) % 100).padStart(2, '0')}`,
        measure: 'Reading',
        unit: 'percent',
        higherIsBetter: true,
        target: 70,
      },
      { idempotencyKey: `bench:kpi:${a.id}` },
    );
  }
  return trust;
}
