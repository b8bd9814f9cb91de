import { randomUUID } from 'node:crypto';
import type { JWTVerifyGetKey } from 'jose';
import type { Logger } from 'pino';
import { createGraphCalendar } from '../../core/adapters/graph-calendar/graph-calendar';
import { createGraphTeamsAppInstaller } from '../../core/adapters/graph-teams/graph-teams-app-installer';
import type { GraphClient } from '../../core/adapters/graph/graph-client';
import type { ThrottleGate } from '../../core/ports/throttle-gate.port';
import { createSharePointPaperFiles } from '../../core/adapters/sharepoint/sharepoint-paper-files';
import { createSharePointRecordStore } from '../../core/adapters/sharepoint/sharepoint-record-store';
import { createTableAuditLog } from '../../core/adapters/table-audit/table-audit-log';
import type { AuditLog } from '../../core/ports/audit-log.port';
import type { Calendar } from '../../core/ports/calendar.port';
import { systemClock, type Clock } from '../../core/ports/clock.port';
import type { RecordStore } from '../../core/ports/record-store.port';
import type { TeamsAppInstaller } from '../../core/ports/teams-app-installer.port';
import type { ServiceDeps } from '../../core/services/service-context';
import type { BotDeps } from '../../bot/conversation/bot-types';
import { composeBot } from '../../bot/compose-bot';
import { teamsDeepLinks } from '../../bot/cards/card-links';
import type { ProactiveSender } from '../../bot/proactive/proactive-sender';
import type { ReminderDeliverer } from '../../bot/proactive/reminder-delivery';
import { createTableStorage } from '../../core/adapters/azure-storage/table-conversation-references';
import { createAzureReminderQueue } from '../../core/adapters/azure-storage/azure-reminder-queue';
import { createTableDeliveryLedger } from '../../core/adapters/azure-storage/table-delivery-ledger';
import type { ReminderQueue } from '../../core/ports/reminder-queue.port';
import type { DeliveryLedger } from '../../core/ports/delivery-ledger.port';
import { teamsChatReference } from '../../bot/proactive/teams-chat-reference';
import { TEAMS_LIMITS } from '../../core/services/delivery/send-decisions';
import { storageAccountFromSettings } from '../../core/adapters/azure-storage/storage-account';
import { createTableThrottleGate } from '../../core/adapters/azure-storage/table-throttle-gate';
import { createTrustServices, type TrustServices } from '../../core/services/trust-services';
import type { ConversationReferenceStore } from '../../core/ports/conversation-references.port';
import { createApiHandler } from '../api/api-handler';
import type { ApiRequest, ApiResponse } from '../api/api-types';
import { createTeamsSsoValidator, teamsSsoIdentity } from '../auth/teams-sso';
import { graphClientFromConfig } from '../config/graph-connection';
import type { AppConfig } from '../config/app-config';
import { createAppLogger } from '../observability/app-logger';
import { createRateLimits, rateLimitSettingsFrom } from '../security/rate-limits';
import type { HostRequest, HostResponse } from '../../bot/hosting/botbuilder-host';

/** What tests (and only tests) may put in place of the tenant: a Graph-compatible server, its own signing keys, Azurite. */
export interface ProductionOverrides {
  /** A client, or one built on the composition's shared throttle gate (to test that every instance backs off together). */
  graph?: GraphClient | ((gate: ThrottleGate) => GraphClient);
  sso?: { jwks: JWTVerifyGetKey; issuer: string };
  clock?: Clock;
  logger?: Logger;
  /** Azurite speaks plain HTTP on loopback. */
  allowInsecureStorage?: boolean;
}

/** What the Azure Functions need, whichever composition built it (production, or local mode under `func start`). */
export interface FunctionsApp {
  config: AppConfig;
  logger: Logger;
  store: RecordStore;
  deps: ServiceDeps;
  services: TrustServices;
  audit: AuditLog;
  calendar: Calendar;
  installer?: TeamsAppInstaller;
  references: ConversationReferenceStore;
  queue: ReminderQueue;
  ledger: DeliveryLedger;
  /** One per worker: it holds the limiter that keeps the app within Teams' rate limits. */
  deliverer: ReminderDeliverer;
  storage: NonNullable<ReturnType<typeof storageAccountFromSettings>>;
  sender: ProactiveSender;
  botDeps: BotDeps;
  api(req: ApiRequest): Promise<ApiResponse>;
  messages(req: HostRequest, res: HostResponse): Promise<void>;
  close(): Promise<void>;
}

/**
 * The production wiring, built once per Functions worker: records in SharePoint through Graph, the
 * audit trail and the bot's conversation references in the app's Table storage, and every API call
 * identified by its Teams SSO token only. There is no dev identity here: a request that names a
 * person in a header is just a request without a token (401).
 */
