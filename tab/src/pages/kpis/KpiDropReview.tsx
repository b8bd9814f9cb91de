import { Button, Field, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { KpiDropView } from '../../api/api-types';
import { clientKey, useWrite } from '../../api/use-write';
import { WriteMessage } from '../actions/WriteMessage';
import { usePageStyles } from '../page.styles';

const unit = (d: Pick<KpiDropView, 'unit'>) => (d.unit === 'percent' ? '%' : '');

/** "Attendance, Spring data: 91.2% against a target of 96%". */
export const dropSentence = (d: KpiDropView) =>
  `${d.measure}, ${d.pointLabel}: ${d.value}${unit(d)} against a target of ${d.target}${unit(d)}`;

/**
 * One drop reviewed in the meeting (Waterton: "any drop from KPIs … will be investigated during the
 * ASER"): what was found and, where agreed, an action for someone who may see the academy.
 */
export function KpiDropReviewForm(props: {
  meetingId: string;
  drop: KpiDropView;
  owners: { id: string; name: string }[];
  compact?: boolean;
  onReviewed: (message: string) => void;
}) {
  const s = usePageStyles();
  const write = useWrite();
  const [found, setFound] = useState('');
  const [action, setAction] = useState('');
  const [ownerId, setOwnerId] = useState(props.owners[0]?.id ?? '');
  const [key] = useState(clientKey);
  const size = props.compact ? 'small' : 'medium';
  const d = props.drop;
  const f = write.problems.fields;
  return (
    <form
      className={s.form}
      aria-label={`Review the drop: ${d.measure}, ${d.pointLabel}`}
      onSubmit={(e) => {
        e.preventDefault();
        const done = `Drop reviewed: ${d.measure}, ${d.pointLabel}.`;
        void write
          .run(
            (api) =>
              api.send('POST', `/api/meetings/${encodeURIComponent(props.meetingId)}/kpi-reviews`, {
                dataPointId: d.id,
                found,
                actions: action.trim() ? [{ text: action, ownerId }] : [],
                clientKey: key,
                version: d.version,
              }),
            done,
          )
          .then((r) => r && props.onReviewed(done));
      }}
    >
      <Field label="What the review found" size={size} required validationMessage={f.found} validationState={f.found ? 'error' : 'none'}>
        <Textarea size={size} value={found} onChange={(_, v) => setFound(v.value)} resize="vertical" />
      </Field>
      <Field
        label="Action agreed (optional)"
        size={size}
        validationMessage={f['actions.0.text']}
        validationState={f['actions.0.text'] ? 'error' : 'none'}
      >
        <Textarea size={size} value={action} onChange={(_, v) => setAction(v.value)} resize="vertical" />
      </Field>
      {action.trim() ? (
        <Field
          label="Action owner"
          size={size}
          validationMessage={f['actions.0.ownerId']}
          validationState={f['actions.0.ownerId'] ? 'error' : 'none'}
        >
          <Select size={size} value={ownerId} onChange={(_, v) => setOwnerId(v.value)}>
            {props.owners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <div className={s.row}>
        <Button size={size} appearance="primary" type="submit" disabled={write.busy || found.trim() === ''}>
          Record the review
        </Button>
      </div>
      <WriteMessage feedback={write.feedback?.intent === 'success' ? undefined : write.feedback} />
    </form>
  );
}
