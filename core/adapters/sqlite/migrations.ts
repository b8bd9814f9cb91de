import type Database from 'better-sqlite3';

/** One step of the schema; its SQL is frozen once shipped, so a later change is a new migration. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/*
 * Every record kind gets one table: the whole record as JSON in `body`, plus the columns the port's
 * queries filter or order on, copied out of the record on every write and indexed. People have no
 * single academy (a person may hold roles at several), so `person_academies` links them instead.
 * Records do not reference academies by foreign key: the port promises no referential rules (the
 * SharePoint lists do not enforce them either), and an import must be free to load in any order.
 */
const RECORD_TABLES = `
CREATE TABLE academies (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  idempotency_key TEXT UNIQUE,
  academy_id TEXT,
  body TEXT NOT NULL
);
CREATE INDEX academies_by_academy ON academies (academy_id, id);

CREATE TABLE people (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  idempotency_key TEXT UNIQUE,
  academy_id TEXT,
  email TEXT NOT NULL,
  entra_object_id TEXT,
  body TEXT NOT NULL
);
CREATE INDEX people_by_email ON people (email, id);
CREATE INDEX people_by_entra_object_id ON people (entra_object_id, id);

CREATE TABLE person_academies (
  person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  academy_id TEXT NOT NULL,
  PRIMARY KEY (academy_id, person_id)
) WITHOUT ROWID;
CREATE INDEX person_academies_by_person ON person_academies (person_id);

CREATE TABLE meetings (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  idempotency_key TEXT UNIQUE,
  academy_id TEXT,
  academic_year TEXT NOT NULL,
  date TEXT NOT NULL,
  status TEXT NOT NULL,
  earliest_open_paper_due TEXT,
  body TEXT NOT NULL
);
CREATE INDEX meetings_by_academy ON meetings (academy_id, id);
CREATE INDEX meetings_by_date ON meetings (date, id);
CREATE INDEX meetings_by_academy_date ON meetings (academy_id, date, id);
CREATE INDEX meetings_by_academy_year ON meetings (academy_id, academic_year, date, id);
CREATE INDEX meetings_open_papers ON meetings (status, earliest_open_paper_due);

CREATE TABLE actions (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  idempotency_key TEXT UNIQUE,
  academy_id TEXT,
  owner_id TEXT NOT NULL,
  status TEXT NOT NULL,
  due_date TEXT NOT NULL,
  completed_on TEXT,
  body TEXT NOT NULL
);
CREATE INDEX actions_by_academy ON actions (academy_id, id);
CREATE INDEX actions_open_by_owner ON actions (owner_id, due_date, id) WHERE status IN ('open', 'in-progress');
CREATE INDEX actions_by_academy_status ON actions (academy_id, status, completed_on);

CREATE TABLE kpi_targets (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  idempotency_key TEXT UNIQUE,
  academy_id TEXT,
  academic_year TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX kpi_targets_by_academy ON kpi_targets (academy_id, id);
CREATE INDEX kpi_targets_by_academy_year ON kpi_targets (academy_id, academic_year, id);

CREATE TABLE kpi_data_points (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  idempotency_key TEXT UNIQUE,
  academy_id TEXT,
  academic_year TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX kpi_data_points_by_academy ON kpi_data_points (academy_id, id);
CREATE INDEX kpi_data_points_by_academy_year ON kpi_data_points (academy_id, academic_year, id);

CREATE TABLE interventions (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  idempotency_key TEXT UNIQUE,
  academy_id TEXT,
  body TEXT NOT NULL
);
CREATE INDEX interventions_by_academy ON interventions (academy_id, id);

CREATE TABLE escalations (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  idempotency_key TEXT UNIQUE,
  academy_id TEXT,
  body TEXT NOT NULL
);
CREATE INDEX escalations_by_academy ON escalations (academy_id, id);

CREATE TABLE support_days (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  idempotency_key TEXT UNIQUE,
  academy_id TEXT,
  date TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX support_days_by_academy ON support_days (academy_id, id);
CREATE INDEX support_days_by_academy_date ON support_days (academy_id, date, id);

CREATE TABLE monitoring_forms (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  idempotency_key TEXT UNIQUE,
  academy_id TEXT,
  body TEXT NOT NULL
);
CREATE INDEX monitoring_forms_by_academy ON monitoring_forms (academy_id, id);

-- A trust has one settings record; the CHECK keeps it to one row.
CREATE TABLE trust_settings (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  body TEXT NOT NULL
);
`;

/** Who changed which record, when and how: appended on every write, read newest first per record. */
const AUDIT_LOG = `
CREATE TABLE audit_log (
  id TEXT PRIMARY KEY,
  record_kind TEXT NOT NULL,
  record_id TEXT NOT NULL,
  at TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX audit_log_by_record ON audit_log (record_kind, record_id, at, id);
`;

/** The schema's history, oldest first; `PRAGMA user_version` records the last one applied. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'one table per record kind', up: (db) => db.exec(RECORD_TABLES) },
  { version: 2, name: 'audit log', up: (db) => db.exec(AUDIT_LOG) },
  // The overdue-papers query went (the sweep reads meetings by date range), and with it the column it filtered on.
  {
    version: 3,
    name: 'no overdue-papers column',
    up: (db) => db.exec('DROP INDEX IF EXISTS meetings_open_papers; ALTER TABLE meetings DROP COLUMN earliest_open_paper_due;'),
  },
];

/** The schema version this code writes. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.reduce((n, m) => Math.max(n, m.version), 0);

/** The schema version a database is at (0 for a new file). */
export const schemaVersionOf = (db: Database.Database): number => db.pragma('user_version', { simple: true }) as number;

/** Applies the migrations a database has not had yet, each in its own transaction; an up-to-date database is left untouched. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): { from: number; to: number } {
  const from = schemaVersionOf(db);
  const latest = migrations.reduce((n, m) => Math.max(n, m.version), 0);
  if (from > latest) {
    throw new Error(`The database is at schema version ${from} but this app knows only up to ${latest}; update the app before opening it`);
  }
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (m.version <= from) continue;
    // IMMEDIATE takes the write lock before re-reading the version, so two processes opening the
    // same new file at once cannot both apply a migration.
    db.transaction(() => {
      if (schemaVersionOf(db) >= m.version) return;
      m.up(db);
      db.pragma(`user_version = ${Math.trunc(m.version)}`);
    }).immediate();
  }
  return { from, to: schemaVersionOf(db) };
}
