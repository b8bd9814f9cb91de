import { z } from 'zod';
import { localDateSchema } from './local-date';

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
    reviews: z.array(z.object({ on: localDateSchema, by: z.string().min(1), note: z.string().trim().min(1).max(5000) })).optional(),
    leadId: z.string().min(1),
    /** For school-to-school support: the academy giving it. */
    supportingAcademyId: z.string().optional(),
    status: z.enum(['planned', 'active', 'completed', 'stopped']),
    /** KGA: implementation is not impact; impact must be seen in outcomes for pupils. */
    implementation: z.string().max(5000).optional(),
    impact: z.object({ judgement: z.enum(['not-yet-evident', 'some', 'strong']), outcomesForPupils: z.string().trim().min(1).max(5000), judgedAt: localDateSchema }).optional(),
  })
  .refine((i) => i.endDate >= i.startDate, { message: 'the time limit must be after the start', path: ['endDate'] })
  .refine((i) => i.reviewDates.every((d) => d >= i.startDate && d <= i.endDate), { message: 'review dates must fall within the intervention', path: ['reviewDates'] })
  .refine((i) => i.kind !== 'school-to-school' || i.supportingAcademyId !== undefined, { message: 'school-to-school support names the supporting academy', path: ['supportingAcademyId'] });
export type Intervention = z.infer<typeof interventionSchema>;
