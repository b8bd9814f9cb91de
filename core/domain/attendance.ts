import type { Academy } from './academy';
import type { FieldProblem } from './errors';
import { daysBetween } from './local-date';
import { londonDateOf } from './london-time';
import type { Attendee, Meeting } from './meeting';
import { refuse, type Outcome, type Refused } from './outcome';
import type { Person } from './people';
import { cannotSeeAcademySentence, roleAtAcademy } from './permissions';

/** Calendar days between the apologies (a UTC instant) and the meeting's day in England: 0 on the day itself. */
export const noticeDays = (meeting: Pick<Meeting, 'date'>, givenAt: string): number => daysBetween(londonDateOf(givenAt), meeting.date);

export interface ApologiesInput {
  personId: string;
  reason: string;
  now: string;
  /** A named substitute, where one could be found (DSAT). */
  substituteId?: string;
}

export type ApologiesCode =
  | 'ATTENDANCE.NOT_AN_ATTENDEE'
  | 'ATTENDANCE.MEETING_NOT_PLANNED'
  | 'ATTENDANCE.MEETING_PAST'
  | 'ATTENDANCE.REASON_REQUIRED'
  | 'ATTENDANCE.APOLOGIES_ALREADY_GIVEN'
  | 'ATTENDANCE.UNKNOWN_SUBSTITUTE'
  | 'ATTENDANCE.SUBSTITUTE_OUTSIDE_ACADEMY'
  | 'ATTENDANCE.SUBSTITUTE_ALREADY_ATTENDING';

const notAttendee = (): Refused<'ATTENDANCE.NOT_AN_ATTENDEE'> =>
  refuse('ATTENDANCE.NOT_AN_ATTENDEE', 'That person is not on the list for this meeting.');

/**
 * Why a person cannot stand in at a meeting of this academy, or undefined when they can. A
 * substitute hears and reads what the meeting discusses, so they must be someone who may see the
 * academy's records (DSAT: information from meetings is shared only through the proper channels):
 * its own staff and governors, or the trust's roles.
 */
export function substituteProblem(
  substitute: Pick<Person, 'name' | 'roles'>,
  academy: Pick<Academy, 'id' | 'name'>,
): FieldProblem | undefined {
  if (roleAtAcademy(substitute, academy.id) !== undefined) return undefined;
  return { field: 'substituteId', message: cannotSeeAcademySentence(substitute, academy.name, 'stand in at this meeting') };
}

/**
 * Records apologies for a meeting. DSAT: "when attendance is not possible, sufficient notice and
 * explanation should be given and an effort made to find a substitute". A reason is required; a
 * named substitute must be a known person who may see the academy, and joins the meeting as
 * expected in their own role there (a governor stays a governor, the CEO the CEO), or in the absent
 * person's role when they hold that one too. The notice given comes back so the chair can see how late it was.
 */
export function sendApologies(
  meeting: Meeting,
  input: ApologiesInput,
  people: readonly Person[],
): Outcome<{ meeting: Meeting; noticeDays: number }, ApologiesCode> {
  const absent = meeting.attendees.find((a) => a.personId === input.personId);
  if (!absent) return notAttendee();
  if (meeting.status !== 'planned')
    return refuse('ATTENDANCE.MEETING_NOT_PLANNED', `The meeting has been ${meeting.status}; apologies are no longer needed.`);
  const notice = noticeDays(meeting, input.now);
  if (notice < 0) return refuse('ATTENDANCE.MEETING_PAST', 'The meeting has already taken place; the chair records who was absent.');
  const reason = input.reason.trim();
  if (reason === '')
    return refuse('ATTENDANCE.REASON_REQUIRED', 'Give a reason for your apologies, so the chair knows why you cannot attend.');
  if (absent.attendance === 'apologies')
    return refuse('ATTENDANCE.APOLOGIES_ALREADY_GIVEN', 'Apologies have already been given for this meeting.');

  let attendees: Attendee[] = meeting.attendees;
  if (input.substituteId !== undefined) {
    const substitute = people.find((p) => p.id === input.substituteId);
    if (!substitute || substitute.id === input.personId) {
      return refuse('ATTENDANCE.UNKNOWN_SUBSTITUTE', 'The substitute must be someone the trust knows; add them as a person first.');
    }
    const role = roleAtAcademy(substitute, meeting.academyId, absent.role);
    if (role === undefined) {
      return refuse(
        'ATTENDANCE.SUBSTITUTE_OUTSIDE_ACADEMY',
        cannotSeeAcademySentence(substitute, 'this academy', 'stand in at this meeting; name someone from the academy or the trust'),
      );
    }
    if (meeting.attendees.some((a) => a.personId === substitute.id)) {
      return refuse(
        'ATTENDANCE.SUBSTITUTE_ALREADY_ATTENDING',
        `${substitute.name} is already attending, so cannot stand in; name someone else or send apologies without a substitute.`,
      );
    }
    attendees = [...attendees, { personId: substitute.id, role, presence: 'expected', attendance: 'expected' }];
  }
  const apology = { reason, givenAt: input.now, ...(input.substituteId !== undefined ? { substituteId: input.substituteId } : {}) };
  attendees = attendees.map((a) => (a.personId === input.personId ? { ...a, attendance: 'apologies' as const, apology } : a));
  return { ok: true, meeting: { ...meeting, attendees }, noticeDays: notice };
}

export type AttendanceCode = 'ATTENDANCE.NOT_AN_ATTENDEE' | 'ATTENDANCE.MEETING_CANCELLED';

/**
 * Records whether someone on the list came. Someone who sent apologies and did not come stays
 * under apologies rather than absent, since they gave notice and a reason.
 */
export function recordAttendance(
  meeting: Meeting,
  personId: string,
  attendance: 'attended' | 'absent',
): Outcome<{ meeting: Meeting }, AttendanceCode> {
  const attendee = meeting.attendees.find((a) => a.personId === personId);
  if (!attendee) return notAttendee();
  if (meeting.status === 'cancelled')
    return refuse('ATTENDANCE.MEETING_CANCELLED', 'The meeting was cancelled, so there is no attendance to record.');
  const next = attendance === 'absent' && attendee.apology ? 'apologies' : attendance;
  return {
    ok: true,
    meeting: { ...meeting, attendees: meeting.attendees.map((a) => (a.personId === personId ? { ...a, attendance: next } : a)) },
  };
}

/** Who gave apologies, with their substitute, for the notes' "apologies" line. */
export const apologiesFor = (meeting: Pick<Meeting, 'attendees'>): Attendee[] =>
  meeting.attendees.filter((a) => a.attendance === 'apologies');
