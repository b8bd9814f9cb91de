import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createLocalPaperFiles } from '../../core/adapters/local-papers/local-paper-files';
import { createIcsCalendar } from '../../core/adapters/ics-calendar';
import { currentYearRange, syncCalendar } from '../../core/services/calendar-sync.service';
import { dirname, join } from 'node:path';
import pino, { type Logger } from 'pino';
import { createSqliteAuditLog, createSqliteRecordStore, openSqliteDatabase } from '../../core/adapters/sqlite';
import { randomUUID } from 'node:crypto';
import { seedDemoTrust, type SeedSummary } from '../../core/seed/seed-demo-trust';
import type { Clock } from '../../core/ports/clock.port';
import type { RecordStore } from '../../core/ports/record-store.port';
import { createApiHandler } from '../api/api-handler';
import { createTrustServices, type TrustServices } from '../../core/services/trust-services';
import { composeBot, type ComposedBot, type BotOptions } from '../../bot/compose-bot';
import { devIdentityEnabled, type AppConfig } from '../config/app-config';
import { createRateLimits, rateLimitSettingsFrom, type RateLimits } from '../security/rate-limits';
import { allowedHostNames } from '../security/host-guard';
import type { AuditLog } from '../../core/ports/audit-log.port';
import type { Calendar } from '../../core/ports/calendar.port';
import type { ServiceDeps } from '../../core/services/service-context';
import { localIdentity } from './local-identity';
import { teamsDeepLinks } from '../../bot/cards/card-links';
import type { JWTVerifyGetKey } from 'jose';
import { createLocalHost } from './local-host';
import { TAB_DIST_DIR } from './tab-dist';

export interface LocalApp {
  app: ReturnType<typeof createLocalHost>;
  store: RecordStore;
  logger: Logger;
  seeded?: SeedSummary;
  bot: ComposedBot;
  /** What the Azure Functions entry points need when `func start` runs in local mode. */
  api: ReturnType<typeof createApiHandler>;
  deps: ServiceDeps;
  services: TrustServices;
  calendar: Calendar;
  audit: AuditLog;
  /** The rate limits of this host (API by person and address, refused sign-ins, the bot). */
  limits: RateLimits;
  close(): Promise<void>;
}

/** Wires the local stack once: SQLite store (migrated on open), the demo trust on first run, the API with the dev identity. */
export async function composeLocal(
  config: AppConfig,
  clock: Clock,
  options: {
    logger?: Logger;
    bot?: BotOptions;
    /** Tests only: the tenant's keys for SSO tokens. */ sso?: { jwks: JWTVerifyGetKey; issuer: string };
  } = {},
): Promise<LocalApp> {
  const logger = options.logger ?? pino({ level: config.LOG_LEVEL });
  if (config.TRUST_STORE !== 'sqlite')
    throw new Error('The local host runs on the embedded SQLite store; SharePoint is configured for the Azure deployment');
  if (config.TRUST_DB !== ':memory:') mkdirSync(dirname(config.TRUST_DB), { recursive: true });
  const db = openSqliteDatabase(config.TRUST_DB);
  const store = createSqliteRecordStore(db);
  const seeded = (await store.trust.get()) ? undefined : await seedDemoTrust(store, clock);
  // The local calendar: `.ics` files beside the database, a feed per person at /calendar/<id>.ics; the planner's changes follow into it.
  const calendarDir =
    config.TRUST_DB === ':memory:' ? mkdtempSync(join(tmpdir(), 'trust-calendar-')) : join(dirname(config.TRUST_DB), 'calendar');
  const calendar = createIcsCalendar({ dir: calendarDir, joinUrlFor: (id) => `http://localhost:${config.PORT}/tab/meeting/${id}` });
  const deps = { store, clock, calendar, logger };
  const calendarSync = await syncCalendar(deps, calendar, await currentYearRange(deps));
  if (calendarSync.failures.length > 0) logger.warn({ failures: calendarSync.failures }, 'some meetings are not in the local calendar yet');
  // Papers sit beside the database (a temporary folder for an in-memory one), never served as a folder:
  // each file is opened through the API, which checks role × academy and serves it as a download.
  const base = (config.PUBLIC_BASE_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, '');
  const papersDir =
    config.TRUST_DB === ':memory:' ? mkdtempSync(join(tmpdir(), 'trust-papers-')) : join(dirname(config.TRUST_DB), 'papers');
  const papers = createLocalPaperFiles({
    dir: papersDir,
    links: {
      file: (meetingId, name) => `${base}/api/meetings/${encodeURIComponent(meetingId)}/papers/files/${encodeURIComponent(name)}`,
      folder: (meetingId) => `${base}/tab/meeting/${encodeURIComponent(meetingId)}/papers`,
    },
  });
  // Each person's private feed at /calendar/<token>.ics (calendar apps cannot send a header, so the token is the key).
  const calendarFeeds = { baseUrl: base, feedFor: (email: string) => calendar.feedFor(email) };
  // The one door: every request and bot turn opens a session on it, audited in SQLite. The reminder
  // delivery ledger and queue (when Azurite runs) back the admin's deliveries panel.
  const audit = createSqliteAuditLog(db);
  const delivery = options.bot?.delivery;
  const services = createTrustServices({
    ...deps,
    audit: { log: audit, newId: randomUUID },
    papers,
    calendarFeeds,
    ...(delivery ? { deliveries: { queue: delivery.queue, ledger: delivery.ledger } } : {}),
  });
  const limits = createRateLimits(rateLimitSettingsFrom(config));
  const api = createApiHandler({ services, identify: localIdentity(services, config, options.sso), logger, limits });
  // F5 "Debug in Teams": the dev bot registration answers real Teams through a tunnel, and cards link into the Teams tab.
  // Any bot app id means botbuilder demands a Bot Framework token on every activity (even without a password to reply with).
  const credentials = config.BOT_ID
    ? {
        appId: config.BOT_ID,
        ...(config.BOT_PASSWORD ? { appPassword: config.BOT_PASSWORD } : {}),
        appType: config.BOT_TYPE,
        ...(config.AZURE_TENANT_ID ? { tenantId: config.AZURE_TENANT_ID } : {}),
      }
    : undefined;
  const links =
    config.TEAMS_APP_ID && config.PUBLIC_BASE_URL
      ? teamsDeepLinks({ teamsAppId: config.TEAMS_APP_ID, tabBase: `${config.PUBLIC_BASE_URL.replace(/\/$/, '')}/tab` })
      : undefined;
  const bot = await composeBot({
    services,
    baseUrl: `http://localhost:${config.PORT}`,
    logger,
    ...(credentials ? { credentials } : {}),
    ...(links ? { links } : {}),
    ...options.bot,
  });
  const app = createLocalHost({
    api,
    logger,
    messages: (req, res) => bot.handle(req, res),
    calendarFeed: (token) => services.calendarFeed(token),
    limits,
    allowedHosts: allowedHostNames(config),
    health: async () => ({ status: 'ok', store: 'sqlite', trust: await services.health(), time: clock.now().toISOString() }),
    tab: {
      dir: TAB_DIST_DIR,
      // Plain local mode only: the dev identity switcher lists everyone, so never once a tunnel, SSO or a bot id is configured.
      ...(devIdentityEnabled(config) ? { devPeople: () => services.devPeople() } : {}),
    },
  });
  return {
    app,
    store,
    logger,
    bot,
    api,
    deps,
    services,
    calendar,
    audit,
    limits,
    ...(seeded ? { seeded } : {}),
    close: async () => {
      await bot.close();
      await store.close();
    },
  };
}
