import { Button, Field, Input, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { AcademyImprovement } from '../../api/api-types';
import { clientKey, useWrite } from '../../api/use-write';
import { DateField } from '../../components/DateField';
import { WriteMessage } from '../actions/WriteMessage';
import { usePageStyles } from '../page.styles';

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * Agrees an intervention (Schoolsworks: "clear targets, … time limited … agreed success criteria"):
 * a kind from the model, and the supporting academy or person when the model says the kind needs one.
 */
export function InterventionCreateForm(props: {
  academyId: string;
  today: string;
  kinds: AcademyImprovement['interventions']['kinds'];
  people: { id: string; name: string }[];
  academies: { id: string; name: string }[];
  onCreated: (message: string) => void;
}) {
  const s = usePageStyles();
  const write = useWrite();
  const [kind, setKind] = useState(props.kinds[0]?.id ?? '');
  const [title, setTitle] = useState('');
  const [targets, setTargets] = useState('');
  const [criteria, setCriteria] = useState('');
  const [startDate, setStartDate] = useState(props.today);
  const [endDate, setEndDate] = useState('');
  const [reviews, setReviews] = useState(['', '', '']);
  const [leadId, setLeadId] = useState(props.people[0]?.id ?? '');
  const [supporter, setSupporter] = useState('');
  const [key, setKey] = useState(clientKey);
  const needs = props.kinds.find((k) => k.id === kind)?.supportedBy;
  const f = write.problems.fields;
  const err = (field: string) => ({ validationMessage: f[field], validationState: f[field] ? ('error' as const) : ('none' as const) });
  return (
    <form
      className={s.form}
      aria-label="Agree an intervention"
      onSubmit={(e) => {
        e.preventDefault();
        const done = `Intervention “${title}” agreed.`;
        void write
          .run(
            (api) =>
              api.send('POST', `/api/academies/${encodeURIComponent(props.academyId)}/interventions`, {
                kind,
                title,
                targets: lines(targets),
                successCriteria: lines(criteria),
                startDate,
                endDate,
                reviewDates: reviews.filter(Boolean),
                leadId,
                ...(needs === 'academy' && supporter ? { supportingAcademyId: supporter } : {}),
                ...(needs === 'person' && supporter ? { supportingPersonId: supporter } : {}),
                clientKey: key,
              }),
            done,
          )
          .then((r) => {
            if (!r) return;
            setKey(clientKey());
            props.onCreated(done);
          });
      }}
    >
      <Field label="Kind" {...err('kind')}>
        <Select
          value={kind}
          onChange={(_, v) => {
            setKind(v.value);
            setSupporter('');
          }}
        >
          {props.kinds.map((k) => (
            <option key={k.id} value={k.id}>
              {k.label}
            </option>
          ))}
        </Select>
      </Field>
      {needs ? (
        <Field
          label={needs === 'academy' ? 'Supporting academy' : 'Supporting person'}
          required
          {...err(needs === 'academy' ? 'supportingAcademyId' : 'supportingPersonId')}
        >
          <Select value={supporter} onChange={(_, v) => setSupporter(v.value)}>
            <option value="">Choose…</option>
            {(needs === 'academy' ? props.academies.filter((a) => a.id !== props.academyId) : props.people).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <Field label="Title" required {...err('title')}>
        <Input value={title} onChange={(_, v) => setTitle(v.value)} />
      </Field>
      <Field label="Targets (one a line)" required {...err('targets')}>
        <Textarea value={targets} onChange={(_, v) => setTargets(v.value)} resize="vertical" />
      </Field>
      <Field label="Success criteria (one a line)" required {...err('successCriteria')}>
        <Textarea value={criteria} onChange={(_, v) => setCriteria(v.value)} resize="vertical" />
      </Field>
      <div className={s.row}>
        <DateField label="Start date" required value={startDate} onChange={setStartDate} {...(f.startDate ? { error: f.startDate } : {})} />
        <DateField label="End date" required value={endDate} onChange={setEndDate} {...(f.endDate ? { error: f.endDate } : {})} />
      </div>
      <div className={s.row}>
        {reviews.map((r, i) => (
          <DateField
            key={i}
            label={`Review date ${i + 1}`}
            required={i === 0}
            value={r}
            onChange={(v) => setReviews((x) => x.map((y, j) => (j === i ? v : y)))}
            {...(i === 0 && f.reviewDates ? { error: f.reviewDates } : {})}
          />
        ))}
      </div>
      <Field label="Lead" {...err('leadId')}>
        <Select value={leadId} onChange={(_, v) => setLeadId(v.value)}>
          {props.people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <div className={s.row}>
        <Button appearance="primary" type="submit" disabled={write.busy}>
          Agree the intervention
        </Button>
      </div>
      <WriteMessage feedback={write.feedback?.intent === 'success' ? undefined : write.feedback} />
    </form>
  );
}
