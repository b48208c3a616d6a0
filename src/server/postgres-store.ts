// PostgresStore: the workflow store on PostgreSQL (node-postgres `pg`, an optional peer
// dependency), for one or many server processes on one database.
//
// - A commit is one statement (the wy_commit function, see postgres-migrations.ts): one round
//   trip, atomic, with the per-instance idempotency key checked first, then the version under a
//   row lock (optimistic concurrency: a stale write is a ConflictError, never an overwrite).
// - Due timers are claimed with `FOR UPDATE SKIP LOCKED` and a lease in database time: several
//   processes ticking one database share the work, and a lease held by a process that died runs
//   out and is taken over. Each timer fires exactly once because its firing is a commit with the
//   timer's idempotency key on its instance.
// - The change feed: a global cursor (`changes(after)`, `lastCursor()`), and `watch(listener)`,
//   which wakes a feed in any process through LISTEN/NOTIFY when a commit lands.
import type { Pool, PoolClient, PoolConfig } from 'pg';
import {
  ConflictError,
  StoreError,
  byDue,
  changeOf,
  checkCommit,
  type CommandRecord,
  type Commit,
  type CommitResult,
  type InstanceQuery,
  type StoreChange,
  type TimerPosition,
  type WorkflowStore,
} from '../workflow/store.js';
import type { AuditEntry, Snapshot, Timer } from '../workflow/types.js';
import { migratePostgres } from './postgres-migrations.js';

export { migratePostgres };

export type PostgresStoreOptions = (
  | { readonly connectionString: string; readonly pool?: undefined; readonly poolSize?: number }
  | { readonly pool: Pool; readonly connectionString?: undefined }
) & {
  /**
   * How long a claim on due timers lasts (database time, ms; default 30 000). Within it other
   * processes leave those timers to the claimer; after it anyone may take them over.
   */
  readonly timerLeaseMs?: number;
  /** Names this store's claims (default: a random id per store object). */
  readonly owner?: string;
};

const CHANNEL = 'wy_changes';

const randomOwner = (): string => `wy-${globalThis.crypto.randomUUID()}`;

interface PgError {
  readonly code?: string;
  readonly message?: string;
}

type PoolClass = new (config: PoolConfig) => Pool;

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));

/** The workflow store on PostgreSQL. Call `await store.migrate()` once before use. */
export class PostgresStore implements WorkflowStore {
  readonly owner: string;
  readonly #options: PostgresStoreOptions;
  readonly #leaseMs: number;
  #pool: Pool | undefined;
  #poolReady: Promise<Pool> | undefined;
  readonly #ownsPool: boolean;
  #listener: { client: PoolClient; ready: Promise<void> } | undefined;
  readonly #watchers = new Set<(cursor: number) => void>();
  #closed = false;

