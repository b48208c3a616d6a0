// SqliteStore: the workflow store on SQLite (better-sqlite3, an optional peer dependency), the
// embedded default of wuye-kit/server on one machine. Each commit is one IMMEDIATE transaction:
// key check, version check (optimistic concurrency), audit order, writes and the change-feed row
// together or not at all. Tables come with versioned migrations (`await store.migrate()`).
import type BetterSqlite3 from 'better-sqlite3';
import {
  ConflictError,
  StoreError,
  changeOf,
  checkCommit,
  type Commit,
  type CommitResult,
  type CommandRecord,
  type InstanceQuery,
  type StoreChange,
  type TimerPosition,
  type WorkflowStore,
} from '../workflow/store.js';
import type { AuditEntry, Snapshot, Timer } from '../workflow/types.js';

export interface SqliteStoreOptions {
  /** Database file (created when missing), or `:memory:`. Keep it outside any folder a web server serves. */
  readonly file: string;
  /** Called with rows that cannot be read (corrupt JSON) when `list` skips them. */
  readonly onError?: (error: unknown, context: { readonly instanceId: string }) => void;
}

/** The part of a better-sqlite3 Database the `database` getter promises (no type dependency for hosts). */
export interface SqliteDatabase {
  prepare(sql: string): { run(...params: unknown[]): unknown; get(...params: unknown[]): unknown; all(...params: unknown[]): unknown[] };
  exec(sql: string): unknown;
  pragma(source: string): unknown;
}

/** One step of the schema; applied in order, each in its own transaction, recorded in wy_migrations. */
interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'instances, audit, timers and commands per instance, change feed',
    sql: `
      CREATE TABLE wy_instances (
        id TEXT PRIMARY KEY,
        definition_id TEXT NOT NULL,
        state TEXT NOT NULL,
        version INTEGER NOT NULL,
        last_seq INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        snapshot TEXT NOT NULL
      );
      CREATE INDEX wy_instances_recent ON wy_instances (updated_at DESC, id);
      CREATE INDEX wy_instances_definition ON wy_instances (definition_id, updated_at DESC, id);
      CREATE TABLE wy_audit (instance_id TEXT NOT NULL, seq INTEGER NOT NULL, entry TEXT NOT NULL, PRIMARY KEY (instance_id, seq)) WITHOUT ROWID;
      CREATE TABLE wy_timers (instance_id TEXT NOT NULL, id TEXT NOT NULL, due_at REAL NOT NULL, timer TEXT NOT NULL, PRIMARY KEY (instance_id, id)) WITHOUT ROWID;
      CREATE INDEX wy_timers_due ON wy_timers (due_at, instance_id, id);
      CREATE TABLE wy_commands (instance_id TEXT NOT NULL, key TEXT NOT NULL, version INTEGER NOT NULL, PRIMARY KEY (instance_id, key)) WITHOUT ROWID;
      CREATE TABLE wy_changes (
        cursor INTEGER PRIMARY KEY AUTOINCREMENT,
        instance_id TEXT NOT NULL,
        definition_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        state TEXT NOT NULL,
        type TEXT NOT NULL,
        at INTEGER NOT NULL
      );
    `,
  },
];

type Statement = BetterSqlite3.Statement;

interface Queries {
  instance: Statement;
  upsert: Statement;
  audit: Statement;
  history: Statement;
  clearTimers: Statement;
  timer: Statement;
  timersOf: Statement;
  due: Statement;
  dueAfter: Statement;
  command: Statement;
  addCommand: Statement;
  addChange: Statement;
  changes: Statement;
  lastCursor: Statement;
}

interface ChangeRow {
  cursor: number;
  instance_id: string;
  definition_id: string;
  version: number;
  state: string;
  type: StoreChange['type'];
  at: number;
}

/** A workflow store on one SQLite file. Call `await store.migrate()` once before use. */
export class SqliteStore implements WorkflowStore {
  readonly file: string;
  readonly #onError: SqliteStoreOptions['onError'];
  #db: BetterSqlite3.Database | undefined;
  #q: Queries | undefined;
  #commit: ((c: Commit) => CommitResult) | undefined;

  constructor(options: SqliteStoreOptions) {
    if (!options || typeof options.file !== 'string' || options.file === '') throw new TypeError('SqliteStore needs { file }: a database file path or ":memory:"');
    this.file = options.file;
    this.#onError = options.onError;
  }

