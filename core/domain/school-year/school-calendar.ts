import { z } from 'zod';
import { addDays, isWeekend, localDateSchema, type LocalDate } from '../local-date';
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from './bank-holidays.data';
import { DEFAULT_TERM_DATES } from './term-dates.data';

export const termSchema = z.enum(['autumn', 'spring', 'summer']);
export type Term = z.infer<typeof termSchema>;

export const halfTermNumberSchema = z.number().int().min(1).max(6);
/** 1 = autumn 1 … 6 = summer 2. */
export type HalfTermNumber = 1 | 2 | 3 | 4 | 5 | 6;

export const halfTermDatesSchema = z.object({
  halfTerm: halfTermNumberSchema,
  term: termSchema,
  start: localDateSchema,
  end: localDateSchema,
});
export type HalfTermDates = { halfTerm: HalfTermNumber; term: Term; start: LocalDate; end: LocalDate };

export const academicYearSchema = z.string().regex(/^\d{4}\/\d{2}$/, 'expected an academic year such as 2026/27');

/** A trust's own term dates for one academic year: six half terms in order, inside 1 September – 31 July. */
export const academicYearDatesSchema = z
  .object({ academicYear: academicYearSchema, halfTerms: z.array(halfTermDatesSchema).length(6) })
  .superRefine((y, ctx) => {
    const startYear = Number(y.academicYear.slice(0, 4));
    if (Number(y.academicYear.slice(5)) !== (startYear + 1) % 100) {
      ctx.addIssue({ code: 'custom', path: ['academicYear'], message: 'the second year must follow the first, as in 2026/27' });
    }
    y.halfTerms.forEach((h, i) => {
      if (h.halfTerm !== i + 1) ctx.addIssue({ code: 'custom', path: ['halfTerms', i, 'halfTerm'], message: `half terms must be listed 1 to 6; found ${h.halfTerm} at position ${i + 1}` });
      const expectedTerm = (['autumn', 'autumn', 'spring', 'spring', 'summer', 'summer'] as const)[i];
      if (h.term !== expectedTerm) ctx.addIssue({ code: 'custom', path: ['halfTerms', i, 'term'], message: `half term ${i + 1} is in the ${expectedTerm} term` });
      if (h.end < h.start) ctx.addIssue({ code: 'custom', path: ['halfTerms', i, 'end'], message: 'a half term cannot end before it starts' });
      const prev = y.halfTerms[i - 1];
      if (prev && h.start <= prev.end) ctx.addIssue({ code: 'custom', path: ['halfTerms', i, 'start'], message: `half term ${i + 1} starts before half term ${i} ends` });
    });
    const first = y.halfTerms[0];
    const last = y.halfTerms[5];
    if (first && first.start < `${startYear}-09-01`) ctx.addIssue({ code: 'custom', path: ['halfTerms', 0, 'start'], message: 'the academic year starts on or after 1 September' });
    if (last && last.end > `${startYear + 1}-07-31`) ctx.addIssue({ code: 'custom', path: ['halfTerms', 5, 'end'], message: 'the academic year ends by 31 July' });
  });
export type AcademicYearDates = { academicYear: string; halfTerms: readonly HalfTermDates[] };

/** The academic year (1 September – 31 August) that holds a date, e.g. "2026/27". */
export function academicYearOf(date: LocalDate): string {
  const y = Number(date.slice(0, 4));
  const start = date.slice(5) >= '09-01' ? y : y - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/** The year after, e.g. "2026/27" → "2027/28". */
export function nextAcademicYear(academicYear: string): string {
  const start = Number(academicYear.slice(0, 4)) + 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/**
 * The school year as the planner sees it: term-time half terms, bank holidays, and the trust's
 * own closures (INSET days). Working days are weekdays that are not bank holidays.
 */
export class SchoolCalendar {
  private readonly years = new Map<string, AcademicYearDates>();
  private readonly holidays: ReadonlySet<LocalDate>;
  private readonly closures: ReadonlySet<LocalDate>;

  constructor(options: { termDates?: readonly AcademicYearDates[]; bankHolidays?: readonly LocalDate[]; closures?: readonly LocalDate[] } = {}) {
    for (const y of DEFAULT_TERM_DATES) this.years.set(y.academicYear, y);
    for (const y of options.termDates ?? []) this.years.set(y.academicYear, y); // the trust's own dates win
    this.holidays = new Set(options.bankHolidays ?? ENGLAND_AND_WALES_BANK_HOLIDAYS);
    this.closures = new Set(options.closures ?? []);
  }

  /** Academic years this calendar has term dates for. */
  knownYears(): string[] {
    return [...this.years.keys()].sort();
  }

  /** The six half terms of a year; throws when the year has no term dates. */
  halfTerms(academicYear: string): readonly HalfTermDates[] {
    const y = this.years.get(academicYear);
    if (!y) throw new RangeError(`No term dates for ${academicYear}; known years: ${this.knownYears().join(', ')}`);
    return y.halfTerms;
  }

  hasYear(academicYear: string): boolean {
    return this.years.has(academicYear);
  }

  isBankHoliday(d: LocalDate): boolean {
    return this.holidays.has(d);
  }

  /** Not a weekend and not a bank holiday: the days papers can fall due. */
  isWorkingDay(d: LocalDate): boolean {
    return !isWeekend(d) && !this.holidays.has(d);
  }

  /** The half term holding `d`, if `d` is in term. */
  halfTermOf(d: LocalDate): HalfTermDates | undefined {
    const y = this.years.get(academicYearOf(d));
    return y?.halfTerms.find((h) => h.start <= d && d <= h.end);
  }

  /** A working day in term and not a school closure: the days meetings can be held. */
  isSchoolDay(d: LocalDate): boolean {
    return this.isWorkingDay(d) && !this.closures.has(d) && this.halfTermOf(d) !== undefined;
  }

  /** Every school day of a half term, in order. */
  schoolDays(academicYear: string, halfTerm: number): LocalDate[] {
    const h = this.halfTerms(academicYear).find((x) => x.halfTerm === halfTerm);
    if (!h) throw new RangeError(`No half term ${halfTerm} in ${academicYear}`);
    const out: LocalDate[] = [];
    for (let d = h.start; d <= h.end; d = addDays(d, 1)) if (this.isSchoolDay(d)) out.push(d);
    return out;
  }

  /** `d` itself if it is a working day, else the working day before it. */
  onOrBeforeWorkingDay(d: LocalDate): LocalDate {
    let x = d;
    while (!this.isWorkingDay(x)) x = addDays(x, -1);
    return x;
  }

  /** The working day before `d`. */
  previousWorkingDay(d: LocalDate): LocalDate {
    return this.onOrBeforeWorkingDay(addDays(d, -1));
  }

  /** The year's first and last days of term. */
  yearBounds(academicYear: string): { start: LocalDate; end: LocalDate } {
    const hs = this.halfTerms(academicYear);
    return { start: hs[0]!.start, end: hs[hs.length - 1]!.end };
  }
}
