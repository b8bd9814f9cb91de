import type { ActionItem } from '../../domain/action-item';
import { minDate, type LocalDate } from '../../domain/local-date';
import { londonDateOf } from '../../domain/london-time';
import type { Meeting } from '../../domain/meeting';
import { effectiveDueDate, isPaperIn } from '../../domain/paper-deadlines';
import type { Stored } from '../../ports/record-store.port';

/** The columns every record query selects. */
export interface RecordRow {
  id: string;
  version: number;
  body: string;
}

export const RECORD_COLUMNS = 'id, version, body';

/** A stored record from its row: the JSON body (written only after validation) plus the version as an opaque string. */
export function toStored<T>(row: RecordRow): Stored<T> {
  return { ...(JSON.parse(row.body) as T), version: String(row.version) };
}

/** The record's body as written: the validated value alone, so a caller's `version` never lands in the JSON. */
export function toBody<T extends object>(record: T): string {
  return JSON.stringify(record);
}

/**
 * A version the caller sent back, as the counter it came from; anything else can never match a row,
 * so it reads as stale rather than as bad input.
 */
export function versionCounter(version: string): number {
  return /^[1-9]\d{0,14}$/.test(version) ? Number(version) : -1;
}

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
