import type Database from 'better-sqlite3';

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** The prepared statement for `sql` on this connection, prepared once and reused (preparing is the costly part). */
export function prepared(db: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

/** Binds a list of ids as one JSON parameter (`IN (SELECT value FROM json_each(?))`), so any number of ids is one statement. */
export const idList = (ids: readonly string[]): string => JSON.stringify([...new Set(ids)]);
