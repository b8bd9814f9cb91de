import { z } from 'zod';
import { actionStatusSchema } from '../../core/domain/action-item';
import { localDateSchema } from '../../core/domain/local-date';

/**
 * Every `Action.Execute` verb the bot's cards carry, with the schema its data must meet. Data
 * arrives from the client (inputs merged with the button's `data`), so each is validated here once
 * (STYLE rule 6) before any service is called.
 */
const id = z.string().trim().min(1).max(200);
const version = z.string().trim().min(1).max(100);

export const verbSchemas = {
  'academy.status': z.object({ academyId: id }),
  'papers.refresh': z.object({ meetingId: id }),
  'papers.submit': z.object({ meetingId: id, requirementId: id, version }),
  'papers.extension.request': z.object({
    meetingId: id,
    requirementId: id,
    version,
    newDueDate: localDateSchema,
    reason: z.string().trim().min(1, 'give a reason so the chair can decide').max(1000, 'keep the reason under 1,000 characters'),
  }),
  'papers.extension.refresh': z.object({ meetingId: id, requirementId: id }),
  'papers.extension.decide': z.object({ meetingId: id, requirementId: id, version, decision: z.enum(['approve', 'decline']) }),
  'meeting.apologies': z.object({
    meetingId: id,
    version,
    reason: z.string().trim().min(1, 'give a reason for your apologies').max(1000, 'keep the reason under 1,000 characters'),
    substituteId: z.string().trim().max(200).optional(),
  }),
  'notes.refresh': z.object({ meetingId: id }),
  'notes.decide': z.object({
    meetingId: id,
    version,
    decision: z.enum(['approve', 'changes']),
    comment: z.string().trim().max(2000, 'keep the comment under 2,000 characters').optional(),
  }),
  'action.refresh': z.object({ actionId: id }),
  'action.update': z.object({ actionId: id, version, status: actionStatusSchema, note: z.string().trim().max(2000, 'keep the note under 2,000 characters').optional() }),
} as const;

export type Verb = keyof typeof verbSchemas;
export type VerbData<V extends Verb> = z.infer<(typeof verbSchemas)[V]>;

export const isVerb = (v: unknown): v is Verb => typeof v === 'string' && Object.prototype.hasOwnProperty.call(verbSchemas, v);
