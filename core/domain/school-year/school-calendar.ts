import { z } from 'zod';
import { addDays, isWeekend, localDateSchema, type LocalDate } from '../local-date';
import { ENGLAND_AND_WALES_BANK_HOLIDAY_LIST, type BankHoliday } from './bank-holidays.data';
import { asClosure, closureDates, type Closure, type StoredClosure } from './closures';
import { DEFAULT_TERM_DATES } from './term-dates.data';

export const termSchema = z.enum(['autumn', 'spring', 'summer']);
export type Term = z.infer<typeof termSchema>;

export const halfTermNumberSchema = z.literal([1, 2, 3, 4, 5, 6]);
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
      if (h.halfTerm !== i + 1)
        ctx.addIssue({
          code: 'custom',
          path: ['halfTerms', i, 'halfTerm'],
          message: `half terms must be listed 1 to 6; found ${h.halfTerm} at position ${i + 1}`,
        });
      const expectedTerm = (['autumn', 'autumn', 'spring', 'spring', 'summer', 'summer'] as const)[i];
      if (h.term !== expectedTerm)
        ctx.addIssue({ code: 'custom', path: ['halfTerms', i, 'term'], message: `half term ${i + 1} is in the ${expectedTerm} term` });
      if (h.end < h.start)
        ctx.addIssue({ code: 'custom', path: ['halfTerms', i, 'end'], message: 'a half term cannot end before it starts' });
      const prev = y.halfTerms[i - 1];
      if (prev && h.start <= prev.end)
        ctx.addIssue({ code: 'custom', path: ['halfTerms', i, 'start'], message: `half term ${i + 1} starts before half term ${i} ends` });
    });
    // Every date inside 1 September – 31 July of its year, each named, so a typo in one half term points at that half term.
    const yearStart = `${startYear}-09-01`;
    const yearEnd = `${startYear + 1}-07-31`;
    y.halfTerms.forEach((h, i) =>
      (['start', 'end'] as const).forEach((field) => {
        if (h[field] < yearStart || h[field] > yearEnd) {
          ctx.addIssue({
            code: 'custom',
            path: ['halfTerms', i, field],
            message: `${h[field]} is outside the ${y.academicYear} school year (1 September ${startYear} – 31 July ${startYear + 1})`,
          });
        }
      }),
    );
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

export interface CalendarOptions {
  termDates?: readonly AcademicYearDates[];
  bankHolidays?: readonly (LocalDate | BankHoliday)[];
  /** The trust's closures, and each academy's (a bare date closes the whole trust). */
  closures?: readonly StoredClosure[];
}

// Only this module makes an academy's view (the symbol is not exported).
const VIEW = Symbol('academy view');
type AcademyView = { [VIEW]: true; base: SchoolCalendar; academyId: string; closures: ReadonlyMap<LocalDate, Closure> };

/**
 * The school year as the planner sees it: term-time half terms, bank holidays, and closures (INSET
 * days): the trust's own, which close every academy, and each academy's, which close only it.
 * Working days are weekdays that are not bank holidays. `forAcademy(id)` is the same year as one
 * academy sees it, so every rule that takes a calendar asks "is this a school day for academy X".
 */
export class SchoolCalendar {
  private readonly years: Map<string, AcademicYearDates>;
  /** Bank holiday date → its name (empty when given as a bare date the default list does not name). */
  private readonly holidays: ReadonlyMap<LocalDate, string>;
  /** Closure date → the closure, for the days this calendar is closed (the trust's; in an academy's view, its own too). */
  private readonly closures: ReadonlyMap<LocalDate, Closure>;
  /** Each academy's own closures by date (on the trust's calendar; empty in a view). */
  private readonly academyClosures = new Map<string, Map<LocalDate, Closure>>();
  private readonly views = new Map<string, SchoolCalendar>();
  /** The trust's calendar, when this is one academy's view of it. */
  private readonly trust: SchoolCalendar | undefined;
  // Memos: the calendar never changes once built, and the planner asks the same questions thousands of times.
  private readonly workingDays: Map<LocalDate, boolean>;
  private readonly schoolDaysOf = new Map<string, LocalDate[]>();
  /** The academy this calendar is the view of; undefined for the trust's own. */
  readonly academyId: string | undefined;

