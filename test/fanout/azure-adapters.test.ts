import type { RunningAzuriteStorage } from '../../bot/local/azurite';
import { createAzureReminderQueue } from '../../core/adapters/azure-storage/azure-reminder-queue';
import { createTableDeliveryLedger } from '../../core/adapters/azure-storage/table-delivery-ledger';
import { deliveryLedgerContract } from './contracts/delivery-ledger.contract';
import { reminderQueueContract } from './contracts/reminder-queue.contract';
import { startStorage } from './support/fanout-stack';

/** The Azure Storage adapters of both ports, against Azurite's queue and table services on free loopback ports. */
let azurite: RunningAzuriteStorage;
let n = 0;

beforeAll(async () => {
  azurite = await startStorage();
}, 30_000);

afterAll(async () => {
  await azurite?.stop();
});

reminderQueueContract('Azure Storage queue (Azurite)', async () => {
  const name = `contract-${++n}`;
  return { queue: await createAzureReminderQueue(azurite.connectionString, name), poison: await createAzureReminderQueue(azurite.connectionString, `${name}-poison`) };
});

deliveryLedgerContract('Azure Table storage (Azurite)', () => createTableDeliveryLedger(azurite.connectionString, { table: `ledgercontract${++n}`, allowInsecureConnection: true }));
