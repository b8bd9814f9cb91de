import { z } from 'zod';
import { recordAttendance, type ApologiesCode, type AttendanceCode } from '../domain/attendance';
import { ForbiddenError, NotFoundError } from '../domain/errors';
import { gradeSchema } from '../domain/grades';
import { reportCardGradeSchema } from '../domain/inspections';
import { recordJudgement, type JudgementCode } from '../domain/judgements';
import type { Meeting } from '../domain/meeting';
import { meetingHasBegun } from '../domain/meeting-moment';
import { formatLongDate } from '../domain/london-time';
import { refuse } from '../domain/outcome';
import { approveNotes, writeNotes, type ApproveNotesCode, type WriteNotesCode } from '../domain/notes-approval';
import type { Outcome } from '../domain/outcome';
import { HTTPS_LINK_MESSAGE, httpsLink } from '../domain/paper-links';
import { submitPaper, type SubmitPaperCode } from '../domain/paper-submissions';
import type { Person } from '../domain/people';
import { canPlanMeetings } from '../domain/permissions';
import { type Stored } from '../ports/record-store.port';
import { meetingFor, meetingToRead, paperToMarkIn, saveApologies, saveMeetingOutcome } from './meeting-writes';
import { checkCitedVisits } from './monitoring-visits.service';
import { loadTrust, type ServiceDeps } from './service-context';
import { writeUseCase } from './use-case';

type NotesApproved = Outcome<{ meeting: Stored<Meeting>; circulated: boolean }, ApproveNotesCode>;

type Saved<Code extends string> = Outcome<{ meeting: Stored<Meeting> }, Code>;

/** The version the person read: a stale one is a conflict (409), never a silent overwrite. */
const version = z.string().min(1, 'send the version you read');

export const judgementBodySchema = z.object({
  area: z.string().min(1, 'choose an inspection area'),
  evidence: z.string().max(10000),
  indicativeGrade: gradeSchema.optional(),
  reportCardGrade: reportCardGradeSchema.optional(),
  /** Submitted monitoring visits of the academy whose findings are the evidence (monitoring-visits.service.ts). */
  evidenceVisitIds: z.array(z.string().min(1)).max(20, 'cite at most 20 visits').optional().meta({ title: 'Visits cited as evidence' }),
  version,
});

export const notesBodySchema = z.object({ text: z.string().max(100000), version });

export const notesApprovalBodySchema = z.object({
  approve: z.boolean(),
  comment: z.string().trim().max(2000, 'keep the comment under 2,000 characters').optional(),
  version,
});

/** A typed link must be an `https:` address (read by the URL parser); it is stored as the parser read it. */
const paperLink = z
  .string()
  .trim()
  .max(2000)
  .transform((link, ctx) => {
    if (link === '') return undefined;
    const checked = httpsLink(link);
    if (checked === undefined) ctx.addIssue({ code: 'custom', message: HTTPS_LINK_MESSAGE });
    return checked ?? z.NEVER;
  });

export const paperSubmitBodySchema = z.object({ link: paperLink.optional(), version });

/** The chair and the trust's improvement staff record what a meeting concluded; a head does not judge their own school. */
function requireChairOrTrust(viewer: Person, meeting: Meeting, what: string): void {
  if (meeting.chairId !== viewer.id && !canPlanMeetings(viewer))
    throw new ForbiddenError(`Only the chair of the meeting or the trust's improvement team can ${what}.`);
}

/** A meeting the viewer runs (its chair, or the trust's improvement team), to record `what` it concluded. */
async function meetingTheyRun(
  deps: ServiceDeps,
  viewer: Person,
  meetingId: string,
  access: 'read' | 'write',
  what: string,
): Promise<Stored<Meeting>> {
  const meeting = await meetingFor(deps, viewer, meetingId, access);
  requireChairOrTrust(viewer, meeting, what);
  return meeting;
}

/** A `writeUseCase` loader: the meeting, if the viewer runs it (its chair, or the trust's improvement team). */
const meetingRunBy = (access: 'read' | 'write', what: string) => (deps: ServiceDeps, viewer: Person, meetingId: string) =>
  meetingTheyRun(deps, viewer, meetingId, access, what);

