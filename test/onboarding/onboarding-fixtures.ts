import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { createSqliteRecordStore, openSqliteDatabase } from '../../core/adapters/sqlite';
import { fixedClock } from '../../core/ports/clock.port';
import { type RecordStore } from '../../core/ports/record-store.port';
import { seedDemoTrust } from '../../core/seed/seed-demo-trust';
import type { ServiceDeps } from '../../core/services/service-context';

export const AT = '2026-11-23T10:00:00Z';
export const SAMPLES = join(__dirname, '../../docs/onboarding');
export const sample = (name: 'academies' | 'people'): string => readFileSync(join(SAMPLES, `${name}.sample.csv`), 'utf8');

/** The demo trust in an in-memory SQLite store, as of a fixed school day. */
export async function seededTrust(): Promise<{ deps: ServiceDeps; store: RecordStore; db: Database.Database }> {
  const db = openSqliteDatabase(':memory:');
  const store = createSqliteRecordStore(db);
  const clock = fixedClock(AT);
  await seedDemoTrust(store, clock);
  return { deps: { store, clock }, store, db };
}

export const allAcademies = (store: RecordStore) => store.academies.list({}).toArray();
export const allPeople = (store: RecordStore) => store.people.list({}).toArray();

/** Every record's id and version: equal snapshots mean nothing was written. */
export async function snapshot(store: RecordStore): Promise<string[]> {
  return [...(await allAcademies(store)), ...(await allPeople(store))].map((r) => `${r.id}@${r.version}`).sort();
}

/** A CSV text from rows, CRLF as Excel writes it. */
export const csv = (...lines: string[]): string => lines.join('\r\n') + '\r\n';
