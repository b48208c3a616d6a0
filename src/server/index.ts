// wuye-kit/server: the workflow engine on the server behind a command API (Node only).
export { SqliteStore, SQLITE_MIGRATIONS } from './sqlite-store.js';
export type { SqliteStoreOptions, SqliteDatabase } from './sqlite-store.js';
export { PostgresStore } from './postgres-store.js';
export type { PostgresStoreOptions } from './postgres-store.js';
export { migratePostgres, PG_MIGRATIONS } from './postgres-migrations.js';
export type { PgMigration } from './postgres-migrations.js';
export { complaintStatsSql } from './stats-sql.js';
export type { StatsSqlSource, StatsSqlOptions, SqliteLayout, PgQueryable, StatsSqliteDatabase } from './stats-sql.js';
