import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { Planner } from '../../api/api-types';
import { nameOf, type AppContextValue } from '../../app/app-context';
import { Empty } from '../../components/PageState';
import { Section } from '../../components/Section';
import { formatDate, formatTime } from '../../format/dates';
import { meetingStatusLabel } from '../../format/words';
import { usePageStyles } from '../page.styles';

type TrustMeeting = Planner['trustMeetings'][number];

/** "Moderation outcomes due 2 December": what a trust meeting needs before and after it. */
function needs(m: TrustMeeting): string {
  const papers = m.papers.map((p) => `${p.title} by ${formatDate(p.dueDate)}${p.submittedAt ? ' (in)' : ''}`);
  const reports = m.reports.map((p) => `${p.title} after, by ${formatDate(p.dueDate)}${p.submittedAt ? ' (in)' : ''}`);
  return [...papers, ...reports].join('; ') || '—';
}

/*
 * The trust's own governance meetings beside the academies' (issue 17, part 2): a heads' forum,
 * the board, the CEO's weekly meeting with the SSIO. The server sends only those the viewer may see.
 */
export function TrustMeetingsSection(props: { meetings: readonly TrustMeeting[]; ctx: AppContextValue }) {
  const s = usePageStyles();
  const { meetings, ctx } = props;
  return (
    <Section title="Trust meetings">
      {meetings.length === 0 ? (
        <Empty>No trust meetings for you this year.</Empty>
      ) : (
        <div className={s.tableWrap}>
          <Table aria-label="Trust meetings" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Date</TableHeaderCell>
                <TableHeaderCell>Meeting</TableHeaderCell>
                <TableHeaderCell>Chair</TableHeaderCell>
                <TableHeaderCell>Papers and reports</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {meetings.map((m) => (
                <TableRow key={m.id} data-trust-meeting={m.id}>
                  <TableCell>
                    {formatDate(m.date)} {formatTime(m.startsAt)}
                  </TableCell>
                  <TableCell>
                    {m.name} <span className={s.muted}>({m.reason})</span>
                  </TableCell>
                  <TableCell>
                    {nameOf(ctx, m.chairId)}
                    {m.chairTitle ? `, ${m.chairTitle}` : ''}
                  </TableCell>
                  <TableCell>{needs(m)}</TableCell>
                  <TableCell>{meetingStatusLabel(m.status)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </Section>
  );
}
