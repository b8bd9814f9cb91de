import { addDays as addDaysToDate, differenceInCalendarDays, format, getISODay, parseISO, startOfISOWeek } from 'date-fns';
import { z } from 'zod';

/** A calendar date in England with no time, as `YYYY-MM-DD`; meetings and deadlines are planned on these. */
export type LocalDate = string;

export const localDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => format(parseISO(s), 'yyyy-MM-dd') === s, 'not a real calendar date');

const toDate = (d: LocalDate): Date => parseISO(d);
const fromDate = (d: Date): LocalDate => format(d, 'yyyy-MM-dd');

/** The date `n` days after `d` (negative goes back). */
export const addDays = (d: LocalDate, n: number): LocalDate => fromDate(addDaysToDate(toDate(d), n));

/** Whole days from `a` to `b` (positive when b is later). */
export const daysBetween = (a: LocalDate, b: LocalDate): number => differenceInCalendarDays(toDate(b), toDate(a));

/** 1 = Monday … 7 = Sunday. */
export const isoWeekday = (d: LocalDate): number => getISODay(toDate(d));

export const isWeekend = (d: LocalDate): boolean => isoWeekday(d) >= 6;

/** The Monday of the week holding `d`: used to balance a chair's load week by week. */
export const weekOf = (d: LocalDate): LocalDate => fromDate(startOfISOWeek(toDate(d)));

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: LocalDate, to: LocalDate): LocalDate[] {
  const out: LocalDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

export const maxDate = (a: LocalDate, b: LocalDate): LocalDate => (a > b ? a : b);
export const minDate = (a: LocalDate, b: LocalDate): LocalDate => (a < b ? a : b);
