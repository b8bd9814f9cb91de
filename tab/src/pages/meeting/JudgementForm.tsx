import { Button, Field, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { Grade } from '../../api/api-types';
import { usePageStyles } from '../page.styles';

export const GRADES: { id: Grade; label: string }[] = [
  { id: 'outstanding', label: 'Outstanding' },
  { id: 'good', label: 'Good' },
  { id: 'requires-improvement', label: 'Requires Improvement' },
  { id: 'inadequate', label: 'Inadequate' },
];

/** Record evidence and an indicative grade for one inspection area. */
export function JudgementForm(props: { areas: { id: string; label: string }[]; busy: boolean; onRecord: (j: { area: string; evidence: string; indicativeGrade?: Grade }) => Promise<boolean> }) {
  const s = usePageStyles();
  const [area, setArea] = useState(props.areas[0]?.id ?? '');
  const [grade, setGrade] = useState<Grade | ''>('');
  const [evidence, setEvidence] = useState('');
  return (
    <form
      className={s.form}
      aria-label="Record a judgement"
      onSubmit={(e) => {
        e.preventDefault();
        void props.onRecord({ area, evidence, ...(grade ? { indicativeGrade: grade } : {}) }).then((ok) => ok && setEvidence(''));
      }}
    >
      <Field label="Inspection area">
        <Select value={area} onChange={(_, v) => setArea(v.value)}>
          {props.areas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Indicative grade">
        <Select value={grade} onChange={(_, v) => setGrade(v.value as Grade | '')}>
          <option value="">No grade</option>
          {GRADES.map((g) => (
            <option key={g.id} value={g.id}>
              {g.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Evidence" required>
        <Textarea value={evidence} onChange={(_, v) => setEvidence(v.value)} resize="vertical" />
      </Field>
      <Button appearance="primary" type="submit" disabled={props.busy || evidence.trim() === ''}>
        Record judgement
      </Button>
    </form>
  );
}