  /** The open better-sqlite3 database (after migrate), for hosts that back it up or inspect it. */
  get database(): SqliteDatabase {
    if (!this.#db) throw new StoreError('SqliteStore is not open: call `await store.migrate()` first');
    return this.#db as unknown as SqliteDatabase;
  }

  /**
   * Opens the database and brings its tables to the newest version (each migration in its own
   * transaction, recorded in wy_migrations; safe to call again and from a second process).
   * Returns the versions applied now.
   */
  async migrate(): Promise<number[]> {
    if (!this.#db) {
      let Database: typeof BetterSqlite3;
      try {
        Database = (await import('better-sqlite3')).default;
      } catch (err) {
        throw new StoreError(`SqliteStore needs the optional peer dependency better-sqlite3 (npm install better-sqlite3): ${(err as Error).message}`);
      }
      const db = new Database(this.file);
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
      this.#db = db;
    }
    const db = this.#db;
    db.exec('CREATE TABLE IF NOT EXISTS wy_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
    const applied: number[] = [];
    for (const m of SQLITE_MIGRATIONS) {
      const run = db.transaction(() => {
        if (db.prepare('SELECT 1 FROM wy_migrations WHERE version = ?').get(m.version)) return false;
        db.exec(m.sql);
        db.prepare('INSERT INTO wy_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, Date.now());
        return true;
      });
      if (run.immediate()) applied.push(m.version);
    }
    this.#prepare(db);
    return applied;
  }

  /** The schema version of the open database (0 before any migration). */
  async schemaVersion(): Promise<number> {
    const row = this.database.prepare('SELECT max(version) AS v FROM wy_migrations').get() as { v: number | null };
    return row.v ?? 0;
  }

  #prepare(db: BetterSqlite3.Database): void {
    const q: Queries = {
      instance: db.prepare('SELECT version, last_seq, snapshot FROM wy_instances WHERE id = ?'),
      upsert: db.prepare(
        `INSERT INTO wy_instances (id, definition_id, state, version, last_seq, updated_at, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET definition_id = excluded.definition_id, state = excluded.state, version = excluded.version,
           last_seq = excluded.last_seq, updated_at = excluded.updated_at, snapshot = excluded.snapshot`,
      ),
      audit: db.prepare('INSERT INTO wy_audit (instance_id, seq, entry) VALUES (?, ?, ?)'),
      history: db.prepare('SELECT entry FROM wy_audit WHERE instance_id = ? ORDER BY seq'),
      clearTimers: db.prepare('DELETE FROM wy_timers WHERE instance_id = ?'),
      timer: db.prepare('INSERT INTO wy_timers (instance_id, id, due_at, timer) VALUES (?, ?, ?, ?)'),
      timersOf: db.prepare('SELECT timer FROM wy_timers WHERE instance_id = ? ORDER BY due_at, id'),
      due: db.prepare('SELECT timer FROM wy_timers WHERE due_at <= ? ORDER BY due_at, instance_id, id LIMIT ?'),
      dueAfter: db.prepare('SELECT timer FROM wy_timers WHERE due_at <= ? AND (due_at, instance_id, id) > (?, ?, ?) ORDER BY due_at, instance_id, id LIMIT ?'),
      command: db.prepare('SELECT version FROM wy_commands WHERE instance_id = ? AND key = ?'),
      addCommand: db.prepare('INSERT INTO wy_commands (instance_id, key, version) VALUES (?, ?, ?)'),
      addChange: db.prepare('INSERT INTO wy_changes (instance_id, definition_id, version, state, type, at) VALUES (?, ?, ?, ?, ?, ?)'),
      changes: db.prepare('SELECT cursor, instance_id, definition_id, version, state, type, at FROM wy_changes WHERE cursor > ? ORDER BY cursor LIMIT ?'),
      lastCursor: db.prepare('SELECT coalesce(max(cursor), 0) AS c FROM wy_changes'),
    };
    this.#q = q;
    const tx = db.transaction((c: Commit): CommitResult => {
      if (c.idempotencyKey !== undefined) {
        const done = q.command.get(c.instanceId, c.idempotencyKey) as { version: number } | undefined;
        if (done) return { status: 'duplicate', version: done.version, instanceId: c.instanceId };
      }
      const row = q.instance.get(c.instanceId) as { version: number; last_seq: number } | undefined;
      const current = row?.version ?? 0;
      if (current !== c.expectedVersion) throw new ConflictError(c.instanceId, c.expectedVersion, current || undefined);
      checkCommit(c, row?.last_seq ?? 0);
      let seq = row?.last_seq ?? 0;
      for (const a of c.audit) {
        q.audit.run(c.instanceId, a.seq, JSON.stringify(a));
        seq = a.seq;
      }
      const s = c.snapshot;
      q.upsert.run(c.instanceId, s.definitionId, s.state, s.version, seq, s.updatedAt, JSON.stringify(s));
      q.clearTimers.run(c.instanceId);
      for (const t of c.timers) q.timer.run(c.instanceId, t.id, t.dueAt, JSON.stringify(t));
      if (c.idempotencyKey !== undefined) q.addCommand.run(c.instanceId, c.idempotencyKey, s.version);
      const ch = changeOf(c);
      q.addChange.run(ch.instanceId, ch.definitionId, ch.version, ch.state, ch.type, ch.at);
      return { status: 'committed', version: s.version };
    });
    // IMMEDIATE: the write lock is taken before the version is read, so two processes on one file
    // cannot both pass the version check.
    this.#commit = (c) => tx.immediate(c);
  }

  #open(): Queries {
    return this.#queries;
  }

  get #queries(): Queries {
    if (!this.#q) throw new StoreError('SqliteStore is not open: call `await store.migrate()` first');
    return this.#q;
  }

  async load(instanceId: string): Promise<Snapshot | undefined> {
    const row = this.#queries.instance.get(instanceId) as { snapshot: string } | undefined;
    return row ? (JSON.parse(row.snapshot) as Snapshot) : undefined;
  }

  async commit(c: Commit): Promise<CommitResult> {
    this.#open();
    if (!Number.isSafeInteger(c.expectedVersion) || !Number.isSafeInteger(c.snapshot?.version)) {
      throw new StoreError(`Commit for ${c.instanceId}: versions must be integers`);
    }
    return this.#commit!(c);
  }

  async history(instanceId: string): Promise<AuditEntry[]> {
    return (this.#queries.history.all(instanceId) as { entry: string }[]).map((r) => JSON.parse(r.entry) as AuditEntry);
  }

  async dueTimers(now: number, limit = 1000, after?: TimerPosition): Promise<Timer[]> {
    const n = Math.max(1, Math.floor(limit));
    const rows = (after ? this.#queries.dueAfter.all(now, after.dueAt, after.instanceId, after.id, n) : this.#queries.due.all(now, n)) as { timer: string }[];
    return rows.map((r) => JSON.parse(r.timer) as Timer);
  }

  async timers(instanceId: string): Promise<Timer[]> {
    return (this.#queries.timersOf.all(instanceId) as { timer: string }[]).map((r) => JSON.parse(r.timer) as Timer);
  }

  async findCommand(instanceId: string, key: string): Promise<CommandRecord | undefined> {
    const row = this.#queries.command.get(instanceId, key) as { version: number } | undefined;
    return row && { instanceId, version: row.version };
  }

  async changes(after: number, limit = 100): Promise<StoreChange[]> {
    const rows = this.#queries.changes.all(Math.max(0, Math.floor(after)), Math.max(1, Math.floor(limit))) as ChangeRow[];
    return rows.map((r) => ({ cursor: r.cursor, instanceId: r.instance_id, definitionId: r.definition_id, version: r.version, state: r.state, type: r.type, at: r.at }));
  }

  async lastCursor(): Promise<number> {
    return (this.#queries.lastCursor.get() as { c: number }).c;
  }

  async list(query: InstanceQuery): Promise<Snapshot[]> {
    this.#open();
    const where: string[] = [];
    const args: (string | number)[] = [];
    if (query.definitionId !== undefined) {
      where.push('definition_id = ?');
      args.push(query.definitionId);
    }
    if (query.state !== undefined) {
      where.push('state = ?');
      args.push(query.state);
    }
    if (query.updatedSince !== undefined) {
      where.push('updated_at >= ?');
      args.push(query.updatedSince);
    }
    if (query.after !== undefined) {
      where.push('(updated_at < ? OR (updated_at = ? AND id > ?))');
      args.push(query.after.updatedAt, query.after.updatedAt, query.after.id);
    }
    const sql = `SELECT id, snapshot FROM wy_instances ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY updated_at DESC, id LIMIT ?`;
    args.push(Math.max(1, Math.floor(query.limit ?? 100)));
    const out: Snapshot[] = [];
    for (const row of this.database.prepare(sql).all(...args) as { id: string; snapshot: string }[]) {
      try {
        out.push(JSON.parse(row.snapshot) as Snapshot);
      } catch (err) {
        // A corrupt row is reported and left out; the rest of the page is still served.
        this.#onError?.(err, { instanceId: row.id });
      }
    }
    return out;
  }

  async close(): Promise<void> {
    this.#db?.close();
    this.#db = undefined;
    this.#q = undefined;
    this.#commit = undefined;
  }
}
