import { Button, Field, MessageBar, MessageBarBody, MessageBarTitle, Text, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { EscalationMove, LadderView } from '../../api/api-types';
import { useWrite } from '../../api/use-write';
import { nameOf, type AppContextValue } from '../../app/app-context';
import { formatDate, formatDateTime } from '../../format/dates';
import { WriteMessage } from '../actions/WriteMessage';
import { usePageStyles } from '../page.styles';

/** What a move would change, said before anything is saved: the step, the academy's status, the cadence, the meetings. */
function PreviewOf(props: { move: EscalationMove }) {
  const s = usePageStyles();
  const m = props.move;
  const changes = m.changes as { sponsored?: { from: boolean; to: boolean }; supportStage?: { from: string; to: string } };
  const meetings = m.meetings;
  return (
    <div className={s.form} aria-label="What the move will change" role="region">
      <Text weight="semibold">
        From step {m.from.step} ({m.from.label}) to step {m.to.step} of {m.to.of}: {m.to.label}
      </Text>
      <ul className={s.list}>
        {changes.sponsored ? (
          <li>
            {changes.sponsored.to
              ? 'The academy will be managed as a sponsored academy.'
              : 'The academy will no longer be managed as a sponsored academy.'}
          </li>
        ) : null}
        {changes.supportStage ? <li>{`Support stage: ${changes.supportStage.from} → ${changes.supportStage.to}.`}</li> : null}
        {!changes.sponsored && !changes.supportStage ? <li>The academy’s status and meetings stay as they are.</li> : null}
      </ul>
      {changes.sponsored || changes.supportStage ? (
        <>
          <Text>{`Meetings this year: ${m.cadence.after.join('; ')}.`}</Text>
          <ul className={s.list} aria-label="Meetings the rest of the year gains, moves or drops">
            {meetings.added.map((x) => (
              <li key={`add-${x.kind}-${x.date}`}>{`Added: ${x.abbreviation} on ${formatDate(x.date)}`}</li>
            ))}
            {meetings.moved.map((x) => (
              <li key={`move-${x.id}`}>{`Moved: ${x.abbreviation} from ${formatDate(x.from)} to ${formatDate(x.to)}`}</li>
            ))}
            {meetings.dropped.map((x) => (
              <li key={`drop-${x.id}`}>{`Dropped: ${x.abbreviation} on ${formatDate(x.date)}`}</li>
            ))}
            {meetings.unplaced.map((x) => (
              <li key={`unplaced-${x.kind}-${x.halfTerm}`}>{`Not placed: ${x.abbreviation} in half term ${x.halfTerm} (${x.reason})`}</li>
            ))}
            {meetings.added.length + meetings.moved.length + meetings.dropped.length === 0 ? <li>No meetings change.</li> : null}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/**
 * The escalation ladder on the academy page: where the academy is, the move up or down the viewer
 * may make (with a reason, previewed first, because the top step re-plans the year), and the
 * history: who moved it, when and why.
 */
export function EscalationPanel(props: {
  academyId: string;
  ladder: LadderView;
  ctx: AppContextValue;
  onMoved: (message: string) => void;
}) {
  const s = usePageStyles();
  const write = useWrite();
  const [direction, setDirection] = useState<'up' | 'down'>();
  const [reason, setReason] = useState('');
  const [preview, setPreview] = useState<EscalationMove>();
  const l = props.ladder;
  const send = (asPreview: boolean) =>
    write.run(
      (api) =>
        api.send<EscalationMove>('POST', `/api/academies/${encodeURIComponent(props.academyId)}/escalation`, {
          direction,
          reason,
          version: l.version,
          preview: asPreview,
        }),
      (r) => (asPreview ? 'Check what the move will change, then confirm it.' : `Moved to step ${r.to.step}: ${r.to.label}.`),
    );
  const start = (d: 'up' | 'down') => {
    setDirection(d);
    setPreview(undefined);
    write.setFeedback(undefined);
  };
  const option = (d: 'up' | 'down') => {
    const m = d === 'up' ? l.up : l.down;
    if (!m) return null;
    return m.allowed ? (
      <Button key={d} size="small" appearance={direction === d ? 'primary' : 'secondary'} onClick={() => start(d)}>
        {d === 'up' ? `Move up to “${m.to.label}”` : `Move down to “${m.to.label}”`}
      </Button>
    ) : (
      <Text key={d} className={s.muted}>{`${d === 'up' ? 'Moving up to' : 'Moving down to'} “${m.to.label}” is for the ${m.by}.`}</Text>
    );
  };
  return (
    <div className={s.form}>
      <Text>
        Now at step {l.position.step} of {l.position.of}: {l.position.label}
        {l.position.since ? ` (since ${formatDateTime(l.position.since)})` : ''}
      </Text>
      <div className={s.row}>
        {option('up')}
        {option('down')}
      </div>
      {direction ? (
        <form
          className={s.form}
          aria-label="Move the academy on the ladder"
          onSubmit={(e) => {
            e.preventDefault();
            void send(true).then((r) => r && setPreview(r));
          }}
        >
          <Field
            label="Why the academy is moving"
            required
            validationMessage={write.problems.fields.reason}
            validationState={write.problems.fields.reason ? 'error' : 'none'}
          >
            <Textarea
              value={reason}
              onChange={(_, v) => {
                setReason(v.value);
                setPreview(undefined);
              }}
              resize="vertical"
            />
          </Field>
          <div className={s.row}>
            <Button type="submit" disabled={write.busy || reason.trim() === ''}>
              Preview the move
            </Button>
            {preview ? (
              <Button
                appearance="primary"
                disabled={write.busy}
                onClick={() =>
                  void send(false).then((r) => {
                    if (!r) return;
                    setDirection(undefined);
                    setPreview(undefined);
                    setReason('');
                    props.onMoved(`Moved to step ${r.to.step}: ${r.to.label}.`);
                  })
                }
              >
                Confirm the move
              </Button>
            ) : null}
          </div>
          {preview ? (
            <MessageBar intent="info">
              <MessageBarBody>
                <MessageBarTitle>Preview: nothing is saved until you confirm</MessageBarTitle>
                <PreviewOf move={preview} />
              </MessageBarBody>
            </MessageBar>
          ) : null}
          <WriteMessage feedback={write.feedback?.intent === 'success' ? undefined : write.feedback} />
        </form>
      ) : null}
      <h3 className={s.subheading}>History</h3>
      {l.history.length === 0 ? (
        <Text italic>Never moved on the ladder.</Text>
      ) : (
        <ul className={s.list} aria-label="Escalation history">
          {l.history.map((h) => (
            <li key={h.id}>
              {formatDateTime(h.at)}: {h.direction === 'down' ? 'down to' : 'to'} step {h.step}, {h.label}, by {nameOf(props.ctx, h.by)}
              <div className={s.muted}>{h.reason}</div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