  constructor(options: PostgresStoreOptions) {
    if (!options || (typeof options.connectionString !== 'string' && !options.pool)) {
      throw new TypeError('PostgresStore needs { connectionString } or { pool }');
    }
    this.#options = options;
    this.#ownsPool = !options.pool;
    this.#pool = options.pool;
    this.#leaseMs = options.timerLeaseMs ?? 30_000;
    if (!(this.#leaseMs > 0)) throw new RangeError(`timerLeaseMs must be positive, not ${String(options.timerLeaseMs)}`);
    this.owner = options.owner ?? randomOwner();
  }

  /** The node-postgres pool (created from `connectionString` on first use). */
  pool(): Promise<Pool> {
    if (this.#pool) return Promise.resolve(this.#pool);
    this.#poolReady ??= (async () => {
      let mod: { Pool?: PoolClass; default?: { Pool: PoolClass } };
      try {
        mod = (await import('pg')) as typeof mod;
      } catch {
        throw new Error('PostgresStore needs the `pg` package: npm install pg');
      }
      const Pool = (mod.Pool ?? mod.default?.Pool)!;
      const config: PoolConfig = { connectionString: this.#options.connectionString!, max: (this.#options as { poolSize?: number }).poolSize ?? 10 };
      const pool = new Pool(config);
      // An idle client that loses its connection must not crash the process; the next query reconnects.
      pool.on('error', () => {});
      this.#pool = pool;
      return pool;
    })();
    return this.#poolReady;
  }

  async #query<R extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<R[]> {
    if (this.#closed) throw new StoreError('PostgresStore is closed');
    const pool = await this.pool();
    return (await pool.query<R>(sql, params)).rows;
  }

  /** Creates or upgrades the tables (versioned migrations under an advisory lock). */
  async migrate(): Promise<{ applied: number[]; version: number }> {
    return migratePostgres(await this.pool());
  }

  async load(instanceId: string): Promise<Snapshot | undefined> {
    const rows = await this.#query<{ snapshot: Snapshot }>('SELECT snapshot FROM wy_instances WHERE id = $1', [instanceId]);
    return rows[0]?.snapshot;
  }

  async commit(c: Commit): Promise<CommitResult> {
    // What can be checked without the stored history is checked here (the link to the stored
    // last seq is checked inside wy_commit, under the row lock).
    const first = c.audit[0]?.seq;
    checkCommit(c, first === undefined ? 0 : first - 1);
    const last = c.audit[c.audit.length - 1]?.seq;
    const change = changeOf(c);
    let row: { out_status: string; out_version: number | null; out_cursor: string | null } | undefined;
    try {
      [row] = await this.#query<{ out_status: string; out_version: number | null; out_cursor: string | null }>(
        'SELECT * FROM wy_commit($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)',
        [
          c.instanceId,
          c.expectedVersion,
          c.snapshot.definitionId,
          c.snapshot.state,
          c.snapshot.version,
          c.snapshot.updatedAt,
          JSON.stringify(c.snapshot),
          first ?? null,
          last ?? null,
          JSON.stringify(c.audit),
          JSON.stringify(c.timers),
          c.idempotencyKey ?? null,
          change.type,
          CHANNEL,
        ],
      );
    } catch (err) {
      const e = err as PgError;
      if (e.code === 'WYS01') throw new StoreError(e.message ?? 'Audit out of order');
      if (e.code === '22P05' || e.code === '22021') throw new StoreError(`PostgreSQL cannot store this commit's text (${e.message ?? e.code}); nothing was written`);
      throw err;
    }
    if (!row) throw new StoreError('wy_commit returned nothing');
    if (row.out_status === 'duplicate') return { status: 'duplicate', version: num(row.out_version), instanceId: c.instanceId };
    if (row.out_status === 'conflict') throw new ConflictError(c.instanceId, c.expectedVersion, row.out_version ?? undefined);
    return { status: 'committed', version: num(row.out_version) };
  }

  async history(instanceId: string): Promise<AuditEntry[]> {
    const rows = await this.#query<{ entry: AuditEntry }>('SELECT entry FROM wy_audit WHERE instance_id = $1 ORDER BY seq', [instanceId]);
    return rows.map((r) => r.entry);
  }

  /**
   * Due timers, claimed for this store object: timers leased by another live claimer are skipped
   * (`FOR UPDATE SKIP LOCKED` over rows whose lease is free, expired or ours), the rest get a
   * lease of `timerLeaseMs` in database time. A timer fired by its claimer disappears with the
   * commit that fired it; one whose claimer died is due again for everyone when the lease ends.
   */
  async dueTimers(now: number, limit = 1000, after?: TimerPosition): Promise<Timer[]> {
    const rows = await this.#query<{ timer: Timer }>(
      `WITH due AS (
         SELECT instance_id, timer_id FROM wy_timers
         WHERE due_at <= $1
           AND (lease_until IS NULL OR lease_until < clock_timestamp() OR lease_owner = $2)
           AND ($4::double precision IS NULL OR (due_at, instance_id, timer_id) > ($4, $5::text COLLATE "C", $6::text COLLATE "C"))
         ORDER BY due_at, instance_id, timer_id
         LIMIT $3
         FOR UPDATE SKIP LOCKED)
       UPDATE wy_timers t SET lease_owner = $2, lease_until = clock_timestamp() + $7 * interval '1 millisecond'
       FROM due WHERE t.instance_id = due.instance_id AND t.timer_id = due.timer_id
       RETURNING t.timer`,
      [now, this.owner, Math.max(1, Math.floor(limit)), after?.dueAt ?? null, after?.instanceId ?? null, after?.id ?? null, this.#leaseMs],
    );
    return rows.map((r) => r.timer).sort(byDue);
  }

  async timers(instanceId: string): Promise<Timer[]> {
    const rows = await this.#query<{ timer: Timer }>('SELECT timer FROM wy_timers WHERE instance_id = $1 ORDER BY due_at, timer_id', [instanceId]);
    return rows.map((r) => r.timer);
  }

  async findCommand(instanceId: string, key: string): Promise<CommandRecord | undefined> {
    const rows = await this.#query<{ version: number }>('SELECT version FROM wy_commands WHERE instance_id = $1 AND key = $2', [instanceId, key]);
    const r = rows[0];
    return r && { instanceId, version: r.version };
  }

  async changes(after: number, limit = 100): Promise<StoreChange[]> {
    const rows = await this.#query<{ cursor: string; instance_id: string; definition_id: string; version: number; state: string; type: StoreChange['type']; at: number }>(
      'SELECT * FROM wy_changes WHERE cursor > $1 ORDER BY cursor LIMIT $2',
      [Math.max(0, Math.floor(after)), Math.max(1, Math.floor(limit))],
    );
    return rows.map((r) => ({ cursor: Number(r.cursor), instanceId: r.instance_id, definitionId: r.definition_id, version: r.version, state: r.state, type: r.type, at: r.at }));
  }

