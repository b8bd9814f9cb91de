import { z } from 'zod';
import { localDateSchema } from './local-date';
import { gradeSchema, ofstedGradeSchema } from './grades';
import { DEFAULT_BELOW_GOOD, inspectionSchema, latestInspection, whyInspectionBelowGood, type ReportCardRule } from './inspections';
import { selfEvaluationSchema, whySelfEvaluationBelowGood } from './self-evaluation';

export const phaseSchema = z.enum(['primary', 'secondary', 'all-through', 'special']);
export type Phase = z.infer<typeof phaseSchema>;

export const riskBandSchema = z.enum(['low', 'medium', 'high']);

export const academySchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1).max(200),
  /** Other names people use in chat ("St Mary's", "SMA"). */
  aliases: z.array(z.string().trim().min(1)).default([]),
  phase: phaseSchema,
  /**
   * The latest single-word grade and its date (the old framework; the CSV import reads these). Rules
   * read the latest inspection of either kind: see `inspections` and `latestInspection`.
   */
  ofstedGrade: ofstedGradeSchema,
  ofstedDate: localDateSchema.optional(),
  /**
   * Every inspection recorded: single-word grades, then report cards since 10 November 2025.
   * Optional so records written before report cards (and their factories) stay valid as they are.
   */
  inspections: z.array(inspectionSchema).optional(),
  /** The school's own view as one old grade (its SEF); superseded by `selfEvaluation` once set. */
  selfEvaluatedGrade: gradeSchema.optional(),
  /** When the school gave that grade, set with the year's arrangements (core/domain/academy-arrangements.ts). */
  selfEvaluatedOn: localDateSchema.optional(),
  /** The school's own view area by area on the report card's scale, set at the meeting the model names. */
  selfEvaluation: selfEvaluationSchema.optional(),
  inOfstedWindow: z.boolean().default(false),
  sponsored: z.boolean().default(false),
  /** Stage / route / risk band id from the trust's improvement model, set each September. */
  supportStage: z.string().min(1),
  riskBand: riskBandSchema.optional(),
  /** Meeting kinds or options the academy has asked for (e.g. a Good school asking for iAIMs). */
  requests: z.array(z.string().min(1)).default([]),
  /**
   * Meetings of a kind agreed with the academy, in place of the model's count (DSAT: "3 times per
   * year … unless a different arrangement has been agreed with the academy"): kind id → meetings a year.
   */
  agreedMeetings: z.record(z.string().min(1), z.number().int().min(0).max(6)).optional(),
  /** Who last set the year's arrangements (requests, agreed meetings, self-evaluated grade), when, and why. */
  arrangements: z.object({ reason: z.string().min(1).max(1000), setBy: z.string().min(1), setAt: z.string().min(1) }).optional(),
  /** The improvement director who supports this academy (chairs its AIMs / ASERs). */
  improvementDirectorId: z.string().min(1),
  /** The academy's improvement budget for the year, in pence, that development days are charged to. */
  improvementBudgetPence: z.number().int().min(0).default(0),
});
export type Academy = z.infer<typeof academySchema>;

/** What "below Good" is worked out from: the latest inspection and the academy's own view. */
export type BelowGoodFacts = Pick<Academy, 'ofstedGrade' | 'selfEvaluatedGrade'> &
  Partial<Pick<Academy, 'ofstedDate' | 'inspections' | 'selfEvaluation'>>;

/**
 * Why an academy is below Good (DSAT: "less than good (inspection or self-evaluation)"), each in
 * words: its latest inspection (a report card read as the trust's model says), then its own view.
 */
export function belowGoodReasons(a: BelowGoodFacts, belowGood: ReportCardRule = DEFAULT_BELOW_GOOD): string[] {
  const byInspection = whyInspectionBelowGood(latestInspection(a), belowGood);
  const bySelf = whySelfEvaluationBelowGood(a, belowGood);
  return [...(byInspection ? [byInspection] : []), ...(bySelf ? [bySelf] : [])];
}

/** Below Good by inspection or by its own self-evaluation; not yet inspected is not below Good. */
export const isAcademyBelowGood = (a: BelowGoodFacts, belowGood: ReportCardRule = DEFAULT_BELOW_GOOD): boolean =>
  belowGoodReasons(a, belowGood).length > 0;
