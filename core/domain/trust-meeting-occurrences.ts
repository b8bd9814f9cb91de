import { isoWeekday, weekOf, type LocalDate } from './local-date';
import type { TrustCadence, TrustMeetingKind } from './models/trust-meetings.schema';
import { windowOf } from './planner-day-choice';
import type { SchoolCalendar } from './school-year/school-calendar';

/** One meeting a trust meeting kind asks for in the year, with the school days it may take, best first. */
export interface TrustOccurrence {
  kind: TrustMeetingKind;
  /** 1-based position among this kind's meetings for the year. */
  occurrence: number;
  /** The school days it may go on, in the order the planner tries them (never empty). */
  days: LocalDate[];
}

/** Days in a window first, nearest its middle first, then the rest nearest the window: a slot's timing read as the academy planner reads it. */
function byTiming(days: readonly LocalDate[], timing: string): LocalDate[] {
  const w = windowOf(days.length, timing);
  const centre = (w.from + w.to - 1) / 2;
  const cost = (i: number) => (i < w.from ? days.length + w.from - i : i >= w.to ? days.length + i - w.to + 1 : Math.abs(i - centre));
  return days
    .map((d, i) => ({ d, c: cost(i), i }))
    .sort((a, b) => a.c - b.c || a.i - b.i)
    .map((x) => x.d);
}

/** The preferred weekday first, then the rest of the days in date order. */
const weekdayFirst = (days: readonly LocalDate[], weekday: number | undefined): LocalDate[] =>
  weekday === undefined ? [...days] : [...days.filter((d) => isoWeekday(d) === weekday), ...days.filter((d) => isoWeekday(d) !== weekday)];

function groupBy(days: readonly LocalDate[], key: (d: LocalDate) => string): LocalDate[][] {
  const out = new Map<string, LocalDate[]>();
  for (const d of days) out.set(key(d), [...(out.get(key(d)) ?? []), d]);
  return [...out.values()];
}

/**
 * The school days each meeting may take, by the kind's cadence over the trust's school year:
 * - every N weeks counts school weeks (a holiday week does not count, as a school counts them): a
 *   meeting in weeks 1, 1 + N, 1 + 2N … of term, on the preferred weekday where free, else another
 *   day of that week, else a day of the weeks before the next one;
 * - monthly: each month with school days in it;
 * - each half term / each term: its school days, by the timing (early, middle, late);
 * - named slots: each slot's half term, by its timing.
 */
export function trustOccurrences(kind: TrustMeetingKind, calendar: SchoolCalendar, academicYear: string): TrustOccurrence[] {
  const halves = [1, 2, 3, 4, 5, 6].map((h) => calendar.schoolDays(academicYear, h));
  const all = halves.flat();
  const c: TrustCadence = kind.cadence;
  let lists: LocalDate[][];
  switch (c.every) {
    case 'weeks': {
      const weeks = groupBy(all, weekOf);
      lists = [];
      for (let i = 0; i < weeks.length; i += c.weeks) {
        const spare = weeks.slice(i + 1, i + c.weeks).flat();
        lists.push([...weekdayFirst(weeks[i]!, c.weekday), ...spare]);
      }
      break;
    }
    case 'month':
      lists = groupBy(all, (d) => d.slice(0, 7)).map((days) => weekdayFirst(days, c.weekday));
      break;
    case 'half-term':
      lists = halves.map((days) => byTiming(days, c.timing));
      break;
    case 'term':
      lists = [0, 2, 4].map((i) => byTiming([...halves[i]!, ...halves[i + 1]!], c.timing));
      break;
    case 'slots':
      lists = [...c.slots].sort((a, b) => a.halfTerm - b.halfTerm).map((s) => byTiming(halves[s.halfTerm - 1]!, s.timing));
      break;
  }
  return lists.filter((days) => days.length > 0).map((days, i) => ({ kind, occurrence: i + 1, days }));
}
