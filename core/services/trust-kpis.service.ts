import type { KpiTarget } from '../domain/kpi';
import { isBelowTarget } from '../domain/kpi-drops';
import { normalise } from '../domain/kpi-import';
import type { Person } from '../domain/people';
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

/**
 * The dashboard's chart: each school against its own target, per measure and data point, for the
 * academies the viewer may see (not a trust-wide average, which hides the school below target).
 */
export async function trustKpiSchools(deps: ServiceDeps, viewer: Person) {
  const { trust, inputs } = await visibleAcademyInputs(deps, viewer);
  const byMeasure = new Map<
    string,
    {
      measure: string;
      unit: KpiTarget['unit'];
      higherIsBetter: boolean;
      schools: { academyId: string; name: string; target: number; values: { point: number; value: number; belowTarget: boolean }[] }[];
    }
  >();
  for (const i of inputs) {
    for (const t of i.kpiTargets.filter((x) => x.academyId === i.academy.id)) {
      const key = `${normalise(t.measure)}|${t.unit}`;
      const m = byMeasure.get(key) ?? { measure: t.measure, unit: t.unit, higherIsBetter: t.higherIsBetter, schools: [] };
      byMeasure.set(key, m);
      const values = i.kpiDataPoints
        .filter((p) => p.kpiId === t.id)
        .sort((a, b) => a.point - b.point)
        .map((p) => ({ point: p.point, value: p.value, belowTarget: isBelowTarget(t, p.value) }));
      m.schools.push({ academyId: i.academy.id, name: i.academy.name, target: t.target, values });
    }
  }
  return {
    academicYear: trust.academicYear,
    dataPoints: trust.model.kpis.dataPoints.map((d) => ({ number: d.number, label: d.label })),
    measures: [...byMeasure.values()]
      .sort((a, b) => a.measure.localeCompare(b.measure, 'en-GB'))
      .map((m) => {
        const latest = Math.max(0, ...m.schools.flatMap((s) => s.values.map((v) => v.point)));
        return { ...m, latestPoint: latest || undefined, schools: m.schools.sort((a, b) => a.name.localeCompare(b.name, 'en-GB')) };
      }),
  };
}
