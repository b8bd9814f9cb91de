import { z } from 'zod';
import { gradeSchema } from './grades';

const utc = z.iso.datetime({ offset: false });

/** A visit's form is saved as a draft while the observer walks round the school, and submitted once complete. */
export const MONITORING_FORM_STATUSES = ['draft', 'submitted'] as const;
export type MonitoringFormStatus = (typeof MONITORING_FORM_STATUSES)[number];

/**
 * KGA's monitoring / evidence form, the record of a QA or monitoring visit. A draft may lack its
 * focus and feedback; `checkSubmission` (monitoring-forms.ts) asks for them before it is submitted.
 */
export const monitoringFormSchema = z
  .object({
    id: z.string().min(1),
    academyId: z.string().min(1),
    observerId: z.string().min(1),
    observerRole: z.string().trim().min(1).max(200),
    startsAt: utc,
    endsAt: utc,
    activity: z.string().min(1),
    focus: z.string().trim().max(1000).default(''),
    yearClass: z.string().max(100).optional(),
    mixedAbility: z.boolean().optional(),
    subject: z.string().max(200).optional(),
    numberInClass: z.number().int().min(0).max(500).optional(),
    notes: z.string().max(20000).default(''),
    whatWentWell: z.array(z.string().trim().min(1)).default([]),
    evenBetterIf: z.array(z.string().trim().min(1)).default([]),
    areaOfExcellence: z.string().max(2000).optional(),
    /** Judgement per area of the model's form (T,L&A · PDBW · L&M · Outcomes). */
    judgements: z.record(z.string(), gradeSchema).default({}),
    meetingId: z.string().optional(),
    /** Forms stored before drafts existed were complete ones, so a record without a status reads as submitted. */
    status: z.enum(MONITORING_FORM_STATUSES).default('submitted'),
    updatedAt: utc.optional(),
    submittedAt: utc.optional(),
  })
  .refine((f) => f.endsAt > f.startsAt, { message: 'the end must be after the start', path: ['endsAt'] });
export type MonitoringForm = z.infer<typeof monitoringFormSchema>;
