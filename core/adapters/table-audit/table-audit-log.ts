import { createHash } from 'node:crypto';
import { auditEntrySchema, type AuditEntry } from '../../domain/audit';
import { parseOrThrow } from '../../domain/errors';
import type { AuditLog } from '../../ports/audit-log.port';
import type { Page, PageOptions } from '../../ports/record-store.port';
import { decodeCursor, encodeCursor, resolvePageSize } from '../shared/paging';
import { tableClient, type StorageAccount } from '../azure-storage/storage-account';

/** Table keys may not hold / \ # ? or control characters, and a record's key must be one partition. */
const partitionOf = (recordKind: string, recordId: string): string =>
  createHash('sha256').update(`${recordKind}\u0000${recordId}`).digest('hex');

/*
 * Tables return a partition in ascending RowKey order, and the trail is read newest first, so the
 * row key is the time subtracted from a fixed far instant (zero-padded), then a sequence number
 * counting down within one process, then the entry id: two writes in the same millisecond still
 * read back in the order they happened, and no two rows collide.
 */
const FAR = 9_999_999_999_999;
let sequence = 999_999;
const rowKeyOf = (at: string, id: string): string => {
  sequence = sequence <= 0 ? 999_999 : sequence - 1;
  return `${String(FAR - Date.parse(at)).padStart(13, '0')}-${String(sequence).padStart(6, '0')}-${createHash('sha256').update(id).digest('hex').slice(0, 16)}`;
};

interface AuditRow {
  body: string;
}

/**
 * The audit trail in Azure Table storage (the Functions app's own storage account; Azurite locally
 * and in tests), one partition per record, for the SharePoint deployment where the records live in
 * lists the trust's staff can edit but the trail must not be.
 */
export async function createTableAuditLog(
  account: StorageAccount,
  options: { table?: string; allowInsecureConnection?: boolean } = {},
): Promise<AuditLog> {
  const table = tableClient(account, options.table ?? 'auditlog', options);
  await table.createTable();
  return {
    async append(entry) {
      const e = parseOrThrow(auditEntrySchema, entry, 'audit entry');
      await table.createEntity<AuditRow>({
        partitionKey: partitionOf(e.recordKind, e.recordId),
        rowKey: rowKeyOf(e.at, e.id),
        body: JSON.stringify(e),
      });
    },
    async forRecord(recordKind: string, recordId: string, page: PageOptions = {}): Promise<Page<AuditEntry>> {
      const size = resolvePageSize(page.pageSize);
      const after = page.cursor ? decodeCursor('audit', page.cursor, 1)[0] : undefined;
      const pk = partitionOf(recordKind, recordId);
      const filter = `PartitionKey eq '${pk}'${after ? ` and RowKey gt '${after.replace(/'/g, "''")}'` : ''}`;
      const items: { rowKey: string; entry: AuditEntry }[] = [];
      // One more than a page tells whether there is a next one.
      for await (const row of table.listEntities<AuditRow>({ queryOptions: { filter, select: ['RowKey', 'body'] } })) {
        items.push({ rowKey: row.rowKey!, entry: JSON.parse(row.body) as AuditEntry });
        if (items.length > size) break;
      }
      const pageItems = items.slice(0, size);
      const last = pageItems[pageItems.length - 1];
      return {
        items: pageItems.map((i) => i.entry),
        ...(items.length > size && last ? { nextCursor: encodeCursor('audit', [last.rowKey]) } : {}),
      };
    },
  };
}
