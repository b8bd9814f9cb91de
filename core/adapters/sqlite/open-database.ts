import Database from 'better-sqlite3';
import { migrate } from './migrations';

/** Opens (or creates) the SQLite file, sets it up for the record store, and brings its schema up to date. */
export function openSqliteDatabase(path: string): Database.Database {
  // better-sqlite3 waits this long for another connection's write lock before SQLITE_BUSY.
  const db = new Database(path, { timeout: 5000 });
  try {
    if (path !== ':memory:' && path !== '') {
      // WAL lets the tab's reads carry on while a timer writes; NORMAL is durable enough under WAL
      // (a power cut can lose the last commit, never corrupt the file).
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    // Off by default in SQLite; the person → academy links rely on ON DELETE CASCADE.
    db.pragma('foreign_keys = ON');
    migrate(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
