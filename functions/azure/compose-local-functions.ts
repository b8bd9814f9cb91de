import type { Logger } from 'pino';
import { storageAccountFromSettings } from '../../core/adapters/azure-storage/storage-account';
import { systemClock, type Clock } from '../../core/ports/clock.port';
import { createAzureReminderQueue } from '../../core/adapters/azure-storage/azure-reminder-queue';
import { createTableDeliveryLedger } from '../../core/adapters/azure-storage/table-delivery-ledger';
import { createTableStorage } from '../../core/adapters/azure-storage/table-conversation-references';
import type { AppConfig } from '../config/app-config';
import { composeLocal } from '../local/compose-local';
import { createAppLogger } from '../observability/app-logger';
import type { FunctionsApp } from './compose-production';

/** The Storage emulator's well-known connection string (Azurite on its default ports), as `func start` users run it. */
export const DEVELOPMENT_STORAGE = 'UseDevelopmentStorage=true';

/**
 * `func start` on the embedded default (TRUST_MODE=local): the same wiring as `npm start`
 * (SQLite with the demo trust, the dev identity, `.ics` calendar, local papers) behind the same
 * function definitions, with the reminder queue, ledger and conversation references on Azurite
 * (`AzureWebJobsStorage`, the emulator by default). The queue trigger delivers, so no local consumer runs.
 */
export async function composeLocalFunctions(config: AppConfig, options: { logger?: Logger; clock?: Clock } = {}): Promise<FunctionsApp> {
  const logger = options.logger ?? createAppLogger(config.LOG_LEVEL);
  const storage = storageAccountFromSettings(config) ?? DEVELOPMENT_STORAGE;
  const insecure = { allowInsecureConnection: true };
  const [tables, queue, ledger] = await Promise.all([
    createTableStorage(storage, insecure),
    createAzureReminderQueue(storage, config.REMINDER_QUEUE),
    createTableDeliveryLedger(storage, insecure),
  ]);
  const local = await composeLocal(config, options.clock ?? systemClock, {
    logger,
    bot: { storage: tables, delivery: { queue, ledger, consumer: false } },
  });
  const { bot } = local;
  if (!bot.deliverer) throw new Error('the local bot was composed without its reminder deliverer');
  return {
    config,
    logger,
    store: local.store,
    deps: local.deps,
    services: local.services,
    audit: local.audit,
    calendar: local.calendar,
    references: bot.references,
    queue,
    ledger,
    deliverer: bot.deliverer,
    storage,
    sender: bot.sender,
    botDeps: bot.deps,
    api: local.api,
    messages: (req, res) => bot.handle(req, res),
    close: () => local.close(),
  };
}