export async function composeProduction(config: AppConfig, overrides: ProductionOverrides = {}): Promise<FunctionsApp> {
  if (config.TRUST_MODE !== 'production') throw new Error('composeProduction needs TRUST_MODE=production (the local host is `npm start`)');
  const need = <K extends keyof AppConfig>(key: K): NonNullable<AppConfig[K]> => {
    const v = config[key];
    if (v === undefined || v === null || v === '') throw new Error(`production needs ${String(key)}`);
    return v;
  };
  const logger = overrides.logger ?? createAppLogger(config.LOG_LEVEL);
  const clock = overrides.clock ?? systemClock;
  const storage = storageAccountFromSettings(config);
  if (!storage) throw new Error('production needs AzureWebJobsStorage__accountName or AzureWebJobsStorage');
  const tableOptions = overrides.allowInsecureStorage ? { allowInsecureConnection: true } : {};
  // Every instance backs off together: one instance's 429 closes the gate in Table storage for all.
  const gate = createTableThrottleGate(storage, {
    ...tableOptions,
    onError: (error) => logger.warn({ err: error }, 'throttle gate unreachable; going on from what this instance knows'),
  });
  const graph =
    typeof overrides.graph === 'function' ? overrides.graph(gate) : (overrides.graph ?? graphClientFromConfig(config, { gate }));

  const [store, audit, tables, queue, ledger] = await Promise.all([
    createSharePointRecordStore({ client: graph, site: { url: need('SHAREPOINT_SITE_URL') } }),
    createTableAuditLog(storage, tableOptions),
    createTableStorage(storage, tableOptions),
    createAzureReminderQueue(storage, config.REMINDER_QUEUE),
    createTableDeliveryLedger(storage, tableOptions),
  ]);
  const calendar = createGraphCalendar({ client: graph, mailbox: need('ORGANISER_MAILBOX') });
  const installer = config.TEAMS_APP_CATALOG_ID
    ? createGraphTeamsAppInstaller({ client: graph, teamsAppId: config.TEAMS_APP_CATALOG_ID })
    : undefined;
  const papers = createSharePointPaperFiles({ client: graph, siteUrl: need('SHAREPOINT_SITE_URL') });
  const deps: ServiceDeps = { store, clock, calendar, logger };

  const tenantId = need('AZURE_TENANT_ID');
  const validate = createTeamsSsoValidator({
    tenantId,
    audiences: [need('SSO_APP_ID_URI'), need('AZURE_CLIENT_ID')],
    ...(overrides.sso ? { jwks: overrides.sso.jwks, issuer: overrides.sso.issuer } : {}),
  });
  const services = createTrustServices({ ...deps, audit: { log: audit, newId: randomUUID }, papers, deliveries: { queue, ledger } });
  const identify = teamsSsoIdentity(services, validate, (reason) => logger.warn({ reason }, 'SSO token refused'));
  const api = createApiHandler({ services, identify, logger, limits: createRateLimits(rateLimitSettingsFrom(config)) });

  const publicBase = need('PUBLIC_BASE_URL').replace(/\/$/, '');
  const botId = need('BOT_ID');
  const bot = await composeBot({
    services,
    baseUrl: publicBase,
    logger,
    mode: 'production',
    storage: tables,
    delivery: { queue, ledger, consumer: false },
    credentials: { appId: botId, ...(config.BOT_PASSWORD ? { appPassword: config.BOT_PASSWORD } : {}), tenantId, appType: config.BOT_TYPE },
    links: teamsDeepLinks({ teamsAppId: config.TEAMS_APP_ID, tabBase: `${publicBase}/tab` }),
    limits: {
      perTenantPerSecond: config.REMINDER_SENDS_PER_SECOND,
      perConversationPerSecond: TEAMS_LIMITS.perConversation.per2Seconds / 2,
      perConversationPer30Seconds: TEAMS_LIMITS.perConversation.per30Seconds,
    },
    ...(installer
      ? {
          install: {
            installer,
            referenceForChat: (chatId, person) => teamsChatReference(chatId, person, { botId, tenantId, now: () => clock.now() }),
          },
        }
      : {}),
  });
  if (!bot.deliverer) throw new Error('the bot was composed without its reminder deliverer');

  return {
    config,
    logger,
    store,
    deps,
    services,
    audit,
    calendar,
    ...(installer ? { installer } : {}),
    references: bot.references,
    queue,
    ledger,
    deliverer: bot.deliverer,
    storage,
    sender: bot.sender,
    botDeps: bot.deps,
    api,
    messages: (req, res) => bot.handle(req, res),
    async close() {
      await bot.close();
      await store.close();
    },
  };
}
