import type { Academy } from './academy';
import { londonDateOf } from './london-time';
import type { Meeting, MeetingNotes, NoteApproval } from './meeting';
import type { MeetingKind } from './models/improvement-model.schema';
import { refuse, type Outcome } from './outcome';
import { holdersOf, ROLE_LABELS, type Person, type Role } from './people';

export interface WriteNotesInput {
  text: string;
  by: string;
  now: string;
}

export type WriteNotesCode =
  'NOTES.MEETING_CANCELLED' | 'NOTES.MEETING_NOT_YET_HELD' | 'NOTES.TEXT_REQUIRED' | 'NOTES.ALREADY_CIRCULATED' | 'NOTES.NO_APPROVER';

/**
 * Who approves for a role at this academy: the holder who was at the meeting, else the first
 * holder. The improvement director is the academy's own.
 */
function approverFor(role: Role, meeting: Meeting, people: readonly Person[], academy: Academy): string | undefined {
  if (role === 'improvement-director') return academy.improvementDirectorId;
  const holders = holdersOf(people, role, academy.id);
  return (
    holders.find((p) => meeting.attendees.some((a) => a.personId === p.id && a.attendance !== 'apologies' && a.attendance !== 'absent')) ??
    holders[0]
  )?.id;
}

/**
 * Writes (or rewrites) a meeting's notes. Each approver role of the kind gets one pending approval
 * (DSAT: "notes will be seen by the Headteacher and Chair of LGB prior to circulation"). Rewriting
 * the notes, e.g. after changes were asked for, sets every approval back to pending, since the
 * approvers saw a different text. A kind with no approvers circulates its notes at once.
 */
export function writeNotes(
  meeting: Meeting,
  input: WriteNotesInput,
  kind: MeetingKind,
  people: readonly Person[],
  academy: Academy,
): Outcome<{ meeting: Meeting }, WriteNotesCode> {
  if (kind.id !== meeting.kind) throw new RangeError(`meeting ${meeting.id} is a ${meeting.kind}, not a ${kind.id}`);
  if (academy.id !== meeting.academyId) throw new RangeError(`meeting ${meeting.id} is not at academy ${academy.id}`);
  if (meeting.status === 'cancelled') return refuse('NOTES.MEETING_CANCELLED', 'That meeting was cancelled, so it has no notes.');
  if (londonDateOf(input.now) < meeting.date)
    return refuse('NOTES.MEETING_NOT_YET_HELD', 'The meeting has not happened yet; write the notes after it.');
  if (meeting.notes?.circulatedAt)
    return refuse('NOTES.ALREADY_CIRCULATED', 'These notes have already been approved and circulated; they can no longer be changed.');
  const text = input.text.trim();
  if (text === '') return refuse('NOTES.TEXT_REQUIRED', 'The notes are empty; write what the meeting discussed and agreed.');

  const approvals: NoteApproval[] = [];
  for (const role of kind.notesApprovers) {
    const personId = approverFor(role, meeting, people, academy);
    if (!personId) {
      return refuse(
        'NOTES.NO_APPROVER',
        `${academy.name} has no ${ROLE_LABELS[role]} recorded, so nobody can check the notes; add one first.`,
      );
    }
    approvals.push({ role, personId, status: 'pending' });
  }
  const notes: MeetingNotes = {
    text,
    writtenBy: input.by,
    writtenAt: input.now,
    approvals,
    ...(approvals.length === 0 ? { circulatedAt: input.now } : {}),
  };
  return { ok: true, meeting: { ...meeting, notes } };
}

export interface NotesApprovalInput {
  personId: string;
  approve: boolean;
  /** Required when asking for changes: say what is inaccurate. */
  comment?: string;
  now: string;
}

export type ApproveNotesCode =
  'NOTES.NONE_WRITTEN' | 'NOTES.ALREADY_CIRCULATED' | 'NOTES.NOT_AN_APPROVER' | 'NOTES.COMMENT_REQUIRED' | 'NOTES.ALREADY_APPROVED';

/**
 * An approver approves the notes or asks for changes (with a comment). The notes circulate only
 * when every approver has approved; until then they go to nobody else.
 */
export function approveNotes(
  meeting: Meeting,
  input: NotesApprovalInput,
): Outcome<{ meeting: Meeting; circulated: boolean }, ApproveNotesCode> {
  const notes = meeting.notes;
  if (!notes) return refuse('NOTES.NONE_WRITTEN', 'No notes have been written for this meeting yet.');
  if (notes.circulatedAt) return refuse('NOTES.ALREADY_CIRCULATED', 'These notes have already been approved and circulated.');
  const mine = notes.approvals.filter((a) => a.personId === input.personId);
  if (mine.length === 0) return refuse('NOTES.NOT_AN_APPROVER', 'You are not one of the people asked to check these notes.');
  const comment = input.comment?.trim() ?? '';
  if (!input.approve && comment === '')
    return refuse('NOTES.COMMENT_REQUIRED', 'Say what needs changing in the notes, so the writer can correct them.');
  if (input.approve && mine.every((a) => a.status === 'approved'))
    return refuse('NOTES.ALREADY_APPROVED', 'You have already approved these notes.');

  const approvals = notes.approvals.map((a): NoteApproval => {
    if (a.personId !== input.personId) return a;
    const { comment: _old, ...rest } = a;
    return { ...rest, status: input.approve ? 'approved' : 'changes-requested', at: input.now, ...(comment ? { comment } : {}) };
  });
  const circulated = approvals.every((a) => a.status === 'approved');
  return {
    ok: true,
    meeting: { ...meeting, notes: { ...notes, approvals, ...(circulated ? { circulatedAt: input.now } : {}) } },
    circulated,
  };
}

/** The approvals still awaited on a meeting's notes (none once circulated or before notes are written). */
export function notesAwaitingApproval(meeting: Pick<Meeting, 'notes'>): NoteApproval[] {
  if (!meeting.notes || meeting.notes.circulatedAt) return [];
  return meeting.notes.approvals.filter((a) => a.status === 'pending');
}

/** Approvers who asked for changes the writer has not yet made. */
export function changesRequested(meeting: Pick<Meeting, 'notes'>): NoteApproval[] {
  return meeting.notes?.approvals.filter((a) => a.status === 'changes-requested') ?? [];
}
