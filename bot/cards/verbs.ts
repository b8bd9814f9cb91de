import { z } from 'zod';
import { actionUpdateBodySchema } from '../../core/services/actions.service';
import { notesApprovalBodySchema, paperSubmitBodySchema } from '../../core/services/meeting-record.service';
import { apologiesBodySchema, extensionDecisionBodySchema, extensionRequestBodySchema } from '../../core/services/paper-extensions.service';

/**
 * Every `Action.Execute` verb the bot's cards carry, with the schema its data must meet. Data
 * arrives from the client (inputs merged with the button's `data`), so each is checked once here,
 * with the same request schema the use case's other transports use (the card adds only the ids it
 * was built for, and words a button says instead of a boolean).
 */
const id = z.string().trim().min(1).max(200);
const meeting = { meetingId: id };
const paper = { meetingId: id, requirementId: id };

export const verbSchemas = {
  'academy.status': z.object({ academyId: id }),
  'papers.refresh': z.object(meeting),
  'papers.submit': paperSubmitBodySchema.pick({ version: true }).extend(paper),
  'papers.extension.request': extensionRequestBodySchema.extend(paper),
  'papers.extension.refresh': z.object(paper),
  'papers.extension.decide': extensionDecisionBodySchema
    .omit({ approve: true })
    .extend({ ...paper, decision: z.enum(['approve', 'decline']) }),
  'meeting.apologies': apologiesBodySchema.extend(meeting),
  'notes.refresh': z.object(meeting),
  'notes.decide': notesApprovalBodySchema.omit({ approve: true }).extend({ ...meeting, decision: z.enum(['approve', 'changes']) }),
  'action.refresh': z.object({ actionId: id }),
  'action.update': actionUpdateBodySchema.extend({ actionId: id }),
} as const;

export type Verb = keyof typeof verbSchemas;
export type VerbData<V extends Verb> = z.infer<(typeof verbSchemas)[V]>;

export const isVerb = (v: unknown): v is Verb => typeof v === 'string' && Object.prototype.hasOwnProperty.call(verbSchemas, v);
