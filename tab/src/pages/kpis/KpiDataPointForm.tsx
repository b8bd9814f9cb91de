import { Button, Field, Input, Select } from '@fluentui/react-components';
import { useState } from 'react';
import type { AcademyImprovement } from '../../api/api-types';
import { useWrite } from '../../api/use-write';
import { WriteMessage } from '../actions/WriteMessage';
import { usePageStyles } from '../page.styles';

/** One KPI's value at one of the year's data points, by the academy's head or the trust team; a value already in is replaced with its version. */
export function KpiDataPointForm(props: { academyId: string; kpis: AcademyImprovement['kpis']; onSaved: (message: string) => void }) {
  const s = usePageStyles();
  const write = useWrite();
  const targets = props.kpis.targets;
  const [kpiId, setKpiId] = useState(targets[0]?.id ?? '');
  const [point, setPoint] = useState(String(props.kpis.dataPoints[0]?.number ?? 1));
  const [value, setValue] = useState('');
  const kpi = targets.find((t) => t.id === kpiId);
  const existing = kpi?.points.find((p) => String(p.number) === point);
  const f = write.problems.fields;
  return (
    <form
      className={s.form}
      aria-label="Enter a data point"
      onSubmit={(e) => {
        e.preventDefault();
        const label = props.kpis.dataPoints.find((d) => String(d.number) === point)?.label ?? point;
        const done = `${label} recorded for ${kpi?.measure ?? 'the KPI'}.`;
        void write
          .run(
            (api) =>
              api.send('POST', `/api/academies/${encodeURIComponent(props.academyId)}/kpi-data-points`, {
                kpiId,
                point: Number(point),
                value: Number(value.replace('%', '').trim()),
                ...(existing?.version ? { version: existing.version } : {}),
              }),
            done,
          )
          .then((r) => {
            if (!r) return;
            setValue('');
            props.onSaved(done);
          });
      }}
    >
      <div className={s.row}>
        <Field label="KPI" validationMessage={f.kpiId} validationState={f.kpiId ? 'error' : 'none'}>
          <Select value={kpiId} onChange={(_, v) => setKpiId(v.value)}>
            {targets.map((t) => (
              <option key={t.id} value={t.id}>
                {t.measure}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Data point" validationMessage={f.point} validationState={f.point ? 'error' : 'none'}>
          <Select value={point} onChange={(_, v) => setPoint(v.value)}>
            {props.kpis.dataPoints.map((d) => (
              <option key={d.number} value={String(d.number)}>
                {d.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label="Value"
          validationMessage={f.value ?? f.version}
          validationState={f.value || f.version ? 'error' : 'none'}
          hint={
            existing?.value !== undefined
              ? `Now ${existing.value}; saving replaces it`
              : kpi
                ? `Target ${kpi.target}${kpi.unit === 'percent' ? '%' : ''}`
                : undefined
          }
        >
          <Input value={value} inputMode="decimal" onChange={(_, v) => setValue(v.value)} />
        </Field>
      </div>
      <div className={s.row}>
        <Button appearance="primary" type="submit" disabled={write.busy || value.trim() === '' || !kpiId}>
          Save the data point
        </Button>
      </div>
      <WriteMessage feedback={write.feedback?.intent === 'success' ? undefined : write.feedback} />
    </form>
  );
}
