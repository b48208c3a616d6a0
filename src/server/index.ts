// wuye-kit/server: the workflow engine on the server behind a command API (Node only).
export { SqliteStore, SQLITE_MIGRATIONS } from './sqlite-store.js';
export type { SqliteStoreOptions, SqliteDatabase } from './sqlite-store.js';
