import { addDays, type LocalDate } from '../../domain/local-date';
import type { Meeting } from '../../domain/meeting';
import type { ImprovementModel } from '../../domain/models/improvement-model.schema';
import type { TrustMeetingKind } from '../../domain/models/trust-meetings.schema';
import { BOARD_PACK_LEAD_DAYS } from './board-pack-term';

/** A planned meeting of the board that a pack goes to: its papers folder is the meeting's own. */
export interface BoardMeeting {
  meetingId: string;
  date: LocalDate;
  name: string;
  /** Calendar days before the meeting its pack is generated. */
  leadDays: number;
}

/**
 * The trust's own meetings that are the board's: those whose name or abbreviation says Board
 * (Waterton's "School improvement report to the Trust Board", Schoolsworks' heads before the Board
 * and the DTL's board report). Who chairs does not tell: Waterton's SI Director holds the board role
 * too but chairs the SI committee. HOOK: a flag on the trust meeting kind ("the board pack goes to
 * this meeting") would say it outright; the model has none yet (issue 17 part 2 owns that schema).
 */
export function boardMeetingKinds(model: Pick<ImprovementModel, 'trustMeetings'>): TrustMeetingKind[] {
  return model.trustMeetings.filter((k) => /\bboard\b/i.test(`${k.name} ${k.abbreviation}`));
}

/** The model's lead days for a board meeting's papers (Waterton: the board report 7 days before), else the pack's own. */
const leadDaysOf = (kind: TrustMeetingKind): number =>
  kind.papers.length ? Math.max(...kind.papers.map((p) => p.leadDays)) : BOARD_PACK_LEAD_DAYS;

/** The next planned board meeting on or after `today`, earliest first. */
export function nextBoardMeeting(
  model: Pick<ImprovementModel, 'trustMeetings'>,
  trustMeetings: readonly Pick<Meeting, 'id' | 'kind' | 'date' | 'status'>[],
  today: LocalDate,
): BoardMeeting | undefined {
  const kinds = new Map(boardMeetingKinds(model).map((k) => [k.id, k]));
  const next = trustMeetings
    .filter((m) => m.status === 'planned' && m.date >= today && kinds.has(m.kind))
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))[0];
  const kind = next && kinds.get(next.kind);
  return next && kind ? { meetingId: next.id, date: next.date, name: kind.name, leadDays: leadDaysOf(kind) } : undefined;
}

/** Whether a board meeting's pack is due today: from its lead days before the meeting until the day itself. */
export const isPackDue = (meeting: BoardMeeting, today: LocalDate): boolean =>
  today >= addDays(meeting.date, -meeting.leadDays) && today <= meeting.date;
