import type { Academy } from './academy';
import { addDays, type LocalDate } from './local-date';
import type { MeetingPaper, Meeting } from './meeting';
import type { MeetingKind } from './models/improvement-model.schema';
import { holdersOf, type Person } from './people';
import type { SchoolCalendar } from './school-year/school-calendar';

/** A paper's deadline: the lead time before the meeting, moved back to a working day (DSAT: one week before). */
export function paperDeadline(meetingDate: LocalDate, leadDays: number, calendar: SchoolCalendar): LocalDate {
  return calendar.onOrBeforeWorkingDay(addDays(meetingDate, -leadDays));
}

/** The papers a meeting of this kind needs, each with its owner and deadline. */
export function papersFor(kind: MeetingKind, meetingDate: LocalDate, academy: Academy, chairId: string, people: readonly Person[], calendar: SchoolCalendar): MeetingPaper[] {
  return kind.papers.map((p) => {
    const ownerId = p.ownerRole === kind.chairRole ? chairId : p.ownerRole === 'improvement-director' ? academy.improvementDirectorId : holdersOf(people, p.ownerRole, academy.id)[0]?.id;
    return { requirementId: p.id, title: p.title, ownerRole: p.ownerRole, ...(ownerId ? { ownerId } : {}), dueDate: paperDeadline(meetingDate, p.leadDays, calendar) };
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
