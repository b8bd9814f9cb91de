import { isWeekend, type LocalDate } from './local-date';
import { formatLongDate } from './london-time';
import type { Meeting, MeetingPaper } from './meeting';
import { refuse, type Outcome } from './outcome';
import { effectiveDueDate, isPaperIn } from './paper-deadlines';
import type { Person } from './people';
import type { SchoolCalendar } from './school-year/school-calendar';
import { canActOnPaper } from './viewer-can';

type PaperOutcome<Code extends string> = Outcome<{ meeting: Meeting; paper: MeetingPaper }, Code>;

/** The meeting with one paper (or report due after it) replaced. */
const withPaper = (meeting: Meeting, paper: MeetingPaper): { meeting: Meeting; paper: MeetingPaper } => {
  const swap = (list: readonly MeetingPaper[]) => list.map((p) => (p.requirementId === paper.requirementId ? paper : p));
  const isReport = !meeting.papers.some((p) => p.requirementId === paper.requirementId);
  return { meeting: isReport ? { ...meeting, reports: swap(meeting.reports ?? []) } : { ...meeting, papers: swap(meeting.papers) }, paper };
};

/** A paper due before the meeting, or a report due after it (marked in and chased the same way). */
const findPaper = (meeting: Meeting, requirementId: string): MeetingPaper | undefined =>
  meeting.papers.find((p) => p.requirementId === requirementId) ?? meeting.reports?.find((p) => p.requirementId === requirementId);

const notRequired = (meeting: Meeting, requirementId: string) =>
  refuse(
    'PAPER.NOT_REQUIRED',
    `“${requirementId}” is not one of this meeting’s papers; it needs: ${meeting.papers.map((p) => p.title).join('; ') || 'no papers'}.`,
  );

/**
 * Why the viewer may not mark a paper in or ask for more time on it, or undefined when they may: the
 * paper's owner, the meeting's chair and the trust's improvement team (`canActOnPaper`). Others at
 * the academy (governors, a partner head) read the papers but do not answer for them. A requirement
 * the meeting does not have is left to `submitPaper` / `requestExtension` to refuse.
 */
export function notThePapersActor(
  viewer: Pick<Person, 'id' | 'roles'>,
  meeting: Meeting,
  requirementId: string,
  doing: 'mark-in' | 'more-time',
): string | undefined {
  const paper = findPaper(meeting, requirementId);
  if (!paper || canActOnPaper(viewer, meeting, paper)) return undefined;
  const what = doing === 'mark-in' ? `mark the ${paper.title} in` : `ask for more time on the ${paper.title}`;
  return `Sorry, only the paper’s owner, the chair of the meeting or the trust’s improvement team can ${what}.`;
}

export interface SubmitPaperInput {
  by: string;
  now: string;
  /** Where the file is: the SharePoint library or the local papers folder. */
  link?: string;
}

export type SubmitPaperCode = 'PAPER.NOT_REQUIRED' | 'PAPER.ALREADY_IN' | 'PAPER.MEETING_CANCELLED';

/** Marks a paper as in (DSAT: the head's report, context data and latest pupil data a week before the AIM). */
export function submitPaper(meeting: Meeting, requirementId: string, input: SubmitPaperInput): PaperOutcome<SubmitPaperCode> {
  const paper = findPaper(meeting, requirementId);
  if (!paper) return notRequired(meeting, requirementId);
  if (meeting.status === 'cancelled')
    return refuse('PAPER.MEETING_CANCELLED', 'That meeting has been cancelled, so its papers are no longer needed.');
  if (isPaperIn(paper))
    return refuse('PAPER.ALREADY_IN', `The ${paper.title} is already in; replace the file where it is kept if it has changed.`);
  const link = input.link?.trim();
  return { ok: true, ...withPaper(meeting, { ...paper, submittedAt: input.now, submittedBy: input.by, ...(link ? { link } : {}) }) };
}

/** Why a date cannot take a deadline, in a head's words. */
function whyNotWorking(d: LocalDate, calendar: SchoolCalendar): string {
  if (isWeekend(d)) return 'at the weekend';
  if (calendar.isBankHoliday(d)) return calendar.bankHolidayName(d) ? `the ${calendar.bankHolidayName(d)}` : 'a bank holiday';
  return 'in the school holidays';
}

export interface ExtensionRequest {
  by: string;
  now: string;
  newDueDate: LocalDate;
  reason: string;
}

