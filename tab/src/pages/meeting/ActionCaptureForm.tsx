import { Button, Field, Select, Textarea } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { PersonItem } from '../../api/api-types';
import { clientKey, useWrite } from '../../api/use-write';
import { DateField } from '../../components/DateField';
import { WriteMessage } from '../actions/WriteMessage';
import { usePageStyles } from '../page.styles';

/**
 * Capture an action live: what, who owns it, when it is due (the school day before the academy's
 * next meeting unless changed). A due date in the holidays comes back as a warning the person can
 * override. Clears itself once recorded.
 */
export function ActionCaptureForm(props: {
  academyId: string;
  meetingId: string;
  owners: PersonItem[];
  defaultDue: string | undefined;
  onCaptured: (message: string) => void;
}) {
  const s = usePageStyles();
  const write = useWrite();
  const [text, setText] = useState('');
  const [ownerId, setOwnerId] = useState(props.owners[0]?.id ?? '');
  const [dueDate, setDueDate] = useState(props.defaultDue ?? '');
  const [key, setKey] = useState(clientKey);
  useEffect(() => {
    // The default arrives with the page's action list; follow it until the person types their own.
    if (props.defaultDue && dueDate === '') setDueDate(props.defaultDue);
    // Only when the meeting's default changes, not when the person edits the field.
  }, [props.defaultDue]);
  const f = write.problems.fields;
  const capture = (keepHolidayDate: boolean) => {
    const owner = props.owners.find((p) => p.id === ownerId)?.name ?? ownerId;
    const done = `Action recorded for ${owner}.`;
    void write
      .run(
        (api) =>
          api.send('POST', '/api/actions', {
            academyId: props.academyId,
            raisedInMeetingId: props.meetingId,
            text,
            ownerId,
            dueDate,
            clientKey: key,
            ...(keepHolidayDate ? { keepHolidayDate: true } : {}),
          }),
        done,
      )
      .then((r) => {
        if (!r) return;
        setText('');
        setKey(clientKey());
        if (props.defaultDue) setDueDate(props.defaultDue);
        props.onCaptured(done);
      });
  };
  return (
    <form
      className={s.form}
      aria-label="Capture an action"
      onSubmit={(e) => {
        e.preventDefault();
        capture(false);
      }}
    >
      <Field label="What" required validationMessage={f.text} validationState={f.text ? 'error' : 'none'}>
        <Textarea value={text} onChange={(_, v) => setText(v.value)} resize="vertical" />
      </Field>
      <Field label="Owner" required validationMessage={f.ownerId} validationState={f.ownerId ? 'error' : 'none'}>
        <Select value={ownerId} onChange={(_, v) => setOwnerId(v.value)}>
          {props.owners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <DateField label="Due date" required value={dueDate} onChange={setDueDate} {...(f.dueDate ? { error: f.dueDate } : {})} />
      <Button appearance="primary" type="submit" disabled={write.busy || text.trim() === '' || dueDate === ''}>
        Add action
      </Button>
      <WriteMessage feedback={write.feedback?.intent === 'success' ? undefined : write.feedback}>
        {write.problems.refusal?.code === 'ACTION.DUE_IN_HOLIDAYS' ? (
          <div className={s.row}>
            <Button size="small" onClick={() => capture(true)} disabled={write.busy}>
              Keep this date
            </Button>
          </div>
        ) : null}
      </WriteMessage>
    </form>
  );
}
