import { z } from 'zod';
import { localDateSchema } from './local-date';
import { gradeSchema, isBelowGood, ofstedGradeSchema } from './grades';

export const phaseSchema = z.enum(['primary', 'secondary', 'all-through', 'special']);
export type Phase = z.infer<typeof phaseSchema>;

export const riskBandSchema = z.enum(['low', 'medium', 'high']);

export const academySchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1).max(200),
  /** Other names people use in chat ("St Mary's", "SMA"). */
  aliases: z.array(z.string().trim().min(1)).default([]),
  phase: phaseSchema,
  ofstedGrade: ofstedGradeSchema,
  ofstedDate: localDateSchema.optional(),
  /** The school's own view (its SEF); DSAT's iAIMs follow it as well as inspection. */
  selfEvaluatedGrade: gradeSchema.optional(),
  inOfstedWindow: z.boolean().default(false),
  sponsored: z.boolean().default(false),
  /** Stage / route / risk band id from the trust's improvement model, set each September. */
  supportStage: z.string().min(1),
  riskBand: riskBandSchema.optional(),
  /** Meeting kinds or options the academy has asked for (e.g. a Good school asking for iAIMs). */
  requests: z.array(z.string().min(1)).default([]),
  /** The improvement director who supports this academy (chairs its AIMs / ASERs). */
  improvementDirectorId: z.string().min(1),
  /** The academy's improvement budget for the year, in pence, that development days are charged to. */
  improvementBudgetPence: z.number().int().min(0).default(0),
});
export type Academy = z.infer<typeof academySchema>;

/** Below Good by inspection or by its own self-evaluation (DSAT: "less than good"). */
export const isAcademyBelowGood = (a: Pick<Academy, 'ofstedGrade' | 'selfEvaluatedGrade'>): boolean =>
  isBelowGood(a.ofstedGrade) || isBelowGood(a.selfEvaluatedGrade);
