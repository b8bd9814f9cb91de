import { Button, Field, Text, Textarea } from '@fluentui/react-components';
import { nameOf } from '../../../app/app-context';
import { Empty } from '../../../components/PageState';
import { Section } from '../../../components/Section';
import { formatDate, formatDateTime } from '../../../format/dates';
import { approvalStatusLabel } from '../../../format/words';
import { usePageStyles } from '../../page.styles';
import { OpenFormButton } from '../OpenFormButton';
import type { MeetingSectionProps } from './meeting-section';

/**
 * The notes and their approval (DSAT: the head and the chair of the LGB check them before they
 * circulate). Before the meeting there is nothing to write, and the section says when there will be.
 */
export function MeetingNotesSection({ st, v }: MeetingSectionProps) {
  const s = usePageStyles();
  const { ctx } = st;
  const m = v.meeting;
  // Withheld notes (not yet circulated, and the viewer is not an approver) show only that they exist.
  const notes = m.notes && !m.notes.withheld ? m.notes : undefined;
  const pendingMine = notes?.approvals.some((a) => a.personId === ctx.me.id && a.status !== 'approved') && !notes?.circulatedAt;
  return (
    <div id="notes">
      <Section title="Notes">
        {m.notes?.withheld ? <Empty>{m.notes.message}</Empty> : null}
        {notes ? (
          <>
            <p className={s.pre}>{notes.text}</p>
            <Text className={s.muted}>
              Written by {nameOf(ctx, notes.writtenBy)}, {formatDateTime(notes.writtenAt)}.{' '}
              {notes.circulatedAt ? `Approved and circulated ${formatDateTime(notes.circulatedAt)}.` : 'Not yet circulated.'}
            </Text>
            <ul className={s.list} aria-label="Approvals">
              {notes.approvals.map((a) => (
                <li key={`${a.role}-${a.personId}`}>
                  {nameOf(ctx, a.personId)}: {approvalStatusLabel(a.status).toLowerCase()}
                  {a.comment ? ` (“${a.comment}”)` : ''}
                </li>
              ))}
            </ul>
          </>
        ) : m.notes ? null : v.can.moment === 'before' && m.status === 'planned' ? (
          <Empty>{`Notes open on the day of the meeting, ${formatDate(m.date)}.`}</Empty>
        ) : (
          <Empty>No notes written yet.</Empty>
        )}
        {pendingMine ? (
          <form
            className={s.form}
            aria-label="Approve the notes"
            onSubmit={(e) => {
              e.preventDefault();
              void st.approveNotes(true);
            }}
          >
            <Field label="Comment (needed to ask for changes)">
              <Textarea value={st.comment} onChange={(_, x) => st.setComment(x.value)} />
            </Field>
            <div className={s.row}>
              <Button appearance="primary" type="submit" disabled={st.busy}>
                Approve the notes
              </Button>
              <Button onClick={() => void st.approveNotes(false, st.comment)} disabled={st.busy}>
                Ask for changes
              </Button>
            </div>
          </form>
        ) : null}
        {v.can.writeNotes ? (
          <OpenFormButton label={m.notes ? 'Rewrite the notes' : 'Write the notes'}>
            {(close) => (
              <form
                className={s.form}
                aria-label="Write the notes"
                onSubmit={(e) => {
                  e.preventDefault();
                  void st.writeNotes(st.notesDraft).then((ok) => ok && close());
                }}
              >
                <Field label={m.notes ? 'Rewrite the notes' : 'Write the notes'}>
                  <Textarea value={st.notesDraft} onChange={(_, x) => st.setNotesDraft(x.value)} resize="vertical" />
                </Field>
                <Button type="submit" disabled={st.busy || st.notesDraft.trim() === ''}>
                  Save and send for approval
                </Button>
              </form>
            )}
          </OpenFormButton>
        ) : null}
      </Section>
    </div>
  );
}
