import { createSqliteAuditLog, openSqliteDatabase } from '../../core/adapters/sqlite';
import { createTableAuditLog } from '../../core/adapters/table-audit/table-audit-log';
import { startAzuriteTable, type RunningAzurite } from '../../bot/local/azurite';
import { describeAuditLogContract } from './audit-log.contract';

describeAuditLogContract('SQLite', async () => {
  const db = openSqliteDatabase(':memory:');
  return { log: createSqliteAuditLog(db), close: async () => void db.close() };
});

let azurite: RunningAzurite | undefined;
describeAuditLogContract('Azure Table storage (Azurite)', async () => {
  azurite = await startAzuriteTable({ timeoutMs: 20_000 });
  return { log: await createTableAuditLog(azurite.connectionString, { allowInsecureConnection: true }), close: () => azurite!.stop() };
});
