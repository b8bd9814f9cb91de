import { addDays, type LocalDate } from './local-date';
import type { Meeting } from './meeting';

/**
 * Where a meeting stands for the people coming to it, by the date in England: before it (agenda,
 * papers, apologies), on its day or days (attendance, live actions, judgements, the notes begun)
 * or after it (notes and their approval). Only the calendar decides: a meeting marked held on its
 * day is still on the day, and a cancelled one keeps the moment of its date (with nothing to record).
 */
export type MeetingMoment = 'before' | 'on-the-day' | 'after';

export function meetingMoment(meeting: Pick<Meeting, 'date' | 'days'>, today: LocalDate): MeetingMoment {
  const lastDay = addDays(meeting.date, Math.max(1, meeting.days) - 1);
  if (today < meeting.date) return 'before';
  return today > lastDay ? 'after' : 'on-the-day';
}

/** Attendance, judgements and notes are recorded from the meeting's first day: never for one still to come. */
export const meetingHasBegun = (meeting: Pick<Meeting, 'date' | 'days'>, today: LocalDate): boolean =>
  meetingMoment(meeting, today) !== 'before';
