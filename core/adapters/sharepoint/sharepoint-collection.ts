import { NotFoundError, parseOrThrow, ValidationError } from '../../domain/errors';
import type { Person } from '../../domain/people';
import {
  pagedList,
  type CallOptions,
  type Collection,
  type Created,
  type CreateOptions,
  type New,
  type Page,
  type PageOptions,
  type PagedList,
  type Stored,
} from '../../ports/record-store.port';
import { decodeCursor, encodeCursor, resolvePageSize } from '../shared/paging';
import { checkFieldLimits, odataString } from './column-spec';
import { createOnce, findBy, removeIfMatch, storedKey, updateIfMatch, type WriteTarget } from './item-writes';
import type { ItemRecord, ListItems } from './list-items';
import { pageInMemory } from './memory-page';
import { TITLE_COLUMN, type RecordList } from './record-lists';

/** The stored record in an item: the validated JSON body, under the item's eTag as its version. */
export function toStored<T>(item: ItemRecord): Stored<T> {
  return { ...(JSON.parse(String(item.fields.Body)) as T), version: item.etag };
}

/**
 * The fields written for a record: the core columns, then the kind's own (its mapper lists them).
 * Every value is checked against its column's limit first (255 characters on one line), so a value
 * SharePoint would refuse is a `ValidationError` naming the field, before anything is sent.
 */
export function fieldsFor<T extends { id: string }>(spec: RecordList<T>, record: T): Record<string, unknown> {
  const fields = {
    Title: record.id,
    RecordId: record.id,
    AcademyId: spec.academyIdOf(record),
    Body: JSON.stringify(record),
    ...spec.fieldsOf(record),
  };
  checkFieldLimits([TITLE_COLUMN, ...spec.columns], fields, spec.kind);
  return fields;
}

export interface CollectionContext {
  items: ListItems;
  listId: string;
  newId: () => string;
}

