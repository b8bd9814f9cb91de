import { Button, Field, Input, Select } from '@fluentui/react-components';
import { useState } from 'react';
import type { PersonItem } from '../../api/api-types';
import { usePageStyles } from '../page.styles';

/** Apologies for someone on the list: a reason and, where one was found, a named substitute. */
export function ApologiesForm(props: {
  absentees: PersonItem[];
  substitutes: PersonItem[];
  busy: boolean;
  onSend: (a: { personId: string; reason: string; substituteId?: string }) => Promise<boolean>;
}) {
  const s = usePageStyles();
  const [personId, setPersonId] = useState(props.absentees[0]?.id ?? '');
  const [reason, setReason] = useState('');
  const [substituteId, setSubstituteId] = useState('');
  const chosen = props.absentees.some((p) => p.id === personId) ? personId : (props.absentees[0]?.id ?? '');
  return (
    <form
      className={s.form}
      aria-label="Send apologies"
      onSubmit={(e) => {
        e.preventDefault();
        void props.onSend({ personId: chosen, reason, ...(substituteId ? { substituteId } : {}) }).then((ok) => {
          if (ok) {
            setReason('');
            setSubstituteId('');
          }
        });
      }}
    >
      <h3 className={s.subheading}>Send apologies</h3>
      <div className={s.row}>
        <Field label="Apologies from" required>
          <Select value={chosen} onChange={(_, v) => setPersonId(v.value)}>
            {props.absentees.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Reason" required>
          <Input value={reason} onChange={(_, v) => setReason(v.value)} />
        </Field>
        <Field label="Substitute">
          <Select value={substituteId} onChange={(_, v) => setSubstituteId(v.value)}>
            <option value="">No substitute</option>
            {props.substitutes
              .filter((p) => p.id !== chosen)
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
          </Select>
        </Field>
        <Button type="submit" disabled={props.busy || reason.trim() === '' || chosen === ''}>
          Send apologies
        </Button>
      </div>
    </form>
  );
}
