import type { ActionItem } from './action-item';
import { addDays, type LocalDate } from './local-date';
import { formatLongDate } from './london-time';
import type { Meeting } from './meeting';
import { refuse, type Outcome } from './outcome';
import type { Person } from './people';
import { canAccessAcademy, canPlanMeetings } from './permissions';
import { academicYearOf, type SchoolCalendar } from './school-year/school-calendar';

/** What one person may do to one action: move it on with a note, correct it, withdraw it. */
export interface ActionCan {
  /** Change the status (open, in progress, done) with a progress note: the owner, the chair or the trust team. */
  progress: boolean;
  /** Change the text, owner or due date: whoever raised it, the chair or the trust team. */
  edit: boolean;
  /** Withdraw it as raised by mistake: whoever raised it, within a day; the trust administrator, at any time. */
  withdraw: boolean;
}

/** An action raised by mistake may be withdrawn by whoever raised it within this long of raising it. */
export const WITHDRAW_WINDOW_HOURS = 24;

const isTrustAdmin = (p: Pick<Person, 'roles'>): boolean => p.roles.some((r) => r.role === 'trust-admin');

/** Still within a day of being raised. */
export const withinWithdrawWindow = (action: Pick<ActionItem, 'createdAt'>, now: string): boolean =>
  Date.parse(now) - Date.parse(action.createdAt) <= WITHDRAW_WINDOW_HOURS * 3_600_000;

/**
 * Who looks after an action: its owner moves it on; whoever raised it and the chair of the meeting
 * that raised it (DSAT: the AID chairs the AIM and follows its actions) correct it; the trust's
 * improvement team (CEO, improvement directors, trust administrator) may do both.
 */
export function actionCan(
  viewer: Pick<Person, 'id' | 'roles'>,
  action: Pick<ActionItem, 'academyId' | 'ownerId' | 'raisedBy' | 'status' | 'createdAt'>,
  ctx: { raisingChairId?: string; now: string },
): ActionCan {
  const sees = canAccessAcademy(viewer, action.academyId, 'read');
  const team = canPlanMeetings(viewer);
  const chair = ctx.raisingChairId !== undefined && ctx.raisingChairId === viewer.id;
  const raiser = action.raisedBy !== undefined && action.raisedBy === viewer.id;
  const live = action.status === 'open' || action.status === 'in-progress';
  return {
    progress: sees && (action.ownerId === viewer.id || chair || team),
    edit: sees && live && (raiser || chair || team),
    withdraw: sees && (isTrustAdmin(viewer) || (raiser && withinWithdrawWindow(action, ctx.now))),
  };
}

export type WithdrawCode = 'ACTION.WITHDRAW_REASON_REQUIRED' | 'ACTION.WITHDRAW_TOO_LATE';

/**
 * An action raised by mistake, withdrawn with the reason: the reason goes into its progress log (so
 * the audit trail keeps it) before the record is removed. After a day only the trust administrator
 * may withdraw it: by then it may be on an agenda or in a reminder, and the meeting should drop it.
 */
export function withdrawAction(
  action: ActionItem,
  input: { by: Pick<Person, 'id' | 'roles'>; now: string; reason: string },
): Outcome<{ action: ActionItem }, WithdrawCode> {
  const reason = input.reason.trim();
  if (reason === '')
    return refuse('ACTION.WITHDRAW_REASON_REQUIRED', 'Say why the action is being withdrawn; the reason is kept in its history.');
  if (!isTrustAdmin(input.by) && !withinWithdrawWindow(action, input.now)) {
    return refuse(
      'ACTION.WITHDRAW_TOO_LATE',
      `An action can be withdrawn by whoever raised it only within ${WITHDRAW_WINDOW_HOURS} hours. Mark it dropped with a note instead, or ask the trust administrator.`,
    );
  }
  return {
    ok: true,
    action: { ...action, progress: [...action.progress, { at: input.now, by: input.by.id, note: `Withdrawn: ${reason}` }] },
  };
}

/** The holiday between two half terms, by the half term it follows (1 = autumn 1 … 5 = summer 1). */
const BREAKS: Record<number, string> = {
  1: 'the October half term',
  2: 'the Christmas holidays',
  3: 'the February half term',
  4: 'the Easter holidays',
  5: 'the May half term',
};