/** Records of one kind in one SharePoint list, with optimistic concurrency on the item eTag. */
export function createSharePointCollection<T extends { id: string }>(spec: RecordList<T>, ctx: CollectionContext): Collection<T> {
  const target: WriteTarget = { items: ctx.items, listId: ctx.listId, kind: spec.kind };
  // Graph ids never change for an item, so each record's is remembered once seen; a stale entry
  // (the record removed and made again) shows up as a 404 and is looked up afresh.
  const itemIds = new Map<string, string>();
  const remember = (item: ItemRecord): ItemRecord => {
    const id = item.fields.RecordId;
    if (typeof id === 'string') itemIds.set(id, item.itemId);
    return item;
  };
  const validate = (value: unknown): T => parseOrThrow(spec.schema, value, spec.kind);

  /** The Graph id of a record, or NotFoundError. */
  const itemIdOf = async (recordId: string, signal?: AbortSignal, fresh = false): Promise<string> => {
    const known = fresh ? undefined : itemIds.get(recordId);
    if (known) return known;
    const item = await findBy(target, 'RecordId', recordId, signal);
    if (!item) throw new NotFoundError(spec.kind, recordId);
    return remember(item).itemId;
  };

  /** Runs a guarded write, looking the item up again once if the remembered id has gone. */
  const withItemId = async <R>(recordId: string, signal: AbortSignal | undefined, write: (itemId: string) => Promise<R>): Promise<R> => {
    try {
      return await write(await itemIdOf(recordId, signal));
    } catch (e) {
      if (!(e instanceof NotFoundError) || !itemIds.has(recordId)) throw e;
      itemIds.delete(recordId);
      return write(await itemIdOf(recordId, signal, true));
    }
  };

  const academyQuery = (academyId: string | undefined) =>
    // People have no single academy column: their roles decide, read from the body.
    academyId === undefined || spec.kind === 'person' ? undefined : `fields/AcademyId eq ${odataString(academyId)}`;
  const belongs = (academyId: string | undefined) => (r: Stored<T>) =>
    academyId === undefined ||
    (spec.kind === 'person' ? (r as unknown as Person).roles.some((x) => x.academyId === academyId) : spec.academyIdOf(r) === academyId);

  // One page of a listing; `list` reads these lazily.
  const listPage = async (query: { academyId?: string }, page: PageOptions): Promise<Page<Stored<T>>> => {
    page.signal?.throwIfAborted();
    const name = `${spec.displayName}.list${query.academyId === undefined ? '' : '.academy'}`;
    const filter = academyQuery(query.academyId);
    if (query.academyId !== undefined && filter === undefined) {
      // People by academy: their roles are in the body, so the list is read and filtered here.
      const items = await ctx.items.query({ listId: ctx.listId }, page.signal);
      const records = items.map((i) => toStored<T>(remember(i))).filter(belongs(query.academyId));
      return pageInMemory(name, records, (r) => [r.id], 1, page);
    }
    // Ordered by RecordId (indexed) and paged by Graph's $skiptoken, carried in our cursor: each
    // page is one GET, so 1,200 records at 500 a page are 3 GETs, not 3 for every page.
    const pageSize = resolvePageSize(page.pageSize);
    let skipToken = page.cursor === undefined ? undefined : decodeCursor(name, page.cursor, 1)[0];
    // Graph may send an empty page with a next link (concepts/paging.md): read on a little rather than hand it back.
    for (let empty = 0; ; empty++) {
      const got = await ctx.items.page(
        { listId: ctx.listId, ...(filter ? { filter } : {}), orderBy: 'RecordId', pageSize, ...(skipToken ? { skipToken } : {}) },
        page.signal,
      );
      skipToken = got.skipToken;
      if (got.items.length > 0 || !skipToken || empty >= 3) {
        const items = got.items.map((i) => toStored<T>(remember(i))).filter(belongs(query.academyId));
        return { items, ...(skipToken ? { nextCursor: encodeCursor(name, [skipToken]) } : {}) };
      }
    }
  };

  return {
    async get(id: string, options?: CallOptions) {
      options?.signal?.throwIfAborted();
      const item = await findBy(target, 'RecordId', id, options?.signal);
      return item ? toStored<T>(remember(item)) : undefined;
    },

    async getMany(ids: readonly string[], options?: CallOptions) {
      options?.signal?.throwIfAborted();
      const unique = [...new Set(ids)];
      const found = await ctx.items.queryMany(
        unique.map((id) => ({ key: id, listId: ctx.listId, filter: `fields/RecordId eq ${odataString(id)}` })),
        options?.signal,
      );
      return unique.flatMap((id) => (found.get(id) ?? []).slice(0, 1).map((item) => toStored<T>(remember(item))));
    },

    async create(value: New<T>, options: CreateOptions): Promise<Created<T>> {
      options.signal?.throwIfAborted();
      const key = options.idempotencyKey;
      if (typeof key !== 'string' || key.trim() === '') {
        throw new ValidationError([{ field: 'idempotencyKey', message: 'a create needs an idempotency key' }], `${spec.kind} create`);
      }
      const record = validate({ ...value, id: value.id ?? ctx.newId() });
      const stored = storedKey(key);
      const { item, created } = await createOnce(
        target,
        record.id,
        stored,
        { ...fieldsFor(spec, record), IdempotencyKey: stored },
        options.signal,
      );
      return { record: toStored<T>(remember(item)), created };
    },

    async update(value: Stored<T>, options?: CallOptions) {
      options?.signal?.throwIfAborted();
      const { version, ...rest } = value;
      const record = validate(rest);
      const fields = fieldsFor(spec, record);
      const etag = await withItemId(record.id, options?.signal, (itemId) =>
        updateIfMatch(target, record.id, itemId, version, fields, options?.signal),
      );
      return { ...record, version: etag };
    },

    async remove(value: Pick<Stored<T>, 'id' | 'version'>, options?: CallOptions) {
      options?.signal?.throwIfAborted();
      await withItemId(value.id, options?.signal, (itemId) => removeIfMatch(target, value.id, itemId, value.version, options?.signal));
      itemIds.delete(value.id);
    },

    list(query: { academyId?: string }, options?: PageOptions): PagedList<Stored<T>> {
      return pagedList((page) => listPage(query, page), options);
    },
  };
}
