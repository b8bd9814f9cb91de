import Database from 'better-sqlite3';
import { ConflictError, NotFoundError, parseOrThrow, ValidationError } from '../../domain/errors';
import {
  pagedList,
  type CallOptions,
  type Collection,
  type Created,
  type CreateOptions,
  type New,
  type PageOptions,
  type PagedList,
  type Stored,
} from '../../ports/record-store.port';
import type { CollectionSpec } from './collection-specs';
import { queryPage } from './keyset-page';
import { RECORD_COLUMNS, toBody, toStored, versionCounter, type RecordRow } from './row-mappers';
import { idList, prepared } from './statements';

/** The SQL filter for "belongs to this academy" on a kind's table, one `?` for the academy id. */
export function academyFilter<T extends { id: string }>(spec: CollectionSpec<T>): string {
  const links = spec.academyLinks;
  return links ? `id IN (SELECT ${links.recordColumn} FROM ${links.table} WHERE academy_id = ?)` : 'academy_id = ?';
}

/** Records of one kind in their own table, with optimistic concurrency on a version counter. */
export function createSqliteCollection<T extends { id: string }>(
  db: Database.Database,
  spec: CollectionSpec<T>,
  newId: () => string,
): Collection<T> {
  const { table, kind } = spec;
  const extra = Object.keys(spec.columns);
  const writeColumns = ['academy_id', 'body', ...extra];

  const sql = {
    get: `SELECT ${RECORD_COLUMNS} FROM ${table} WHERE id = ?`,
    getMany: `SELECT ${RECORD_COLUMNS} FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`,
    byKey: `SELECT ${RECORD_COLUMNS} FROM ${table} WHERE idempotency_key = ?`,
    exists: `SELECT 1 FROM ${table} WHERE id = ?`,
    insert:
      `INSERT INTO ${table} (id, version, idempotency_key, ${writeColumns.join(', ')}) ` +
      `VALUES (@id, 1, @idempotency_key, ${writeColumns.map((c) => `@${c}`).join(', ')}) RETURNING ${RECORD_COLUMNS}`,
    update:
      `UPDATE ${table} SET version = version + 1, ${writeColumns.map((c) => `${c} = @${c}`).join(', ')} ` +
      `WHERE id = @id AND version = @version RETURNING ${RECORD_COLUMNS}`,
    remove: `DELETE FROM ${table} WHERE id = ? AND version = ?`,
  };

  const columnValues = (record: T): Record<string, string | null> => {
    const values: Record<string, string | null> = { id: record.id, academy_id: spec.academyIdOf(record), body: toBody(record) };
    for (const [column, valueOf] of Object.entries(spec.columns)) values[column] = valueOf(record);
    return values;
  };

  const writeLinks = (record: T): void => {
    const links = spec.academyLinks;
    if (!links) return;
    prepared(db, `DELETE FROM ${links.table} WHERE ${links.recordColumn} = ?`).run(record.id);
    const insert = prepared(db, `INSERT INTO ${links.table} (${links.recordColumn}, academy_id) VALUES (?, ?)`);
    for (const academyId of links.academyIdsOf(record)) insert.run(record.id, academyId);
  };

  const removeLinks = (id: string): void => {
    const links = spec.academyLinks;
    if (links) prepared(db, `DELETE FROM ${links.table} WHERE ${links.recordColumn} = ?`).run(id);
  };

  /** Why a guarded write touched no row: someone changed it (conflict) or it is gone. */
  const missedWrite = (id: string): Error => (prepared(db, sql.exists).get(id) ? new ConflictError(kind, id) : new NotFoundError(kind, id));

  const validate = (value: unknown): T => parseOrThrow(spec.schema, value, kind);

  // IMMEDIATE takes the write lock before the first read, so another connection on the same file
  // cannot slip the same idempotency key in between the lookup and the insert.
  const createTx = db.transaction((record: T, key: string): Created<T> => {
    const existing = prepared(db, sql.byKey).get(key) as RecordRow | undefined;
    if (existing) return { record: toStored<T>(existing), created: false };
    let row: RecordRow;
    try {
      row = prepared(db, sql.insert).get({ ...columnValues(record), idempotency_key: key }) as RecordRow;
    } catch (e) {
      // By code, not instanceof: the native error class is not shared across module registries (Jest).
      if ((e as { code?: unknown }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new ConflictError(kind, record.id, { cause: e });
      throw e;
    }
    writeLinks(record);
    return { record: toStored<T>(row), created: true };
  });

  const updateTx = db.transaction((record: T, version: string): Stored<T> => {
    const row = prepared(db, sql.update).get({ ...columnValues(record), version: versionCounter(version) }) as RecordRow | undefined;
    if (!row) throw missedWrite(record.id);
    writeLinks(record);
    return toStored<T>(row);
  });

  const removeTx = db.transaction((id: string, version: string): void => {
    const { changes } = prepared(db, sql.remove).run(id, versionCounter(version));
    if (changes === 0) throw missedWrite(id);
    removeLinks(id);
  });

  return {
    async get(id: string, options?: CallOptions): Promise<Stored<T> | undefined> {
      options?.signal?.throwIfAborted();
      const row = prepared(db, sql.get).get(id) as RecordRow | undefined;
      return row ? toStored<T>(row) : undefined;
    },

    async getMany(ids: readonly string[], options?: CallOptions): Promise<Stored<T>[]> {
      options?.signal?.throwIfAborted();
      if (ids.length === 0) return [];
      const byId = new Map((prepared(db, sql.getMany).all(idList(ids)) as RecordRow[]).map((r) => [r.id, r]));
      // In the order asked for, each once, missing ones left out (as the port says).
      return [...new Set(ids)].flatMap((id) => {
        const row = byId.get(id);
        return row ? [toStored<T>(row)] : [];
      });
    },

    async create(value: New<T>, options: CreateOptions): Promise<Created<T>> {
      options.signal?.throwIfAborted();
      const key = options.idempotencyKey;
      if (typeof key !== 'string' || key.trim() === '') {
        throw new ValidationError([{ field: 'idempotencyKey', message: 'a create needs an idempotency key' }], `${kind} create`);
      }
      const record = validate({ ...value, id: value.id ?? newId() });
      return createTx.immediate(record, key);
    },

    async update(value: Stored<T>, options?: CallOptions): Promise<Stored<T>> {
      options?.signal?.throwIfAborted();
      const { version, ...rest } = value;
      const record = validate(rest);
      return updateTx.immediate(record, version);
    },

    async remove(value: Pick<Stored<T>, 'id' | 'version'>, options?: CallOptions): Promise<void> {
      options?.signal?.throwIfAborted();
      removeTx.immediate(value.id, value.version);
    },

    list(query: { academyId?: string }, options?: PageOptions): PagedList<Stored<T>> {
      const byAcademy = query.academyId !== undefined;
      return pagedList(async (page) => {
        page.signal?.throwIfAborted();
        return queryPage<T>(
          db,
          {
            name: `${table}.list${byAcademy ? '.academy' : ''}`,
            table,
            where: byAcademy ? [academyFilter(spec)] : [],
            params: byAcademy ? [query.academyId] : [],
            orderBy: ['id'],
          },
          page,
        );
      }, options);
    },
  };
}
