import type { LocalDate } from '../local-date';

/**
 * Bank holidays of England and Wales (GOV.UK), with substitute days where one falls at a
 * weekend. Shipped as data so planning never needs the network; a test checks it against the
 * `date-holidays` package (region GB-ENG).
 */
export const ENGLAND_AND_WALES_BANK_HOLIDAYS: readonly LocalDate[] = [
  // 2025
  '2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26',
  // 2026: Boxing Day is a Saturday, so Monday 28 December is the substitute
  '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
  // 2027: Christmas Day and Boxing Day fall at the weekend; substitutes 27 and 28 December
  '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28',
  // 2028: New Year's Day is a Saturday, so Monday 3 January is the substitute
  '2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26',
];
