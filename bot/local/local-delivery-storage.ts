import { createAzureReminderQueue } from '../../core/adapters/azure-storage/azure-reminder-queue';
import { createTableDeliveryLedger } from '../../core/adapters/azure-storage/table-delivery-ledger';
import { createTableStorage } from '../../core/adapters/azure-storage/table-conversation-references';
import type { BotOptions } from '../compose-bot';
import { startAzuriteStorage, type RunningAzuriteStorage } from './azurite';

export interface LocalDeliveryStorage {
  azurite: RunningAzuriteStorage;
  storage: NonNullable<BotOptions['storage']>;
  delivery: NonNullable<BotOptions['delivery']>;
}

/**
 * Azurite's table and queue services on loopback, and on them what the bot keeps in Azure Storage in
 * production: conversation references, the sent log, the reminder queue and its delivery ledger.
 * Data is kept in `location` (in memory when absent). Rejects when Azurite cannot start.
 */
export async function startLocalDeliveryStorage(
  options: { tablePort?: number; queuePort?: number; location?: string; timeoutMs?: number } = {},
): Promise<LocalDeliveryStorage> {
  const azurite = await startAzuriteStorage(options);
  try {
    const storage = await createTableStorage(azurite.connectionString, { allowInsecureConnection: true });
    const delivery = {
      queue: await createAzureReminderQueue(azurite.connectionString),
      ledger: await createTableDeliveryLedger(azurite.connectionString, { allowInsecureConnection: true }),
    };
    return { azurite, storage, delivery };
  } catch (e) {
    await azurite.stop();
    throw e;
  }
}
