import type { Attendee, Meeting, MeetingNotes, MeetingPaper } from '../../domain/meeting';
import type { MeetingKind } from '../../domain/models/improvement-model.schema';
import type { Person } from '../../domain/people';
import { canReadApologyReason, canReadDraftNotes } from '../../domain/viewer-can';
import type { Stored } from '../../ports/record-store.port';

/** An attendee as a viewer sees them: the reason for apologies only for the chair, the trust team and themselves. */
export interface AttendeeView {
  personId: string;
  role: Attendee['role'];
  presence: Attendee['presence'];
  attendance: Attendee['attendance'];
  apology?: { givenAt: string; substituteId?: string; reason?: string };
}

/** The notes as a viewer sees them: withheld until circulated from anyone who is not an approver, the writer or the trust team. */
export type NotesView =
  | {
      withheld: false;
      text: string;
      writtenBy: string;
      writtenAt: string;
      circulatedAt?: string;
      approvals: {
        role: MeetingNotes['approvals'][number]['role'];
        personId: string;
        status: MeetingNotes['approvals'][number]['status'];
        at?: string;
        comment?: string;
      }[];
    }
  | { withheld: true; message: string; writtenAt: string };

export interface PaperView {
  requirementId: string;
  title: string;
  ownerRole: MeetingPaper['ownerRole'];
  ownerId?: string;
  dueDate: string;
  submittedAt?: string;
  submittedBy?: string;
  link?: string;
  extension?: MeetingPaper['extension'];
}

/** A meeting record as one viewer may see it; only the fields listed here leave the service. */
export interface MeetingRecordView {
  id: string;
  version: string;
  academyId: string;
  kind: string;
  academicYear: string;
  halfTerm: Meeting['halfTerm'];
  timing: Meeting['timing'];
  reason: string;
  purpose?: string;
  date: string;
  days: number;
  startsAt: string;
  endsAt: string;
  status: Meeting['status'];
  chairId: string;
  attendees: AttendeeView[];
  focus: string[];
  papers: PaperView[];
  /** Reports due after the meeting (DSAT's brief report), where the meeting's kind asks for any. */
  reports?: PaperView[];
  judgements: Meeting['judgements'];
  notes?: NotesView;
  joinUrl?: string;
}

export const NOTES_WITHHELD = 'Notes not yet circulated: they go out once the approvers have checked them.';

const paperView = (p: MeetingPaper): PaperView => ({
  requirementId: p.requirementId,
  title: p.title,
  ownerRole: p.ownerRole,
  ...(p.ownerId !== undefined ? { ownerId: p.ownerId } : {}),
  dueDate: p.dueDate,
  ...(p.submittedAt !== undefined ? { submittedAt: p.submittedAt } : {}),
  ...(p.submittedBy !== undefined ? { submittedBy: p.submittedBy } : {}),
  ...(p.link !== undefined ? { link: p.link } : {}),
  ...(p.extension !== undefined ? { extension: { ...p.extension } } : {}),
});

/** The meeting's notes as the viewer may see them (also used for the notes in its history, as they stood then). */
export function notesView(
  viewer: Pick<Person, 'id' | 'roles'>,
  meeting: Meeting,
  kind: Pick<MeetingKind, 'notesApprovers'> | undefined,
): NotesView | undefined {
  const notes = meeting.notes;
  if (!notes) return undefined;
  const mayReadDraft = canReadDraftNotes(viewer, meeting, kind);
  if (!notes.circulatedAt && !mayReadDraft) return { withheld: true, message: NOTES_WITHHELD, writtenAt: notes.writtenAt };
  return {
    withheld: false,
    text: notes.text,
    writtenBy: notes.writtenBy,
    writtenAt: notes.writtenAt,
    ...(notes.circulatedAt ? { circulatedAt: notes.circulatedAt } : {}),
    // The approvers' comments are part of the draft's review: for those who may read the draft.
    approvals: notes.approvals.map((a) => ({
      role: a.role,
      personId: a.personId,
      status: a.status,
      ...(a.at ? { at: a.at } : {}),
      ...(mayReadDraft && a.comment ? { comment: a.comment } : {}),
    })),
  };
}

/** An attendee as the viewer may see them: the reason for apologies only for the chair, the trust team and themselves. */
export const attendeeView = (viewer: Pick<Person, 'id' | 'roles'>, meeting: Pick<Meeting, 'chairId'>, a: Attendee): AttendeeView => ({
  personId: a.personId,
  role: a.role,
  presence: a.presence,
  attendance: a.attendance,
  ...(a.apology
    ? {
        apology: {
          givenAt: a.apology.givenAt,
          ...(a.apology.substituteId ? { substituteId: a.apology.substituteId } : {}),
          ...(canReadApologyReason(viewer, meeting, a.personId) ? { reason: a.apology.reason } : {}),
        },
      }
    : {}),
});

/** Copies the fields a viewer may see of a meeting: draft notes and apology reasons only for those entitled to them. */
export function meetingRecordView(
  viewer: Pick<Person, 'id' | 'roles'>,
  meeting: Stored<Meeting>,
  kind: Pick<MeetingKind, 'notesApprovers'> | undefined,
): MeetingRecordView {
  const notes = notesView(viewer, meeting, kind);
  return {
    id: meeting.id,
    version: meeting.version,
    academyId: meeting.academyId,
    kind: meeting.kind,
    academicYear: meeting.academicYear,
    halfTerm: meeting.halfTerm,
    timing: meeting.timing,
    reason: meeting.reason,
    ...(meeting.purpose !== undefined ? { purpose: meeting.purpose } : {}),
    date: meeting.date,
    days: meeting.days,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    status: meeting.status,
    chairId: meeting.chairId,
    attendees: meeting.attendees.map((a) => attendeeView(viewer, meeting, a)),
    focus: [...meeting.focus],
    papers: meeting.papers.map(paperView),
    ...(meeting.reports?.length ? { reports: meeting.reports.map(paperView) } : {}),
    judgements: meeting.judgements.map((j) => ({
      area: j.area,
      evidence: j.evidence,
      ...(j.indicativeGrade ? { indicativeGrade: j.indicativeGrade } : {}),
      ...(j.reportCardGrade ? { reportCardGrade: j.reportCardGrade } : {}),
      ...(j.evidenceVisitIds?.length ? { evidenceVisitIds: [...j.evidenceVisitIds] } : {}),
    })),
    ...(notes ? { notes } : {}),
    ...(meeting.joinUrl ? { joinUrl: meeting.joinUrl } : {}),
  };
}
