import { z } from 'zod';
import type { ApologiesCode } from '../domain/attendance';
import { parseOrThrow } from '../domain/errors';
import { localDateSchema } from '../domain/local-date';
import type { Meeting } from '../domain/meeting';
import type { Outcome } from '../domain/outcome';
import { decideExtension, requestExtension, type DecideExtensionCode, type RequestExtensionCode } from '../domain/paper-submissions';
import type { Person } from '../domain/people';
import type { Stored } from '../ports/record-store.port';
import { meetingFor, meetingForPaper, saveApologies, saveMeetingOutcome } from './meeting-writes';
import { loadTrust, type ServiceDeps } from './service-context';

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

/** A paper's owner (or the chair, or the trust team) asks the meeting's chair for more time (new date and reason). */
export async function requestPaperExtension(
  deps: ServiceDeps,
  viewer: Person,
  meetingId: string,
  requirementId: string,
  body: unknown,
): Promise<Saved<RequestExtensionCode>> {
  const input = parseOrThrow(extensionRequestBodySchema, body, 'extension request');
  const meeting = await meetingForPaper(deps, viewer, meetingId, requirementId, 'more-time');
  const trust = await loadTrust(deps);
  return saveMeetingOutcome(
    deps,
    requestExtension(
      meeting,
      requirementId,
      { by: viewer.id, now: deps.clock.now().toISOString(), newDueDate: input.newDueDate, reason: input.reason },
      trust.calendar,
    ),
    input.version,
  );
}

/** The meeting's chair grants or refuses a requested extension. */
export async function decidePaperExtension(
  deps: ServiceDeps,
  viewer: Person,
  meetingId: string,
  requirementId: string,
  body: unknown,
): Promise<Saved<DecideExtensionCode>> {
  const input = parseOrThrow(extensionDecisionBodySchema, body, 'extension decision');
  const meeting = await meetingFor(deps, viewer, meetingId, 'read');
  return saveMeetingOutcome(
    deps,
    decideExtension(meeting, requirementId, { by: viewer.id, now: deps.clock.now().toISOString(), approve: input.approve }),
    input.version,
  );
}

/** An attendee sends apologies with a reason and, where possible, a named substitute who may see the academy. */
export async function sendMeetingApologies(
  deps: ServiceDeps,
  viewer: Person,
  meetingId: string,
  body: unknown,
): Promise<Outcome<{ meeting: Stored<Meeting>; noticeDays: number }, ApologiesCode>> {
  const input = parseOrThrow(apologiesBodySchema, body, 'apologies');
  const meeting = await meetingFor(deps, viewer, meetingId, 'read');
  return saveApologies(deps, meeting, {
    personId: viewer.id,
    reason: input.reason,
    substituteId: input.substituteId,
    version: input.version,
  });
}
