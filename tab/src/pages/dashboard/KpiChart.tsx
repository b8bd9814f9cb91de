import { Field, Select } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { KpiSchools } from '../../api/api-types';
import { useApiData } from '../../api/use-api-data';
import { Empty, LoadError, Loading } from '../../components/PageState';
import { KpiBarChart } from '../kpis/KpiBarChart';
import { usePageStyles } from '../page.styles';

/** The bars for one measure at one data point: each school's value against its own target. */
export function schoolBars(measure: KpiSchools['measures'][number], point: number) {
  return measure.schools.flatMap((s) => {
    const v = s.values.find((x) => x.point === point);
    return v ? [{ label: s.name, value: v.value, target: s.target, belowTarget: v.belowTarget }] : [];
  });
}

/**
 * Schools against their targets (loaded on its own, after the table): one measure at one data
 * point, named as the model names it ("Spring data"), each school's bar beside its own target.
 */
export default function KpiChart() {
  const s = usePageStyles();
  const kpis = useApiData<KpiSchools>('/api/kpis/schools');
  const measures = useMemo(() => (kpis.state === 'ready' ? kpis.data.measures.filter((m) => m.latestPoint !== undefined) : []), [kpis]);
  const [measureKey, setMeasureKey] = useState<string>();
  const [pointChoice, setPointChoice] = useState<number>();
  if (kpis.state === 'loading') return <Loading what="KPI data points" />;
  if (kpis.state === 'error') return <LoadError error={kpis.error} onRetry={kpis.reload} />;
  if (measures.length === 0) return <Empty>No KPI data points have been recorded yet this year.</Empty>;
  const key = (m: (typeof measures)[number]) => `${m.measure}|${m.unit}`;
  const measure = measures.find((m) => key(m) === measureKey) ?? measures[0]!;
  const recorded = kpis.data.dataPoints.filter((d) => measure.schools.some((x) => x.values.some((v) => v.point === d.number)));
  const point = recorded.some((d) => d.number === pointChoice) ? pointChoice! : measure.latestPoint!;
  const label = kpis.data.dataPoints.find((d) => d.number === point)?.label ?? `Data point ${point}`;
  const bars = schoolBars(measure, point);
  return (
    <div className={s.form}>
      <div className={s.row}>
        <Field label="Measure">
          <Select value={key(measure)} onChange={(_, v) => setMeasureKey(v.value)}>
            {measures.map((m) => (
              <option key={key(m)} value={key(m)}>
                {m.measure}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Data point">
          <Select value={String(point)} onChange={(_, v) => setPointChoice(Number(v.value))}>
            {recorded.map((d) => (
              <option key={d.number} value={String(d.number)}>
                {d.label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <KpiBarChart
        title={`${measure.measure}, ${label} ${kpis.data.academicYear}: each school against its target`}
        unit={measure.unit}
        higherIsBetter={measure.higherIsBetter}
        bars={bars}
        height={280}
      />
      <p className={s.muted}>{`${bars.filter((b) => b.belowTarget).length} of ${bars.length} schools below target at ${label}.`}</p>
    </div>
  );
}
