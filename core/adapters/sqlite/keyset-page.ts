import type Database from 'better-sqlite3';
import type { Page, PageOptions, Stored } from '../../ports/record-store.port';
import { decodeCursor, encodeCursor, resolvePageSize } from '../shared/paging';
import { RECORD_COLUMNS, toStored, type RecordRow } from './row-mappers';
import { prepared } from './statements';

/** One paged listing: the table, its filter, and a sort order whose last column is unique (the id). */
export interface KeysetQuery {
  /** Names the listing inside its cursors. */
  name: string;
  table: string;
  where: readonly string[];
  params: readonly unknown[];
  /** Non-null columns; the last must make the order total (always `id`). */
  orderBy: readonly string[];
}

/** One page of a listing, resuming after the cursor's sort key. */
export function queryPage<T>(db: Database.Database, query: KeysetQuery, page: PageOptions = {}): Page<Stored<T>> {
  const size = resolvePageSize(page.pageSize);
  const where = [...query.where];
  const params = [...query.params];
  if (page.cursor !== undefined) {
    const key = decodeCursor(query.name, page.cursor, query.orderBy.length);
    where.push(`(${query.orderBy.join(', ')}) > (${query.orderBy.map(() => '?').join(', ')})`);
    params.push(...key);
  }
  const keyColumns = query.orderBy.map((c, i) => `${c} AS k${i}`).join(', ');
  const sql =
    `SELECT ${RECORD_COLUMNS}, ${keyColumns} FROM ${query.table}` +
    (where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '') +
    ` ORDER BY ${query.orderBy.join(', ')} LIMIT ?`;
  // One extra row says whether another page follows, so the last page carries no cursor.
  const rows = prepared(db, sql).all(...params, size + 1) as (RecordRow & Record<string, unknown>)[];
  const items = rows.slice(0, size);
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > size && last
      ? encodeCursor(
          query.name,
          query.orderBy.map((_, i) => String(last[`k${i}`])),
        )
      : undefined;
  return { items: items.map((r) => toStored<T>(r)), ...(nextCursor ? { nextCursor } : {}) };
}
