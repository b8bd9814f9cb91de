import type { AuditEntry } from '../domain/audit';
import type { Page, PageOptions } from './record-store.port';

/** Who changed what and when, kept apart from the records so any store can keep a trail. */
export interface AuditLog {
  append(entry: AuditEntry): Promise<void>;
  /** A record's history, newest first. */
  forRecord(recordKind: string, recordId: string, page?: PageOptions): Promise<Page<AuditEntry>>;
}
