import type { KpiTarget } from '../../domain/kpi';

/** What every view of a KPI target shows of it: the measure, its unit, which way is better, and the target. */
export const kpiTargetFields = (t: Pick<KpiTarget, 'measure' | 'unit' | 'higherIsBetter' | 'target'>) => ({
  measure: t.measure,
  unit: t.unit,
  higherIsBetter: t.higherIsBetter,
  target: t.target,
});
