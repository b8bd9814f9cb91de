import type { Academy } from './academy';
import { addDays, type LocalDate } from './local-date';
import type { Meeting, MeetingPaper } from './meeting';
import type { ImprovementModel } from './models/improvement-model.schema';
import type { ReportRequirement } from './models/trust-meetings.schema';
import { effectiveDueDate, isPaperIn } from './paper-deadlines';
import { holdersOf, type Person, type Role } from './people';
import type { SchoolCalendar } from './school-year/school-calendar';
import { baseRoleOf, holdersOfParticipant } from './trust-participants';

/**
 * Reports due after a meeting (DSAT seed 001: "A brief report will be supplied soon after the
 * meeting"): deadlines that run forward from the meeting, where papers run back from it. They are
 * kept beside the meeting's papers with the same fields, so they are marked in and chased the same way.
 */

/** `n` working days after the meeting (not weekends, bank holidays or holidays); 0 is the day itself. */
export function reportDeadline(meetingDate: LocalDate, workingDaysAfter: number, calendar: SchoolCalendar): LocalDate {
  let d = meetingDate;
  for (let left = workingDaysAfter; left > 0;) {
    d = addDays(d, 1);
    if (calendar.isWorkingDay(d)) left--;
  }
  return d;
}

const report = (r: ReportRequirement, ownerRole: Role, ownerId: string | undefined, due: LocalDate): MeetingPaper => ({
  requirementId: r.id,
  title: r.title,
  ownerRole,
  ...(ownerId ? { ownerId } : {}),
  dueDate: due,
});

/** An academy meeting's reports: owned by the chair when the chair's role owns it, else the role's holder at the academy. */
export function academyReportsFor(
  kind: { chairRole: Role; reports: readonly ReportRequirement[] },
  meetingDate: LocalDate,
  academy: Pick<Academy, 'id' | 'improvementDirectorId'>,
  chairId: string,
  people: readonly Person[],
  calendar: SchoolCalendar,
): MeetingPaper[] {
  return kind.reports.map((r) => {
    const role = r.owner as Role;
    const ownerId =
      role === kind.chairRole
        ? chairId
        : role === 'improvement-director'
          ? academy.improvementDirectorId
          : holdersOf(people, role, academy.id)[0]?.id;
    return report(r, role, ownerId, reportDeadline(meetingDate, r.dueWorkingDaysAfter, calendar));
  });
}

/** A trust meeting's reports: the chair's when the chair's role owns it, else the participant's first holder. */
export function trustReportsFor(
  model: Pick<ImprovementModel, 'trustRoles' | 'roleTitles'>,
  kind: { chair: string; reports: readonly ReportRequirement[] },
  meetingDate: LocalDate,
  chairId: string,
  people: readonly Person[],
  calendar: SchoolCalendar,
): MeetingPaper[] {
  return kind.reports.map((r) => {
    const ownerId = r.owner === kind.chair ? chairId : holdersOfParticipant(model, people, r.owner)[0]?.id;
    return report(r, baseRoleOf(model, r.owner) ?? 'ceo', ownerId, reportDeadline(meetingDate, r.dueWorkingDaysAfter, calendar));
  });
}

/** Reports recomputed for a meeting's new date; what is in stays in. */
export function redateReports(
  reports: readonly MeetingPaper[] | undefined,
  requirements: readonly ReportRequirement[],
  meetingDate: LocalDate,
  calendar: SchoolCalendar,
): MeetingPaper[] | undefined {
  if (!reports) return undefined;
  return reports.map((p) => {
    const req = requirements.find((r) => r.id === p.requirementId);
    return req && !isPaperIn(p) ? { ...p, dueDate: reportDeadline(meetingDate, req.dueWorkingDaysAfter, calendar) } : p;
  });
}

/** How many days before a report's deadline its owner is first told: it follows the meeting, so only the last few. */
export const REPORT_REMINDER_DAYS = 1;

/** A report still to come in whose owner should hear about it today: from the day before it is due until it is in. */
export const isReportToChase = (p: MeetingPaper, meeting: Pick<Meeting, 'status'>, today: LocalDate): boolean =>
  meeting.status !== 'cancelled' &&
  !isPaperIn(p) &&
  p.ownerId !== undefined &&
  addDays(effectiveDueDate(p), -REPORT_REMINDER_DAYS) <= today;

/** Late: not in and past its (extended) deadline. */
export const isReportOverdue = (p: MeetingPaper, meeting: Pick<Meeting, 'status'>, today: LocalDate): boolean =>
  meeting.status !== 'cancelled' && !isPaperIn(p) && effectiveDueDate(p) < today;
