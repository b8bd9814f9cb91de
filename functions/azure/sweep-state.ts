import { tableClient, type StorageAccount } from '../../core/adapters/azure-storage/storage-account';
import type { LocalDate } from '../../core/domain/local-date';

/** When the daily sweep last finished, across every instance of the Functions app. */
export interface SweepState {
  lastCompleted(name: string): Promise<LocalDate | undefined>;
  markCompleted(name: string, date: LocalDate): Promise<void>;
}

/**
 * In the app's Table storage. Only a finished sweep is recorded: a sweep that crashed half-way runs
 * again on the next quarter-hour tick, which is safe because fan-out is idempotent per reminder.
 */
export async function createTableSweepState(
  account: StorageAccount,
  options: { table?: string; allowInsecureConnection?: boolean } = {},
): Promise<SweepState> {
  const table = tableClient(account, options.table ?? 'sweepstate', options);
  await table.createTable();
  return {
    async lastCompleted(name) {
      try {
        return (await table.getEntity<{ date: string }>('sweep', name)).date;
      } catch (e) {
        if ((e as { statusCode?: number }).statusCode === 404) return undefined;
        throw e;
      }
    },
    async markCompleted(name, date) {
      await table.upsertEntity({ partitionKey: 'sweep', rowKey: name, date }, 'Replace');
    },
  };
}
