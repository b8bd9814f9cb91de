import type { ActionItem } from './action-item';
import type { Meeting } from './meeting';

/**
 * Messages sent when something happens (not at the morning sweep): each names its recipient and the
 * occurrence it is about, so the delivery ledger sends it to that person once, whichever host made
 * the change and however often it is replayed.
 */
export type EventMessage =
  | { kind: 'extension-request' | 'extension-decision'; personId: string; meetingId: string; requirementIds: [string]; occurrence: string }
  | {
      kind: 'notes-circulated' | 'meeting-moved' | 'meeting-cancelled' | 'apologies-sent';
      personId: string;
      meetingId: string;
      occurrence: string;
    }
  | { kind: 'notes-approval'; personId: string; meetingId: string; occurrence: string }
  | { kind: 'action-assigned'; personId: string; actionId: string; occurrence: string }
  | { kind: 'escalation-moved'; personId: string; academyId: string; occurrence: string };

export type EventKind = EventMessage['kind'];

/** What a person can turn off in My work, in words, with the reminders the sweep sends. */
export const MESSAGE_KINDS = {
  'paper-deadline': 'Papers I owe, before their deadline',
  'paper-escalation': 'Late papers for meetings I chair',
  'notes-approval': 'Notes waiting for my approval',
  'attendee-reminder': 'Meetings I attend, two days before',
  'action-due': 'My actions due soon',
  'action-overdue': 'My actions overdue',
  'extension-request': 'Requests for more time on papers (as chair)',
  'extension-decision': 'Decisions on my requests for more time',
  'notes-circulated': 'Notes approved and circulated',
  'meeting-moved': 'A meeting I attend moved',
  'meeting-cancelled': 'A meeting I attend cancelled',
  'apologies-sent': 'Apologies for meetings I chair',
  'action-assigned': 'Actions given to me',
  'escalation-moved': 'My academy moved on the escalation ladder',
  'intervention-review': 'Reviews due of interventions I lead',
  'report-due': 'Reports I owe after meetings',
} as const;

export type MessageKind = keyof typeof MESSAGE_KINDS;
export const isMessageKind = (k: string): k is MessageKind => Object.prototype.hasOwnProperty.call(MESSAGE_KINDS, k);

/** A change a session made, as the notifications need it. */
export type Change =
  | { kind: 'extension-requested'; meeting: Meeting; requirementId: string }
  | { kind: 'extension-decided'; meeting: Meeting; requirementId: string }
  | { kind: 'notes-written'; meeting: Meeting }
  | { kind: 'notes-approved'; meeting: Meeting; circulated: boolean }
  | { kind: 'meeting-moved'; before: Pick<Meeting, 'date' | 'startsAt'>; meeting: Meeting }
  | { kind: 'apologies'; meeting: Meeting; personId: string }
  | { kind: 'action-created'; action: Pick<ActionItem, 'id' | 'ownerId'> }
  /** The academy's head(s) and chair(s) of the LGB are told (Waterton's ladder: the school knows where it stands). */
  | { kind: 'escalation-moved'; academyId: string; at: string; headsAndChairs: readonly string[] };

const attendeesOf = (m: Meeting): string[] => [
  ...new Set([m.chairId, ...m.attendees.filter((a) => a.attendance !== 'apologies').map((a) => a.personId)]),
];

/**
 * Who is told of a change, and about what: never the person who made it. An extension asked for
 * goes to the chair, the decision back to whoever asked; notes sent for approval to the approvers
 * (the model's `notesApprovers`, DSAT: head and chair of the LGB); notes circulated, and a meeting
 * moved or cancelled, to its attendees; apologies to the chair; an action to its new owner.
 */
export function messagesFor(change: Change, actorId: string): EventMessage[] {
  const out: EventMessage[] = [];
  switch (change.kind) {
    case 'extension-requested':
    case 'extension-decided': {
      const ext = change.meeting.papers.find((p) => p.requirementId === change.requirementId)?.extension;
      if (!ext) break;
      const requested = change.kind === 'extension-requested';
      const personId = requested ? change.meeting.chairId : ext.requestedBy;
      const at = requested ? ext.requestedAt : (ext.decidedAt ?? ext.requestedAt);
      out.push({
        kind: requested ? 'extension-request' : 'extension-decision',
        personId,
        meetingId: change.meeting.id,
        requirementIds: [change.requirementId],
        occurrence: `${change.meeting.id}:${change.requirementId}:${at}`,
      });
      break;
    }
    case 'notes-written': {
      const notes = change.meeting.notes;
      if (!notes) break;
      const approvers = new Set(notes.approvals.filter((a) => a.status === 'pending').map((a) => a.personId));
      // The same key as the sweep's notes-approval reminder, so an approver gets one card either way.
      for (const personId of approvers)
        out.push({ kind: 'notes-approval', personId, meetingId: change.meeting.id, occurrence: `${change.meeting.id}@${notes.writtenAt}` });
      break;
    }
    case 'notes-approved': {
      const at = change.meeting.notes?.circulatedAt;
      if (!change.circulated || !at) break;
      for (const personId of attendeesOf(change.meeting))
        out.push({ kind: 'notes-circulated', personId, meetingId: change.meeting.id, occurrence: `${change.meeting.id}@${at}` });
      break;
    }
    case 'meeting-moved': {
      const cancelled = change.meeting.status === 'cancelled';
      if (!cancelled && change.before.startsAt === change.meeting.startsAt) break;
      for (const personId of attendeesOf(change.meeting))
        out.push({
          kind: cancelled ? 'meeting-cancelled' : 'meeting-moved',
          personId,
          meetingId: change.meeting.id,
          occurrence: `${change.meeting.id}@${cancelled ? 'cancelled' : change.meeting.startsAt}`,
        });
      break;
    }
    case 'apologies': {
      const a = change.meeting.attendees.find((x) => x.personId === change.personId)?.apology;
      if (a)
        out.push({
          kind: 'apologies-sent',
          personId: change.meeting.chairId,
          meetingId: change.meeting.id,
          occurrence: `${change.meeting.id}:${change.personId}@${a.givenAt}`,
        });
      break;
    }
    case 'escalation-moved':
      for (const personId of new Set(change.headsAndChairs))
        out.push({ kind: 'escalation-moved', personId, academyId: change.academyId, occurrence: `${change.academyId}@${change.at}` });
      break;
    case 'action-created':
      out.push({ kind: 'action-assigned', personId: change.action.ownerId, actionId: change.action.id, occurrence: change.action.id });
      break;
  }
  return out.filter((m) => m.personId !== actorId);
}