export type RequestExtensionCode =
  | 'PAPER.NOT_REQUIRED'
  | 'PAPER.ALREADY_IN'
  | 'PAPER.MEETING_NOT_PLANNED'
  | 'PAPER.EXTENSION_REASON_REQUIRED'
  | 'PAPER.EXTENSION_ALREADY_REQUESTED'
  | 'PAPER.EXTENSION_ALREADY_GRANTED'
  | 'PAPER.EXTENSION_NOT_LATER'
  | 'PAPER.EXTENSION_NOT_A_WORKING_DAY'
  | 'PAPER.EXTENSION_NOT_BEFORE_MEETING';

/**
 * Asks the chair for more time on a paper. The new date must be later than the current deadline,
 * a working day in term (as deadlines are), and still before the meeting, so attendees can read it; a reason is required.
 * One extension per paper: after a refusal a new request may be made, after a grant it may not.
 */
export function requestExtension(
  meeting: Meeting,
  requirementId: string,
  request: ExtensionRequest,
  calendar: SchoolCalendar,
): PaperOutcome<RequestExtensionCode> {
  const paper = findPaper(meeting, requirementId);
  if (!paper) return notRequired(meeting, requirementId);
  if (meeting.status !== 'planned')
    return refuse('PAPER.MEETING_NOT_PLANNED', `The meeting has been ${meeting.status}, so there is no deadline to extend.`);
  if (isPaperIn(paper)) return refuse('PAPER.ALREADY_IN', `The ${paper.title} is already in, so it needs no extension.`);
  const reason = request.reason.trim();
  if (reason === '') return refuse('PAPER.EXTENSION_REASON_REQUIRED', 'Give a reason for the extension so the chair can decide.');
  if (paper.extension?.status === 'requested') {
    return refuse(
      'PAPER.EXTENSION_ALREADY_REQUESTED',
      `An extension to ${formatLongDate(paper.extension.newDueDate)} is already waiting for the chair’s decision.`,
    );
  }
  if (paper.extension?.status === 'approved') {
    return refuse(
      'PAPER.EXTENSION_ALREADY_GRANTED',
      `The ${paper.title} has already been extended to ${formatLongDate(paper.extension.newDueDate)}; speak to the chair if you need longer.`,
    );
  }
  const due = effectiveDueDate(paper);
  if (request.newDueDate <= due)
    return refuse('PAPER.EXTENSION_NOT_LATER', `The new date must be after the current deadline, ${formatLongDate(due)}.`);
  if (!calendar.isTermWorkingDay(request.newDueDate)) {
    return refuse(
      'PAPER.EXTENSION_NOT_A_WORKING_DAY',
      `${formatLongDate(request.newDueDate)} is ${whyNotWorking(request.newDueDate, calendar)}; choose a working day in term.`,
    );
  }
  if (request.newDueDate >= meeting.date) {
    return refuse(
      'PAPER.EXTENSION_NOT_BEFORE_MEETING',
      `The new date must be before the meeting on ${formatLongDate(meeting.date)}, so everyone can read the paper first.`,
    );
  }
  const extension = {
    requestedBy: request.by,
    requestedAt: request.now,
    newDueDate: request.newDueDate,
    reason,
    status: 'requested' as const,
  };
  return { ok: true, ...withPaper(meeting, { ...paper, extension }) };
}

export interface ExtensionDecision {
  by: string;
  now: string;
  approve: boolean;
}

export type DecideExtensionCode = 'PAPER.NOT_REQUIRED' | 'PAPER.NOT_THE_CHAIR' | 'PAPER.NO_EXTENSION_REQUESTED';

/** The meeting's chair grants or refuses a requested extension; a grant moves the paper's deadline. */
export function decideExtension(meeting: Meeting, requirementId: string, decision: ExtensionDecision): PaperOutcome<DecideExtensionCode> {
  const paper = findPaper(meeting, requirementId);
  if (!paper) return notRequired(meeting, requirementId);
  if (decision.by !== meeting.chairId) return refuse('PAPER.NOT_THE_CHAIR', 'Only the chair of the meeting can decide on an extension.');
  if (paper.extension?.status !== 'requested') {
    return refuse(
      'PAPER.NO_EXTENSION_REQUESTED',
      paper.extension
        ? `The extension for the ${paper.title} has already been ${paper.extension.status}.`
        : `No extension has been asked for on the ${paper.title}.`,
    );
  }
  const extension = {
    ...paper.extension,
    status: decision.approve ? ('approved' as const) : ('declined' as const),
    decidedBy: decision.by,
    decidedAt: decision.now,
  };
  return { ok: true, ...withPaper(meeting, { ...paper, extension }) };
}
