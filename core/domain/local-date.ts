import { format, isValid, parseISO } from 'date-fns';
import { z } from 'zod';

/** A calendar date in England with no time, as `YYYY-MM-DD`; meetings and deadlines are planned on these. */
export type LocalDate = string;

export const localDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  // parseISO gives an Invalid Date for 30 February, and format() would throw on it: check first.
  .refine((s) => {
    const d = parseISO(s);
    return isValid(d) && format(d, 'yyyy-MM-dd') === s;
  }, 'not a real calendar date');

// Plain UTC arithmetic on the date's own digits: no time zone can shift a calendar date, and the
// planner calls these hundreds of thousands of times (date-fns parse/format was its main cost).
const MS_PER_DAY = 86_400_000;
const toEpochDay = (d: LocalDate): number =>
  Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / MS_PER_DAY;
const fromEpochDay = (n: number): LocalDate => new Date(n * MS_PER_DAY).toISOString().slice(0, 10);

/** The date `n` days after `d` (negative goes back). */
export const addDays = (d: LocalDate, n: number): LocalDate => fromEpochDay(toEpochDay(d) + n);

/** Whole days from `a` to `b` (positive when b is later). */
export const daysBetween = (a: LocalDate, b: LocalDate): number => toEpochDay(b) - toEpochDay(a);

/** 1 = Monday … 7 = Sunday. */
export const isoWeekday = (d: LocalDate): number => ((((toEpochDay(d) + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday

export const isWeekend = (d: LocalDate): boolean => isoWeekday(d) >= 6;

/** The Monday of the week holding `d`: used to balance a chair's load week by week. */
export const weekOf = (d: LocalDate): LocalDate => addDays(d, 1 - isoWeekday(d));

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: LocalDate, to: LocalDate): LocalDate[] {
  const out: LocalDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

export const maxDate = (a: LocalDate, b: LocalDate): LocalDate => (a > b ? a : b);
export const minDate = (a: LocalDate, b: LocalDate): LocalDate => (a < b ? a : b);
