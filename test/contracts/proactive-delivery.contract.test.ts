import { startAzuriteStorage, type RunningAzuriteStorage } from '../../bot/local/azurite';
import { createAzureReminderQueue } from '../../core/adapters/azure-storage/azure-reminder-queue';
import { createTableStorage } from '../../core/adapters/azure-storage/table-conversation-references';
import { createTableDeliveryLedger } from '../../core/adapters/azure-storage/table-delivery-ledger';
import { createMemoryReferenceStore, createMemorySentLog } from '../../core/adapters/memory/memory-conversation-references';
import { createMemoryDeliveryLedger } from '../../core/adapters/memory/memory-delivery-ledger';
import { createMemoryQueueStorage } from '../../core/adapters/memory/memory-reminder-queue';
import { conversationReferencesContract } from './conversation-references.contract';
import { deliveryLedgerContract } from './delivery-ledger.contract';
import { reminderQueueContract } from './reminder-queue.contract';

/**
 * The ports of proactive delivery (ARCHITECTURE.md: each port has two adapters that pass one
 * contract suite): the in-memory adapters, and the Azure Storage ones against Azurite's queue and
 * table services, in memory on free loopback ports. Each test takes a fresh queue or table.
 */
let azurite: RunningAzuriteStorage;
let n = 0;
/** Queue names are 3-63 lower-case letters, digits and dashes; table names letters and digits, starting with a letter. */
const fresh = (prefix: string) => `${prefix}${process.pid}x${++n}`;

beforeAll(async () => {
  azurite = await startAzuriteStorage({ timeoutMs: 20_000 });
}, 30_000);

afterAll(async () => {
  await azurite?.stop();
});

reminderQueueContract('in memory', async () => {
  // A clock the contract steps instead of sleeping, so visibility timeouts take no real time.
  let now = Date.parse('2026-11-23T07:30:00Z');
  const storage = createMemoryQueueStorage({ now: () => now });
  const name = fresh('contract-');
  return { queue: storage.queue(name), poison: storage.queue(`${name}-poison`), wait: async (ms) => void (now += ms) };
});

reminderQueueContract('Azure Storage queue (Azurite)', async () => {
  const name = fresh('contract-');
  return {
    queue: await createAzureReminderQueue(azurite.connectionString, name),
    poison: await createAzureReminderQueue(azurite.connectionString, `${name}-poison`),
  };
});

deliveryLedgerContract('in memory', async () => createMemoryDeliveryLedger());

deliveryLedgerContract('Azure Table storage (Azurite)', () =>
  createTableDeliveryLedger(azurite.connectionString, { table: fresh('ledgercontract'), allowInsecureConnection: true }),
);

conversationReferencesContract('in memory', async () => ({ references: createMemoryReferenceStore(), sent: createMemorySentLog() }));

conversationReferencesContract('Azure Table storage (Azurite)', () =>
  createTableStorage(azurite.connectionString, {
    referencesTable: fresh('refscontract'),
    sentTable: fresh('sentcontract'),
    allowInsecureConnection: true,
  }),
);
