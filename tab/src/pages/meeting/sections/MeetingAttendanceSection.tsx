import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { nameOf } from '../../../app/app-context';
import { Section } from '../../../components/Section';
import { formatDate } from '../../../format/dates';
import { roleName } from '../../../format/roles';
import { usePageStyles } from '../../page.styles';
import { ApologiesForm } from '../ApologiesForm';
import { apologyCandidates, substituteCandidates } from '../meeting-people';
import { OpenFormButton, thenClose } from '../OpenFormButton';
import type { MeetingSectionProps } from './meeting-section';

const ATTENDANCE = { expected: 'Expected', attended: 'Attended', apologies: 'Apologies', absent: 'Absent' } as const;

/**
 * Who is coming, with apologies and substitutes. Before the meeting this is where apologies are
 * sent (from a button); from its day the chair or trust team marks who came.
 */
export function MeetingAttendanceSection({ st, v }: MeetingSectionProps) {
  const s = usePageStyles();
  const { ctx } = st;
  const m = v.meeting;
  const can = v.can;
  const mark = can.recordAttendance;
  const absentees = can.sendApologies ? apologyCandidates(v, ctx, can.recordApologiesForOthers) : [];
  return (
    <div id="attendance">
      <Section title="Attendance">
        <div className={s.tableWrap}>
          <Table aria-label="Attendance" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Person</TableHeaderCell>
                <TableHeaderCell>Role</TableHeaderCell>
                <TableHeaderCell>Attendance</TableHeaderCell>
                <TableHeaderCell>Apologies and substitute</TableHeaderCell>
                {mark ? <TableHeaderCell>Record</TableHeaderCell> : null}
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
                      ? `${a.apology.reason ?? 'Apologies given'}${a.apology.substituteId ? `; substitute ${nameOf(ctx, a.apology.substituteId)}` : ''}`
                      : '—'}
                  </TableCell>
                  {mark ? (
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
        {can.run && can.moment === 'before' && m.status === 'planned' ? (
          <p className={s.muted}>Attendance is recorded on the day of the meeting, {formatDate(m.date)}.</p>
        ) : null}
        {absentees.length > 0 ? (
          <OpenFormButton label="Send apologies">
            {(close) => (
              <ApologiesForm
                absentees={absentees}
                substitutes={substituteCandidates(v, ctx)}
                busy={st.busy}
                onSend={thenClose(st.sendApologies, close)}
              />
            )}
          </OpenFormButton>
        ) : null}
      </Section>
    </div>
  );
}
