import { z } from 'zod';
import { localDateSchema } from './local-date';

const utc = z.iso.datetime({ offset: false });

/** How far a success criterion has come at a review. */
export const criterionProgressSchema = z.enum(['not-started', 'some-progress', 'on-track', 'met']);
export type CriterionProgress = z.infer<typeof criterionProgressSchema>;

/** KGA: impact "not yet evident", some, or strong, judged on outcomes for pupils. */
export const impactJudgementSchema = z.enum(['not-yet-evident', 'some', 'strong']);

/** A review held: what it found, and progress against each agreed success criterion. */
export const interventionReviewSchema = z.object({
  on: localDateSchema,
  by: z.string().min(1),
  note: z.string().trim().min(1).max(5000),
  /** One entry per success criterion, in the intervention's order (absent on reviews recorded before this was kept). */
  criteria: z
    .array(z.object({ criterion: z.string().min(1), progress: criterionProgressSchema, evidence: z.string().max(2000).optional() }))
    .optional(),
});

/** An intervention (Schoolsworks): clear targets, a time limit, agreed success criteria and review dates; impact judged on pupils' outcomes. */
export const interventionSchema = z
  .object({
    id: z.string().min(1),
    academyId: z.string().min(1),
    /** One of the model's intervention kinds: in-school, school-to-school, direct trust, external. */
    kind: z.string().min(1),
    title: z.string().trim().min(1).max(300),
    targets: z.array(z.string().trim().min(1)).min(1, 'an intervention needs at least one clear target'),
    successCriteria: z.array(z.string().trim().min(1)).min(1, 'agree at least one success criterion'),
    startDate: localDateSchema,
    /** The time limit. */
    endDate: localDateSchema,
    reviewDates: z.array(localDateSchema).min(1, 'set at least one review date'),
    /** Reviews held so far: a review date is met by a review on or after it. */
    reviews: z.array(interventionReviewSchema).optional(),
    leadId: z.string().min(1),
    /** The academy giving the support, when the model's kind is supported by an academy (school-to-school). */
    supportingAcademyId: z.string().optional(),
    /** The person giving the support, when the kind is supported by a person (an external adviser). */
    supportingPersonId: z.string().optional(),
    status: z.enum(['planned', 'active', 'completed', 'stopped']),
    /** KGA: implementation is not impact; impact must be seen in outcomes for pupils. */
    implementation: z.string().max(5000).optional(),
    impact: z
      .object({
        judgement: impactJudgementSchema,
        outcomesForPupils: z.string().trim().min(1).max(5000),
        judgedAt: localDateSchema,
        judgedBy: z.string().optional(),
      })
      .optional(),
    /** Ended early or extended, each with its reason (Schoolsworks: interventions are time limited). */
    changes: z
      .array(
        z.object({
          kind: z.enum(['ended-early', 'extended']),
          at: utc,
          by: z.string().min(1),
          reason: z.string().trim().min(1).max(2000),
          endDateBefore: localDateSchema,
          endDateAfter: localDateSchema,
        }),
      )
      .optional(),
    createdBy: z.string().optional(),
  })
  // Whether the kind needs a supporting academy or person is the model's (`supportedBy`), checked when it is created.
  .refine((i) => i.endDate >= i.startDate, { message: 'the time limit must be after the start', path: ['endDate'] })
  .refine((i) => i.reviewDates.every((d) => d >= i.startDate && d <= i.endDate), {
    message: 'review dates must fall within the intervention',
    path: ['reviewDates'],
  });
export type Intervention = z.infer<typeof interventionSchema>;
export type InterventionReview = z.infer<typeof interventionReviewSchema>;
