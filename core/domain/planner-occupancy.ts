import { addDays, weekOf, type LocalDate } from './local-date';
import type { Meeting } from './meeting';
import type { MeetingKind } from './models/improvement-model.schema';
import type { SchoolCalendar } from './school-year/school-calendar';

/**
 * Who is busy when: the rules the year planner and a person moving a meeting share. A meeting
 * holds its chair and its academy on each of its days and, for DSAT's AIM, on the monitoring
 * visit the school day before ("typically undertaken the day before the AIM", seed 001).
 */

/**
 * The school days a meeting starting on `start` takes: `start` itself, then the next school days
 * of the same half term for a multi-day meeting (KGA's 2-day QA review). Undefined when `start`
 * is not a school day or the meeting would run past the end of the half term.
 */
export function meetingDays(start: LocalDate, days: number, calendar: SchoolCalendar): LocalDate[] | undefined {
  const half = calendar.halfTermOf(start);
  if (!half || !calendar.isSchoolDay(start)) return undefined;
  const out = [start];
  for (let d = addDays(start, 1); out.length < days; d = addDays(d, 1)) {
    if (d > half.end) return undefined;
    if (calendar.isSchoolDay(d)) out.push(d);
  }
  return out;
}

/** The day of the monitoring visit before a meeting of this kind: none needed, a school day, or impossible (the meeting opens a half term). */
export function monitoringVisitDay(
  start: LocalDate,
  kind: Pick<MeetingKind, 'monitoringVisitDayBefore'>,
  calendar: SchoolCalendar,
): { needed: false } | { needed: true; day: LocalDate | undefined } {
  return kind.monitoringVisitDayBefore ? { needed: true, day: calendar.previousSchoolDay(start) } : { needed: false };
}

/** Every day a new meeting would hold its chair and academy, visit first; undefined when it cannot be held from `start`. */
export function occupiedDays(
  start: LocalDate,
  days: number,
  kind: Pick<MeetingKind, 'monitoringVisitDayBefore'>,
  calendar: SchoolCalendar,
): LocalDate[] | undefined {
  const own = meetingDays(start, days, calendar);
  if (!own) return undefined;
  const visit = monitoringVisitDay(start, kind, calendar);
  if (!visit.needed) return own;
  return visit.day ? [visit.day, ...own] : undefined;
}

/**
 * The days an existing meeting holds, even one on a day that is no longer a school day (term
 * dates changed after it was held): its own consecutive days and its visit day where there is one.
 */
export function daysHeldBy(
  m: Pick<Meeting, 'date' | 'days'>,
  kind: Pick<MeetingKind, 'monitoringVisitDayBefore'> | undefined,
  calendar: SchoolCalendar,
): LocalDate[] {
  const own = meetingDays(m.date, m.days, calendar) ?? Array.from({ length: m.days }, (_, i) => addDays(m.date, i));
  const visit = kind?.monitoringVisitDayBefore ? calendar.previousSchoolDay(m.date) : undefined;
  return visit ? [visit, ...own] : own;
}

/** What holds a person or an academy on a day, so a refusal can say which meeting is in the way. */
export interface Booking {
  meetingId?: string;
  academyId: string;
  kind: string;
  date: LocalDate;
  /** The day is the monitoring visit before the meeting, not the meeting itself. */
  visit: boolean;
}

export const academyKey = (academyId: string): string => `academy:${academyId}`;

type Reservation = Pick<Meeting, 'date' | 'chairId' | 'academyId' | 'kind'> & { id?: string };

/** Who is busy on which days, and each chair's meetings per week (for an even load). */
export class Occupancy {
  private readonly busy = new Map<string, Map<LocalDate, { booking: Booking; owner: unknown }>>();
  private readonly weekLoad = new Map<string, Map<LocalDate, number>>();

  /** The first day of `days` on which `key` (a person id or `academyKey(...)`) is already booked, and what by. */
  clash(key: string, days: readonly LocalDate[]): { day: LocalDate; booking: Booking } | undefined {
    const b = this.busy.get(key);
    if (!b) return undefined;
    for (const day of days) {
      const entry = b.get(day);
      if (entry) return { day, booking: entry.booking };
    }
    return undefined;
  }

  /** What holds `key` on `day`, if anything. */
  bookingOn(key: string, day: LocalDate): Booking | undefined {
    return this.busy.get(key)?.get(day)?.booking;
  }

  /** Who made the booking holding `key` on `day` (the `owner` given to `reserve`). */
  ownerOn(key: string, day: LocalDate): unknown {
    return this.busy.get(key)?.get(day)?.owner;
  }

  isFree(key: string, days: readonly LocalDate[]): boolean {
    return this.clash(key, days) === undefined;
  }

  /** Meetings the chair has in the week holding `d`. */
  load(chairId: string, d: LocalDate): number {
    return this.weekLoad.get(chairId)?.get(this.weekOf(d)) ?? 0;
  }

  // The planner asks for the week of the same few hundred days hundreds of thousands of times.
  private readonly weeks = new Map<LocalDate, LocalDate>();
  private weekOf(d: LocalDate): LocalDate {
    let w = this.weeks.get(d);
    if (w === undefined) this.weeks.set(d, (w = weekOf(d)));
    return w;
  }

  /**
   * Books a meeting: its chair and its academy are busy on every day it holds; the chair's week gains
   * one meeting. `owner` (the meeting itself unless given) is what `release` later frees.
   */
  reserve(m: Reservation, days: readonly LocalDate[], owner: unknown = m): void {
    const base = { ...(m.id ? { meetingId: m.id } : {}), academyId: m.academyId, kind: m.kind, date: m.date };
    for (const key of [m.chairId, academyKey(m.academyId)]) {
      const b = this.busy.get(key) ?? new Map<LocalDate, { booking: Booking; owner: unknown }>();
      for (const d of days) if (!b.has(d)) b.set(d, { booking: { ...base, visit: d < m.date }, owner });
      this.busy.set(key, b);
    }
    this.addLoad(m.chairId, m.date, 1);
  }

  /** Frees what `reserve(m, days, owner)` booked, so the planner can try the meeting somewhere else. */
  release(m: Reservation, days: readonly LocalDate[], owner: unknown = m): void {
    for (const key of [m.chairId, academyKey(m.academyId)]) {
      const b = this.busy.get(key);
      if (!b) continue;
      for (const d of days) if (b.get(d)?.owner === owner) b.delete(d);
    }
    this.addLoad(m.chairId, m.date, -1);
  }

  private addLoad(chairId: string, date: LocalDate, by: number): void {
    const week = this.weekOf(date);
    const w = this.weekLoad.get(chairId) ?? new Map<LocalDate, number>();
    w.set(week, (w.get(week) ?? 0) + by);
    this.weekLoad.set(chairId, w);
  }
}

/** Occupancy of a set of meetings that are going ahead (cancelled ones hold nobody). */
export function occupancyOf(
  meetings: readonly Meeting[],
  kindOf: (id: string) => MeetingKind | undefined,
  calendar: SchoolCalendar,
): Occupancy {
  const occ = new Occupancy();
  for (const m of meetings) if (m.status !== 'cancelled') occ.reserve(m, daysHeldBy(m, kindOf(m.kind), calendar));
  return occ;
}
