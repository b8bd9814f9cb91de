import type { Page, PageOptions } from '../../ports/record-store.port';
import { decodeCursor, encodeCursor, resolvePageSize } from '../shared/paging';

/*
 * Graph does not document `$orderby` on list item fields, nor a maximum page size (GRAPH-NOTES.md),
 * so the adapter never relies on server-side order: it reads what one indexed filter selects,
 * sorts here, and pages with the same keyset cursors as the SQLite store (the sort key of the last
 * item sent). A record added after a page was read still turns up on a later one, and none repeats.
 */

/** One page of `records` in `sortKey` order (`keyLength` parts), resuming after the cursor's key. */
export function pageInMemory<T>(
  queryName: string,
  records: readonly T[],
  sortKey: (r: T) => string[],
  keyLength: number,
  page: PageOptions = {},
): Page<T> {
  const size = resolvePageSize(page.pageSize);
  const keyed = records.map((r) => ({ r, k: sortKey(r) })).sort((a, b) => compareKeys(a.k, b.k));
  const after = page.cursor === undefined ? undefined : decodeCursor(queryName, page.cursor, keyLength);
  const rest = after === undefined ? keyed : keyed.filter((x) => compareKeys(x.k, after) > 0);
  const items = rest.slice(0, size);
  const last = items[items.length - 1];
  const nextCursor = rest.length > size && last ? encodeCursor(queryName, last.k) : undefined;
  return { items: items.map((x) => x.r), ...(nextCursor ? { nextCursor } : {}) };
}

function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
