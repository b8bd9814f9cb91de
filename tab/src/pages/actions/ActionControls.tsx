import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import type { ActionWithCan } from '../../api/api-types';
import { usePageStyles } from '../page.styles';
import { ActionEditForm } from './ActionEditForm';
import { ActionProgressForm } from './ActionProgressForm';
import { ActionWithdrawForm } from './ActionWithdrawForm';

type Open = 'progress' | 'edit' | 'withdraw' | undefined;

/**
 * What the viewer may do to one action, from the server's `can` flags: move it on with a note,
 * correct it, withdraw it. Each opens its own small form, so a list of actions stays readable.
 */
export function ActionControls(props: {
  action: ActionWithCan;
  owners: { id: string; name: string }[];
  onChanged: (message: string) => void;
  compact?: boolean;
}) {
  const s = usePageStyles();
  const [open, setOpen] = useState<Open>();
  const { can, text } = props.action;
  if (!can.progress && !can.edit && !can.withdraw) return null;
  const toggle = (which: Exclude<Open, undefined>, label: string) => (
    <Button
      size="small"
      appearance={open === which ? 'primary' : 'secondary'}
      aria-expanded={open === which}
      aria-label={`${label}: ${text}`}
      onClick={() => setOpen(open === which ? undefined : which)}
    >
      {label}
    </Button>
  );
  const done = (message: string) => {
    setOpen(undefined);
    props.onChanged(message);
  };
  return (
    <div className={s.form}>
      <div className={s.row}>
        {can.progress ? toggle('progress', 'Update progress') : null}
        {can.edit ? toggle('edit', 'Change') : null}
        {can.withdraw ? toggle('withdraw', 'Withdraw') : null}
      </div>
      {open === 'progress' ? (
        <ActionProgressForm action={props.action} onSaved={done} {...(props.compact ? { compact: true } : {})} />
      ) : null}
      {open === 'edit' ? (
        <ActionEditForm action={props.action} owners={props.owners} onSaved={done} {...(props.compact ? { compact: true } : {})} />
      ) : null}
      {open === 'withdraw' ? (
        <ActionWithdrawForm action={props.action} onSaved={done} {...(props.compact ? { compact: true } : {})} />
      ) : null}
    </div>
  );
}
