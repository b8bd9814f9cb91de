import { Empty } from '../../../components/PageState';
import { Section } from '../../../components/Section';
import { formatDate, londonToday } from '../../../format/dates';
import { usePageStyles } from '../../page.styles';
import { ActionCaptureForm } from '../ActionCaptureForm';
import { actionOwners } from '../meeting-people';
import { MeetingActionList } from '../MeetingActions';
import type { MeetingSectionProps } from './meeting-section';

/** The actions raised at the meeting, captured live from its day by anyone who writes at the academy. */
export function MeetingActionsSection({ st, v }: MeetingSectionProps) {
  const s = usePageStyles();
  const m = v.meeting;
  const today = londonToday();
  return (
    <div id="actions">
      <Section title={`Actions raised (${v.actionsRaised.length})`}>
        {v.actionsRaised.length === 0 ? (
          <Empty>No actions raised at this meeting yet.</Empty>
        ) : (
          <MeetingActionList
            st={st}
            label="Actions raised"
            items={v.actionsRaised.map((a) => ({
              id: a.id,
              text: a.text,
              ownerId: a.ownerId,
              dueDate: a.dueDate,
              status: a.status,
              overdue: (a.status === 'open' || a.status === 'in-progress') && a.dueDate < today,
            }))}
          />
        )}
        {v.can.raiseActions ? (
          <ActionCaptureForm
            academyId={m.academyId}
            meetingId={m.id}
            owners={actionOwners(v, st.ctx)}
            defaultDue={st.actions.defaultDueDate}
            onCaptured={st.changed}
          />
        ) : v.can.write && v.can.moment === 'before' && m.status === 'planned' ? (
          <p className={s.muted}>Actions are raised at the meeting, from {formatDate(m.date)}.</p>
        ) : null}
      </Section>
    </div>
  );
}
