import type { ActionItem } from '../../domain/action-item';
import { minDate, type LocalDate } from '../../domain/local-date';
import { londonDateOf } from '../../domain/london-time';
import type { Meeting } from '../../domain/meeting';
import { effectiveDueDate, isPaperIn } from '../../domain/paper-deadlines';

/*
 * Values every store copies out of a record into indexed columns (SQLite columns, SharePoint list
 * columns), worked out once here so the stores cannot drift apart.
 */

/**
 * The earliest (extended) deadline among a meeting's papers that are not in yet, or null when every
 * paper is in. Kept on every write so the overdue-papers sweep reads only meetings that could have
 * one, instead of every meeting's JSON.
 */
export function earliestOpenPaperDue(meeting: Meeting): LocalDate | null {
  let earliest: LocalDate | null = null;
  for (const p of meeting.papers) {
    if (isPaperIn(p)) continue;
    const due = effectiveDueDate(p);
    earliest = earliest === null ? due : minDate(earliest, due);
  }
  return earliest;
}

/** The day in England an action was completed, which decides the academic year it counts in. */
export function completedOn(action: ActionItem): LocalDate | null {
  return action.completedAt === undefined ? null : londonDateOf(action.completedAt);
}

/** Email as looked up: case does not matter in an address people type (or Entra returns). */
export const emailKey = (email: string): string => email.trim().toLowerCase();
