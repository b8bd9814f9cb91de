import type { LocalDate } from './local-date';
import { meetingMoment, type MeetingMoment } from './meeting-moment';
import { isPaperIn } from './paper-deadlines';
import type { Meeting, MeetingPaper } from './meeting';
import type { MeetingKind } from './models/improvement-model.schema';
import type { Person } from './people';
import { canAccessAcademy, canAdministerTrust, canPlanMeetings, seesWholeTrust } from './permissions';

/**
 * What one person may do, worked out once per request from `permissions.ts` and handed to the tab
 * and the cards, so no host keeps its own copy of a rule.
 */
export interface ViewerCan {
  /** The dashboard, planner and every academy (trust roles, the board included). */
  seeWholeTrust: boolean;
  /** Settings: the improvement model, academies, people, imports, deliveries (trust admin, CEO). */
  administerTrust: boolean;
  /** Planning the year and moving meetings (CEO, improvement directors, trust admin). */
  planMeetings: boolean;
  /** The trust's tools on the dashboard: the board's Excel export and the search across academies (trust roles). */
  useTrustTools: boolean;
  /**
   * The one academy of someone who works at a single academy (a head, its governors and staff):
   * their dashboard is that academy's page, not a trust table of one row (issue 20).
   */
  homeAcademyId?: string;
}

export function viewerCan(viewer: Pick<Person, 'roles'>): ViewerCan {
  const wholeTrust = seesWholeTrust(viewer);
  const academies = [...new Set(viewer.roles.flatMap((r) => (r.academyId ? [r.academyId] : [])))];
  return {
    seeWholeTrust: wholeTrust,
    administerTrust: canAdministerTrust(viewer),
    planMeetings: canPlanMeetings(viewer),
    useTrustTools: wholeTrust,
    ...(!wholeTrust && academies.length === 1 ? { homeAcademyId: academies[0]! } : {}),
  };
}

/** The chair of the meeting, or the trust's improvement team, runs it: attendance, judgements, notes. */
export const canRunMeeting = (viewer: Pick<Person, 'id' | 'roles'>, meeting: Pick<Meeting, 'chairId'>): boolean =>
  meeting.chairId === viewer.id || canPlanMeetings(viewer);

/** A paper is marked in, or more time asked for it, by its owner, the chair or the trust team. */
export const canActOnPaper = (
  viewer: Pick<Person, 'id' | 'roles'>,
  meeting: Pick<Meeting, 'chairId'>,
  paper: Pick<MeetingPaper, 'ownerId'>,
): boolean => paper.ownerId === viewer.id || canRunMeeting(viewer, meeting);

/**
 * Draft notes, and the approvers' comments on them, are read by the approvers the model names
 * (DSAT: the head and the chair of the LGB check the notes before they are circulated), by whoever
 * wrote them and by the trust's improvement team; the board and governors wait for circulation.
 */
export function canReadDraftNotes(
  viewer: Pick<Person, 'id' | 'roles'>,
  meeting: Pick<Meeting, 'attendees' | 'notes'>,
  kind?: Pick<MeetingKind, 'notesApprovers'>,
): boolean {
  if (canPlanMeetings(viewer)) return true;
  const notes = meeting.notes;
  if (notes?.writtenBy === viewer.id) return true;
  if (notes?.approvals.some((a) => a.personId === viewer.id)) return true;
  const approverRoles = new Set(kind?.notesApprovers ?? []);
  return meeting.attendees.some((a) => a.personId === viewer.id && approverRoles.has(a.role));
}

/** Why someone sent apologies is for the chair and the trust team (and the person themselves). */
export const canReadApologyReason = (
  viewer: Pick<Person, 'id' | 'roles'>,
  meeting: Pick<Meeting, 'chairId'>,
  attendeeId: string,
): boolean => attendeeId === viewer.id || canRunMeeting(viewer, meeting);

/** What the viewer may do on one meeting's page and cards. */
export interface MeetingCan {
  /** Before the meeting, on its day, or after it (core/domain/meeting-moment.ts): what the page offers first. */
  moment: MeetingMoment;
  /** The chair or the trust team: they record attendance, judgements and notes once the meeting has begun. */
  run: boolean;
  /** Mark people attended or absent: the chair or the trust team, from the meeting's day, not for a cancelled one. */
  recordAttendance: boolean;
  /** Record judgements by inspection area: as attendance, and only at a kind of meeting that records them. */
  recordJudgements: boolean;
  /** Write or rewrite the notes: as attendance, until the notes are circulated. */
  writeNotes: boolean;
  /** Raise actions on the meeting page: anyone who writes at the academy, from the meeting's day. */
  raiseActions: boolean;
  /** Send apologies (their own, or for others when they run it): a planned meeting not yet over. */
  sendApologies: boolean;
  /** Write at the meeting's academy at all (raise actions, send their own apologies). */
  write: boolean;
  /** Grant or decline more time for a paper (the chair). */
  decideExtensions: boolean;
  /** Apologies for someone else, with a substitute (the chair or the trust team). */
  recordApologiesForOthers: boolean;
  readDraftNotes: boolean;
  /** Per paper (by requirement id): mark it in, ask for more time. */
  papers: Record<string, { submit: boolean; askForMoreTime: boolean }>;
}

export function meetingCan(
  viewer: Pick<Person, 'id' | 'roles'>,
  meeting: Meeting,
  kind: Pick<MeetingKind, 'notesApprovers' | 'recordsJudgements'> | undefined,
  today: LocalDate,
): MeetingCan {
  const run = canRunMeeting(viewer, meeting);
  const planned = meeting.status === 'planned';
  const moment = meetingMoment(meeting, today);
  const recording = run && meeting.status !== 'cancelled' && moment !== 'before';
  const write = canAccessAcademy(viewer, meeting.academyId, 'write');
  const expected = meeting.attendees.some((a) => a.personId === viewer.id && a.attendance === 'expected');
  return {
    moment,
    run,
    recordAttendance: recording,
    recordJudgements: recording && (kind?.recordsJudgements ?? false),
    writeNotes: recording && !meeting.notes?.circulatedAt,
    raiseActions: write && meeting.status !== 'cancelled' && moment !== 'before',
    sendApologies: planned && moment !== 'after' && (run || expected),
    write,
    decideExtensions: meeting.chairId === viewer.id,
    recordApologiesForOthers: run,
    readDraftNotes: canReadDraftNotes(viewer, meeting, kind),
    papers: Object.fromEntries(
      meeting.papers.map((p) => {
        const mine = canActOnPaper(viewer, meeting, p);
        return [
          p.requirementId,
          {
            submit: mine && planned && !isPaperIn(p),
            askForMoreTime: mine && planned && !isPaperIn(p) && (!p.extension || p.extension.status === 'declined'),
          },
        ];
      }),
    ),
  };
}
