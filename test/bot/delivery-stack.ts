import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalDeliveryStorage, type LocalDeliveryStorage } from '../../bot/local/local-delivery-storage';
import { startLocalStack, type RunningStack } from '../e2e/local-stack';

/**
 * The local host as `npm start` runs it for delivery: a SQLite file and Azurite's reminder queue and
 * ledger in a folder of its own, so `restart` is the same app started again on the same data.
 */
export interface DeliveryStack {
  storage: LocalDeliveryStorage;
  stack: RunningStack;
  restart(): Promise<RunningStack>;
  stop(): Promise<void>;
}

export async function startDeliveryStack(at: string, name: string): Promise<DeliveryStack> {
  const dir = mkdtempSync(join(tmpdir(), `trust-${name}-`));
  const storage = await startLocalDeliveryStorage({ location: join(dir, 'azurite') });
  const bot = { storage: storage.storage, delivery: { ...storage.delivery, consumer: { maxPollIntervalMs: 200 } } };
  const db = join(dir, 'trust.db');
  const running: DeliveryStack = {
    storage,
    stack: await startLocalStack(at, { db, bot }),
    async restart() {
      await running.stack.stop();
      running.stack = await startLocalStack(at, { db, bot });
      return running.stack;
    },
    async stop() {
      await running.stack.stop();
      await storage.azurite.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return running;
}