  async lastCursor(): Promise<number> {
    const rows = await this.#query<{ cursor: string }>('SELECT cursor FROM wy_feed WHERE id = 1');
    return Number(rows[0]?.cursor ?? 0);
  }

  async list(query: InstanceQuery): Promise<Snapshot[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (query.definitionId !== undefined) where.push(`definition_id = ${p(query.definitionId)}`);
    if (query.state !== undefined) where.push(`state = ${p(query.state)}`);
    if (query.updatedSince !== undefined) where.push(`updated_at >= ${p(query.updatedSince)}`);
    if (query.after !== undefined) {
      const at = p(query.after.updatedAt);
      where.push(`(updated_at < ${at} OR (updated_at = ${at} AND id > ${p(query.after.id)}::text COLLATE "C"))`);
    }
    const limit = p(Math.max(1, Math.floor(query.limit ?? 100)));
    const rows = await this.#query<{ snapshot: Snapshot }>(
      `SELECT snapshot FROM wy_instances ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY updated_at DESC, id LIMIT ${limit}`,
      params,
    );
    return rows.map((r) => r.snapshot);
  }

  /**
   * Calls `listener(cursor)` whenever a commit lands in any process on this database (LISTEN /
   * NOTIFY on a connection of its own), and once with the current cursor after a reconnect, so a
   * feed never sleeps through a change. Returns the function that stops listening.
   */
  watch(listener: (cursor: number) => void): () => void {
    this.#watchers.add(listener);
    void this.#listen().catch(() => {});
    return () => {
      this.#watchers.delete(listener);
      if (this.#watchers.size === 0) this.#unlisten();
    };
  }

  /** Resolves once this store is LISTENing (for tests and for a feed that must not miss the first change). */
  async listening(): Promise<void> {
    await this.#listen();
  }

  #listen(): Promise<void> {
    if (this.#listener) return this.#listener.ready;
    const ready = (async () => {
      const pool = await this.pool();
      const client = await pool.connect();
      const entry = this.#listener;
      if (entry) entry.client = client;
      client.on('notification', (msg) => {
        if (msg.channel !== CHANNEL) return;
        const cursor = Number(msg.payload);
        for (const w of [...this.#watchers]) {
          try {
            w(cursor);
          } catch {
            /* one bad listener cannot stop the others */
          }
        }
      });
      client.on('error', () => {
        // The connection died: forget it and listen again on a fresh one, then tell the
        // watchers where the feed stands, since notifications may have been missed meanwhile.
        if (this.#listener?.client === client) this.#listener = undefined;
        client.release(true);
        if (this.#watchers.size && !this.#closed) {
          setTimeout(() => {
            void this.#listen()
              .then(() => this.lastCursor())
              .then((c) => {
                for (const w of [...this.#watchers]) w(c);
              })
              .catch(() => {});
          }, 200);
        }
      });
      await client.query(`LISTEN ${CHANNEL}`);
    })();
    this.#listener = { client: undefined as unknown as PoolClient, ready };
    ready.catch(() => {
      this.#listener = undefined;
    });
    return ready;
  }

  #unlisten(): void {
    const l = this.#listener;
    this.#listener = undefined;
    if (!l) return;
    void l.ready
      .then(async () => {
        await l.client.query(`UNLISTEN ${CHANNEL}`).catch(() => {});
        l.client.release();
      })
      .catch(() => {});
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#watchers.clear();
    const l = this.#listener;
    this.#listener = undefined;
    if (l) {
      try {
        await l.ready;
        l.client.release(true);
      } catch {
        /* never connected */
      }
    }
    this.#closed = true;
    if (this.#ownsPool) await this.#pool?.end();
  }
}
