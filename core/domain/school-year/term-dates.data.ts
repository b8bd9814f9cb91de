import type { AcademicYearDates } from './school-calendar';

/**
 * Term and half-term dates for England, typical of a local authority pattern (pupils' days;
 * INSET days vary by school and are the trust's to add). A trust overrides these with its own.
 * Half terms are numbered 1–6: autumn 1, autumn 2, spring 1, spring 2, summer 1, summer 2.
 */
export const DEFAULT_TERM_DATES: readonly AcademicYearDates[] = [
  {
    academicYear: '2025/26',
    halfTerms: [
      { halfTerm: 1, term: 'autumn', start: '2025-09-03', end: '2025-10-24' },
      { halfTerm: 2, term: 'autumn', start: '2025-11-03', end: '2025-12-19' },
      { halfTerm: 3, term: 'spring', start: '2026-01-05', end: '2026-02-13' },
      { halfTerm: 4, term: 'spring', start: '2026-02-23', end: '2026-03-27' },
      { halfTerm: 5, term: 'summer', start: '2026-04-13', end: '2026-05-22' },
      { halfTerm: 6, term: 'summer', start: '2026-06-01', end: '2026-07-22' },
    ],
  },
  {
    academicYear: '2026/27',
    halfTerms: [
      { halfTerm: 1, term: 'autumn', start: '2026-09-02', end: '2026-10-23' },
      { halfTerm: 2, term: 'autumn', start: '2026-11-02', end: '2026-12-18' },
      { halfTerm: 3, term: 'spring', start: '2027-01-04', end: '2027-02-12' },
      { halfTerm: 4, term: 'spring', start: '2027-02-22', end: '2027-03-25' },
      { halfTerm: 5, term: 'summer', start: '2027-04-12', end: '2027-05-28' },
      { halfTerm: 6, term: 'summer', start: '2027-06-07', end: '2027-07-21' },
    ],
  },
  {
    academicYear: '2027/28',
    halfTerms: [
      { halfTerm: 1, term: 'autumn', start: '2027-09-01', end: '2027-10-22' },
      { halfTerm: 2, term: 'autumn', start: '2027-11-01', end: '2027-12-17' },
      { halfTerm: 3, term: 'spring', start: '2028-01-04', end: '2028-02-11' },
      { halfTerm: 4, term: 'spring', start: '2028-02-21', end: '2028-03-31' },
      { halfTerm: 5, term: 'summer', start: '2028-04-18', end: '2028-05-26' },
      { halfTerm: 6, term: 'summer', start: '2028-06-05', end: '2028-07-21' },
    ],
  },
];
