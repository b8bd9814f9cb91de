import { ValidationError } from '../../domain/errors';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;

/** The page size to use: the default when none is asked for, capped at the maximum (the port lets an adapter return fewer). */
export function resolvePageSize(pageSize: number | undefined): number {
  if (pageSize === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new ValidationError([{ field: 'pageSize', message: 'ask for a whole number of items, at least 1' }], 'page request');
  }
  return Math.min(pageSize, MAX_PAGE_SIZE);
}

/*
 * A cursor is the sort key of the last item sent (keyset paging), so a page never skips or repeats
 * a record when others are added or removed meanwhile, unlike OFFSET. It names its query so a
 * cursor from one listing is refused by another rather than silently mis-paging.
 */
interface CursorBody {
  q: string;
  k: string[];
}

/** An opaque cursor holding the last sort key of a page of query `query`. */
export function encodeCursor(query: string, key: readonly string[]): string {
  const body: CursorBody = { q: query, k: [...key] };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

/** The sort key inside a cursor from `query`; a cursor that is not one is a `ValidationError`. */
export function decodeCursor(query: string, cursor: string, keyLength: number): string[] {
  const refuse = (): never => {
    throw new ValidationError(
      [{ field: 'cursor', message: 'this is not a cursor from this listing; start again from the first page' }],
      'page request',
    );
  };
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return refuse();
  }
  if (typeof body !== 'object' || body === null) return refuse();
  const { q, k } = body as Partial<CursorBody>;
  if (q !== query || !Array.isArray(k) || k.length !== keyLength || !k.every((x) => typeof x === 'string')) return refuse();
  return k;
}
