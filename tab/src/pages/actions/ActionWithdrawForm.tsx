import { Button, Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { ActionWithCan } from '../../api/api-types';
import { useWrite } from '../../api/use-write';
import { usePageStyles } from '../page.styles';
import { WriteMessage } from './WriteMessage';

/** Withdraws an action raised by mistake, with the reason (kept in its history; the action leaves every list). */
export function ActionWithdrawForm(props: { action: ActionWithCan; onSaved: (message: string) => void; compact?: boolean }) {
  const s = usePageStyles();
  const a = props.action;
  const write = useWrite();
  const [reason, setReason] = useState('');
  const size = props.compact ? 'small' : 'medium';
  return (
    <form
      className={s.form}
      aria-label={`Withdraw the action “${a.text}”`}
      onSubmit={(e) => {
        e.preventDefault();
        const done = `“${a.text}” withdrawn; the reason is kept in its history.`;
        void write
          .run((api) => api.send('POST', `/api/actions/${encodeURIComponent(a.id)}/withdrawal`, { reason, version: a.version }), done)
          .then((r) => r && props.onSaved(done));
      }}
    >
      <Field
        label="Why it is being withdrawn"
        size={size}
        required
        validationMessage={write.problems.fields.reason}
        validationState={write.problems.fields.reason ? 'error' : 'none'}
      >
        <Textarea size={size} value={reason} onChange={(_, v) => setReason(v.value)} resize="vertical" />
      </Field>
      <div className={s.row}>
        <Button size={size} type="submit" disabled={write.busy || reason.trim() === ''}>
          Withdraw the action
        </Button>
      </div>
      <WriteMessage feedback={write.feedback} />
    </form>
  );
}
