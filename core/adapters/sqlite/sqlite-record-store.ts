import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Collection, RecordStore } from '../../ports/record-store.port';
import {
  ACADEMIES,
  ACTIONS,
  ESCALATIONS,
  INTERVENTIONS,
  KPI_DATA_POINTS,
  KPI_TARGETS,
  MEETINGS,
  MONITORING_FORMS,
  PEOPLE,
  SUPPORT_DAYS,
  type CollectionSpec,
} from './collection-specs';
import { migrate } from './migrations';
import { createSqliteCollection } from './sqlite-collection';
import { actionQueries, meetingQueries, peopleQueries } from './sqlite-queries';
import { readStatusInputs } from './status-inputs';
import { createTrustSettingsStore } from './trust-settings-store';

export interface SqliteRecordStoreOptions {
  /** Ids for records created without one; `crypto.randomUUID` unless a test wants fixed ids. */
  newId?: () => string;
}

/**
 * The record store on one SQLite connection (open it with `openSqliteDatabase`). The store owns
 * the connection from here on: `close()` closes it.
 */
export function createSqliteRecordStore(db: Database.Database, options: SqliteRecordStoreOptions = {}): RecordStore {
  // Cheap when the schema is current; covers a connection opened without `openSqliteDatabase`.
  migrate(db);
  const newId = options.newId ?? randomUUID;
  const collection = <T extends { id: string }>(spec: CollectionSpec<T>): Collection<T> => createSqliteCollection(db, spec, newId);

  return {
    trust: createTrustSettingsStore(db),
    academies: collection(ACADEMIES),
    people: { ...collection(PEOPLE), ...peopleQueries(db) },
    meetings: { ...collection(MEETINGS), ...meetingQueries(db) },
    actions: { ...collection(ACTIONS), ...actionQueries(db) },
    kpiTargets: collection(KPI_TARGETS),
    kpiDataPoints: collection(KPI_DATA_POINTS),
    interventions: collection(INTERVENTIONS),
    escalations: collection(ESCALATIONS),
    supportDays: collection(SUPPORT_DAYS),
    monitoringForms: collection(MONITORING_FORMS),

    async statusInputs(academyId, academicYear, callOptions) {
      callOptions?.signal?.throwIfAborted();
      return readStatusInputs(db, [academyId], academicYear)[0];
    },

    async statusInputsForMany(academyIds, academicYear, callOptions) {
      callOptions?.signal?.throwIfAborted();
      return readStatusInputs(db, academyIds, academicYear);
    },

    async close() {
      if (db.open) db.close();
    },
  };
}
