import { z } from 'zod';
import { sendApologies, substituteProblem, type ApologiesCode } from '../domain/attendance';
import { ForbiddenError, NotFoundError, parseOrThrow, ValidationError } from '../domain/errors';
import { localDateSchema } from '../domain/local-date';
import type { Meeting } from '../domain/meeting';
import type { Outcome } from '../domain/outcome';
import { decideExtension, notThePapersActor, requestExtension, type DecideExtensionCode, type RequestExtensionCode } from '../domain/paper-submissions';
import type { Person } from '../domain/people';
import { allPages, collect, type Stored } from '../ports/record-store.port';
import { loadTrust, requireAcademyAccess, type ServiceDeps } from './service-context';

type Saved<Code extends string> = Outcome<{ meeting: Stored<Meeting> }, Code>;

const version = z.string().min(1, 'send the version you read');

export const extensionRequestBodySchema = z.object({
  newDueDate: localDateSchema,
  reason: z.string().trim().min(1, 'give a reason so the chair can decide').max(1000, 'keep the reason under 1,000 characters'),
  version,
});

export const extensionDecisionBodySchema = z.object({ approve: z.boolean(), version });

export const apologiesBodySchema = z.object({
  reason: z.string().trim().min(1, 'give a reason for your apologies').max(1000, 'keep the reason under 1,000 characters'),
  // A card's "no substitute" choice sends an empty string.
  substituteId: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => v || undefined),
  version,
});

async function meetingFor(deps: ServiceDeps, viewer: Person, meetingId: string, access: 'read' | 'write'): Promise<Stored<Meeting>> {
  const meeting = await deps.store.meetings.get(meetingId);
  if (!meeting) throw new NotFoundError('meeting', meetingId);
  requireAcademyAccess(viewer, meeting.academyId, access);
  return meeting;
}

/** A paper's owner (or the chair, or the trust team) asks the meeting's chair for more time (new date and reason). */
export async function requestPaperExtension(deps: ServiceDeps, viewer: Person, meetingId: string, requirementId: string, body: unknown): Promise<Saved<RequestExtensionCode>> {
  const input = parseOrThrow(extensionRequestBodySchema, body, 'extension request');
  const meeting = await meetingFor(deps, viewer, meetingId, 'write');
  const notYours = notThePapersActor(viewer, meeting, requirementId, 'more-time');
  if (notYours) throw new ForbiddenError(notYours);
  const trust = await loadTrust(deps);
  const outcome = requestExtension(meeting, requirementId, { by: viewer.id, now: deps.clock.now().toISOString(), newDueDate: input.newDueDate, reason: input.reason }, trust.calendar);
  if (!outcome.ok) return outcome;
  return { ok: true, meeting: await deps.store.meetings.update({ ...outcome.meeting, version: input.version }) };
}

/** The meeting's chair grants or refuses a requested extension. */
export async function decidePaperExtension(deps: ServiceDeps, viewer: Person, meetingId: string, requirementId: string, body: unknown): Promise<Saved<DecideExtensionCode>> {
  const input = parseOrThrow(extensionDecisionBodySchema, body, 'extension decision');
  const meeting = await meetingFor(deps, viewer, meetingId, 'read');
  const outcome = decideExtension(meeting, requirementId, { by: viewer.id, now: deps.clock.now().toISOString(), approve: input.approve });
  if (!outcome.ok) return outcome;
  return { ok: true, meeting: await deps.store.meetings.update({ ...outcome.meeting, version: input.version }) };
}

/** An attendee sends apologies with a reason and, where possible, a named substitute who may see the academy. */
export async function sendMeetingApologies(deps: ServiceDeps, viewer: Person, meetingId: string, body: unknown): Promise<Outcome<{ meeting: Stored<Meeting>; noticeDays: number }, ApologiesCode>> {
  const input = parseOrThrow(apologiesBodySchema, body, 'apologies');
  const meeting = await meetingFor(deps, viewer, meetingId, 'read');
  const people = await collect(allPages((p) => deps.store.people.list({}, p)));
  const substitute = input.substituteId === undefined ? undefined : people.find((p) => p.id === input.substituteId);
  if (substitute) {
    const academy = await deps.store.academies.get(meeting.academyId);
    const outsider = substituteProblem(substitute, { id: meeting.academyId, name: academy?.name ?? 'this academy' });
    if (outsider) throw new ValidationError([outsider], 'apologies');
  }
  const outcome = sendApologies(meeting, { personId: viewer.id, reason: input.reason, now: deps.clock.now().toISOString(), ...(input.substituteId ? { substituteId: input.substituteId } : {}) }, people);
  if (!outcome.ok) return outcome;
  return { ok: true, noticeDays: outcome.noticeDays, meeting: await deps.store.meetings.update({ ...outcome.meeting, version: input.version }) };
}
