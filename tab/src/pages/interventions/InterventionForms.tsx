import { Button, Field, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { InterventionView } from '../../api/api-types';
import { useWrite } from '../../api/use-write';
import { DateField } from '../../components/DateField';
import { WriteMessage } from '../actions/WriteMessage';
import { usePageStyles } from '../page.styles';
import { CRITERION_PROGRESS_LABELS, IMPACT_LABELS } from '../../format/words';

export const PROGRESS = CRITERION_PROGRESS_LABELS;
export const IMPACT = IMPACT_LABELS;

type Saved = (message: string) => void;
const path = (i: InterventionView, tail = '') => `/api/interventions/${encodeURIComponent(i.id)}${tail}`;

/** A review held: what it found, and progress against each agreed success criterion. */
export function InterventionReviewForm(props: { intervention: InterventionView; today: string; onSaved: Saved }) {
  const s = usePageStyles();
  const write = useWrite();
  const i = props.intervention;
  const [on, setOn] = useState(props.today);
  const [note, setNote] = useState('');
  const [progress, setProgress] = useState<Record<string, keyof typeof PROGRESS>>(() =>
    Object.fromEntries(i.successCriteria.map((c) => [c, 'some-progress'])),
  );
  const [evidence, setEvidence] = useState<Record<string, string>>({});
  const f = write.problems.fields;
  return (
    <form
      className={s.form}
      aria-label={`Record a review of “${i.title}”`}
      onSubmit={(e) => {
        e.preventDefault();
        const done = `Review of “${i.title}” recorded.`;
        const criteria = i.successCriteria.map((c) => ({
          criterion: c,
          progress: progress[c]!,
          ...(evidence[c]?.trim() ? { evidence: evidence[c] } : {}),
        }));
        void write
          .run((api) => api.send('POST', path(i, '/reviews'), { on, note, criteria, version: i.version }), done)
          .then((r) => r && props.onSaved(done));
      }}
    >
      <DateField label="Review held on" value={on} onChange={setOn} {...(f.on ? { error: f.on } : {})} />
      <Field label="What the review found" required validationMessage={f.note} validationState={f.note ? 'error' : 'none'}>
        <Textarea value={note} onChange={(_, v) => setNote(v.value)} resize="vertical" />
      </Field>
      {i.successCriteria.map((c, n) => (
        <fieldset key={c} className={s.form}>
          <legend>{`Success criterion ${n + 1}: ${c}`}</legend>
          <div className={s.row}>
            <Field label="Progress" size="small">
              <Select
                size="small"
                value={progress[c]}
                onChange={(_, v) => setProgress((x) => ({ ...x, [c]: v.value as keyof typeof PROGRESS }))}
              >
                {(Object.keys(PROGRESS) as (keyof typeof PROGRESS)[]).map((p) => (
                  <option key={p} value={p}>
                    {PROGRESS[p]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Evidence" size="small">
              <Textarea size="small" value={evidence[c] ?? ''} onChange={(_, v) => setEvidence((x) => ({ ...x, [c]: v.value }))} />
            </Field>
          </div>
        </fieldset>
      ))}
      <div className={s.row}>
        <Button appearance="primary" type="submit" disabled={write.busy || note.trim() === ''}>
          Record the review
        </Button>
      </div>
      <WriteMessage feedback={write.feedback?.intent === 'success' ? undefined : write.feedback} />
    </form>
  );
}

/** Impact judged on outcomes for pupils, kept apart from what was done (KGA: implementation vs impact). */
export function ImpactForm(props: { intervention: InterventionView; onSaved: Saved }) {
  const s = usePageStyles();
  const write = useWrite();
  const i = props.intervention;
  const [judgement, setJudgement] = useState<keyof typeof IMPACT>('some');
  const [outcomes, setOutcomes] = useState('');
  const [implementation, setImplementation] = useState(i.implementation ?? '');
  const f = write.problems.fields;
  return (
    <form
      className={s.form}
      aria-label={`Judge the impact of “${i.title}”`}
      onSubmit={(e) => {
        e.preventDefault();
        const done = `Impact of “${i.title}” judged: ${IMPACT[judgement].toLowerCase()}.`;
        void write
          .run(
            (api) =>
              api.send('POST', path(i, '/impact'), {
                judgement,
                outcomesForPupils: outcomes,
                ...(implementation.trim() ? { implementation } : {}),
                version: i.version,
              }),
            done,
          )
          .then((r) => r && props.onSaved(done));
      }}
    >
      <Field label="Impact">
        <Select value={judgement} onChange={(_, v) => setJudgement(v.value as keyof typeof IMPACT)}>
          {(Object.keys(IMPACT) as (keyof typeof IMPACT)[]).map((j) => (
            <option key={j} value={j}>
              {IMPACT[j]}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="What has changed for pupils"
        required
        hint="Outcomes for pupils, not the tasks done"
        validationMessage={f.outcomesForPupils}
        validationState={f.outcomesForPupils ? 'error' : 'none'}
      >
        <Textarea value={outcomes} onChange={(_, v) => setOutcomes(v.value)} resize="vertical" />
      </Field>
      <Field label="What was done (implementation)">
        <Textarea value={implementation} onChange={(_, v) => setImplementation(v.value)} resize="vertical" />
      </Field>
      <div className={s.row}>
        <Button appearance="primary" type="submit" disabled={write.busy || outcomes.trim() === ''}>
          Record the impact
        </Button>
      </div>
      <WriteMessage feedback={write.feedback?.intent === 'success' ? undefined : write.feedback} />
    </form>
  );
}

/** Ends an intervention early, or extends its time limit, with the reason. */
export function InterventionChangeForm(props: { intervention: InterventionView; onSaved: Saved }) {
  const s = usePageStyles();
  const write = useWrite();
  const i = props.intervention;
  const [change, setChange] = useState<'extend' | 'end-early'>('extend');
  const [endDate, setEndDate] = useState('');
  const [review, setReview] = useState('');
  const [reason, setReason] = useState('');
  const f = write.problems.fields;
  return (
    <form
      className={s.form}
      aria-label={`Extend or end “${i.title}”`}
      onSubmit={(e) => {
        e.preventDefault();
        const done = change === 'extend' ? `“${i.title}” extended.` : `“${i.title}” ended early.`;
        const body =
          change === 'extend'
            ? { change, endDate, ...(review ? { reviewDates: [review] } : {}), reason, version: i.version }
            : { change, reason, version: i.version };
        void write.run((api) => api.send('PATCH', path(i), body), done).then((r) => r && props.onSaved(done));
      }}
    >
      <Field label="Change">
        <Select value={change} onChange={(_, v) => setChange(v.value as 'extend' | 'end-early')}>
          <option value="extend">Extend the time limit</option>
          <option value="end-early">End it early</option>
        </Select>
      </Field>
      {change === 'extend' ? (
        <div className={s.row}>
          <DateField label="New end date" required value={endDate} onChange={setEndDate} {...(f.endDate ? { error: f.endDate } : {})} />
          <DateField label="Another review date" value={review} onChange={setReview} {...(f.reviewDates ? { error: f.reviewDates } : {})} />
        </div>
      ) : null}
      <Field label="Reason" required validationMessage={f.reason} validationState={f.reason ? 'error' : 'none'}>
        <Textarea value={reason} onChange={(_, v) => setReason(v.value)} resize="vertical" />
      </Field>
      <div className={s.row}>
        <Button appearance="primary" type="submit" disabled={write.busy || reason.trim() === '' || (change === 'extend' && endDate === '')}>
          {change === 'extend' ? 'Extend it' : 'End it early'}
        </Button>
      </div>
      <WriteMessage feedback={write.feedback?.intent === 'success' ? undefined : write.feedback} />
    </form>
  );
}
