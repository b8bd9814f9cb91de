import type { Page, PageOptions, RecordStore } from '../../core/ports/record-store.port';

/** Errors are matched by `code` and `name`, the parts that survive a process boundary (not `instanceof`). */
export const CONFLICT = { name: 'ConflictError', code: 'RECORD.CONFLICT' };
export const NOT_FOUND = { name: 'NotFoundError', code: 'RECORD.NOT_FOUND' };
export const INVALID = { name: 'ValidationError', code: 'INPUT.INVALID' };

/** The store a contract test runs against, made fresh for each test. */
export type StoreUnderTest = () => RecordStore;

/** Every page of a listing, following cursors until the last page. */
export async function everyPage<T>(fetchPage: (page: PageOptions) => Promise<Page<T>>, pageSize: number): Promise<Page<T>[]> {
  const pages: Page<T>[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage({ pageSize, ...(cursor === undefined ? {} : { cursor }) });
    pages.push(page);
    cursor = page.nextCursor;
    // A store that hands back the same cursor forever would hang the suite instead of failing it.
    if (pages.length > 10_000) throw new Error('paging did not end');
  } while (cursor !== undefined);
  return pages;
}

/** The ids, in the order given. */
export const idsOf = (records: readonly { id: string }[]): string[] => records.map((r) => r.id);

/** The ids, sorted: for results whose order the port leaves open. */
export const sortedIds = (records: readonly { id: string }[]): string[] => idsOf(records).sort();

/** A copy of the records in id order, for comparing results whose order the port leaves open. */
export const inIdOrder = <T extends { id: string }>(records: readonly T[]): T[] =>
  [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
