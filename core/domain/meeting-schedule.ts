import type { LocalDate } from './local-date';
import { londonToUtc } from './london-time';
import type { Meeting } from './meeting';
import type { MeetingKind } from './models/improvement-model.schema';
import { redatePapers } from './paper-deadlines';
import { redateReports } from './meeting-reports';
import type { SchoolCalendar } from './school-year/school-calendar';

/**
 * A meeting's start and end in UTC: the kind's start time in England on its first day, and its
 * duration after the same time on its last day. Europe/London, so 09:30 is 08:30Z in summer time.
 */
export function meetingTimes(
  days: readonly LocalDate[],
  kind: Pick<MeetingKind, 'startTime' | 'durationMinutes'>,
): { startsAt: string; endsAt: string } {
  const first = days[0]!;
  const last = days[days.length - 1]!;
  const startsAt = londonToUtc(first, kind.startTime);
  const endsAt = new Date(Date.parse(londonToUtc(last, kind.startTime)) + kind.durationMinutes * 60_000).toISOString();
  return { startsAt, endsAt };
}

/**
 * The same meeting on new school days: date, times, half term and papers' due dates follow the
 * new day; who comes, what was submitted, notes and judgements stay as they were.
 */
export function rescheduled<M extends Meeting>(meeting: M, days: readonly LocalDate[], kind: MeetingKind, calendar: SchoolCalendar): M {
  const date = days[0]!;
  const halfTerm = calendar.halfTermOf(date)?.halfTerm ?? meeting.halfTerm;
  return {
    ...meeting,
    date,
    days: days.length,
    ...meetingTimes(days, kind),
    halfTerm: halfTerm,
    papers: redatePapers(meeting.papers, kind, date, calendar),
    ...(meeting.reports ? { reports: redateReports(meeting.reports, kind.reports, date, calendar) } : {}),
  };
}
