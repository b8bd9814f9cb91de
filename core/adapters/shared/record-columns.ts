import type { ActionItem } from '../../domain/action-item';
import type { LocalDate } from '../../domain/local-date';
import { londonDateOf } from '../../domain/london-time';

/*
 * Values every store copies out of a record into indexed columns (SQLite columns, SharePoint list
 * columns), worked out once here so the stores cannot drift apart.
 */

/** The day in England an action was completed, which decides the academic year it counts in. */
export function completedOn(action: ActionItem): LocalDate | null {
  return action.completedAt === undefined ? null : londonDateOf(action.completedAt);
}

/** Email as looked up: case does not matter in an address people type (or Entra returns). */
export const emailKey = (email: string): string => email.trim().toLowerCase();
