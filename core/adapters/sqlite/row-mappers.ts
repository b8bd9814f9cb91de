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
