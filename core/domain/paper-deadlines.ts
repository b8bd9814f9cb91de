import type { Academy } from './academy';
import { addDays, type LocalDate } from './local-date';
import type { MeetingPaper, Meeting } from './meeting';
import type { MeetingKind } from './models/improvement-model.schema';
import { holdersOf, type Person } from './people';
import { academicYearOf, type SchoolCalendar } from './school-year/school-calendar';

/**
 * A paper's deadline: the lead time before the meeting (DSAT: one week before), moved back to a
 * working day in term: deadlines, like meetings, fall in term time on working days (not weekends,
 * not bank holidays, not in a holiday), so a deadline in the May half-term week moves back to the
 * Friday before it. It never goes back over the summer into the previous school year: a meeting in
 * the first days of September has its papers due on the first working day of term (the planner
 * avoids such dates where it can). Without term dates for the meeting's year, any working day.
 */
export function paperDeadline(meetingDate: LocalDate, leadDays: number, calendar: SchoolCalendar): LocalDate {
  const target = addDays(meetingDate, -leadDays);
  const year = academicYearOf(meetingDate);
  if (!calendar.hasYear(year)) return calendar.onOrBeforeWorkingDay(target);
  const firstDay = calendar.yearBounds(year).start;
  for (let d = target; d >= firstDay; d = addDays(d, -1)) if (calendar.isTermWorkingDay(d)) return d;
  for (let d = firstDay; d < meetingDate; d = addDays(d, 1)) if (calendar.isTermWorkingDay(d)) return d;
  return meetingDate;
}

/** Whether every paper of a meeting on this date can have its full lead time inside the school year. */
export function papersHaveFullLeadTime(kind: Pick<MeetingKind, 'papers'>, meetingDate: LocalDate, calendar: SchoolCalendar): boolean {
  return kind.papers.every((p) => paperDeadline(meetingDate, p.leadDays, calendar) <= addDays(meetingDate, -p.leadDays));
}

/** A moved meeting's papers: due dates recomputed for the new date; what was submitted stays submitted. */
export function redatePapers(
  papers: readonly MeetingPaper[],
  kind: Pick<MeetingKind, 'papers'>,
  meetingDate: LocalDate,
  calendar: SchoolCalendar,
): MeetingPaper[] {
  return papers.map((p) => {
    const req = kind.papers.find((r) => r.id === p.requirementId);
    return req ? { ...p, dueDate: paperDeadline(meetingDate, req.leadDays, calendar) } : p;
  });
}

/** The papers a meeting of this kind needs, each with its owner and deadline. */
export function papersFor(
  kind: MeetingKind,
  meetingDate: LocalDate,
  academy: Academy,
  chairId: string,
  people: readonly Person[],
  calendar: SchoolCalendar,
): MeetingPaper[] {
  return kind.papers.map((p) => {
    const ownerId =
      p.ownerRole === kind.chairRole
        ? chairId
        : p.ownerRole === 'improvement-director'
          ? academy.improvementDirectorId
          : holdersOf(people, p.ownerRole, academy.id)[0]?.id;
    return {
      requirementId: p.id,
      title: p.title,
      ownerRole: p.ownerRole,
      ...(ownerId ? { ownerId } : {}),
      dueDate: paperDeadline(meetingDate, p.leadDays, calendar),
    };
  });
}

/** When a paper is now due: an approved extension moves the deadline. */
export const effectiveDueDate = (p: MeetingPaper): LocalDate => (p.extension?.status === 'approved' ? p.extension.newDueDate : p.dueDate);

export const isPaperIn = (p: MeetingPaper): boolean => p.submittedAt !== undefined;

/** Not in and past its (extended) deadline, for a meeting still to come. */
export const isPaperOverdue = (p: MeetingPaper, meeting: Pick<Meeting, 'status'>, today: LocalDate): boolean =>
  meeting.status === 'planned' && !isPaperIn(p) && effectiveDueDate(p) < today;

/** Whole working days a paper is late by (0 when not late). */
export function workingDaysLate(p: MeetingPaper, today: LocalDate, calendar: SchoolCalendar): number {
  let n = 0;
  for (let d = addDays(effectiveDueDate(p), 1); d <= today; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) n++;
  return n;
}

/** Papers that should now be chased with the chair, per the model's `escalateAfterWorkingDays`. */
export function papersToEscalate(meeting: Meeting, kind: MeetingKind, today: LocalDate, calendar: SchoolCalendar): MeetingPaper[] {
  return meeting.papers.filter((p) => {
    const req = kind.papers.find((r) => r.id === p.requirementId);
    return isPaperOverdue(p, meeting, today) && workingDaysLate(p, today, calendar) >= (req?.escalateAfterWorkingDays ?? 1);
  });
}

export type PapersState = 'none-required' | 'all-in' | 'waiting' | 'overdue';

/** One word for a meeting's papers, for dashboards. */
export function papersState(meeting: Meeting, today: LocalDate): PapersState {
  if (meeting.papers.length === 0) return 'none-required';
  if (meeting.papers.every(isPaperIn)) return 'all-in';
  return meeting.papers.some((p) => isPaperOverdue(p, meeting, today)) ? 'overdue' : 'waiting';
}
