import { NotFoundError, parseOrThrow, ValidationError } from '../../domain/errors';
import type { Person } from '../../domain/people';
import type { CallOptions, Collection, Created, CreateOptions, New, Page, PageOptions, Stored } from '../../ports/record-store.port';
import { odataString } from './column-spec';
import { createOnce, findBy, removeIfMatch, updateIfMatch, type WriteTarget } from './item-writes';
import type { ItemRecord, ListItems } from './list-items';
import { pageInMemory } from './memory-page';
import type { RecordList } from './record-lists';

/** The stored record in an item: the validated JSON body, under the item's eTag as its version. */
export function toStored<T>(item: ItemRecord): Stored<T> {
  return { ...(JSON.parse(String(item.fields.Body)) as T), version: item.etag };
}

/** The fields written for a record: the core columns, then the kind's own (its mapper lists them). */
export function fieldsFor<T extends { id: string }>(spec: RecordList<T>, record: T): Record<string, unknown> {
  return { Title: record.id, RecordId: record.id, AcademyId: spec.academyIdOf(record), Body: JSON.stringify(record), ...spec.fieldsOf(record) };
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
    academyId === undefined || (spec.kind === 'person' ? (r as unknown as Person).roles.some((x) => x.academyId === academyId) : spec.academyIdOf(r) === academyId);

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
      const { item, created } = await createOnce(target, record.id, key, { ...fieldsFor(spec, record), IdempotencyKey: key }, options.signal);
      return { record: toStored<T>(remember(item)), created };
    },

    async update(value: Stored<T>, options?: CallOptions) {
      options?.signal?.throwIfAborted();
      const { version, ...rest } = value;
      const record = validate(rest);
      const fields = fieldsFor(spec, record);
      const etag = await withItemId(record.id, options?.signal, (itemId) => updateIfMatch(target, record.id, itemId, version, fields, options?.signal));
      return { ...record, version: etag } as Stored<T>;
    },

    async remove(value: Pick<Stored<T>, 'id' | 'version'>, options?: CallOptions) {
      options?.signal?.throwIfAborted();
      await withItemId(value.id, options?.signal, (itemId) => removeIfMatch(target, value.id, itemId, value.version, options?.signal));
      itemIds.delete(value.id);
    },

    async list(query: { academyId?: string }, page?: PageOptions): Promise<Page<Stored<T>>> {
      page?.signal?.throwIfAborted();
      const filter = academyQuery(query.academyId);
      const items = await ctx.items.query({ listId: ctx.listId, ...(filter ? { filter } : {}) }, page?.signal);
      const records = items.map((i) => toStored<T>(remember(i))).filter(belongs(query.academyId));
      return pageInMemory(`${spec.displayName}.list${query.academyId === undefined ? '' : '.academy'}`, records, (r) => [r.id], 1, page);
    },
  };
}
