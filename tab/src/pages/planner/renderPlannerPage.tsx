import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { academyName, kindAbbreviation, nameOf } from '../../app/app-context';
import { pathOf } from '../../app/router';
import { AppLink } from '../../components/AppLink';
import { DateField } from '../../components/DateField';
import { Empty, LoadError, Loading } from '../../components/PageState';
import { Section } from '../../components/Section';
import { formatDate, formatShortDate, formatTime } from '../../format/dates';
import { meetingStatusLabel } from '../../format/words';
import type { usePageStyles } from '../page.styles';
import type { PlannerState } from './usePlannerPage';
import { FocusCoverageSection } from './FocusCoverageSection';
import { TrustMeetingsSection } from './TrustMeetingsSection';

/** The year planner: half terms with bank holidays, every meeting, chair load, and moving a meeting. */
export function renderPlannerPage(st: PlannerState, s: ReturnType<typeof usePageStyles>) {
  const { data, ctx } = st;
  if (data.state === 'loading') return <Loading what="the year planner" />;
  if (data.state === 'error') return <LoadError error={data.error} onRetry={data.reload} />;
  const d = data.data;
  return (
    <div className={s.page}>
      <h1 className={s.heading}>Year planner {d.academicYear}</h1>
      {st.result ? (
        <MessageBar intent={st.result.kind === 'moved' ? 'success' : 'error'} role={st.result.kind === 'moved' ? 'status' : 'alert'}>
          <MessageBarBody>
            <MessageBarTitle>{st.result.kind === 'moved' ? 'Meeting moved' : 'Not moved'}</MessageBarTitle>
            {st.result.text}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {st.moving ? (
        <Section title="Move a meeting">
          <p>
            {kindAbbreviation(ctx, st.moving.kind)} at {academyName(ctx, st.moving.academyId)}, now {formatDate(st.moving.date)}
          </p>
          <form
            className={s.row}
            onSubmit={(e) => {
              e.preventDefault();
              void st.move();
            }}
          >
            <DateField label="New date" value={st.date} onChange={st.setDate} autoFocus required />
            <Button appearance="primary" type="submit" disabled={st.busy || st.date === ''}>
              {st.busy ? 'Moving…' : 'Move'}
            </Button>
            <Button onClick={st.cancelMove}>Cancel</Button>
          </form>
        </Section>
      ) : null}
      {st.halfTerms.map((h) => (
        <Section key={h.halfTerm} title={`${h.label}: ${formatDate(h.start)} to ${formatDate(h.end)}`}>
          <p className={s.muted}>
            {h.bankHolidays.length > 0 ? `Bank holidays: ${h.bankHolidays.map(formatDate).join(', ')}` : 'No bank holidays'}
          </p>
          {h.meetings.length === 0 ? (
            <Empty>No meetings this half term.</Empty>
          ) : (
            <div className={s.tableWrap}>
              <Table aria-label={`Meetings in ${h.label}`} size="small">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Date</TableHeaderCell>
                    <TableHeaderCell>Academy</TableHeaderCell>
                    <TableHeaderCell>Meeting</TableHeaderCell>
                    <TableHeaderCell>Chair</TableHeaderCell>
                    <TableHeaderCell>Status</TableHeaderCell>
                    {st.canMove ? <TableHeaderCell>Move</TableHeaderCell> : null}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {h.meetings.map((m) => (
                    <TableRow key={m.id} data-meeting={m.id}>
                      <TableCell>
                        {formatDate(m.date)} {formatTime(m.startsAt)}
                      </TableCell>
                      <TableCell>{academyName(ctx, m.academyId)}</TableCell>
                      <TableCell>
                        <AppLink to={pathOf({ page: 'meeting', meetingId: m.id })}>{kindAbbreviation(ctx, m.kind)}</AppLink>
                      </TableCell>
                      <TableCell>{nameOf(ctx, m.chairId)}</TableCell>
                      <TableCell>{meetingStatusLabel(m.status)}</TableCell>
                      {st.canMove ? (
                        <TableCell>
                          {m.status === 'planned' && m.date >= d.today ? (
                            <Button
                              size="small"
                              onClick={() => st.startMove(m)}
                              aria-label={`Move ${kindAbbreviation(ctx, m.kind)} at ${academyName(ctx, m.academyId)} on ${formatShortDate(m.date)}`}
                            >
                              Move
                            </Button>
                          ) : null}
                        </TableCell>
                      ) : null}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
        </Section>
      ))}
      <TrustMeetingsSection meetings={d.trustMeetings} ctx={ctx} />
      <Section title="Each chair's load by half term">
        {st.chairs.length === 0 ? (
          <Empty>No meetings planned.</Empty>
        ) : (
          <div className={s.tableWrap}>
            <Table aria-label="Chair load" size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Chair</TableHeaderCell>
                  {st.halfTerms.map((h) => (
                    <TableHeaderCell key={h.halfTerm}>{h.label}</TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {st.chairs.map(([chairId, load]) => (
                  <TableRow key={chairId}>
                    <TableCell>{nameOf(ctx, chairId)}</TableCell>
                    {st.halfTerms.map((h) => (
                      <TableCell key={h.halfTerm}>{load[h.halfTerm] ?? 0}</TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </Section>
      <FocusCoverageSection academicYear={d.academicYear} />
    </div>
  );
}
