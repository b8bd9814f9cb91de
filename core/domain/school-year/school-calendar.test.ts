import Holidays from 'date-holidays';
import { isWeekend, type LocalDate } from '../local-date';
import { ENGLAND_AND_WALES_BANK_HOLIDAY_LIST, ENGLAND_AND_WALES_BANK_HOLIDAYS } from './bank-holidays.data';
import { academicYearDatesSchema, academicYearOf, nextAcademicYear, SchoolCalendar, type AcademicYearDates } from './school-calendar';
import { DEFAULT_TERM_DATES } from './term-dates.data';

const calendar = new SchoolCalendar();

/** 2025/26 with summer 1 running from Easter Monday to the end of May, as a trust with its own dates might have it. */
const ownDates2025: AcademicYearDates = {
  academicYear: '2025/26',
  halfTerms: [
    { halfTerm: 1, term: 'autumn', start: '2025-09-02', end: '2025-10-17' },
    { halfTerm: 2, term: 'autumn', start: '2025-10-27', end: '2025-12-19' },
    { halfTerm: 3, term: 'spring', start: '2026-01-05', end: '2026-02-13' },
    { halfTerm: 4, term: 'spring', start: '2026-02-23', end: '2026-03-27' },
    { halfTerm: 5, term: 'summer', start: '2026-04-06', end: '2026-05-29' },
    { halfTerm: 6, term: 'summer', start: '2026-06-08', end: '2026-07-21' },
  ],
};

describe('bank holidays of England and Wales', () => {
  it('match the date-holidays package (GB-ENG, public) for 2025 to 2028, counting a substitute day instead of a weekend holiday', () => {
    const hd = new Holidays('GB', 'ENG');
    const fromPackage: { date: LocalDate; name: string }[] = [];
    for (const year of [2025, 2026, 2027, 2028]) {
      for (const h of hd.getHolidays(year)) {
        const date = h.date.slice(0, 10);
        // date-holidays lists a holiday on its weekend day AND its weekday substitute (substitute: true);
        // GOV.UK, and our list, give only the day off work.
        if (h.type === 'public' && !isWeekend(date)) fromPackage.push({ date, name: h.name.replace("'", '’') });
      }
    }
    expect(ENGLAND_AND_WALES_BANK_HOLIDAY_LIST).toEqual(fromPackage);
  });

  it('shows how date-holidays reports Boxing Day 2026: the Saturday, and Monday 28 December as its substitute', () => {
    const boxing = new Holidays('GB', 'ENG').getHolidays(2026).filter((h) => h.name.startsWith('Boxing Day'));
    expect(boxing.map((h) => [h.date.slice(0, 10), h.substitute ?? false])).toEqual([
      ['2026-12-26', false],
      ['2026-12-28', true],
    ]);
    expect(ENGLAND_AND_WALES_BANK_HOLIDAYS).toContain('2026-12-28');
    expect(ENGLAND_AND_WALES_BANK_HOLIDAYS).not.toContain('2026-12-26');
  });

  it('names Easter Monday 2026 and the late May bank holiday 2026', () => {
    expect(calendar.bankHolidayName('2026-04-06')).toBe('Easter Monday');
    expect(calendar.bankHolidayName('2026-05-25')).toBe('Spring bank holiday');
    expect(calendar.bankHolidayName('2026-05-26')).toBeUndefined();
  });
});

describe('the bank holidays of a half term', () => {
  it('lists only those from its first day to its last, not those in the break after it', () => {
    // 2026/27: Christmas, Easter (26 and 29 March 2027), the spring bank holiday (31 May) and the
    // August one all fall in breaks; only the early May bank holiday is in term, in summer 1.
    expect(calendar.halfTerms('2026/27').map((h) => [h.halfTerm, calendar.bankHolidaysIn(h)])).toEqual([
      [1, []],
      [2, []],
      [3, []],
      [4, []],
      [5, ['2027-05-03']],
      [6, []],
    ]);
  });

  it('follows a trust’s own dates: summer 1 from Easter Monday holds Easter Monday and both May bank holidays', () => {
    const own = new SchoolCalendar({ termDates: [ownDates2025] });
    const [autumn2, summer1] = [own.halfTerms('2025/26')[1]!, own.halfTerms('2025/26')[4]!];
    expect(own.bankHolidaysIn(summer1)).toEqual(['2026-04-06', '2026-05-04', '2026-05-25']);
    expect(own.bankHolidaysIn(autumn2)).toEqual([]);
  });
});

