import {
  Badge,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { academyName, areaLabel, nameOf } from '../../app/app-context';
import { pathOf } from '../../app/router';
import { AppLink } from '../../components/AppLink';
import { Empty, LoadError, Loading } from '../../components/PageState';
import { Section } from '../../components/Section';
import { formatDate, formatDateTime, formatTime, londonToday } from '../../format/dates';
import { roleName } from '../../format/roles';
import { PaperLink } from '../../components/PaperLink';
import type { usePageStyles } from '../page.styles';
import { ActionCaptureForm } from './ActionCaptureForm';
import { GRADES, JudgementForm } from './JudgementForm';
import { ApologiesForm } from './ApologiesForm';
import { ExtensionForm } from './ExtensionForm';
import { actionOwners, apologyCandidates, substituteCandidates } from './meeting-people';
import { CarriedForward, MeetingActionList } from './MeetingActions';
import { MeetingKpiDrops } from '../kpis/MeetingKpiDrops';
import type { MeetingPageState } from './useMeetingPage';

const ATTENDANCE = { expected: 'Expected', attended: 'Attended', apologies: 'Apologies', absent: 'Absent' } as const;
const gradeLabel = (g: string | undefined) => GRADES.find((x) => x.id === g)?.label ?? 'No grade';

/** A meeting: agenda with carried-forward actions, the KPI drops to review, papers, attendance, focus, judgements, notes and approval, actions raised. */
export function renderMeetingPage(st: MeetingPageState, s: ReturnType<typeof usePageStyles>) {
  const { data, ctx } = st;
  if (data.state === 'loading') return <Loading what="the meeting" />;
  if (data.state === 'error') return <LoadError error={data.error} onRetry={data.reload} />;
  const v = data.data;
  const m = v.meeting;
  const today = londonToday();
  const absentees = m.status === 'planned' && m.date >= today ? apologyCandidates(v, ctx, st.canRecord) : [];
  const canMark = st.canRecord && m.status !== 'cancelled';
  // Withheld notes (not yet circulated, and the viewer is not an approver) show only that they exist.
  const notes = m.notes && !m.notes.withheld ? m.notes : undefined;
  const pendingMine = notes?.approvals.some((a) => a.personId === ctx.me.id && a.status !== 'approved') && !notes?.circulatedAt;
  return (
    <div className={s.page}>
      <h1 className={s.heading}>
        {v.kind?.name ?? m.kind} at {v.academy?.name ?? academyName(ctx, m.academyId)}
      </h1>
      <div className={s.facts}>
        <Text>
          {formatDate(m.date)}, {formatTime(m.startsAt)} to {formatTime(m.endsAt)}
        </Text>
        <Badge appearance="outline">{m.status}</Badge>
        <Text>Chair: {nameOf(ctx, m.chairId)}</Text>
        <AppLink to={pathOf({ page: 'academy', academyId: m.academyId })}>Academy page</AppLink>
        <AppLink to={pathOf({ page: 'side-panel', meetingId: m.id })}>Open the side panel</AppLink>
      </div>
      {st.message && !st.feedback ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{st.message}</MessageBarBody>
        </MessageBar>
      ) : null}
      {st.feedback ? (
        <MessageBar intent={st.feedback.intent} role={st.feedback.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{st.feedback.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={s.grid}>
        <Section title="Agenda">
          {v.kind && v.kind.agenda.length > 0 ? (
            <ol className={s.list}>
              {v.kind.agenda.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ol>
          ) : (
            <Empty>No standing agenda for this kind of meeting.</Empty>
          )}
          <h3 className={s.subheading}>Focus</h3>
          <Text>{m.focus.length > 0 ? m.focus.map((f) => areaLabel(ctx, f)).join(', ') : 'No focus agreed yet.'}</Text>
        </Section>
        <Section title="Actions carried forward">
          <CarriedForward st={st} />
        </Section>
      </div>
      <div id="kpi-drops">
        <Section title="KPI drops to review">
          <MeetingKpiDrops drops={st.drops} owners={v.actionOwners} onReviewed={st.changed} />
        </Section>
      </div>
      <div id="papers">
        <Section title="Papers">
          {m.papers.length === 0 ? (
            <Empty>No papers are needed for this meeting.</Empty>
          ) : (
            <ul className={s.list}>
              {m.papers.map((p) => (
                <li key={p.requirementId}>
                  <strong>{p.title}</strong>{' '}
                  {p.submittedAt ? (
                    <span className={s.muted}>
                      in, {formatDateTime(p.submittedAt)} by {nameOf(ctx, p.submittedBy)}
                      {p.link ? (
                        <>
                          {' '}
                          · <PaperLink href={p.link} />
                        </>
                      ) : null}
                    </span>
                  ) : (
                    <>
                      <span
                        className={(p.extension?.status === 'approved' ? p.extension.newDueDate : p.dueDate) < today ? s.overdue : s.muted}
                      >
                        due {formatDate(p.extension?.status === 'approved' ? p.extension.newDueDate : p.dueDate)} from{' '}
                        {nameOf(ctx, p.ownerId)}
                      </span>
                      {p.extension ? (
                        <div className={s.muted}>
                          Extension to {formatDate(p.extension.newDueDate)} asked by {nameOf(ctx, p.extension.requestedBy)} (“
                          {p.extension.reason}”):{' '}
                          {p.extension.status === 'requested'
                            ? 'waiting for the chair'
                            : `${p.extension.status} by ${nameOf(ctx, p.extension.decidedBy)}`}
                        </div>
                      ) : null}
                      {p.extension?.status === 'requested' && v.can.decideExtensions ? (
                        <div className={s.row}>
                          <Button
                            size="small"
                            appearance="primary"
                            disabled={st.busy}
                            onClick={() => void st.decideExtension(p.requirementId, true)}
                          >
                            Grant the extension
                          </Button>
                          <Button size="small" disabled={st.busy} onClick={() => void st.decideExtension(p.requirementId, false)}>
                            Decline the extension
                          </Button>
                        </div>
                      ) : null}
                      {v.can.papers[p.requirementId]?.askForMoreTime ? (
                        <ExtensionForm title={p.title} busy={st.busy} onRequest={(e) => st.requestExtension(p.requirementId, e)} />
                      ) : null}
                      {v.can.papers[p.requirementId]?.submit ? (
                        <form
                          className={s.row}
                          onSubmit={(e) => {
                            e.preventDefault();
                            const link = new FormData(e.currentTarget).get('link');
                            void st.submitPaper(p.requirementId, typeof link === 'string' ? link : undefined);
                          }}
                        >
                          <Field label={`Link to the ${p.title}`} size="small">
                            <Input name="link" size="small" placeholder="Folder or file link" />
                          </Field>
                          <Button size="small" type="submit" disabled={st.busy}>
                            Mark as in
                          </Button>
                        </form>
                      ) : null}
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
      <Section title="Attendance">
        <div className={s.tableWrap}>
          <Table aria-label="Attendance" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Person</TableHeaderCell>
                <TableHeaderCell>Role</TableHeaderCell>
                <TableHeaderCell>Attendance</TableHeaderCell>
                <TableHeaderCell>Apologies and substitute</TableHeaderCell>
                {canMark ? <TableHeaderCell>Record</TableHeaderCell> : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {m.attendees.map((a) => (
                <TableRow key={a.personId} data-person={a.personId}>
                  <TableCell>{nameOf(ctx, a.personId)}</TableCell>
                  <TableCell>{a.presence === 'chair' ? `Chair (${roleName(a.role)})` : roleName(a.role)}</TableCell>
                  <TableCell>{ATTENDANCE[a.attendance]}</TableCell>
                  <TableCell>
                    {a.apology
                      ? `${a.apology.reason}${a.apology.substituteId ? `; substitute ${nameOf(ctx, a.apology.substituteId)}` : ''}`
                      : '—'}
                  </TableCell>
                  {canMark ? (
                    <TableCell>
                      <div className={s.row}>
                        <Button
                          size="small"
                          aria-label={`${nameOf(ctx, a.personId)} attended`}
                          disabled={st.busy || a.attendance === 'attended'}
                          onClick={() => void st.recordAttendance(a.personId, 'attended')}
                        >
                          Attended
                        </Button>
                        <Button
                          size="small"
                          aria-label={`${nameOf(ctx, a.personId)} absent`}
                          disabled={st.busy || a.attendance === 'absent' || a.attendance === 'apologies'}
                          onClick={() => void st.recordAttendance(a.personId, 'absent')}
                        >
                          Absent
                        </Button>
                      </div>
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
        {absentees.length > 0 ? (
          <ApologiesForm absentees={absentees} substitutes={substituteCandidates(v, ctx)} busy={st.busy} onSend={st.sendApologies} />
        ) : null}
      </Section>
      <div className={s.grid}>
        <Section title="Judgements">
          {!v.kind?.recordsJudgements ? (
            <Empty>This kind of meeting does not record judgements by inspection area.</Empty>
          ) : (
            <>
              {m.judgements.length === 0 ? (
                <Empty>No judgements recorded yet.</Empty>
              ) : (
                <ul className={s.list}>
                  {m.judgements.map((j) => (
                    <li key={j.area}>
                      <strong>{areaLabel(ctx, j.area)}</strong>: {gradeLabel(j.reportCardGrade ?? j.indicativeGrade)}
                      <div className={s.muted}>{j.evidence}</div>
                    </li>
                  ))}
                </ul>
              )}
              {st.canRecord && m.status !== 'cancelled' ? (
                <JudgementForm areas={v.inspectionAreas} busy={st.busy} onRecord={st.recordJudgement} />
              ) : null}
            </>
          )}
        </Section>
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
                    {nameOf(ctx, a.personId)}: {a.status}
                    {a.comment ? ` (“${a.comment}”)` : ''}
                  </li>
                ))}
              </ul>
            </>
          ) : m.notes ? null : (
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
          {st.canRecord && m.status !== 'cancelled' && !notes?.circulatedAt && m.date <= today ? (
            <form
              className={s.form}
              aria-label="Write the notes"
              onSubmit={(e) => {
                e.preventDefault();
                void st.writeNotes(st.notesDraft);
              }}
            >
              <Field label={m.notes ? 'Rewrite the notes' : 'Write the notes'}>
                <Textarea value={st.notesDraft} onChange={(_, x) => st.setNotesDraft(x.value)} resize="vertical" />
              </Field>
              <Button type="submit" disabled={st.busy || st.notesDraft.trim() === ''}>
                Save and send for approval
              </Button>
            </form>
          ) : null}
        </Section>
      </div>
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
          {st.canWrite && m.status !== 'cancelled' ? (
            <ActionCaptureForm
              academyId={m.academyId}
              meetingId={m.id}
              owners={actionOwners(v, ctx)}
              defaultDue={st.actions.defaultDueDate}
              onCaptured={st.changed}
            />
          ) : null}
        </Section>
      </div>
    </div>
  );
}
