import type { Academy } from './academy';
import { academicYearOf, type SchoolCalendar } from './school-year/school-calendar';
import { isWeekend, type LocalDate } from './local-date';
import { formatLongDate } from './london-time';
import type { Meeting } from './meeting';
import { rescheduled } from './meeting-schedule';
import type { ImprovementModel } from './models/improvement-model.schema';
import type { Person } from './people';
import { academyKey, meetingDays, monitoringVisitDay, occupancyOf, type Booking } from './planner-occupancy';

export type MoveCode =
  | 'MOVE.WEEKEND'
  | 'MOVE.BANK_HOLIDAY'
  | 'MOVE.NOT_TERM_TIME'
  | 'MOVE.CLOSURE'
  | 'MOVE.CHAIR_BUSY'
  | 'MOVE.ACADEMY_BUSY'
  | 'MOVE.IN_THE_PAST'
  | 'MOVE.NOT_PLANNED';

/** A move either gives the meeting on its new day, or says in a sentence why it cannot go there. */
export type MoveOutcome = { ok: true; meeting: Meeting } | { ok: false; code: MoveCode; message: string };

export interface MoveContext {
  model: ImprovementModel;
  calendar: SchoolCalendar;
  academy: Academy;
  people: readonly Person[];
  /** Every academy's name by its id, so a clash elsewhere names the academy as people know it. */
  academyNames?: ReadonlyMap<string, string>;
  /** The trust's other meetings around the new date (the moved one, if present, is ignored). */
  otherMeetings: readonly Meeting[];
  today: LocalDate;
}

const refuse = (code: MoveCode, message: string): MoveOutcome => ({ ok: false, code, message });

/**
 * Moves a planned meeting to a new day, by the planner's own rules: a school day in term (not a
 * weekend, bank holiday or closure), with the chair and the academy free on every day it holds,
 * including a monitoring visit the school day before. The moved meeting is pinned so re-planning
 * leaves it there; its times, half term and papers' due dates follow the new day.
 */
export function moveMeeting(meeting: Meeting, to: LocalDate, ctx: MoveContext): MoveOutcome {
  const { model, calendar, academy, people, otherMeetings, today } = ctx;
  const kind = model.meetingKinds.find((k) => k.id === meeting.kind);
  const what = `The ${kind?.abbreviation ?? 'meeting'} at ${academy.name}`;
  const day = formatLongDate(to);

  if (meeting.status !== 'planned') return refuse('MOVE.NOT_PLANNED', `${what} has been ${meeting.status}, so it cannot be moved.`);
  if (!kind) return refuse('MOVE.NOT_PLANNED', `${what} is a kind of meeting the trust’s model no longer has, so it cannot be moved.`);
  if (to < today) return refuse('MOVE.IN_THE_PAST', `${day} has already passed; choose today or a later day.`);
  if (isWeekend(to)) return refuse('MOVE.WEEKEND', `${day} is a weekend; meetings are held on school days.`);
  if (calendar.isBankHoliday(to)) {
    const name = calendar.bankHolidayName(to);
    return refuse('MOVE.BANK_HOLIDAY', `${day} is a bank holiday${name ? ` (${name})` : ''}; meetings are held on school days.`);
  }
  const half = calendar.halfTermOf(to);
  if (!half) return refuse('MOVE.NOT_TERM_TIME', `${day} is in the school holidays; meetings are held in term time.`);
  if (academicYearOf(to) !== meeting.academicYear) {
    return refuse(
      'MOVE.NOT_TERM_TIME',
      `${day} is in the ${academicYearOf(to)} school year; this meeting belongs to ${meeting.academicYear}.`,
    );
  }
  if (calendar.isClosure(to))
    return refuse('MOVE.CLOSURE', `${day} is a closure day for the trust (such as an INSET day); meetings are held on school days.`);

  const days = meetingDays(to, meeting.days, calendar);
  if (!days)
    return refuse(
      'MOVE.NOT_TERM_TIME',
      `${what} takes ${meeting.days} school days, and from ${day} it would run past the end of the half term.`,
    );
  const visit = monitoringVisitDay(to, kind, calendar);
  if (visit.needed && !visit.day) {
    return refuse(
      'MOVE.NOT_TERM_TIME',
      `${day} is the first school day of the half term, so there is no school day before it for the monitoring visit.`,
    );
  }
  // The meeting's own days first, so a clash on the day itself is the one reported.
  const held = visit.needed && visit.day ? [...days, visit.day] : days;

  const occ = occupancyOf(
    otherMeetings.filter((m) => m.id !== meeting.id),
    (id) => model.meetingKinds.find((k) => k.id === id),
    calendar,
  );
  const busy = (who: string, clash: { day: LocalDate; booking: Booking }): string => {
    const b = clash.booking;
    const elsewhere = ctx.academyNames?.get(b.academyId) ?? 'another academy';
    const other = `${abbreviationOf(model, b.kind)}${b.academyId === academy.id ? '' : ` at ${elsewhere}`}`;
    const thing = b.visit ? `the monitoring visit before the ${other} on ${formatLongDate(b.date)}` : `the ${other}`;
    if (clash.day === to) return `${who} already has a meeting that day: ${thing}.`;
    const which =
      clash.day < to
        ? `the day of the monitoring visit before this ${kind.abbreviation}`
        : `day ${days.indexOf(clash.day) + 1} of this ${kind.abbreviation}`;
    return `${who} already has a meeting on ${formatLongDate(clash.day)}, ${which}: ${thing}.`;
  };
  const chairClash = occ.clash(meeting.chairId, held);
  if (chairClash)
    return refuse(
      'MOVE.CHAIR_BUSY',
      busy(`The chair, ${people.find((p) => p.id === meeting.chairId)?.name ?? 'whose record is missing'},`, chairClash),
    );
  const academyClash = occ.clash(academyKey(meeting.academyId), held);
  if (academyClash) return refuse('MOVE.ACADEMY_BUSY', busy(academy.name, academyClash));

  return { ok: true, meeting: { ...rescheduled(meeting, days, kind, calendar), pinned: true } };
}

const abbreviationOf = (model: ImprovementModel, kindId: string): string =>
  model.meetingKinds.find((k) => k.id === kindId)?.abbreviation ?? 'meeting';
