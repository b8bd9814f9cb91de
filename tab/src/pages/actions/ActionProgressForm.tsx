import { Button, Field, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { ActionWithCan } from '../../api/api-types';
import { useWrite } from '../../api/use-write';
import { ACTION_STATUS_LABELS } from '../../format/words';
import { usePageStyles } from '../page.styles';
import { WriteMessage } from './WriteMessage';

/** An action's status in words: the product's one set of labels. */
export const STATUS_LABEL = ACTION_STATUS_LABELS;

/** The owner (or the chair, or the trust team) moves an action on with a progress note: the note is what the next meeting reads. */
export function ActionProgressForm(props: { action: ActionWithCan; onSaved: (message: string) => void; compact?: boolean }) {
  const s = usePageStyles();
  const a = props.action;
  const write = useWrite();
  const [status, setStatus] = useState<keyof typeof STATUS_LABEL>(
    a.status === 'open' ? 'in-progress' : a.status === 'in-progress' ? 'done' : a.status,
  );
  const [note, setNote] = useState('');
  const size = props.compact ? 'small' : 'medium';
  return (
    <form
      className={s.form}
      aria-label={`Update the action “${a.text}”`}
      onSubmit={(e) => {
        e.preventDefault();
        const saved = `“${a.text}” is now ${STATUS_LABEL[status].toLowerCase()}.`;
        void write
          .run(
            (api) =>
              api.send('PATCH', `/api/actions/${encodeURIComponent(a.id)}`, {
                status,
                ...(note.trim() ? { note } : {}),
                version: a.version,
              }),
            saved,
          )
          .then((r) => r && props.onSaved(saved));
      }}
    >
      <div className={s.row}>
        <Field
          label="Status"
          size={size}
          validationMessage={write.problems.fields.status}
          validationState={write.problems.fields.status ? 'error' : 'none'}
        >
          <Select size={size} value={status} onChange={(_, v) => setStatus(v.value as keyof typeof STATUS_LABEL)}>
            {(['open', 'in-progress', 'done', ...(a.status === 'dropped' ? (['dropped'] as const) : [])] as const).map((x) => (
              <option key={x} value={x}>
                {STATUS_LABEL[x]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field
        label="Progress note"
        size={size}
        hint="What has been done, and what happens next"
        validationMessage={write.problems.fields.note}
        validationState={write.problems.fields.note ? 'error' : 'none'}
      >
        <Textarea size={size} value={note} onChange={(_, v) => setNote(v.value)} resize="vertical" />
      </Field>
      <div className={s.row}>
        <Button size={size} appearance="primary" type="submit" disabled={write.busy}>
          Save progress
        </Button>
      </div>
      <WriteMessage feedback={write.feedback} />
    </form>
  );
}
