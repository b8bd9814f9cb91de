import { Button, Field, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { ActionWithCan } from '../../api/api-types';
import { useWrite } from '../../api/use-write';
import { DateField } from '../../components/DateField';
import { usePageStyles } from '../page.styles';
import { WriteMessage } from './WriteMessage';

/**
 * Whoever raised an action, the chair or the trust team corrects its text, owner or due date. A due
 * date in the holidays comes back as a warning with the choice to keep it (the API's check, not ours).
 */
export function ActionEditForm(props: {
  action: ActionWithCan;
  owners: { id: string; name: string }[];
  onSaved: (message: string) => void;
  compact?: boolean;
}) {
  const s = usePageStyles();
  const a = props.action;
  const write = useWrite();
  const [text, setText] = useState(a.text);
  const [ownerId, setOwnerId] = useState(a.ownerId);
  const [dueDate, setDueDate] = useState(a.dueDate);
  const size = props.compact ? 'small' : 'medium';
  const owners = props.owners.some((o) => o.id === a.ownerId) ? props.owners : [{ id: a.ownerId, name: a.ownerId }, ...props.owners];
  const save = (keepHolidayDate: boolean) =>
    void write
      .run(
        (api) =>
          api.send('PATCH', `/api/actions/${encodeURIComponent(a.id)}/details`, {
            ...(text !== a.text ? { text } : {}),
            ...(ownerId !== a.ownerId ? { ownerId } : {}),
            ...(dueDate !== a.dueDate ? { dueDate } : {}),
            ...(keepHolidayDate ? { keepHolidayDate: true } : {}),
            version: a.version,
          }),
        'Action changed.',
      )
      .then((r) => r && props.onSaved(`“${text}” changed.`));
  const f = write.problems.fields;
  const holiday = write.problems.refusal?.code === 'ACTION.DUE_IN_HOLIDAYS';
  return (
    <form
      className={s.form}
      aria-label={`Change the action “${a.text}”`}
      onSubmit={(e) => {
        e.preventDefault();
        save(false);
      }}
    >
      <Field label="What" size={size} validationMessage={f.text} validationState={f.text ? 'error' : 'none'}>
        <Textarea size={size} value={text} onChange={(_, v) => setText(v.value)} resize="vertical" />
      </Field>
      <Field label="Owner" size={size} validationMessage={f.ownerId} validationState={f.ownerId ? 'error' : 'none'}>
        <Select size={size} value={ownerId} onChange={(_, v) => setOwnerId(v.value)}>
          {owners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <DateField label="Due date" size={size} value={dueDate} onChange={setDueDate} {...(f.dueDate ? { error: f.dueDate } : {})} />
      <div className={s.row}>
        <Button size={size} appearance="primary" type="submit" disabled={write.busy || text.trim() === '' || dueDate === ''}>
          Save changes
        </Button>
      </div>
      <WriteMessage feedback={write.feedback}>
        {holiday ? (
          <div className={s.row}>
            <Button size="small" onClick={() => save(true)} disabled={write.busy}>
              Keep this date
            </Button>
          </div>
        ) : null}
      </WriteMessage>
    </form>
  );
}
