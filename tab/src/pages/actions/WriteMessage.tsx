import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { WriteFeedback } from '../../api/use-write';

/** A write's outcome, announced: success politely, a problem as an alert. Multiline, so a long message wraps on a phone instead of scrolling it sideways. */
export function WriteMessage(props: { feedback: WriteFeedback; children?: ReactNode }) {
  if (!props.feedback) return null;
  const { intent, text } = props.feedback;
  return (
    <MessageBar layout="multiline" intent={intent} role={intent === 'success' ? 'status' : 'alert'}>
      <MessageBarBody>
        {text}
        {props.children}
      </MessageBarBody>
    </MessageBar>
  );
}