/** Records (or replaces) the evidence and indicative grade for one inspection area, live during the meeting. */
export const recordMeetingJudgement = writeUseCase(
  { schema: judgementBodySchema, what: 'judgement', load: meetingRunBy('write', 'record judgements') },
  async ({ deps, viewer, input, target: meeting }): Promise<Saved<JudgementCode | 'JUDGEMENT.MEETING_NOT_YET'>> => {
    if (input.evidenceVisitIds?.length) await checkCitedVisits(deps, viewer, meeting, input.evidenceVisitIds, judgementBodySchema);
    const trust = await loadTrust(deps);
    // A judgement is what the meeting concluded from the evidence it saw: none before the meeting has sat.
    if (!meetingHasBegun(meeting, trust.today))
      return refuse(
        'JUDGEMENT.MEETING_NOT_YET',
        `This meeting is on ${formatLongDate(meeting.date)}; judgements are recorded at the meeting, from that day.`,
      );
    return saveMeetingOutcome(
      deps,
      recordJudgement(
        meeting,
        {
          area: input.area,
          evidence: input.evidence,
          indicativeGrade: input.indicativeGrade,
          reportCardGrade: input.reportCardGrade,
          evidenceVisitIds: input.evidenceVisitIds,
        },
        trust.model,
      ),
      input.version,
    );
  },
);

/** The chair writes (or rewrites) the notes; the kind's approvers are asked to check them. */
export const writeMeetingNotes = writeUseCase(
  { schema: notesBodySchema, what: 'notes', load: meetingRunBy('write', 'write the notes') },
  async ({ deps, viewer, input, target: meeting, ids: [meetingId] }): Promise<Saved<WriteNotesCode>> => {
    // The approvers are the attendees holding the kind's approver roles (DSAT: the head and the chair of the LGB).
    const [trust, academy, people] = await Promise.all([
      loadTrust(deps),
      deps.store.academies.get(meeting.academyId),
      deps.store.people.list({}).toArray(),
    ]);
    const kind = trust.model.meetingKinds.find((k) => k.id === meeting.kind);
    if (!kind || !academy)
      throw new NotFoundError('meeting', meetingId, { message: 'This meeting’s kind or academy is no longer in the trust’s records' });
    return saveMeetingOutcome(
      deps,
      writeNotes(meeting, { text: input.text, by: viewer.id, now: deps.clock.now().toISOString() }, kind, people, academy),
      input.version,
    );
  },
);

/** An approver (head, chair of LGB …) approves the notes or asks for changes; they circulate when all have approved. */
export const approveMeetingNotes = writeUseCase(
  { schema: notesApprovalBodySchema, what: 'notes approval', load: meetingToRead },
  async ({ deps, viewer, input, target: meeting }): Promise<NotesApproved> => {
    const outcome = approveNotes(meeting, {
      personId: viewer.id,
      approve: input.approve,
      ...(input.comment ? { comment: input.comment } : {}),
      now: deps.clock.now().toISOString(),
    });
    if (!outcome.ok) return outcome;
    return {
      ok: true,
      circulated: outcome.circulated,
      meeting: await deps.store.meetings.update({ ...outcome.meeting, version: input.version }),
    };
  },
);

/** The paper's owner, the chair or the trust team marks a paper as in, with an `https:` link to where the file is kept. */
export const submitMeetingPaper = writeUseCase(
  { schema: paperSubmitBodySchema, what: 'paper', load: paperToMarkIn },
  async ({ deps, viewer, input, target: meeting, ids: [, requirementId] }): Promise<Saved<SubmitPaperCode>> => {
    return saveMeetingOutcome(
      deps,
      submitPaper(meeting, requirementId, {
        by: viewer.id,
        now: deps.clock.now().toISOString(),
        ...(input.link ? { link: input.link } : {}),
      }),
      input.version,
    );
  },
);

export const attendanceBodySchema = z.object({
  personId: z.string().min(1, 'choose a person'),
  attendance: z.enum(['attended', 'absent']),
  version,
});

/** The chair (or the trust's improvement team) records who came and who did not. */
export const recordMeetingAttendance = writeUseCase(
  { schema: attendanceBodySchema, what: 'attendance', load: meetingRunBy('read', 'record attendance') },
  async ({ deps, input, target: meeting }): Promise<Saved<AttendanceCode>> => {
    return saveMeetingOutcome(deps, recordAttendance(meeting, input.personId, input.attendance), input.version);
  },
);

export const tabApologiesBodySchema = z.object({
  personId: z.string().min(1).optional(),
  reason: z.string().trim().min(1, 'give a reason for the apologies').max(1000),
  substituteId: z.string().min(1).optional(),
  version,
});

/**
 * Apologies from the tab: an attendee sends their own, or the chair (or trust team) records them
 * for someone on the list, with a named substitute where one was found.
 */
export const recordMeetingApologies = writeUseCase(
  { schema: tabApologiesBodySchema, what: 'apologies', load: meetingToRead },
  async ({ deps, viewer, input, target: meeting }): Promise<Outcome<{ meeting: Stored<Meeting>; noticeDays: number }, ApologiesCode>> => {
    const personId = input.personId ?? viewer.id;
    if (personId !== viewer.id) requireChairOrTrust(viewer, meeting, 'send apologies for someone else');
    return saveApologies(deps, meeting, { personId, reason: input.reason, substituteId: input.substituteId, version: input.version });
  },
);
