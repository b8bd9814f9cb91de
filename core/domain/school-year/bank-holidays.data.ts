import type { LocalDate } from '../local-date';

/** A bank holiday as GOV.UK lists it: the day it is observed, and its name. */
export interface BankHoliday {
  date: LocalDate;
  name: string;
}

/**
 * Bank holidays of England and Wales (GOV.UK), listed on the day they are observed: where one
 * falls at a weekend only the substitute weekday is listed. Shipped as data so planning never
 * needs the network; a test checks it against the `date-holidays` package (region GB-ENG).
 */
export const ENGLAND_AND_WALES_BANK_HOLIDAY_LIST: readonly BankHoliday[] = [
  // 2025
  { date: '2025-01-01', name: 'New Year’s Day' },
  { date: '2025-04-18', name: 'Good Friday' },
  { date: '2025-04-21', name: 'Easter Monday' },
  { date: '2025-05-05', name: 'Early May bank holiday' },
  { date: '2025-05-26', name: 'Spring bank holiday' },
  { date: '2025-08-25', name: 'Summer bank holiday' },
  { date: '2025-12-25', name: 'Christmas Day' },
  { date: '2025-12-26', name: 'Boxing Day' },
  // 2026: Boxing Day is a Saturday, so Monday 28 December is the substitute
  { date: '2026-01-01', name: 'New Year’s Day' },
  { date: '2026-04-03', name: 'Good Friday' },
  { date: '2026-04-06', name: 'Easter Monday' },
  { date: '2026-05-04', name: 'Early May bank holiday' },
  { date: '2026-05-25', name: 'Spring bank holiday' },
  { date: '2026-08-31', name: 'Summer bank holiday' },
  { date: '2026-12-25', name: 'Christmas Day' },
  { date: '2026-12-28', name: 'Boxing Day (substitute day)' },
  // 2027: Christmas Day and Boxing Day fall at the weekend; substitutes 27 and 28 December
  { date: '2027-01-01', name: 'New Year’s Day' },
  { date: '2027-03-26', name: 'Good Friday' },
  { date: '2027-03-29', name: 'Easter Monday' },
  { date: '2027-05-03', name: 'Early May bank holiday' },
  { date: '2027-05-31', name: 'Spring bank holiday' },
  { date: '2027-08-30', name: 'Summer bank holiday' },
  { date: '2027-12-27', name: 'Christmas Day (substitute day)' },
  { date: '2027-12-28', name: 'Boxing Day (substitute day)' },
  // 2028: New Year's Day is a Saturday, so Monday 3 January is the substitute
  { date: '2028-01-03', name: 'New Year’s Day (substitute day)' },
  { date: '2028-04-14', name: 'Good Friday' },
  { date: '2028-04-17', name: 'Easter Monday' },
  { date: '2028-05-01', name: 'Early May bank holiday' },
  { date: '2028-05-29', name: 'Spring bank holiday' },
  { date: '2028-08-28', name: 'Summer bank holiday' },
  { date: '2028-12-25', name: 'Christmas Day' },
  { date: '2028-12-26', name: 'Boxing Day' },
];

/** The dates alone, for callers that only ask "is this a bank holiday?". */
export const ENGLAND_AND_WALES_BANK_HOLIDAYS: readonly LocalDate[] = ENGLAND_AND_WALES_BANK_HOLIDAY_LIST.map((h) => h.date);