  constructor(options: CalendarOptions | AcademyView = {}) {
    if (VIEW in options) {
      // One academy's view: the trust's years, holidays and working-day memo, its closures plus the academy's.
      const { base, academyId, closures } = options;
      this.years = base.years;
      this.holidays = base.holidays;
      this.workingDays = base.workingDays;
      this.closures = closures;
      this.trust = base;
      this.academyId = academyId;
      return;
    }
    this.years = new Map();
    for (const y of DEFAULT_TERM_DATES) this.years.set(y.academicYear, y);
    for (const y of options.termDates ?? []) this.years.set(y.academicYear, y); // the trust's own dates win
    const known = new Map(ENGLAND_AND_WALES_BANK_HOLIDAY_LIST.map((h) => [h.date, h.name]));
    this.holidays = new Map(
      (options.bankHolidays ?? ENGLAND_AND_WALES_BANK_HOLIDAY_LIST).map((h) =>
        typeof h === 'string' ? [h, known.get(h) ?? ''] : [h.date, h.name],
      ),
    );
    const trustWide = new Map<LocalDate, Closure>();
    for (const c of (options.closures ?? []).map(asClosure)) {
      let into = trustWide;
      if (c.academyId !== undefined) {
        into = this.academyClosures.get(c.academyId) ?? new Map<LocalDate, Closure>();
        this.academyClosures.set(c.academyId, into);
      }
      for (const d of closureDates(c)) if (!into.has(d)) into.set(d, c);
    }
    this.closures = trustWide;
    this.workingDays = new Map();
    this.trust = undefined;
    this.academyId = undefined;
  }

  /**
   * The year as one academy sees it: the trust's closures and its own. The same calendar when the
   * academy has none of its own, so the planner's memos are shared by every such academy.
   */
  forAcademy(academyId: string): SchoolCalendar {
    if (this.trust) return this.academyId === academyId ? this : this.trust.forAcademy(academyId);
    const own = this.academyClosures.get(academyId);
    if (!own) return this;
    let view = this.views.get(academyId);
    if (!view) {
      const closures = new Map(this.closures);
      for (const [d, c] of own) if (!closures.has(d)) closures.set(d, c);
      view = new SchoolCalendar({ [VIEW]: true, base: this, academyId, closures });
      this.views.set(academyId, view);
    }
    return view;
  }

  /** Whether `d` is a school day at one academy: term time, a working day, and closed neither for the trust nor for it. */
  isSchoolDayAt(academyId: string, d: LocalDate): boolean {
    return this.forAcademy(academyId).isSchoolDay(d);
  }

  /** Academies with closures of their own. */
  academiesWithClosures(): string[] {
    return [...(this.trust ?? this).academyClosures.keys()].sort();
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

  /**
   * The bank holidays that fall inside a half term, from its first day to its last: those in the
   * break after it (Christmas, the August bank holiday) belong to no half term.
   */
  bankHolidaysIn(h: Pick<HalfTermDates, 'start' | 'end'>): LocalDate[] {
    return [...this.holidays.keys()].filter((d) => d >= h.start && d <= h.end).sort();
  }

  /** "Spring bank holiday" for 25 May 2026; undefined when `d` is not a bank holiday or has no name. */
  bankHolidayName(d: LocalDate): string | undefined {
    return this.holidays.get(d) || undefined;
  }

  /** An INSET day or other closure (the trust's; in an academy's view, its own too): no meetings. */
  isClosure(d: LocalDate): boolean {
    return this.closures.has(d);
  }

  /** The closure on `d`, with its reason and whether it is one academy's, for saying why a day is not free. */
  closureOn(d: LocalDate): Closure | undefined {
    return this.closures.get(d);
  }

  /** Not a weekend and not a bank holiday: the days papers can fall due. */
  isWorkingDay(d: LocalDate): boolean {
    let w = this.workingDays.get(d);
    if (w === undefined) this.workingDays.set(d, (w = !isWeekend(d) && !this.holidays.has(d)));
    return w;
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
    const key = `${academicYear}/${halfTerm}`;
    let days = this.schoolDaysOf.get(key);
    if (!days) {
      const h = this.halfTerms(academicYear).find((x) => x.halfTerm === halfTerm);
      if (!h) throw new RangeError(`No half term ${halfTerm} in ${academicYear}`);
      days = [];
      for (let d = h.start; d <= h.end; d = addDays(d, 1)) if (this.isSchoolDay(d)) days.push(d);
      this.schoolDaysOf.set(key, days);
    }
    return [...days];
  }

  /** A working day inside a half term (INSET days included: staff are in): the days papers fall due. */
  isTermWorkingDay(d: LocalDate): boolean {
    return this.isWorkingDay(d) && this.halfTermOf(d) !== undefined;
  }

  /** The school day before `d` in the same half term, or undefined when `d` opens the half term (DSAT's monitoring visit). */
  previousSchoolDay(d: LocalDate): LocalDate | undefined {
    const h = this.halfTermOf(d);
    if (!h) return undefined;
    for (let x = addDays(d, -1); x >= h.start; x = addDays(x, -1)) if (this.isSchoolDay(x)) return x;
    return undefined;
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