/**
 * Why a day is a poor due date, or undefined on a school working day: a weekend, a bank holiday,
 * or a day in the school holidays ("Mon 21 Dec 2026 is in the Christmas holidays").
 */
export function dueDateWarning(date: LocalDate, calendar: SchoolCalendar): string | undefined {
  const day = formatLongDate(date);
  if (calendar.isTermWorkingDay(date)) return undefined;
  const holiday = calendar.bankHolidayName(date);
  if (calendar.isBankHoliday(date)) return `${day} is a bank holiday${holiday ? ` (${holiday})` : ''}`;
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return `${day} is a ${weekday === 0 ? 'Sunday' : 'Saturday'}`;
  const year = academicYearOf(date);
  if (!calendar.hasYear(year)) return undefined;
  const halves = calendar.halfTerms(year);
  const after = [...halves].reverse().find((h) => h.end < date);
  const name = after && after.halfTerm < 6 ? BREAKS[after.halfTerm] : 'the summer holidays';
  return `${day} is in ${name}`;
}

export type DueDateCode = 'ACTION.DUE_IN_HOLIDAYS';

/** A due date in the holidays is refused with the reason unless the person says to keep it; the tab shows it as a warning they can override. */
export function checkDueDate(
  date: LocalDate,
  calendar: SchoolCalendar,
  keepHolidayDate: boolean | undefined,
): Outcome<object, DueDateCode> {
  const warning = dueDateWarning(date, calendar);
  if (!warning || keepHolidayDate) return { ok: true };
  const before = lastSchoolDayOnOrBefore(addDays(date, -1), calendar);
  return refuse(
    'ACTION.DUE_IN_HOLIDAYS',
    `${warning}. Keep the date anyway, or choose a school day${before ? ` such as ${formatLongDate(before)}` : ''}.`,
  );
}

/** The latest school day on or before `d` (looking back at most ten weeks). */
function lastSchoolDayOnOrBefore(d: LocalDate, calendar: SchoolCalendar): LocalDate | undefined {
  for (let x = d, i = 0; i < 70; x = addDays(x, -1), i++) if (calendar.isSchoolDay(x)) return x;
  return undefined;
}

/** The first school day on or after `d` (looking ahead at most ten weeks). */
function firstSchoolDayOnOrAfter(d: LocalDate, calendar: SchoolCalendar): LocalDate | undefined {
  for (let x = d, i = 0; i < 70; x = addDays(x, 1), i++) if (calendar.isSchoolDay(x)) return x;
  return undefined;
}

export interface DefaultDueDate {
  dueDate: LocalDate;
  /** The meeting the action will be carried forward to, when one is planned. */
  nextMeeting?: Pick<Meeting, 'id' | 'kind' | 'date'>;
}

/**
 * The due date a new action starts with: the school day before the academy's next meeting after
 * `after` (the meeting raising it, or today), so it is done before it is carried forward; with no
 * meeting planned, the last school day four weeks on. Never before today.
 */
export function defaultDueDate(
  meetings: readonly Pick<Meeting, 'id' | 'academyId' | 'kind' | 'date' | 'status'>[],
  academyId: string,
  after: LocalDate,
  today: LocalDate,
  calendar: SchoolCalendar,
): DefaultDueDate {
  const from = after > today ? after : today;
  const next = meetings
    .filter((m) => m.academyId === academyId && m.status === 'planned' && m.date > from)
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))[0];
  const floor = (d: LocalDate | undefined): LocalDate | undefined => (d !== undefined && d >= today ? d : undefined);
  if (next) {
    const due = floor(lastSchoolDayOnOrBefore(addDays(next.date, -1), calendar)) ?? next.date;
    return { dueDate: due, nextMeeting: { id: next.id, kind: next.kind, date: next.date } };
  }
  const inFourWeeks = addDays(from, 28);
  return {
    dueDate: floor(lastSchoolDayOnOrBefore(inFourWeeks, calendar)) ?? firstSchoolDayOnOrAfter(inFourWeeks, calendar) ?? inFourWeeks,
  };
}
