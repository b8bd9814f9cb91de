import { Button, Field, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { DateField } from '../../components/DateField';
import type { PersonItem } from '../../api/api-types';
import { usePageStyles } from '../page.styles';

/** Capture an action live: what, who owns it, when it is due. Clears itself once recorded. */
export function ActionCaptureForm(props: { owners: PersonItem[]; defaultDue: string; busy: boolean; onCapture: (a: { text: string; ownerId: string; dueDate: string }) => Promise<boolean> }) {
  const s = usePageStyles();
  const [text, setText] = useState('');
  const [ownerId, setOwnerId] = useState(props.owners[0]?.id ?? '');
  const [dueDate, setDueDate] = useState(props.defaultDue);
  return (
    <form
      className={s.form}
      aria-label="Capture an action"
      onSubmit={(e) => {
        e.preventDefault();
        void props.onCapture({ text, ownerId, dueDate }).then((ok) => ok && setText(''));
      }}
    >
      <Field label="What" required>
        <Textarea value={text} onChange={(_, v) => setText(v.value)} resize="vertical" />
      </Field>
      <Field label="Owner" required>
        <Select value={ownerId} onChange={(_, v) => setOwnerId(v.value)}>
          {props.owners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <DateField label="Due" required value={dueDate} onChange={setDueDate} />
      <Button appearance="primary" type="submit" disabled={props.busy || text.trim() === '' || dueDate === ''}>
        Add action
      </Button>
    </form>
  );
}
