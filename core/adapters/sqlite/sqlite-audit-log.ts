import type Database from 'better-sqlite3';
import { auditEntrySchema, type AuditEntry } from '../../domain/audit';
import { parseOrThrow } from '../../domain/errors';
import type { AuditLog } from '../../ports/audit-log.port';
import type { Page, PageOptions } from '../../ports/record-store.port';
import { decodeCursor, encodeCursor, resolvePageSize } from '../shared/paging';
import { prepared } from './statements';

/** The audit trail in the same SQLite file as the records (table from migration 2). */
export function createSqliteAuditLog(db: Database.Database): AuditLog {
  return {
    async append(entry) {
      const e = parseOrThrow(auditEntrySchema, entry, 'audit entry');
      prepared(db, 'INSERT INTO audit_log (id, record_kind, record_id, at, body) VALUES (?, ?, ?, ?, ?)').run(
        e.id,
        e.recordKind,
        e.recordId,
        e.at,
        JSON.stringify(e),
      );
    },
    async forRecord(recordKind: string, recordId: string, page: PageOptions = {}): Promise<Page<AuditEntry>> {
      const size = resolvePageSize(page.pageSize);
      const after = page.cursor ? decodeCursor('audit', page.cursor, 2) : undefined;
      const rows = prepared(
        db,
        // rowid breaks ties in insertion order: two writes in the same millisecond stay in the order they happened.
        `SELECT rowid AS seq, at, body FROM audit_log WHERE record_kind = ? AND record_id = ?${after ? ' AND (at, rowid) < (?, ?)' : ''} ORDER BY at DESC, rowid DESC LIMIT ?`,
      ).all(recordKind, recordId, ...(after ? [after[0], Number(after[1])] : []), size + 1) as { seq: number; at: string; body: string }[];
      const items = rows.slice(0, size);
      const last = items[items.length - 1];
      return {
        items: items.map((r) => JSON.parse(r.body) as AuditEntry),
        ...(rows.length > size && last ? { nextCursor: encodeCursor('audit', [last.at, String(last.seq)]) } : {}),
      };
    },
  };
}
