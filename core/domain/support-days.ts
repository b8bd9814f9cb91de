import { z } from 'zod';
import { localDateSchema } from './local-date';

/**
 * A day (or part) of support given to an academy. Core days come out of the allowance (DSAT: 6 AID
 * days including the AIMs); development days are recharged at the model's day rate to the academy's
 * improvement budget, and show as income to a supporting academy; optional days come from a menu (KGA).
 */
export const supportDaySchema = z.object({
  id: z.string().min(1),
  academyId: z.string().min(1),
  date: localDateSchema,
  kind: z.enum(['core', 'development', 'optional']),
  days: z.number().positive().max(20),
  providerId: z.string().min(1),
  /** A trust head's own academy, which receives the recharge as income. */
  supportingAcademyId: z.string().optional(),
  description: z.string().trim().min(1).max(1000),
  /** The recharge fixed when the day was booked, in pence. */
  chargePence: z.number().int().min(0).default(0),
  meetingId: z.string().optional(),
});
export type SupportDay = z.infer<typeof supportDaySchema>;
