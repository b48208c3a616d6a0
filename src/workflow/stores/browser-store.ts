// BrowserStore: the workflow store on IndexedDB (through idb), for a portal that keeps instances
// in the browser across reloads. One readwrite transaction per commit over every object store
// makes the version check and the writes atomic; IndexedDB serialises overlapping transactions.
import { openDB, type IDBPDatabase } from 'idb';
import { ConflictError, byDue, checkCommit, type Commit, type CommitResult, type CommandRecord, type WorkflowStore } from '../store.js';
import type { AuditEntry, Snapshot, Timer } from '../types.js';

export interface BrowserStoreOptions {
  /** Database name; default `wuye-kit-workflow`. One database per name. */
  readonly name?: string;
}

const DB_VERSION = 1;
const INSTANCES = 'instances';
const AUDIT = 'audit';
const TIMERS = 'timers';
const COMMANDS = 'commands';

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
      upgrade(db) {
        db.createObjectStore(INSTANCES, { keyPath: 'id' });
        const audit = db.createObjectStore(AUDIT, { keyPath: ['instanceId', 'seq'] });
        audit.createIndex('instanceId', 'instanceId');
        const timers = db.createObjectStore(TIMERS, { keyPath: 'id' });
        timers.createIndex('dueAt', 'dueAt');
        timers.createIndex('instanceId', 'instanceId');
        db.createObjectStore(COMMANDS, { keyPath: 'key' });
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
    const tx = db.transaction([INSTANCES, AUDIT, TIMERS, COMMANDS], 'readwrite');
    // Only IndexedDB requests are awaited inside the transaction, so it stays open until done.
    const done = tx.done.catch(() => undefined);
    try {
      if (c.idempotencyKey !== undefined) {
        const hit = (await tx.objectStore(COMMANDS).get(c.idempotencyKey)) as CommandRow | undefined;
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
      const old = (await timers.index('instanceId').getAllKeys(c.instanceId)) as string[];
      for (const key of old) writes.push(timers.delete(key));
      for (const t of c.timers) writes.push(timers.put(t));
      if (c.idempotencyKey !== undefined) {
        writes.push(tx.objectStore(COMMANDS).add({ key: c.idempotencyKey, instanceId: c.instanceId, version: c.snapshot.version } satisfies CommandRow));
      }
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

  async dueTimers(now: number, limit = 1000): Promise<Timer[]> {
    const db = await this.#open();
    const out: Timer[] = [];
    const tx = db.transaction(TIMERS, 'readonly');
    for await (const cursor of tx.store.index('dueAt').iterate()) {
      const t = cursor.value as Timer;
      if (t.dueAt > now) break;
      out.push(t);
    }
    await tx.done;
    return out.sort(byDue).slice(0, limit);
  }

  async timers(instanceId: string): Promise<Timer[]> {
    const db = await this.#open();
    return ((await db.getAllFromIndex(TIMERS, 'instanceId', instanceId)) as Timer[]).sort(byDue);
  }

  async findCommand(key: string): Promise<CommandRecord | undefined> {
    const db = await this.#open();
    const row = (await db.get(COMMANDS, key)) as CommandRow | undefined;
    return row && { instanceId: row.instanceId, version: row.version };
  }

  async close(): Promise<void> {
    const db = await this.#db;
    db?.close();
    this.#db = undefined;
  }
}
