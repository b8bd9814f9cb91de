import { Button, Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { DateField } from '../../components/DateField';
import { usePageStyles } from '../page.styles';

/** Ask the chair for more time on a paper: a new date (en-GB) and a reason. */
export function ExtensionForm(props: {
  title: string;
  busy: boolean;
  onRequest: (e: { newDueDate: string; reason: string }) => Promise<boolean>;
}) {
  const s = usePageStyles();
  const [newDueDate, setNewDueDate] = useState('');
  const [reason, setReason] = useState('');
  return (
    <form
      className={s.row}
      aria-label={`Ask for more time on the ${props.title}`}
      onSubmit={(e) => {
        e.preventDefault();
        void props.onRequest({ newDueDate, reason });
      }}
    >
      <DateField label={`New date for the ${props.title}`} size="small" value={newDueDate} onChange={setNewDueDate} required />
      <Field label="Why more time is needed" size="small" required>
        <Input size="small" value={reason} onChange={(_, v) => setReason(v.value)} />
      </Field>
      <Button size="small" type="submit" disabled={props.busy || newDueDate === '' || reason.trim() === ''}>
        Ask for more time
      </Button>
    </form>
  );
}
