import { Field, Input } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { formatDate, formatInputDate, parseInputDate } from '../format/dates';

/**
 * An en-GB date field: the person types dd/mm/yyyy (the browser's own date input follows the
 * browser's locale, which is often US); the page gets "YYYY-MM-DD", or "" while it is not a date.
 */
export function DateField(props: {
  label: string;
  value: string;
  onChange: (iso: string) => void;
  required?: boolean;
  autoFocus?: boolean;
  size?: 'small' | 'medium';
  error?: string;
}) {
  const [text, setText] = useState(formatInputDate(props.value));
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    // Follow the page when it sets a different date (a reset after saving, a new default).
    if ((parseInputDate(text) ?? '') !== props.value) setText(formatInputDate(props.value));
    // Only when the value from outside changes, not on each keystroke of the text being typed.
  }, [props.value]);
  const parsed = parseInputDate(text);
  const invalid = touched && text.trim() !== '' && parsed === undefined;
  const message = invalid ? 'Enter the date as dd/mm/yyyy, for example 03/05/2027.' : props.error;
  return (
    <Field
      label={props.label}
      required={props.required}
      size={props.size}
      validationState={message ? 'error' : 'none'}
      validationMessage={message}
      hint={parsed && !message ? formatDate(parsed) : 'dd/mm/yyyy'}
    >
      <Input
        value={text}
        inputMode="numeric"
        autoComplete="off"
        placeholder="dd/mm/yyyy"
        autoFocus={props.autoFocus}
        size={props.size}
        onChange={(_, v) => {
          setText(v.value);
          props.onChange(parseInputDate(v.value) ?? '');
        }}
        onBlur={() => setTouched(true)}
      />
    </Field>
  );
}
