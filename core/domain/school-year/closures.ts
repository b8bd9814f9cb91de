import { z } from 'zod';
import { datesBetween, localDateSchema, type LocalDate } from '../local-date';

/**
 * A day (or run of days) with no meetings: an INSET day, a polling-station day, building works.
 * INSET days "vary by school" (term-dates.data.ts), so a closure names its academy; one without an
 * academy closes the whole trust, which is what a bare date in older settings meant.
 */
export const closureSchema = z
  .object({
    date: localDateSchema.meta({ title: 'Date' }),
    /** The last day when it runs for more than one (inclusive). */
    endDate: localDateSchema.meta({ title: 'Last day' }).optional(),
    academyId: z.string().min(1).meta({ title: 'Academy' }).optional(),
    reason: z.string().trim().min(1, 'say what the closure is, e.g. "INSET day"').max(200).meta({ title: 'Reason' }),
  })
  .strict()
  .refine((c) => c.endDate === undefined || c.endDate >= c.date, { path: ['endDate'], message: 'the last day cannot be before the first' })
  .refine((c) => c.endDate === undefined || datesBetween(c.date, c.endDate).length <= 366, {
    path: ['endDate'],
    message: 'a closure can run for a year at most',
  });
export type Closure = z.infer<typeof closureSchema>;

/** As stored in trust settings: a bare date (the whole trust, as settings held it before academies had their own) or a closure. */
export const storedClosureSchema = z.union([localDateSchema, closureSchema]);
export type StoredClosure = LocalDate | Closure;

/** A bare date read as a whole-trust closure. */
export const asClosure = (c: StoredClosure): Closure => (typeof c === 'string' ? { date: c, reason: 'Closure' } : c);

/** A closure's stable id: who it closes and from when ("trust:2026-11-02", "oakfield:2027-01-04"). */
export const closureId = (c: Pick<Closure, 'date' | 'academyId'>): string => `${c.academyId ?? 'trust'}:${c.date}`;

/** Every date a closure covers. */
export const closureDates = (c: Closure): LocalDate[] => (c.endDate ? datesBetween(c.date, c.endDate) : [c.date]);
