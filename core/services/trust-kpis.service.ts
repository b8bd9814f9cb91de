import type { Person } from '../domain/people';
import { isBelowTarget } from '../domain/kpi-drops';
import { visibleAcademyInputs } from './academy-status.service';
import type { ServiceDeps } from './service-context';

/**
 * The KPI data points across the year for the academies the viewer may see, for the dashboard's
 * chart: per measure and data point, the average value and how many academies were below target.
 */
export async function getTrustKpis(deps: ServiceDeps, viewer: Person) {
  const { trust, inputs } = await visibleAcademyInputs(deps, viewer);
  const byMeasure = new Map<string, { unit: string; points: Map<number, { sum: number; n: number; below: number }> }>();
  for (const i of inputs) {
    const targets = new Map(i.kpiTargets.filter((t) => t.academyId === i.academy.id).map((t) => [t.id, t]));
    for (const p of i.kpiDataPoints) {
      const t = targets.get(p.kpiId);
      if (!t) continue;
      const m = byMeasure.get(t.measure) ?? { unit: t.unit, points: new Map<number, { sum: number; n: number; below: number }>() };
      byMeasure.set(t.measure, m);
      const agg = m.points.get(p.point) ?? { sum: 0, n: 0, below: 0 };
      agg.sum += p.value;
      agg.n += 1;
      if (isBelowTarget(t, p.value)) agg.below += 1;
      m.points.set(p.point, agg);
    }
  }
  return {
    academicYear: trust.academicYear,
    dataPoints: trust.model.kpis.dataPoints.map((d) => ({ number: d.number, label: d.label })),
    measures: [...byMeasure.entries()]
      .sort(([a], [b]) => a.localeCompare(b, 'en-GB'))
      .map(([measure, m]) => ({
        measure,
        unit: m.unit,
        points: [...m.points.entries()]
          .sort(([a], [b]) => a - b)
          .map(([point, agg]) => ({ point, average: Math.round((agg.sum / agg.n) * 10) / 10, academies: agg.n, belowTarget: agg.below })),
      })),
  };
}
