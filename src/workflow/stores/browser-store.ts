// BrowserStore: the workflow store on IndexedDB (through idb), for a portal that keeps instances
// in the browser across reloads. One readwrite transaction per commit over every object store
// makes the version check and the writes atomic; IndexedDB serialises overlapping transactions.
import { openDB, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import {
  ConflictError,
  byDue,
  byRecent,
  changeOf,
  checkCommit,
  matchesQuery,
  type Commit,
  type CommitResult,
  type CommandRecord,
  type InstanceQuery,
  type StoreChange,
  type TimerPosition,
  type WorkflowStore,
} from '../store.js';
import type { AuditEntry, Snapshot, Timer } from '../types.js';

export interface BrowserStoreOptions {
  /** Database name; default `wuye-kit-workflow`. One database per name. */
  readonly name?: string;
}

// Version 2 (issue 17): idempotency keys and timer ids keyed per instance, a change feed.
const DB_VERSION = 2;
const INSTANCES = 'instances';
const AUDIT = 'audit';
const TIMERS = 'timers';
const COMMANDS = 'commands';
const CHANGES = 'changes';

/** IndexedDB's key ranges, read from the global (this module is compiled without the DOM lib). */
interface KeyRanges {
  bound(lower: unknown, upper: unknown, lowerOpen?: boolean, upperOpen?: boolean): unknown;
  lowerBound(lower: unknown, open?: boolean): unknown;
}
const keyRange = (): KeyRanges => (globalThis as unknown as { IDBKeyRange: KeyRanges }).IDBKeyRange;

interface InstanceRow {
  readonly id: string;
  readonly snapshot: Snapshot;
  readonly lastSeq: number;
}

interface CommandRow extends CommandRecord {
  readonly key: string;
}

export class BrowserStore implements WorkflowStore {
  readonly name: string;
  #db: Promise<IDBPDatabase> | undefined;

  constructor(options: BrowserStoreOptions = {}) {
    this.name = options.name ?? 'wuye-kit-workflow';
  }

  #open(): Promise<IDBPDatabase> {
    this.#db ??= openDB(this.name, DB_VERSION, {
      async upgrade(db, oldVersion, _newVersion, tx) {
        if (oldVersion < 1) {
          db.createObjectStore(INSTANCES, { keyPath: 'id' });
          const audit = db.createObjectStore(AUDIT, { keyPath: ['instanceId', 'seq'] });
          audit.createIndex('instanceId', 'instanceId');
        }
        // Version 1 kept keys and timer ids global: carry the rows over into per-instance keys.
        const upgrade = tx as unknown as IDBPTransaction<unknown, StoreNames<unknown>[], 'versionchange'>;
        let oldTimers: Timer[] = [];
        let oldCommands: CommandRow[] = [];
        if (oldVersion === 1) {
          oldTimers = (await upgrade.objectStore(TIMERS).getAll()) as Timer[];
          oldCommands = (await upgrade.objectStore(COMMANDS).getAll()) as CommandRow[];
          db.deleteObjectStore(TIMERS);
          db.deleteObjectStore(COMMANDS);
        }
        if (oldVersion < 2) {
          const timers = db.createObjectStore(TIMERS, { keyPath: ['instanceId', 'id'] });
          timers.createIndex('due', ['dueAt', 'instanceId', 'id']);
          timers.createIndex('instanceId', 'instanceId');
          db.createObjectStore(COMMANDS, { keyPath: ['instanceId', 'key'] });
          db.createObjectStore(CHANGES, { keyPath: 'cursor', autoIncrement: true });
          for (const t of oldTimers) await upgrade.objectStore(TIMERS).put(t);
          for (const c of oldCommands) await upgrade.objectStore(COMMANDS).put(c);
        }
      },
    });
    return this.#db;
  }

  async load(instanceId: string): Promise<Snapshot | undefined> {
    const db = await this.#open();
    const row = (await db.get(INSTANCES, instanceId)) as InstanceRow | undefined;
    return row?.snapshot;
  }

  async commit(c: Commit): Promise<CommitResult> {
    const db = await this.#open();
    const tx = db.transaction([INSTANCES, AUDIT, TIMERS, COMMANDS, CHANGES], 'readwrite');
    // Only IndexedDB requests are awaited inside the transaction, so it stays open until done.
    const done = tx.done.catch(() => undefined);
    try {
      if (c.idempotencyKey !== undefined) {
        const hit = (await tx.objectStore(COMMANDS).get([c.instanceId, c.idempotencyKey])) as CommandRow | undefined;
        if (hit) {
          await tx.done;
          return { status: 'duplicate', version: hit.version, instanceId: hit.instanceId };
        }
      }
      const row = (await tx.objectStore(INSTANCES).get(c.instanceId)) as InstanceRow | undefined;
      const current = row?.snapshot.version ?? 0;
      if (current !== c.expectedVersion) throw new ConflictError(c.instanceId, c.expectedVersion, current || undefined);
      checkCommit(c, row?.lastSeq ?? 0);
      const writes: Promise<unknown>[] = [];
      const lastSeq = c.audit.length ? c.audit[c.audit.length - 1]!.seq : (row?.lastSeq ?? 0);
      writes.push(tx.objectStore(INSTANCES).put({ id: c.instanceId, snapshot: c.snapshot, lastSeq } satisfies InstanceRow));
      for (const a of c.audit) writes.push(tx.objectStore(AUDIT).add(a));
      const timers = tx.objectStore(TIMERS);
      const old = await timers.index('instanceId').getAllKeys(c.instanceId);
      for (const key of old) writes.push(timers.delete(key));
      for (const t of c.timers) writes.push(timers.put(t));
      if (c.idempotencyKey !== undefined) {
        writes.push(tx.objectStore(COMMANDS).add({ key: c.idempotencyKey, instanceId: c.instanceId, version: c.snapshot.version } satisfies CommandRow));
      }
      // The feed's cursor is the object store's auto-increment key, given in commit order.
      writes.push(tx.objectStore(CHANGES).add(changeOf(c)));
      await Promise.all(writes);
      await tx.done;
      return { status: 'committed', version: c.snapshot.version };
    } catch (err) {
      try {
        tx.abort();
      } catch {
        /* already finished or aborted */
      }
      await done;
      throw err;
    }
  }

  async history(instanceId: string): Promise<AuditEntry[]> {
    const db = await this.#open();
    const list = (await db.getAllFromIndex(AUDIT, 'instanceId', instanceId)) as AuditEntry[];
    return list.sort((a, b) => a.seq - b.seq);
  }

  async dueTimers(now: number, limit = 1000, after?: TimerPosition): Promise<Timer[]> {
    const db = await this.#open();
    const lower = after ? [after.dueAt, after.instanceId, after.id] : [-Infinity];
    // Arrays sort after strings in IndexedDB: [now, [], []] is above every [now, instance, id].
    const range = keyRange().bound(lower, [now, [], []], after !== undefined, false);
    const out = (await db.getAllFromIndex(TIMERS, 'due', range as never, Math.max(1, limit))) as Timer[];
    return out.sort(byDue);
  }

  async timers(instanceId: string): Promise<Timer[]> {
    const db = await this.#open();
    return ((await db.getAllFromIndex(TIMERS, 'instanceId', instanceId)) as Timer[]).sort(byDue);
  }

  async findCommand(instanceId: string, key: string): Promise<CommandRecord | undefined> {
    const db = await this.#open();
    const row = (await db.get(COMMANDS, [instanceId, key])) as CommandRow | undefined;
    return row && { instanceId: row.instanceId, version: row.version };
  }

  async changes(after: number, limit = 100): Promise<StoreChange[]> {
    const db = await this.#open();
    return (await db.getAll(CHANGES, keyRange().lowerBound(after, true) as never, Math.max(1, limit))) as StoreChange[];
  }

  async lastCursor(): Promise<number> {
    const db = await this.#open();
    const tx = db.transaction(CHANGES, 'readonly');
    const cursor = await tx.store.openCursor(null, 'prev');
    const last = cursor ? (cursor.key as number) : 0;
    await tx.done;
    return last;
  }

  /** Reads every instance and filters in the page (a browser holds one user's instances). */
  async list(query: InstanceQuery): Promise<Snapshot[]> {
    const db = await this.#open();
    const rows = (await db.getAll(INSTANCES)) as InstanceRow[];
    return rows
      .map((r) => r.snapshot)
      .filter((x) => matchesQuery(x, query))
      .sort(byRecent)
      .slice(0, Math.max(1, query.limit ?? 100));
  }

  async close(): Promise<void> {
    const db = await this.#db;
    db?.close();
    this.#db = undefined;
  }
}
