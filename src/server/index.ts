/// <reference types="node" />
// wuye-kit/server: the workflow engine on the server behind a command API (Node only).
// createWorkflowHandler → (Request) => Promise<Response>; toNodeListener for node:http;
// SqliteStore (better-sqlite3, optional peer). Routes: schemas/workflow-api.openapi.json.
export { createWorkflowHandler, WORKFLOW_ROUTES } from './handler.js';
export type { WorkflowHandler, WorkflowHandlerOptions, WorkflowHandlerLimits, AuthorizeAction, InstanceView, InstanceSummary } from './handler.js';
export { toNodeListener } from './node.js';
export type { FetchHandler } from './node.js';
export { SqliteStore, SQLITE_MIGRATIONS } from './sqlite-store.js';
export type { SqliteStoreOptions, SqliteDatabase } from './sqlite-store.js';
export { PostgresStore } from './postgres-store.js';
export type { PostgresStoreOptions } from './postgres-store.js';
export { migratePostgres, PG_MIGRATIONS } from './postgres-migrations.js';
export type { PgMigration, PgPool, PgPoolClient } from './postgres-migrations.js';
export { complaintStatsSql } from './stats-sql.js';
export type { StatsSqlSource, StatsSqlOptions, SqliteLayout, PgQueryable, StatsSqliteDatabase } from './stats-sql.js';
export { createStatsHandler } from './stats-handler.js';
export type { StatsHandlerOptions } from './stats-handler.js';
