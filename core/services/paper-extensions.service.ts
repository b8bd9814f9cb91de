import { z } from 'zod';
import type { ApologiesCode } from '../domain/attendance';

import { localDateSchema } from '../domain/local-date';
import type { Meeting } from '../domain/meeting';
import type { Outcome } from '../domain/outcome';
import { decideExtension, requestExtension, type DecideExtensionCode, type RequestExtensionCode } from '../domain/paper-submissions';

import type { Stored } from '../ports/record-store.port';
import { meetingOfPaper, meetingToRead, paperToExtend, saveApologies, saveMeetingOutcome } from './meeting-writes';
import { loadTrust } from './service-context';
import { writeUseCase } from './use-case';

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
export const requestPaperExtension = writeUseCase(
  { schema: extensionRequestBodySchema, what: 'extension request', load: paperToExtend },
  async ({ deps, viewer, input, target: meeting, ids: [, requirementId] }): Promise<Saved<RequestExtensionCode>> => {
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
  },
);

/** The meeting's chair grants or refuses a requested extension. */
export const decidePaperExtension = writeUseCase(
  { schema: extensionDecisionBodySchema, what: 'extension decision', load: meetingOfPaper },
  async ({ deps, viewer, input, target: meeting, ids: [, requirementId] }): Promise<Saved<DecideExtensionCode>> => {
    return saveMeetingOutcome(
      deps,
      decideExtension(meeting, requirementId, { by: viewer.id, now: deps.clock.now().toISOString(), approve: input.approve }),
      input.version,
    );
  },
);

/** An attendee sends apologies with a reason and, where possible, a named substitute who may see the academy. */
export const sendMeetingApologies = writeUseCase(
  { schema: apologiesBodySchema, what: 'apologies', load: meetingToRead },
  async ({ deps, viewer, input, target: meeting }): Promise<Outcome<{ meeting: Stored<Meeting>; noticeDays: number }, ApologiesCode>> => {
    return saveApologies(deps, meeting, {
      personId: viewer.id,
      reason: input.reason,
      substituteId: input.substituteId,
      version: input.version,
    });
  },
);
