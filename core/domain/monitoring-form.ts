import { z } from 'zod';
import { gradeSchema } from './grades';

const utc = z.iso.datetime({ offset: false });

/** KGA's monitoring / evidence form. */
export const monitoringFormSchema = z
  .object({
    id: z.string().min(1),
    academyId: z.string().min(1),
    observerId: z.string().min(1),
    observerRole: z.string().trim().min(1).max(200),
    startsAt: utc,
    endsAt: utc,
    activity: z.string().min(1),
    focus: z.string().trim().min(1, 'say what the activity was for').max(1000),
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
  })
  .refine((f) => f.endsAt > f.startsAt, { message: 'the end must be after the start', path: ['endsAt'] });
export type MonitoringForm = z.infer<typeof monitoringFormSchema>;
