import { z } from 'zod';
import { actionStatusSchema, type ActionItem } from '../domain/action-item';
import { actionOwnerProblem } from '../domain/action-owner';
import { updateActionStatus, type ActionUpdateCode } from '../domain/carry-forward';
import type { Outcome } from '../domain/outcome';
import { NotFoundError, parseOrThrow, ValidationError } from '../domain/errors';
import { localDateSchema } from '../domain/local-date';
import type { Person } from '../domain/people';
import { canAccessAcademy } from '../domain/permissions';
import type { Page, Stored } from '../ports/record-store.port';
import { loadTrust, requireAcademyAccess, type ServiceDeps } from './service-context';

export const newActionBodySchema = z.object({
  academyId: z.string().min(1),
  text: z.string().trim().min(1, 'say what the action is').max(2000),
  ownerId: z.string().min(1, 'choose who owns the action'),
  dueDate: localDateSchema,
  raisedInMeetingId: z.string().min(1).optional(),
  /** The caller's key: sending the same action twice (a retry, a double click) creates it once. */
  clientKey: z.string().min(8).max(200),
});

/**
 * Records an action raised in a meeting (or outside one) by someone who may write at the academy;
 * the owner must be a known person who may see the academy, since they read the action in My work.
 */
export async function createAction(deps: ServiceDeps, viewer: Person, body: unknown): Promise<{ action: Stored<ActionItem>; created: boolean }> {
  const input = parseOrThrow(newActionBodySchema, body, 'action');
  requireAcademyAccess(viewer, input.academyId, 'write');
  const trust = await loadTrust(deps);
  const [owner, academy, meeting] = await Promise.all([
    deps.store.people.get(input.ownerId),
    deps.store.academies.get(input.academyId),
    input.raisedInMeetingId ? deps.store.meetings.get(input.raisedInMeetingId) : Promise.resolve(undefined),
  ]);
  if (!academy) throw new ValidationError([{ field: 'academyId', message: `no academy "${input.academyId}"` }], 'action');
  if (!owner) throw new ValidationError([{ field: 'ownerId', message: `no person "${input.ownerId}"` }], 'action');
  const outsider = actionOwnerProblem(owner, academy);
  if (outsider) throw new ValidationError([outsider], 'action');
  if (input.raisedInMeetingId && (!meeting || meeting.academyId !== input.academyId)) {
    throw new ValidationError([{ field: 'raisedInMeetingId', message: 'no such meeting at this academy' }], 'action');
  }
  if (input.dueDate < trust.today) throw new ValidationError([{ field: 'dueDate', message: 'the due date has already passed' }], 'action');
  const { clientKey, ...fields } = input;
  const { record, created } = await deps.store.actions.create(
    { ...fields, status: 'open', createdAt: deps.clock.now().toISOString(), progress: [] },
    { idempotencyKey: `action:${viewer.id}:${clientKey}` },
  );
  return { action: record, created };
}

/** An academy's actions, a page at a time. */
export async function listAcademyActions(deps: ServiceDeps, viewer: Person, academyId: string, cursor?: string): Promise<Page<Stored<ActionItem>>> {
  requireAcademyAccess(viewer, academyId, 'read');
  return deps.store.actions.list({ academyId }, { pageSize: 100, ...(cursor ? { cursor } : {}) });
}

/** One action, if the viewer may see its academy. */
export async function getAction(deps: ServiceDeps, viewer: Person, id: string): Promise<Stored<ActionItem>> {
  const action = await deps.store.actions.get(id);
  if (!action || !canAccessAcademy(viewer, action.academyId, 'read')) throw new NotFoundError('action', id);
  return action;
}

export const actionUpdateBodySchema = z.object({
  status: actionStatusSchema,
  note: z.string().trim().max(2000, 'keep the note under 2,000 characters').optional(),
  /** The version the person read: a stale one is a conflict, never a silent overwrite. */
  version: z.string().min(1),
});

/**
 * The owner (or anyone who may write at the academy) updates an action's status and adds a progress
 * note. The owner is not changed here (an `ownerId` in the body is ignored); a reassignment must pass
 * `actionOwnerProblem` as a new action does.
 */
export async function updateAction(deps: ServiceDeps, viewer: Person, id: string, body: unknown): Promise<Outcome<{ action: Stored<ActionItem> }, ActionUpdateCode>> {
  const input = parseOrThrow(actionUpdateBodySchema, body, 'action update');
  const action = await getAction(deps, viewer, id);
  requireAcademyAccess(viewer, action.academyId, 'write');
  const outcome = updateActionStatus(action, { status: input.status, ...(input.note ? { note: input.note } : {}), by: viewer.id, now: deps.clock.now().toISOString() });
  if (!outcome.ok) return outcome;
  const saved = await deps.store.actions.update({ ...outcome.action, version: input.version });
  return { ok: true, action: saved };
}
