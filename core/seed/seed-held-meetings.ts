import { minDate, type LocalDate } from '../domain/local-date';
import { londonToUtc } from '../domain/london-time';
import type { Meeting } from '../domain/meeting';
import type { ImprovementModel } from '../domain/models/improvement-model.schema';
import type { SchoolDays } from './school-days';

const at = (d: LocalDate, time: string) => londonToUtc(d, time);

/**
 * Where a held meeting's notes have got to: circulated once every approver agreed; awaiting the
 * approvers' check (DSAT: the head and the chair of LGB see the notes before circulation); or sent
 * back by the head with changes asked for.
 */
export type NotesState = 'circulated' | 'awaiting-approval' | 'changes-requested';

/**
 * Turns a planned meeting in the past into a held one: attendance (a governor's apologies now and
 * then), papers in on time, judgements, notes. Everything after the meeting happens on school days
 * before today: notes written within two school days, checked two school days later, so notes of a
 * meeting held only days ago are still waiting for their approvers.
 */
export function asHeld(
  m: Meeting,
  model: ImprovementModel,
  schoolDays: SchoolDays,
  today: LocalDate,
  random: () => number,
  notesState: NotesState,
): Meeting {
  const kind = model.meetingKinds.find((k) => k.id === m.kind)!;
  const apologiser = m.attendees.find((a) => a.role === 'governor');
  const attendees = m.attendees.map((a) =>
    a === apologiser && random() < 0.5
      ? {
          ...a,
          attendance: 'apologies' as const,
          apology: { reason: 'Work commitment that could not be moved', givenAt: at(schoolDays.before(m.date, 3), '12:00') },
        }
      : { ...a, attendance: a.presence === 'where-appropriate' ? ('absent' as const) : ('attended' as const) },
  );
  const papers = m.papers.map((p) => ({
    ...p,
    submittedAt: at(random() < 0.5 ? p.dueDate : schoolDays.before(p.dueDate), '15:30'),
    ...(p.ownerId ? { submittedBy: p.ownerId } : {}),
  }));
  const grades = ['good', 'good', 'requires-improvement', 'outstanding'] as const;
  // On the scale the model names: the presets judge on the report card's (core/domain/judgements.ts).
  const standards = ['expected-standard', 'expected-standard', 'needs-attention', 'strong-standard'] as const;
  const gradeOf = (pick: number) =>
    model.judgementScale === 'report-card'
      ? { reportCardGrade: standards[Math.floor(pick * standards.length)]! }
      : { indicativeGrade: grades[Math.floor(pick * grades.length)]! };
  const judgements = kind.recordsJudgements
    ? (m.focus.length ? m.focus : [model.inspectionAreas[0]!.id]).map((area) => ({
        area,
        evidence: 'Learning walk, work scrutiny and discussion with leaders; evidence from the monitoring visit the day before.',
        ...gradeOf(random()),
      }))
    : [];

  const lastSchoolDayBeforeToday = schoolDays.before(today);
  const writtenOn = minDate(schoolDays.after(m.date, 2), lastSchoolDayBeforeToday);
  const checkedOn = schoolDays.after(writtenOn, 2);
  // Approvers cannot have checked notes they have not had two school days to read.
  const state: NotesState = checkedOn < today ? notesState : 'awaiting-approval';
  const approverIds = kind.notesApprovers
    .map((role) => ({ role, personId: m.attendees.find((a) => a.role === role)?.personId }))
    .filter((x): x is { role: typeof x.role; personId: string } => !!x.personId);
  const approvals = approverIds.map((a, i) => {
    if (state === 'circulated') return { ...a, status: 'approved' as const, at: at(checkedOn, '10:00') };
    if (state === 'changes-requested' && i === 0)
      return {
        ...a,
        status: 'changes-requested' as const,
        comment: 'Please correct the Year 6 writing figures in section 2.',
        at: at(checkedOn, '10:00'),
      };
    return { ...a, status: 'pending' as const };
  });
  const allApproved = approvals.every((a) => a.status === 'approved');
  const writtenAt = at(writtenOn, '17:00');
  return {
    ...m,
    status: 'held',
    attendees,
    papers,
    judgements,
    notes: {
      text: `${kind.name} notes. Strengths celebrated; next steps agreed; actions recorded below.`,
      writtenBy: m.chairId,
      writtenAt,
      approvals,
      // A kind with no approvers (DSAT's iAIM: a brief report) circulates as soon as it is written.
      ...(allApproved ? { circulatedAt: approvals.length ? at(checkedOn, '16:00') : writtenAt } : {}),
    },
  };
}
