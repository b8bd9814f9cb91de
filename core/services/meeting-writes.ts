import { sendApologies, substituteProblem, type ApologiesCode } from '../domain/attendance';
import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors';
import type { Meeting } from '../domain/meeting';
import type { Outcome } from '../domain/outcome';
import { notThePapersActor } from '../domain/paper-submissions';
import type { Person } from '../domain/people';
import { type Stored } from '../ports/record-store.port';
import { requireAcademyAccess, type ServiceDeps } from './service-context';

/** The steps every meeting use case shares, written once: find the meeting and check the viewer, save what the rule decided. */

/** The meeting a use case reads or changes: it exists (else 404), and the viewer may read or write at its academy (else 403). */
export async function meetingFor(deps: ServiceDeps, viewer: Person, meetingId: string, access: 'read' | 'write'): Promise<Stored<Meeting>> {
  const meeting = await deps.store.meetings.get(meetingId);
  if (!meeting) throw new NotFoundError('meeting', meetingId);
  requireAcademyAccess(viewer, meeting.academyId, access);
  return meeting;
}

/** A meeting whose paper the viewer may mark in or ask more time for: its owner, the chair or the trust team (403 for anyone else). */
export async function meetingForPaper(
  deps: ServiceDeps,
  viewer: Person,
  meetingId: string,
  requirementId: string,
  act: 'mark-in' | 'more-time',
): Promise<Stored<Meeting>> {
  const meeting = await meetingFor(deps, viewer, meetingId, 'write');
  const notYours = notThePapersActor(viewer, meeting, requirementId, act);
  if (notYours) throw new ForbiddenError(notYours);
  return meeting;
}

/** Loaders for `writeUseCase`: the meeting as the viewer may read it, write to it, or act on one of its papers. */
export const meetingToRead = (deps: ServiceDeps, viewer: Person, meetingId: string) => meetingFor(deps, viewer, meetingId, 'read');
export const meetingToWrite = (deps: ServiceDeps, viewer: Person, meetingId: string) => meetingFor(deps, viewer, meetingId, 'write');
export const paperToMarkIn = (deps: ServiceDeps, viewer: Person, meetingId: string, requirementId: string) =>
  meetingForPaper(deps, viewer, meetingId, requirementId, 'mark-in');
/** The meeting of a paper, as the viewer may read it (the rule then decides who may act on the paper). */
export const meetingOfPaper = (deps: ServiceDeps, viewer: Person, meetingId: string, _requirementId: string) =>
  meetingToRead(deps, viewer, meetingId);
export const paperToExtend = (deps: ServiceDeps, viewer: Person, meetingId: string, requirementId: string) =>
  meetingForPaper(deps, viewer, meetingId, requirementId, 'more-time');

/** A rule's outcome for a meeting: the changed meeting saved with the version the person read (stale → 409, never a silent overwrite), or the refusal as it was. */
export async function saveMeetingOutcome<Code extends string>(
  deps: ServiceDeps,
  outcome: Outcome<{ meeting: Meeting }, Code>,
  version: string,
): Promise<Outcome<{ meeting: Stored<Meeting> }, Code>> {
  if (!outcome.ok) return outcome;
  return { ok: true, meeting: await deps.store.meetings.update({ ...outcome.meeting, version }) };
}

/**
 * One attendee's apologies (DSAT: notice, a reason and, where possible, a named substitute), from the
 * tab or a card: the substitute must be someone who may see the meeting's academy, and the meeting
 * is saved with the version the person read.
 */
export async function saveApologies(
  deps: ServiceDeps,
  meeting: Stored<Meeting>,
  input: { personId: string; reason: string; substituteId?: string | undefined; version: string },
): Promise<Outcome<{ meeting: Stored<Meeting>; noticeDays: number }, ApologiesCode>> {
  const people = await deps.store.people.list({}).toArray();
  const substitute = input.substituteId === undefined ? undefined : people.find((p) => p.id === input.substituteId);
  if (substitute) {
    const academy = await deps.store.academies.get(meeting.academyId);
    const outsider = substituteProblem(substitute, { id: meeting.academyId, name: academy?.name ?? 'this academy' });
    if (outsider) throw new ValidationError([outsider], 'apologies');
  }
  const outcome = sendApologies(
    meeting,
    {
      personId: input.personId,
      reason: input.reason,
      now: deps.clock.now().toISOString(),
      ...(input.substituteId ? { substituteId: input.substituteId } : {}),
    },
    people,
  );
  if (!outcome.ok) return outcome;
  return {
    ok: true,
    noticeDays: outcome.noticeDays,
    meeting: await deps.store.meetings.update({ ...outcome.meeting, version: input.version }),
  };
}