describe('working days and school days', () => {
  it('a working day is a weekday that is not a bank holiday', () => {
    expect(calendar.isWorkingDay('2026-04-06')).toBe(false); // Easter Monday
    expect(calendar.isWorkingDay('2026-05-25')).toBe(false); // Spring bank holiday
    expect(calendar.isWorkingDay('2026-04-04')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2026-04-07')).toBe(true); // Tuesday in the Easter holidays: still a working day
  });

  it('a school day is a working day in term that is not a closure', () => {
    const withInset = new SchoolCalendar({ closures: ['2026-04-13'] });
    expect(calendar.isSchoolDay('2026-04-07')).toBe(false); // Easter holidays
    expect(calendar.isSchoolDay('2026-04-13')).toBe(true); // first day of summer 1
    expect(withInset.isSchoolDay('2026-04-13')).toBe(false); // the trust's INSET day
    expect(withInset.isClosure('2026-04-13')).toBe(true);
    expect(calendar.isSchoolDay('2026-05-04')).toBe(false); // Early May bank holiday, in term
  });

  it('summer 1 2025/26 (13 April – 22 May 2026) has 29 school days: six weeks less the early May bank holiday', () => {
    const days = calendar.schoolDays('2025/26', 5);
    expect(days).toHaveLength(29);
    expect(days[0]).toBe('2026-04-13');
    expect(days.at(-1)).toBe('2026-05-22');
    expect(days).not.toContain('2026-05-04');
  });

  it('the school day before a meeting stays in its half term, skipping weekends and bank holidays', () => {
    expect(calendar.previousSchoolDay('2026-05-05')).toBe('2026-05-01');
    expect(calendar.previousSchoolDay('2026-04-14')).toBe('2026-04-13');
    expect(calendar.previousSchoolDay('2026-04-13')).toBeUndefined(); // opens summer 1
  });

  it('moves back to a working day over Easter', () => {
    expect(calendar.onOrBeforeWorkingDay('2026-04-06')).toBe('2026-04-02'); // past Easter Monday and Good Friday
    expect(calendar.previousWorkingDay('2026-04-07')).toBe('2026-04-02');
  });

  it('knows the half term of a date, and none in the holidays', () => {
    expect(calendar.halfTermOf('2026-11-10')).toMatchObject({ halfTerm: 2, term: 'autumn' });
    expect(calendar.halfTermOf('2026-10-28')).toBeUndefined(); // October half term
    expect(calendar.yearBounds('2026/27')).toEqual({ start: '2026-09-02', end: '2027-07-21' });
  });
});

describe('academic years', () => {
  it('runs from 1 September to 31 August', () => {
    expect(academicYearOf('2026-08-31')).toBe('2025/26');
    expect(academicYearOf('2026-09-01')).toBe('2026/27');
    expect(academicYearOf('2027-01-01')).toBe('2026/27');
    expect(academicYearOf('2099-12-31')).toBe('2099/00');
    expect(nextAcademicYear('2026/27')).toBe('2027/28');
  });

  it('has default term dates for 2025/26 to 2027/28 and refuses a year it does not know', () => {
    expect(calendar.knownYears()).toEqual(['2025/26', '2026/27', '2027/28']);
    expect(() => calendar.halfTerms('2030/31')).toThrow(/No term dates for 2030\/31/);
  });
});

describe('a trust’s own term dates', () => {
  it('override the default for that year, and only that year', () => {
    const own = new SchoolCalendar({ termDates: [ownDates2025] });
    expect(calendar.halfTermOf('2026-04-07')).toBeUndefined();
    expect(own.halfTermOf('2026-04-07')?.halfTerm).toBe(5);
    expect(own.isSchoolDay('2026-04-07')).toBe(true);
    expect(own.isSchoolDay('2026-05-26')).toBe(true); // the week after the late May bank holiday is term time here
    expect(own.halfTerms('2026/27')).toEqual(DEFAULT_TERM_DATES[1]!.halfTerms);
  });

  it('keep bank holidays out of school days even in their term time', () => {
    const own = new SchoolCalendar({ termDates: [ownDates2025] });
    expect(own.halfTermOf('2026-04-06')?.halfTerm).toBe(5);
    expect(own.isSchoolDay('2026-04-06')).toBe(false);
    expect(own.isSchoolDay('2026-05-25')).toBe(false);
  });
});

describe('the term-dates schema', () => {
  const valid = structuredClone(DEFAULT_TERM_DATES[1]!) as {
    academicYear: string;
    halfTerms: { halfTerm: number; term: string; start: string; end: string }[];
  };
  const fields = (input: unknown) => {
    const r = academicYearDatesSchema.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };
  const edit = (f: (y: typeof valid) => void) => {
    const y = structuredClone(valid);
    f(y);
    return y;
  };

  it('accepts every default year', () => {
    for (const y of DEFAULT_TERM_DATES) expect(fields(y)).toEqual([]);
  });

  it('refuses a half term that ends before it starts, naming its end', () => {
    expect(fields(edit((y) => (y.halfTerms[2]!.end = '2027-01-01')))).toEqual(['halfTerms.2.end: a half term cannot end before it starts']);
  });

  it('refuses half terms out of order, naming the start that overlaps', () => {
    expect(fields(edit((y) => (y.halfTerms[3]!.start = '2027-02-10')))).toEqual([
      'halfTerms.3.start: half term 4 starts before half term 3 ends',
    ]);
  });

  it('refuses half terms listed in the wrong order or term', () => {
    const swapped = edit((y) => ([y.halfTerms[0], y.halfTerms[1]] = [y.halfTerms[1]!, y.halfTerms[0]!]));
    expect(fields(swapped)).toEqual(
      expect.arrayContaining(['halfTerms.0.halfTerm: half terms must be listed 1 to 6; found 2 at position 1']),
    );
    expect(fields(edit((y) => (y.halfTerms[4]!.term = 'spring')))).toEqual(['halfTerms.4.term: half term 5 is in the summer term']);
  });

  it('refuses dates outside 1 September – 31 July, naming the field', () => {
    expect(fields(edit((y) => (y.halfTerms[0]!.start = '2026-08-27')))).toEqual([
      'halfTerms.0.start: 2026-08-27 is outside the 2026/27 school year (1 September 2026 – 31 July 2027)',
    ]);
    expect(fields(edit((y) => (y.halfTerms[5]!.end = '2027-08-02')))).toEqual([
      'halfTerms.5.end: 2027-08-02 is outside the 2026/27 school year (1 September 2026 – 31 July 2027)',
    ]);
  });

  it('refuses a date that is not on the calendar, naming the field, rather than throwing', () => {
    expect(fields(edit((y) => (y.halfTerms[3]!.end = '2027-02-30')))).toEqual(['halfTerms.3.end: not a real calendar date']);
  });

  it('refuses an academic year whose second year does not follow the first', () => {
    expect(fields(edit((y) => (y.academicYear = '2026/28')))).toEqual(
      expect.arrayContaining(['academicYear: the second year must follow the first, as in 2026/27']),
    );
  });

  it('refuses fewer than six half terms', () => {
    expect(fields(edit((y) => y.halfTerms.pop()))[0]).toMatch(/^halfTerms: /);
  });
});

describe('closures: the trust’s, and each academy’s own', () => {
  const cal = new SchoolCalendar({
    closures: [
      '2026-11-02', // a bare date, as older settings held it: the whole trust
      { date: '2027-01-04', academyId: 'oakfield', reason: 'INSET day' },
      { date: '2027-02-08', endDate: '2027-02-10', academyId: 'brook-lane', reason: 'Building works' },
    ],
  });

  it('an academy’s INSET day is a school day everywhere else', () => {
    expect(cal.isSchoolDayAt('oakfield', '2027-01-04')).toBe(false);
    expect(cal.isSchoolDayAt('brook-lane', '2027-01-04')).toBe(true);
    expect(cal.isSchoolDay('2027-01-04')).toBe(true); // the trust's own calendar
    expect(cal.forAcademy('oakfield').closureOn('2027-01-04')).toEqual({ date: '2027-01-04', academyId: 'oakfield', reason: 'INSET day' });
  });

  it('a trust closure closes every academy, and a closure of several days closes each of them', () => {
    expect(['oakfield', 'brook-lane', 'hill-top'].map((a) => cal.isSchoolDayAt(a, '2026-11-02'))).toEqual([false, false, false]);
    expect(['2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'].map((d) => cal.isSchoolDayAt('brook-lane', d))).toEqual([
      false,
      false,
      false,
      true,
    ]);
  });

  it('an academy’s school days and the school day before a date skip its own closures', () => {
    const oakfield = cal.forAcademy('oakfield');
    expect(oakfield.schoolDays('2026/27', 3)[0]).toBe('2027-01-05');
    expect(cal.schoolDays('2026/27', 3)[0]).toBe('2027-01-04');
    expect(cal.forAcademy('brook-lane').previousSchoolDay('2027-02-11')).toBe('2027-02-05');
  });

  it('an academy with no closures of its own sees the trust’s calendar itself', () => {
    expect(cal.forAcademy('hill-top')).toBe(cal);
    expect(cal.forAcademy('oakfield').forAcademy('brook-lane')).toBe(cal.forAcademy('brook-lane'));
    expect(cal.academiesWithClosures()).toEqual(['brook-lane', 'oakfield']);
  });
});
