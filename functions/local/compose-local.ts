import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createLocalPaperFiles } from '../../core/adapters/local-papers/local-paper-files';
import { dirname, join } from 'node:path';
import pino, { type Logger } from 'pino';
import { createSqliteAuditLog, createSqliteRecordStore, openSqliteDatabase } from '../../core/adapters/sqlite';
import { randomUUID } from 'node:crypto';
import { seedDemoTrust, type SeedSummary } from '../../core/seed/seed-demo-trust';
import type { Clock } from '../../core/ports/clock.port';
import { allPages, collect, type RecordStore } from '../../core/ports/record-store.port';
import { createApiHandler } from '../api/api-handler';
import { composeBot, type LocalBot, type LocalBotOptions } from '../../bot/local/compose-bot';
import type { AppConfig } from '../config/app-config';
import { devIdentity } from './dev-identity';
import { createLocalHost } from './local-host';
import { TAB_DIST_DIR } from './tab-dist';

export interface LocalApp {
  app: ReturnType<typeof createLocalHost>;
  store: RecordStore;
  logger: Logger;
  seeded?: SeedSummary;
  bot: LocalBot;
  close(): Promise<void>;
}

/** Wires the local stack once: SQLite store (migrated on open), the demo trust on first run, the API with the dev identity. */
export async function composeLocal(config: AppConfig, clock: Clock, options: { logger?: Logger; bot?: LocalBotOptions } = {}): Promise<LocalApp> {
  const logger = options.logger ?? pino({ level: config.LOG_LEVEL });
  if (config.TRUST_STORE !== 'sqlite') throw new Error('The local host runs on the embedded SQLite store; SharePoint is configured for the Azure deployment');
  if (config.TRUST_DB !== ':memory:') mkdirSync(dirname(config.TRUST_DB), { recursive: true });
  const db = openSqliteDatabase(config.TRUST_DB);
  const store = createSqliteRecordStore(db);
  const seeded = (await store.trust.get()) ? undefined : await seedDemoTrust(store, clock);
  const deps = { store, clock };
  // Papers sit beside the database (a temporary folder for an in-memory one), served at /papers.
  const papersDir = config.TRUST_DB === ':memory:' ? mkdtempSync(join(tmpdir(), 'trust-papers-')) : join(dirname(config.TRUST_DB), 'papers');
  const papers = createLocalPaperFiles({ dir: papersDir, baseUrl: `http://localhost:${config.PORT}/papers` });
  const api = createApiHandler({ deps, identify: devIdentity(store, config.TRUST_MODE), logger, audit: { log: createSqliteAuditLog(db), newId: randomUUID }, papers });
  const bot = await composeBot({ store, clock, baseUrl: `http://localhost:${config.PORT}`, logger, ...options.bot });
  const app = createLocalHost({
    api,
    logger,
    messages: bot.handle,
    papersDir,
    health: async () => {
      const trust = await store.trust.get();
      return { status: 'ok', store: 'sqlite', trust: trust?.name ?? null, time: clock.now().toISOString() };
    },
    tab: {
      dir: TAB_DIST_DIR,
      // Local mode only (composeLocal refuses anything else): the tab's dev identity switcher lists the seeded people.
      devPeople: async () => (await collect(allPages((p) => store.people.list({}, p)))).map((p) => ({ id: p.id, name: p.name, jobTitle: p.jobTitle })),
    },
  });
  return { app, store, logger, bot, ...(seeded ? { seeded } : {}), close: async () => { await bot.close(); await store.close(); } };
}
