import { academyName, kindAbbreviation } from '../../app/app-context';
import { pathOf } from '../../app/router';
import { AppLink } from '../../components/AppLink';
import { Empty, LoadError, Loading } from '../../components/PageState';
import { Section } from '../../components/Section';
import { formatDate } from '../../format/dates';
import type { usePageStyles } from '../page.styles';
import type { MyWorkState } from './useMyWorkPage';
import { Text } from '@fluentui/react-components';
import { ActionControls } from '../actions/ActionControls';
import { STATUS_LABEL } from '../actions/ActionProgressForm';
import { MessageSettings } from './MessageSettings';
import { CalendarFeed } from './CalendarFeed';

/** My work as a pure function of its state. */
export function renderMyWorkPage(st: MyWorkState, s: ReturnType<typeof usePageStyles>) {
  const { data, ctx } = st;
  if (data.state === 'loading') return <Loading what="your work" />;
  if (data.state === 'error') return <LoadError error={data.error} onRetry={data.reload} />;
  const w = data.data;
  const meetingLink = (id: string, academyId: string, kind: string, date: string) => (
    <AppLink
      to={pathOf({ page: 'meeting', meetingId: id })}
    >{`${kindAbbreviation(ctx, kind)} at ${academyName(ctx, academyId)}, ${formatDate(date)}`}</AppLink>
  );
  // Papers before a meeting and reports after one read alike: what, when due (flagged when late), which meeting.
  const owedList = (items: typeof w.papersOwed, label: string, relation: 'for' | 'after') => (
    <ul className={s.list} aria-label={label}>
      {items.map((p) => (
        <li key={`${p.meetingId}-${p.paper.requirementId}`} data-overdue={p.overdue}>
          {p.paper.title}
          <div className={p.overdue ? s.overdue : s.muted}>
            due {formatDate(p.dueDate)}
            {p.overdue ? ' (overdue)' : ''}
          </div>
          <div className={s.muted}>
            {relation} {meetingLink(p.meetingId, p.academyId, p.kind, p.meetingDate)}
          </div>
        </li>
      ))}
    </ul>
  );
  return (
    <div className={s.page}>
      <h1 className={s.heading}>My work: {ctx.me.name}</h1>
      <div className={s.grid}>
        <Section title={`My actions (${w.actions.length})`}>
          {w.actions.length === 0 ? (
            <Empty>No open actions. Well done.</Empty>
          ) : (
            <ul className={s.list} aria-label="My actions">
              {w.actions.map((a) => {
                const withCan = st.actions.byId.get(a.id);
                return (
                  <li key={a.id} id={`action-${a.id}`}>
                    {a.text}
                    <div className={a.dueDate < w.today ? s.overdue : s.muted}>
                      {academyName(ctx, a.academyId)} · due {formatDate(a.dueDate)}
                      {a.dueDate < w.today ? ' (overdue)' : ''} · {STATUS_LABEL[a.status].toLowerCase()}
                    </div>
                    {withCan ? <ActionControls action={withCan} owners={[]} onChanged={st.actions.changed} compact /> : null}
                  </li>
                );
              })}
            </ul>
          )}
          {st.actions.message ? (
            <Text role="status" className={s.muted}>
              {st.actions.message}
            </Text>
          ) : null}
        </Section>
        <Section title={`Papers I owe (${w.papersOwed.length})`}>
          {w.papersOwed.length === 0 ? <Empty>No papers owed.</Empty> : owedList(w.papersOwed, 'Papers I owe', 'for')}
        </Section>
        {w.reportsOwed.length > 0 ? (
          <Section title={`Reports I owe after meetings (${w.reportsOwed.length})`}>
            {owedList(w.reportsOwed, 'Reports I owe after meetings', 'after')}
          </Section>
        ) : null}
        <Section title={`Approvals waiting for me (${w.approvals.length})`}>
          {w.approvals.length === 0 ? (
            <Empty>Nothing to approve.</Empty>
          ) : (
            <ul className={s.list}>
              {w.approvals.map((a) => (
                <li key={`${a.type}-${a.meetingId}-${'paper' in a ? a.paper.requirementId : ''}`}>
                  {a.type === 'notes' ? 'Notes of ' : `Extension for the ${'paper' in a ? a.paper.title : 'paper'} at `}
                  {meetingLink(a.meetingId, a.academyId, a.kind, a.meetingDate)}
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section title={`My next meetings (${w.nextMeetings.length})`}>
          {w.nextMeetings.length === 0 ? (
            <Empty>No meetings in the next eight weeks.</Empty>
          ) : (
            <ul className={s.list}>
              {w.nextMeetings.map((m) => (
                <li key={m.id}>{meetingLink(m.id, m.academyId, m.kind, m.date)}</li>
              ))}
            </ul>
          )}
        </Section>
        <MessageSettings />
        <CalendarFeed />
      </div>
    </div>
  );
}
