import type { LocalDate } from '../domain/local-date';
import type { SchoolCalendar, Term } from '../domain/school-year/school-calendar';

/**
 * The school days of one academic year, as the trust's calendar gives them (in term, not a weekend,
 * bank holiday or closure), so that every date the seed writes falls on a day the school is open
 * (the trusts' rule: meetings and deadlines fall in term time, on working days). Dates outside the year
 * snap to its first or last school day: the demo never spills into the summer holiday.
 */
export interface SchoolDays {
  readonly first: LocalDate;
  readonly last: LocalDate;
  /** `d` if it is a school day, else the next one. */
  onOrAfter(d: LocalDate): LocalDate;
  /** `d` if it is a school day, else the one before. */
  onOrBefore(d: LocalDate): LocalDate;
  /** The school day `n` school days after `d` (n ≥ 1). */
  after(d: LocalDate, n?: number): LocalDate;
  /** The school day `n` school days before `d` (n ≥ 1). */
  before(d: LocalDate, n?: number): LocalDate;
  /** Autumn, spring or summer for a school day; undefined in the holidays. */
  termOf(d: LocalDate): Term | undefined;
  /** The first school day of a term. */
  firstOfTerm(term: Term): LocalDate;
  /** The last school day of a term. */
  lastOfTerm(term: Term): LocalDate;
}

/** The school days of `academicYear` from the calendar's own half terms. */
export function schoolDaysOf(calendar: SchoolCalendar, academicYear: string): SchoolDays {
  const halves = calendar.halfTerms(academicYear);
  const days = halves.flatMap((h) => calendar.schoolDays(academicYear, h.halfTerm));
  if (days.length === 0) throw new RangeError(`${academicYear} has no school days`);
  const first = days[0]!;
  const last = days[days.length - 1]!;
  // Index of the first school day on or after d (days.length when d is after the last).
  const indexOnOrAfter = (d: LocalDate): number => {
    let lo = 0;
    let hi = days.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (days[mid]! < d) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const at = (i: number): LocalDate => days[Math.min(Math.max(i, 0), days.length - 1)]!;
  const indexOnOrBefore = (d: LocalDate): number => {
    const i = indexOnOrAfter(d);
    return days[i] === d ? i : i - 1;
  };
  const termDays = (term: Term): LocalDate[] =>
    halves.filter((h) => h.term === term).flatMap((h) => calendar.schoolDays(academicYear, h.halfTerm));
  return {
    first,
    last,
    onOrAfter: (d) => at(indexOnOrAfter(d)),
    onOrBefore: (d) => at(indexOnOrBefore(d)),
    after: (d, n = 1) => at(indexOnOrBefore(d) + n),
    before: (d, n = 1) => at(indexOnOrAfter(d) - n),
    termOf: (d) => calendar.halfTermOf(d)?.term,
    firstOfTerm: (term) => termDays(term)[0]!,
    lastOfTerm: (term) => termDays(term).at(-1)!,
  };
}
