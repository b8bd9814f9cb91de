import { Button } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { usePageStyles } from '../page.styles';

/**
 * A form kept behind a button until someone asks for it (issue 20: always-open forms cluttered the
 * page). The form is given `close`, to fold itself away once it has done its work.
 */
export function OpenFormButton(props: {
  label: string;
  /** The button's accessible name where its text alone is ambiguous ("Ask for more time on the SEF"). */
  name?: string;
  size?: 'small' | 'medium';
  children: (close: () => void) => ReactNode;
}) {
  const s = usePageStyles();
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <div className={s.row}>
        <Button size={props.size ?? 'medium'} aria-expanded={false} aria-label={props.name} onClick={() => setOpen(true)}>
          {props.label}
        </Button>
      </div>
    );
  return (
    <div className={s.form}>
      {props.children(() => setOpen(false))}
      <div className={s.row}>
        <Button size="small" appearance="subtle" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </div>
  );
}

/** Runs a write and folds the form away when it succeeded. */
export const thenClose =
  <A,>(write: (a: A) => Promise<boolean>, close: () => void) =>
  async (a: A): Promise<boolean> => {
    const ok = await write(a);
    if (ok) close();
    return ok;
  };
