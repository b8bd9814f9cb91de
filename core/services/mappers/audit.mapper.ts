import type { AuditEntry, FieldChange } from '../../domain/audit';
import type { Attendee, Meeting, MeetingNotes } from '../../domain/meeting';
import type { MeetingKind } from '../../domain/models/improvement-model.schema';
import type { Person } from '../../domain/people';
import { attendeeView, notesView } from './meeting-record.mapper';

type Viewer = Pick<Person, 'id' | 'roles'>;

/** One side of a change to a meeting field, as the viewer may see that field on the meeting itself. */
function sideView(
  viewer: Viewer,
  meeting: Meeting,
  kind: Pick<MeetingKind, 'notesApprovers'> | undefined,
  field: string,
  value: unknown,
): unknown {
  if (value === undefined) return undefined;
  // The notes as they stood then, under the rule for notes now: a draft only for its approvers, writer and the trust team.
  if (field === 'notes') return notesView(viewer, { ...meeting, notes: value as MeetingNotes }, kind);
  if (field === 'attendees' && Array.isArray(value)) return (value as Attendee[]).map((a) => attendeeView(viewer, meeting, a));
  return value;
}

/**
 * A meeting's history entry as the viewer may read it: the audit log keeps whole before/after values,
 * so the notes and the attendees in them go through the meeting's own mappers (draft notes and
 * apology reasons only for those entitled to them); every other field is the record's own.
 */
export function meetingAuditEntryView(
  viewer: Viewer,
  entry: AuditEntry,
  meeting: Meeting,
  kind: Pick<MeetingKind, 'notesApprovers'> | undefined,
): AuditEntry {
  const change = (c: FieldChange): FieldChange => {
    const before = sideView(viewer, meeting, kind, c.field, c.before);
    const after = sideView(viewer, meeting, kind, c.field, c.after);
    return { field: c.field, ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) };
  };
  return { ...entry, changes: entry.changes.map(change) };
}
