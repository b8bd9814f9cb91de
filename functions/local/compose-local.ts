import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import pino, { type Logger } from 'pino';
import { createSqliteRecordStore, openSqliteDatabase } from '../../core/adapters/sqlite';
import { seedDemoTrust, type SeedSummary } from '../../core/seed/seed-demo-trust';
import type { Clock } from '../../core/ports/clock.port';
import type { RecordStore } from '../../core/ports/record-store.port';
import { createApiHandler } from '../api/api-handler';
import type { AppConfig } from '../config/app-config';
import { devIdentity } from './dev-identity';
import { createLocalHost } from './local-host';

export interface LocalApp {
  app: ReturnType<typeof createLocalHost>;
  store: RecordStore;
  logger: Logger;
  seeded?: SeedSummary;
  close(): Promise<void>;
}

/** Wires the local stack once: SQLite store (migrated on open), the demo trust on first run, the API with the dev identity. */
export async function composeLocal(config: AppConfig, clock: Clock, options: { logger?: Logger } = {}): Promise<LocalApp> {
  const logger = options.logger ?? pino({ level: config.LOG_LEVEL });
  if (config.TRUST_STORE !== 'sqlite') throw new Error('The local host runs on the embedded SQLite store; SharePoint is configured for the Azure deployment');
  if (config.TRUST_DB !== ':memory:') mkdirSync(dirname(config.TRUST_DB), { recursive: true });
  const db = openSqliteDatabase(config.TRUST_DB);
  const store = createSqliteRecordStore(db);
  const seeded = (await store.trust.get()) ? undefined : await seedDemoTrust(store, clock);
  const deps = { store, clock };
  const api = createApiHandler({ deps, identify: devIdentity(store, config.TRUST_MODE), logger });
  const app = createLocalHost({
    api,
    logger,
    health: async () => {
      const trust = await store.trust.get();
      return { status: 'ok', store: 'sqlite', trust: trust?.name ?? null, time: clock.now().toISOString() };
    },
  });
  return { app, store, logger, ...(seeded ? { seeded } : {}), close: () => store.close() };
}
