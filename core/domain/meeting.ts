import { z } from 'zod';
import { gradeSchema } from './grades';
import { REPORT_CARD_GRADES } from './report-card-labels';
import { localDateSchema } from './local-date';
import { roleSchema } from './people';
import { halfTermNumberSchema } from './school-year/school-calendar';
import { timingSchema } from './models/improvement-model.schema';

const utc = z.iso.datetime({ offset: false });

export const apologySchema = z.object({
  reason: z.string().trim().min(1, 'give a reason for the apologies').max(1000),
  givenAt: utc,
  /** A named substitute, where one could be found (DSAT). */
  substituteId: z.string().min(1).optional(),
});

export const attendeeSchema = z.object({
  personId: z.string().min(1),
  role: roleSchema,
  presence: z.enum(['chair', 'expected', 'where-appropriate']),
  attendance: z.enum(['expected', 'attended', 'apologies', 'absent']).default('expected'),
  apology: apologySchema.optional(),
});
export type Attendee = z.infer<typeof attendeeSchema>;

export const extensionSchema = z.object({
  requestedBy: z.string().min(1),
  requestedAt: utc,
  newDueDate: localDateSchema,
  reason: z.string().trim().min(1).max(1000),
  status: z.enum(['requested', 'approved', 'declined']),
  decidedBy: z.string().optional(),
  decidedAt: utc.optional(),
});
export type Extension = z.infer<typeof extensionSchema>;

export const meetingPaperSchema = z.object({
  requirementId: z.string().min(1),
  title: z.string().min(1),
  ownerRole: roleSchema,
  ownerId: z.string().optional(),
  dueDate: localDateSchema,
  submittedAt: utc.optional(),
  submittedBy: z.string().optional(),
  /** Where the file is (SharePoint document library, or the local papers folder). */
  link: z.string().max(2000).optional(),
  extension: extensionSchema.optional(),
});
export type MeetingPaper = z.infer<typeof meetingPaperSchema>;

export const judgementSchema = z.object({
  area: z.string().min(1),
  evidence: z.string().max(10000).default(''),
  indicativeGrade: gradeSchema.optional(),
  /** The indicative grade on the report card's scale, where the trust's model judges on it (core/domain/judgements.ts). */
  reportCardGrade: z.enum(REPORT_CARD_GRADES).optional(),
  /** Submitted monitoring visits cited as evidence (monitoring form ids); judgements recorded before visits could be cited have none. */
  evidenceVisitIds: z.array(z.string().min(1)).max(20).optional(),
});
export type Judgement = z.infer<typeof judgementSchema>;

export const noteApprovalSchema = z.object({
  role: roleSchema,
  personId: z.string().min(1),
  status: z.enum(['pending', 'approved', 'changes-requested']),
  comment: z.string().max(2000).optional(),
  at: utc.optional(),
});
export type NoteApproval = z.infer<typeof noteApprovalSchema>;

export const meetingNotesSchema = z.object({
  text: z.string().max(100000),
  writtenBy: z.string().min(1),
  writtenAt: utc,
  approvals: z.array(noteApprovalSchema),
  /** Set once every approver has approved: only then do the notes go out. */
  circulatedAt: utc.optional(),
});
export type MeetingNotes = z.infer<typeof meetingNotesSchema>;

export const meetingStatusSchema = z.enum(['planned', 'held', 'cancelled']);

export const meetingSchema = z.object({
  id: z.string().min(1),
  academyId: z.string().min(1),
  kind: z.string().min(1),
  academicYear: z.string(),
  halfTerm: halfTermNumberSchema,
  timing: timingSchema,
  /** The cadence rule that asked for it, said to users as the reason. */
  ruleId: z.string().optional(),
  reason: z.string().default(''),
  purpose: z.string().optional(),
  date: localDateSchema,
  days: z.number().int().min(1).max(3).default(1),
  startsAt: utc,
  endsAt: utc,
  status: meetingStatusSchema,
  /** Moved or added by a person: re-planning leaves it where it is. */
  pinned: z.boolean().default(false),
  chairId: z.string().min(1),
  attendees: z.array(attendeeSchema),
  focus: z.array(z.string()).default([]),
  /** Who agreed the focus, with the head, and when (DSAT: "a focus should be agreed for each meeting"); absent while it is the planner's rotation. */
  focusAgreed: z.object({ by: z.string().min(1), withHeadId: z.string().min(1).optional(), at: utc }).optional(),
  papers: z.array(meetingPaperSchema),
  /** Reports due after the meeting (DSAT: "a brief report will be supplied soon after the meeting"); absent on records written before them. */
  reports: z.array(meetingPaperSchema).optional(),
  judgements: z.array(judgementSchema).default([]),
  notes: meetingNotesSchema.optional(),
  calendarEventId: z.string().optional(),
  joinUrl: z.string().optional(),
});
export type Meeting = z.infer<typeof meetingSchema>;
/**
 * The `academyId` of a meeting that belongs to the trust, not one academy (a CEO–SSIO meeting, a
 * heads' forum). No academy has it, so every rule that shows an academy's meetings to its people
 * leaves these out; only trust roles and the people named on it see one (trust-meeting-access.ts).
 */
export const TRUST_MEETING_ACADEMY_ID = '(trust)';
export const isTrustMeeting = (m: Pick<Meeting, 'academyId'>): boolean => m.academyId === TRUST_MEETING_ACADEMY_ID;
/** A meeting the planner proposes, before the store gives it an id. */
export type MeetingDraft = Omit<Meeting, 'id'> & { key: string };
