import { createSqliteRecordStore, openSqliteDatabase } from '../../core/adapters/sqlite';
import type { Person } from '../../core/domain/people';
import { fixedClock } from '../../core/ports/clock.port';
import type { RecordStore } from '../../core/ports/record-store.port';
import { seedDemoTrust } from '../../core/seed/seed-demo-trust';
import type { ServiceDeps } from '../../core/services/service-context';

export const AT = '2026-11-23T10:00:00Z';

/** The demo trust in an in-memory SQLite store, as of a fixed school day, for calling services directly. */
export async function demoTrust(): Promise<{ deps: ServiceDeps; store: RecordStore; person: (id: string) => Promise<Person> }> {
  const store = createSqliteRecordStore(openSqliteDatabase(':memory:'));
  const clock = fixedClock(AT);
  await seedDemoTrust(store, clock);
  const person = async (id: string): Promise<Person> => {
    const found = await store.people.get(id);
    if (!found) throw new Error(`no person ${id} in the demo trust`);
    return found;
  };
  return { deps: { store, clock }, store, person };
}
