export { createSqliteRecordStore, type SqliteRecordStoreOptions } from './sqlite-record-store';
export { openSqliteDatabase } from './open-database';
export { LATEST_SCHEMA_VERSION, migrate, MIGRATIONS, schemaVersionOf, type Migration } from './migrations';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../shared/paging';
export { createSqliteAuditLog } from './sqlite-audit-log';
