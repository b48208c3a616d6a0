// The store contract every backend implements (MemoryStore here, BrowserStore on IndexedDB,
// HttpStore over REST, or the host's own, proven with runStoreConformance()).
import type { AuditEntry, Snapshot, Timer } from './types.js';

/** One atomic write: the new snapshot, the audit entries to append, the instance's pending timers. */
export interface Commit {
  readonly instanceId: string;
  /** The version the writer read; 0 to create. A store holding another version refuses with ConflictError. */
  readonly expectedVersion: number;
  /** The new snapshot; its `version` is greater than `expectedVersion`. */
  readonly snapshot: Snapshot;
  /** Appended in order; `seq` continues the instance's history without gaps. */
  readonly audit: readonly AuditEntry[];
  /** Replaces every pending timer of the instance. */
  readonly timers: readonly Timer[];
  /** A command's idempotency key: a second commit with the same key changes nothing. */
  readonly idempotencyKey?: string;
}

export type CommitResult =
  | { readonly status: 'committed'; readonly version: number }
  /** The key was committed before (by this or an earlier command); nothing changed now. */
  | { readonly status: 'duplicate'; readonly version: number; readonly instanceId: string };

export interface CommandRecord {
  readonly instanceId: string;
  /** The instance version that command produced. */
  readonly version: number;
}

/** What the engine needs from a backend. Every method may be called concurrently. */
export interface WorkflowStore {
  load(instanceId: string): Promise<Snapshot | undefined>;
  commit(commit: Commit): Promise<CommitResult>;
  /** Audit entries of an instance in `seq` order. */
  history(instanceId: string): Promise<AuditEntry[]>;
  /** Pending timers with `dueAt <= now`, earliest first (ties by id), at most `limit`. */
  dueTimers(now: number, limit?: number): Promise<Timer[]>;
  /** Pending timers of one instance, earliest first. */
  timers(instanceId: string): Promise<Timer[]>;
  /** The commit an idempotency key produced, if any. */
  findCommand(key: string): Promise<CommandRecord | undefined>;
  /** Releases connections (optional). */
  close?(): Promise<void>;
}

/** A write based on a version the store no longer holds: reload and decide again. Never overwrites. */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
  readonly code = 'conflict';
  constructor(
    readonly instanceId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number | undefined,
  ) {
    super(`Conflict on ${instanceId}: expected version ${expectedVersion}, the store holds ${actualVersion ?? 'nothing'}`);
  }
}

/** A store refused a malformed commit (audit out of order, version not increasing). */
export class StoreError extends Error {
  override readonly name = 'StoreError';
}

/** Checks a commit's own consistency; stores call it before writing. */
export function checkCommit(c: Commit, lastSeq: number): void {
  if (c.snapshot.id !== c.instanceId) throw new StoreError(`Commit for ${c.instanceId} carries the snapshot of ${c.snapshot.id}`);
  if (!(c.snapshot.version > c.expectedVersion)) throw new StoreError(`Commit for ${c.instanceId}: version ${c.snapshot.version} does not follow ${c.expectedVersion}`);
  let seq = lastSeq;
  for (const a of c.audit) {
    if (a.instanceId !== c.instanceId) throw new StoreError(`Audit entry for ${a.instanceId} in a commit for ${c.instanceId}`);
    if (a.seq !== seq + 1) throw new StoreError(`Audit of ${c.instanceId} out of order: seq ${a.seq} after ${seq}`);
    seq = a.seq;
  }
  for (const t of c.timers) if (t.instanceId !== c.instanceId) throw new StoreError(`Timer ${t.id} of ${t.instanceId} in a commit for ${c.instanceId}`);
}

export const byDue = (a: Timer, b: Timer): number => a.dueAt - b.dueAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export interface MemoryStoreOptions {
  /**
   * How the store keeps callers from changing what it holds. `false` (default): committed values
   * are deep-frozen (objects already frozen are skipped, so only what a commit adds is walked)
   * and handed out as they are: reading costs nothing, and a caller that tries to mutate a
   * snapshot gets a TypeError instead of silently changing the store. `true`: structuredClone in
   * and out, for callers that want mutable copies (about half the throughput).
   */
  readonly clone?: boolean;
}

/** Freezes a JSON value and everything in it that is not frozen yet. */
function deepFreeze<T>(value: T, depth = 0): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value) || depth > 64) return value;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v, depth + 1);
  return value;
}

/** The embedded default store (tests, demos, a single tab): everything in memory. */
export class MemoryStore implements WorkflowStore {
  readonly #snapshots = new Map<string, Snapshot>();
  readonly #audit = new Map<string, AuditEntry[]>();
  readonly #timers = new Map<string, Timer[]>();
  readonly #commands = new Map<string, CommandRecord>();
  /** Applied to values handed out. */
  readonly #clone: <T>(v: T) => T;
  /** Applied to values committed. */
  readonly #keep: <T>(v: T) => T;

  constructor(options: MemoryStoreOptions = {}) {
    this.#clone = options.clone === true ? (v) => structuredClone(v) : (v) => v;
    this.#keep = options.clone === true ? (v) => structuredClone(v) : deepFreeze;
  }

  async load(instanceId: string): Promise<Snapshot | undefined> {
    const s = this.#snapshots.get(instanceId);
    return s === undefined ? undefined : this.#clone(s);
  }

  async commit(c: Commit): Promise<CommitResult> {
    // Everything below runs without an await: one commit is atomic with respect to every other.
    if (c.idempotencyKey !== undefined) {
      const done = this.#commands.get(c.idempotencyKey);
      if (done) return { status: 'duplicate', version: done.version, instanceId: done.instanceId };
    }
    const current = this.#snapshots.get(c.instanceId)?.version ?? 0;
    if (current !== c.expectedVersion) throw new ConflictError(c.instanceId, c.expectedVersion, current || undefined);
    const log = this.#audit.get(c.instanceId) ?? [];
    checkCommit(c, log.length ? log[log.length - 1]!.seq : 0);
    const value = this.#keep({ snapshot: c.snapshot, audit: c.audit, timers: c.timers });
    this.#snapshots.set(c.instanceId, value.snapshot);
    for (const a of value.audit) log.push(a);
    this.#audit.set(c.instanceId, log);
    if (value.timers.length) this.#timers.set(c.instanceId, [...value.timers].sort(byDue));
    else this.#timers.delete(c.instanceId);
    if (c.idempotencyKey !== undefined) this.#commands.set(c.idempotencyKey, { instanceId: c.instanceId, version: c.snapshot.version });
    return { status: 'committed', version: c.snapshot.version };
  }

  async history(instanceId: string): Promise<AuditEntry[]> {
    return [...this.#clone(this.#audit.get(instanceId) ?? [])];
  }

  async dueTimers(now: number, limit = 1000): Promise<Timer[]> {
    const out: Timer[] = [];
    for (const list of this.#timers.values()) for (const t of list) if (t.dueAt <= now) out.push(t);
    return this.#clone(out.sort(byDue).slice(0, limit));
  }

  async timers(instanceId: string): Promise<Timer[]> {
    return [...this.#clone(this.#timers.get(instanceId) ?? [])];
  }

  async findCommand(key: string): Promise<CommandRecord | undefined> {
    const r = this.#commands.get(key);
    return r && { ...r };
  }

  /** Ids of every stored instance (for demos and tests). */
  ids(): string[] {
    return [...this.#snapshots.keys()];
  }
}
