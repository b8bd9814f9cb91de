/**
 * Run as a child process by the crash test: the daily fan-out on the given SQLite file and Azurite
 * queue, slowed to one enqueue at a time (a hand-written slow wrapper, test-only) and reporting each
 * enqueue on stdout, so the parent can SIGKILL it half-way.
 */
import { createSqliteRecordStore, openSqliteDatabase } from '../../../core/adapters/sqlite';
import { fixedClock } from '../../../core/ports/clock.port';
import { createAzureReminderQueue } from '../../../core/adapters/azure-storage/azure-reminder-queue';
import { runFanOutSweep } from '../../../core/services/delivery/reminder-fanout.service';
import type { ReminderQueue } from '../../../core/ports/reminder-queue.port';
import { createTableDeliveryLedger } from '../../../core/adapters/azure-storage/table-delivery-ledger';

async function main(): Promise<void> {
  const env = (k: string) =>
    process.env[k] ??
    (() => {
      throw new Error(`${k} missing`);
    })();
  const store = createSqliteRecordStore(openSqliteDatabase(env('FANOUT_DB')));
  const real = await createAzureReminderQueue(env('FANOUT_STORAGE'), env('FANOUT_QUEUE'));
  const ledger = await createTableDeliveryLedger(env('FANOUT_STORAGE'), { table: env('FANOUT_TABLE'), allowInsecureConnection: true });
  let n = 0;
  const queue: ReminderQueue = {
    ...real,
    async send(body, o) {
      await new Promise((r) => setTimeout(r, 60));
      await real.send(body, o);
      process.stdout.write(`enqueued ${++n}\n`);
    },
  };
  const counts = await runFanOutSweep(
    { store, clock: fixedClock(env('FANOUT_NOW')), queue, ledger, concurrency: 1 },
    { correlationId: 'killed-sweep' },
  );
  process.stdout.write(`done ${JSON.stringify(counts)}\n`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
