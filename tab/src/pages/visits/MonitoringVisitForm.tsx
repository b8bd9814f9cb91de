import { Button, Field, Input, makeStyles, Select, Textarea, tokens } from '@fluentui/react-components';
import { WriteMessage } from '../actions/WriteMessage';
import { useState } from 'react';
import type { AcademyDetail, Grade } from '../../api/api-types';
import { clientKey, useWrite } from '../../api/use-write';
import { useAppContext } from '../../app/app-context';
import { DateField } from '../../components/DateField';
import { formatDate } from '../../format/dates';
import { GRADE_CHOICES } from './visit-labels';
import { visitBody, type VisitFormState } from './visit-form-state';
import type { MonitoringVisit } from './visit-types';

/*
 * Observers fill this in walking round a school (issue 16), so it is one column at a phone's width:
 * every control the full width of the screen, nothing side by side that could scroll sideways.
 */
const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, width: '100%', maxWidth: '720px', minWidth: 0 },
  full: { width: '100%', maxWidth: '100%', minWidth: 0, boxSizing: 'border-box' },
  buttons: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

type Meeting = AcademyDetail['meetings'][number];

/** The monitoring / evidence form the trust's model defines: saved as a draft as often as liked, submitted once complete. */
export function MonitoringVisitForm(props: {
  academyId: string;
  initial: VisitFormState;
  visit?: MonitoringVisit;
  meetings: readonly Meeting[];
  onSaved: (visit: MonitoringVisit, submitted: boolean) => void;
}) {
  const s = useStyles();
  const { model } = useAppContext();
  const form = model.monitoringForm;
  const write = useWrite();
  const [f, setF] = useState<VisitFormState>(props.initial);
  const [key] = useState(clientKey);
  const set = <K extends keyof VisitFormState>(k: K, v: VisitFormState[K]) => setF((x) => ({ ...x, [k]: v }));
  const problem = write.problems.fields;
  const err = (field: string) => (problem[field] ? { validationState: 'error' as const, validationMessage: problem[field] } : {});

  /** Saves the draft (a new one with this form's key, or the draft with its version); the saved visit, or undefined when refused. */
  const save = async (): Promise<MonitoringVisit | undefined> => {
    const body = {
      ...visitBody(props.academyId, f),
      ...(props.visit ? { visitId: props.visit.id, version: props.visit.version } : { clientKey: key }),
    };
    const r = await write.run((api) => api.send<{ visit: MonitoringVisit }>('POST', '/api/monitoring-visits', body), 'Draft saved.');
    return r?.visit;
  };
  const submit = async () => {
    const saved = await save();
    if (!saved) return;
    const r = await write.run(
      (api) =>
        api.send<{ visit: MonitoringVisit }>('POST', `/api/monitoring-visits/${encodeURIComponent(saved.id)}/submission`, {
          version: saved.version,
        }),
      'Visit submitted: the academy and its meetings can see it now.',
    );
    props.onSaved(r?.visit ?? saved, r !== undefined);
  };

  return (
    <form
      className={s.form}
      aria-label="Monitoring visit"
      onSubmit={(e) => {
        e.preventDefault();
        void save().then((v) => v && props.onSaved(v, false));
      }}
    >
      <Field label="Activity" required {...err('activity')}>
        <Select className={s.full} value={f.activity} onChange={(_, d) => set('activity', d.value)}>
          {form.activities.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </Select>
      </Field>
      <DateField label="Date" value={f.date} onChange={(d) => set('date', d)} required error={problem.date} />
      <Field label="Start time" required {...err('startTime')}>
        <Input className={s.full} type="time" value={f.startTime} onChange={(_, d) => set('startTime', d.value)} />
      </Field>
      <Field label="End time" required {...err('endTime')}>
        <Input className={s.full} type="time" value={f.endTime} onChange={(_, d) => set('endTime', d.value)} />
      </Field>
      <Field label="Meeting" hint="The meeting this visit gathers evidence for, if there is one" {...err('meetingId')}>
        <Select className={s.full} value={f.meetingId} onChange={(_, d) => set('meetingId', d.value)}>
          <option value="">None</option>
          {props.meetings.map((m) => (
            <option key={m.id} value={m.id}>
              {m.abbreviation} on {formatDate(m.date)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Focus" hint="What the activity was for" {...err('focus')}>
        <Textarea className={s.full} value={f.focus} onChange={(_, d) => set('focus', d.value)} resize="vertical" />
      </Field>
      <Field label="Year / class" {...err('yearClass')}>
        <Input className={s.full} value={f.yearClass} onChange={(_, d) => set('yearClass', d.value)} />
      </Field>
      <Field label="Subject" {...err('subject')}>
        <Input className={s.full} value={f.subject} onChange={(_, d) => set('subject', d.value)} />
      </Field>
      <Field label="Number in class" {...err('numberInClass')}>
        <Input
          className={s.full}
          inputMode="numeric"
          value={f.numberInClass}
          onChange={(_, d) => set('numberInClass', d.value.replace(/\D/g, ''))}
        />
      </Field>
      <Field label="Notes" {...err('notes')}>
        <Textarea className={s.full} value={f.notes} onChange={(_, d) => set('notes', d.value)} resize="vertical" />
      </Field>
      <Field label={form.feedbackHeadings.strengths} hint="One point a line" {...err('whatWentWell')}>
        <Textarea className={s.full} value={f.whatWentWell} onChange={(_, d) => set('whatWentWell', d.value)} resize="vertical" />
      </Field>
      <Field label={form.feedbackHeadings.development} hint="One point a line" {...err('evenBetterIf')}>
        <Textarea className={s.full} value={f.evenBetterIf} onChange={(_, d) => set('evenBetterIf', d.value)} resize="vertical" />
      </Field>
      <Field label={form.feedbackHeadings.excellence} hint="Something to share, if there is one" {...err('areaOfExcellence')}>
        <Textarea className={s.full} value={f.areaOfExcellence} onChange={(_, d) => set('areaOfExcellence', d.value)} resize="vertical" />
      </Field>
      {form.judgementAreas.map((a) => (
        <Field key={a.id} label={a.label} {...err(`judgements.${a.id}`)}>
          <Select
            className={s.full}
            value={f.judgements[a.id] ?? ''}
            onChange={(_, d) => set('judgements', { ...f.judgements, [a.id]: d.value as Grade | '' })}
          >
            <option value="">No judgement</option>
            {GRADE_CHOICES.map((g) => (
              <option key={g.id} value={g.id}>
                {g.label}
              </option>
            ))}
          </Select>
        </Field>
      ))}
      <WriteMessage feedback={write.feedback} />
      <div className={s.buttons}>
        <Button className={s.full} type="submit" disabled={write.busy}>
          Save draft
        </Button>
        <Button className={s.full} appearance="primary" disabled={write.busy} onClick={() => void submit()}>
          Submit visit
        </Button>
      </div>
    </form>
  );
}
