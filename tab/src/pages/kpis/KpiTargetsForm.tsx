import { Button, Field, Input, Select } from '@fluentui/react-components';
import { useState } from 'react';
import type { AcademyImprovement } from '../../api/api-types';
import { useWrite } from '../../api/use-write';
import { formatDate } from '../../format/dates';
import { WriteMessage } from '../actions/WriteMessage';
import { usePageStyles } from '../page.styles';

/**
 * The targets agreed at the meeting the model names (Waterton: the September ASER): each KPI's
 * target, revised or kept, and a new KPI if one was agreed. Revisions keep their history.
 */
export function KpiTargetsForm(props: { academyId: string; kpis: AcademyImprovement['kpis']; onSaved: (message: string) => void }) {
  const s = usePageStyles();
  const write = useWrite();
  const meetings = props.kpis.targetsAgreedAt?.meetings ?? [];
  const [meetingId, setMeetingId] = useState(meetings[0]?.id ?? '');
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(props.kpis.targets.map((t) => [t.id, String(t.target)])),
  );
  const [measure, setMeasure] = useState('');
  const [newTarget, setNewTarget] = useState('');
  const f = write.problems.fields;
  const problemFor = (i: number) => f[`targets.${i}.target`] ?? f[`targets.${i}.measure`];
  return (
    <form
      className={s.form}
      aria-label="Record the agreed KPI targets"
      onSubmit={(e) => {
        e.preventDefault();
        const targets = [
          ...props.kpis.targets.map((t) => ({
            kpiId: t.id,
            measure: t.measure,
            unit: t.unit,
            higherIsBetter: t.higherIsBetter,
            target: Number(values[t.id]),
            version: t.version,
          })),
          ...(measure.trim() ? [{ measure, target: Number(newTarget) }] : []),
        ];
        const done = 'KPI targets recorded as agreed.';
        void write
          .run(
            (api) =>
              api.send('PUT', `/api/academies/${encodeURIComponent(props.academyId)}/kpi-targets`, {
                ...(meetingId ? { meetingId } : {}),
                targets,
              }),
            done,
          )
          .then((r) => r && props.onSaved(done));
      }}
    >
      {props.kpis.targetsAgreedAt ? (
        <Field
          label={`Agreed at the ${props.kpis.targetsAgreedAt.name}`}
          validationMessage={f.meetingId}
          validationState={f.meetingId ? 'error' : 'none'}
        >
          <Select value={meetingId} onChange={(_, v) => setMeetingId(v.value)}>
            {meetings.map((m) => (
              <option key={m.id} value={m.id}>
                {formatDate(m.date)}
                {m.status === 'held' ? ' (held)' : ''}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {props.kpis.targets.map((t, i) => (
        <Field
          key={t.id}
          label={`Target: ${t.measure}`}
          validationMessage={problemFor(i)}
          validationState={problemFor(i) ? 'error' : 'none'}
        >
          <Input value={values[t.id] ?? ''} inputMode="decimal" onChange={(_, v) => setValues((x) => ({ ...x, [t.id]: v.value }))} />
        </Field>
      ))}
      <div className={s.row}>
        <Field label="New KPI (optional)">
          <Input value={measure} onChange={(_, v) => setMeasure(v.value)} />
        </Field>
        <Field label="Its target">
          <Input value={newTarget} inputMode="decimal" onChange={(_, v) => setNewTarget(v.value)} />
        </Field>
      </div>
      <div className={s.row}>
        <Button appearance="primary" type="submit" disabled={write.busy}>
          Save the targets
        </Button>
      </div>
      <WriteMessage feedback={write.feedback?.intent === 'success' ? undefined : write.feedback} />
    </form>
  );
}
