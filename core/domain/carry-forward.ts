import { isActionLive, type ActionItem, type ActionStatus } from './action-item';
import type { LocalDate } from './local-date';
import { londonDateOf } from './london-time';
import type { Meeting } from './meeting';
import type { MeetingKind } from './models/improvement-model.schema';
import { refuse, type Outcome } from './outcome';

/** Still open or in progress and past its due date. */
export const isActionOverdue = (action: Pick<ActionItem, 'status' | 'dueDate'>, today: LocalDate): boolean =>
  isActionLive(action) && action.dueDate < today;

/** One action as it appears on the next meeting's agenda. */
export interface CarriedForwardAction {
  actionId: string;
  text: string;
  ownerId: string;
  dueDate: LocalDate;
  status: ActionStatus;
  /** Past its due date on the day of the meeting. */
  overdue: boolean;
  raisedInMeetingId?: string;
  /** The latest progress note, so the meeting starts from where the owner left it. */
  latestNote?: string;
  completedAt?: string;
}

/**
 * DSAT's iAIM agenda: "What has been achieved so far? What is outstanding? What is the plan for
 * completion?" Outstanding actions are those already past their due date when the meeting meets;
 * the plan for completion holds those still within their due date.
 */
export interface CarriedForwardAgenda {
  meetingId: string;
  achieved: CarriedForwardAction[];
  outstanding: CarriedForwardAction[];
  planForCompletion: CarriedForwardAction[];
}

export interface CarryForwardOptions {
  /** The academy's previous meeting: actions done since it count as achieved. Without one, every action done before this meeting does. */
  previousMeeting?: Pick<Meeting, 'date'>;
  /** When given and the kind does not carry actions forward, the agenda is empty. */
  kind?: Pick<MeetingKind, 'carriesForwardActions'>;
}

const raisedBefore = (a: ActionItem, meeting: Pick<Meeting, 'id' | 'date'>): boolean =>
  a.raisedInMeetingId !== meeting.id && londonDateOf(a.createdAt) < meeting.date;

function agendaItem(a: ActionItem, meetingDate: LocalDate): CarriedForwardAction {
  const latest = a.progress[a.progress.length - 1];
  return {
    actionId: a.id,
    text: a.text,
    ownerId: a.ownerId,
    dueDate: a.dueDate,
    status: a.status,
    overdue: isActionOverdue(a, meetingDate),
    ...(a.raisedInMeetingId ? { raisedInMeetingId: a.raisedInMeetingId } : {}),
    ...(latest ? { latestNote: latest.note } : {}),
    ...(a.completedAt ? { completedAt: a.completedAt } : {}),
  };
}

const byDueDate = (x: CarriedForwardAction, y: CarriedForwardAction): number =>
  x.dueDate.localeCompare(y.dueDate) || x.actionId.localeCompare(y.actionId);

/**
 * The academy's actions raised before the meeting (in an earlier meeting or outside one), as the
 * meeting's "actions from last time" item: achieved since the previous meeting, outstanding, and
 * the plan for completion. Dropped actions and other academies' actions are left off.
 */
export function carryForwardActions(
  actions: readonly ActionItem[],
  nextMeeting: Pick<Meeting, 'id' | 'academyId' | 'date'>,
  options: CarryForwardOptions = {},
): CarriedForwardAgenda {
  const agenda: CarriedForwardAgenda = { meetingId: nextMeeting.id, achieved: [], outstanding: [], planForCompletion: [] };
  if (options.kind && !options.kind.carriesForwardActions) return agenda;
  const since = options.previousMeeting?.date;
  for (const a of actions) {
    if (a.academyId !== nextMeeting.academyId || !raisedBefore(a, nextMeeting)) continue;
    const item = agendaItem(a, nextMeeting.date);
    if (a.status === 'done') {
      const doneOn = a.completedAt ? londonDateOf(a.completedAt) : undefined;
      if (doneOn !== undefined && doneOn <= nextMeeting.date && (since === undefined || doneOn >= since)) agenda.achieved.push(item);
    } else if (isActionLive(a)) {
      (item.overdue ? agenda.outstanding : agenda.planForCompletion).push(item);
    }
  }
  agenda.achieved.sort(byDueDate);
  agenda.outstanding.sort(byDueDate);
  agenda.planForCompletion.sort(byDueDate);
  return agenda;
}

export interface ActionStatusUpdate {
  status: ActionStatus;
  /** Required when dropping an action: the meeting needs to know why. */
  note?: string;
  by: string;
  now: string;
}

export type ActionUpdateCode = 'ACTION.NOTE_REQUIRED' | 'ACTION.NOTHING_TO_RECORD';

const STATUS_WORDS: Record<ActionStatus, string> = { open: 'open', 'in-progress': 'in progress', done: 'done', dropped: 'dropped' };

/** The sentence kept in the progress log when the owner changes the status without a note. */
function statusNote(from: ActionStatus, to: ActionStatus): string {
  if (from === 'done' && isActionLive({ status: to })) return `Reopened (was done), now ${STATUS_WORDS[to]}.`;
  return `Marked ${STATUS_WORDS[to]}.`;
}

/**
 * Moves an action to a new status and appends a progress note. Done sets `completedAt`; a done
 * action can be reopened (clearing it); dropping needs a note saying why.
 */
export function updateActionStatus(action: ActionItem, update: ActionStatusUpdate): Outcome<{ action: ActionItem }, ActionUpdateCode> {
  const note = update.note?.trim() ?? '';
  if (update.status === 'dropped' && action.status !== 'dropped' && note === '') {
    return refuse('ACTION.NOTE_REQUIRED', 'Say why the action is being dropped, so the next meeting knows what happened to it.');
  }
  if (update.status === action.status && note === '') {
    return refuse(
      'ACTION.NOTHING_TO_RECORD',
      `The action is already ${STATUS_WORDS[action.status]}; add a progress note to record an update.`,
    );
  }
  const entry = { at: update.now, by: update.by, note: note || statusNote(action.status, update.status), status: update.status };
  const { completedAt: _previous, ...rest } = action;
  const completedAt = update.status === 'done' ? (action.status === 'done' ? action.completedAt : update.now) : undefined;
  return {
    ok: true,
    action: { ...rest, status: update.status, ...(completedAt ? { completedAt } : {}), progress: [...action.progress, entry] },
  };
}
