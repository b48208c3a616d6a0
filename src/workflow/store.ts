// The store contract every backend implements (MemoryStore here, BrowserStore on IndexedDB,
// SqliteStore / PostgresStore in wuye-kit/server, or the host's own, proven
// with runStoreConformance()).
//
// Scoping (since the command API, issue 17): idempotency keys and timer ids belong to ONE
// instance. A store keeps them unique on (instanceId, key) and (instanceId, timerId), never
// globally, so a key or timer id used on instance A means nothing on instance B.
import type { AuditEntry, AuditKind, Snapshot, Timer } from './types.js';

/** One atomic write: the new snapshot, the audit entries to append, the instance's pending timers. */
export interface Commit {
  readonly instanceId: string;
  /** The version the writer read; 0 to create. A store holding another version refuses with ConflictError. */
  readonly expectedVersion: number;
  /** The new snapshot; its `version` is greater than `expectedVersion`. */
  readonly snapshot: Snapshot;
  /** Appended in order; `seq` continues the instance's history without gaps. */
  readonly audit: readonly AuditEntry[];
  /**
   * Replaces every pending timer of the instance. Timer ids are unique within the instance only
   * (the store's key is (instanceId, timer.id)).
   */
  readonly timers: readonly Timer[];
  /**
   * A command's idempotency key, scoped to `instanceId`: a second commit with the same
   * (instanceId, key) changes nothing and answers `duplicate` — checked BEFORE the version, so a
   * retry carrying its stale expected version is a duplicate, not a conflict. The same key on
   * another instance is a different command.
   */
  readonly idempotencyKey?: string;
}

export type CommitResult =
  | { readonly status: 'committed'; readonly version: number }
  /** The (instanceId, key) was committed before (by this or an earlier command); nothing changed now. */
  | { readonly status: 'duplicate'; readonly version: number; readonly instanceId: string };

export interface CommandRecord {
  readonly instanceId: string;
  /** The instance version that command produced. */
  readonly version: number;
}

/** Where a page of due timers ended: `dueTimers(now, limit, after)` continues strictly after it. */
export interface TimerPosition {
  readonly dueAt: number;
  readonly instanceId: string;
  readonly id: string;
}

/** What a change-feed entry says happened (the last audit entry's kind of the commit). */
export type ChangeType = 'started' | 'transition' | 'timer' | 'migrated';

export const changeTypeOf = (kind: AuditKind | undefined): ChangeType =>
  kind === 'start' ? 'started' : kind === 'timer' ? 'timer' : kind === 'migration' ? 'migrated' : 'transition';

/**
 * One committed change, as the change feed (`WorkflowStore.changes`) reports it. Written by the
 * store in the same transaction as the commit it describes.
 */
export interface StoreChange {
  /**
   * Global, strictly increasing over every instance of the store (1, 2, 3 … or with gaps). A reader
   * that has seen cursor N must never later find a change below N appear: a store with several
   * concurrent writers assigns cursors so that they become visible in order (e.g. under a lock on
   * a counter row, or from a sequence taken while holding it until commit).
   */
  readonly cursor: number;
  readonly instanceId: string;
  readonly definitionId: string;
  /** The instance version this commit produced. */
  readonly version: number;
  /** The instance's state after the commit. */
  readonly state: string;
  readonly type: ChangeType;
  /** Snapshot `updatedAt` (server time, epoch ms). */
  readonly at: number;
}

/** A query for inboxes: `WorkflowStore.list`. Every field optional; conditions are ANDed. */
export interface InstanceQuery {
  readonly definitionId?: string;
  readonly state?: string;
  /** Only instances with `updatedAt >= updatedSince` (epoch ms). */
  readonly updatedSince?: number;
  /** Keyset position: only instances strictly after it in the order (updatedAt desc, id asc). */
  readonly after?: { readonly updatedAt: number; readonly id: string };
  /** At most this many (the store may cap it; default 100). */
  readonly limit?: number;
}

/** What the engine needs from a backend. Every method may be called concurrently. */
export interface WorkflowStore {
  load(instanceId: string): Promise<Snapshot | undefined>;
  /**
   * One atomic write (all or nothing). In this order: a known (instanceId, idempotencyKey) answers
   * `duplicate`; a version other than `expectedVersion` rejects with ConflictError; a malformed
   * commit (see checkCommit) rejects with StoreError; otherwise the snapshot replaces the old one,
   * the audit is appended, the timers replace the instance's timers, the key is recorded, and —
   * for stores with a change feed — one StoreChange is appended.
   */
  commit(commit: Commit): Promise<CommitResult>;
  /** Audit entries of an instance in `seq` order. */
  history(instanceId: string): Promise<AuditEntry[]>;
  /**
   * Pending timers with `dueAt <= now`, in the order (dueAt, instanceId, id), at most `limit`
   * (default 1000). With `after`, only timers strictly after that position — how `tick()` pages
   * past timers it cannot fire instead of reading the same first page again.
   */
  dueTimers(now: number, limit?: number, after?: TimerPosition): Promise<Timer[]>;
  /** Pending timers of one instance, earliest first (ties by id). */
  timers(instanceId: string): Promise<Timer[]>;
  /** The commit an idempotency key produced ON THIS INSTANCE, if any. */
  findCommand(instanceId: string, key: string): Promise<CommandRecord | undefined>;
  /**
   * Change-feed capability (optional for embedded stores, required by wuye-kit/server's feed):
   * committed changes with `cursor > after`, in cursor order, at most `limit` (default 100).
   * `after = 0` reads from the beginning.
   */
  changes?(after: number, limit?: number): Promise<StoreChange[]>;
  /** The highest cursor committed so far (0 when none): where a new feed reader starts. */
  lastCursor?(): Promise<number>;
  /**
   * Query capability (optional for embedded stores, required by wuye-kit/server's instance list):
   * snapshots matching the query in the order (updatedAt desc, id asc).
   */
  list?(query: InstanceQuery): Promise<Snapshot[]>;
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
  if (c.timers.length === 1 && c.timers[0]!.instanceId !== c.instanceId) throw new StoreError(`Timer ${c.timers[0]!.id} of ${c.timers[0]!.instanceId} in a commit for ${c.instanceId}`);
  if (c.timers.length <= 1) return;
  // A handful of timers (the usual case) are compared pairwise, without a Set per commit.
  const ids = c.timers.length > 8 ? new Set<string>() : undefined;
  for (let i = 0; i < c.timers.length; i++) {
    const t = c.timers[i]!;
    if (t.instanceId !== c.instanceId) throw new StoreError(`Timer ${t.id} of ${t.instanceId} in a commit for ${c.instanceId}`);
    let twice = false;
    if (ids === undefined) {
      for (let j = 0; j < i; j++) if (c.timers[j]!.id === t.id) twice = true;
    } else {
      twice = ids.has(t.id);
      ids.add(t.id);
    }
    if (twice) throw new StoreError(`Timer ${t.id} twice in a commit for ${c.instanceId}`);
  }
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The order of due timers: dueAt, then instance id, then timer id. */
export const byDue = (a: Timer | TimerPosition, b: Timer | TimerPosition): number =>
  a.dueAt - b.dueAt || cmp(a.instanceId, b.instanceId) || cmp(a.id, b.id);

const inOrder = (timers: readonly Timer[]): boolean => {
  for (let i = 1; i < timers.length; i++) if (byDue(timers[i - 1]!, timers[i]!) > 0) return false;
  return true;
};

/** The order of `list`: most recently updated first, ties by id. */
export const byRecent = (a: Snapshot, b: Snapshot): number => b.updatedAt - a.updatedAt || cmp(a.id, b.id);

/** Whether a snapshot matches an InstanceQuery (for stores that filter in memory). */
export function matchesQuery(s: Snapshot, q: InstanceQuery): boolean {
  if (q.definitionId !== undefined && s.definitionId !== q.definitionId) return false;
  if (q.state !== undefined && s.state !== q.state) return false;
  if (q.updatedSince !== undefined && s.updatedAt < q.updatedSince) return false;
  if (q.after !== undefined && !(s.updatedAt < q.after.updatedAt || (s.updatedAt === q.after.updatedAt && s.id > q.after.id))) return false;
  return true;
}

/** The feed entry a commit produces (without its cursor). */
export function changeOf(c: Commit): Omit<StoreChange, 'cursor'> {
  const last = c.audit[c.audit.length - 1];
  return { instanceId: c.instanceId, definitionId: c.snapshot.definitionId, version: c.snapshot.version, state: c.snapshot.state, type: changeTypeOf(last?.kind), at: c.snapshot.updatedAt };
}

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

/**
 * Freezes a JSON value and everything in it that is not frozen yet. Objects already frozen are
 * not entered: the engine shares every unchanged part of a snapshot with the one before it (and
 * freezes what it builds), so a commit walks only what it added. `for…in` / indexed loops, no
 * `Object.values` arrays: this runs on every commit.
 * @internal
 */
export function deepFreeze<T>(value: T, depth = 0): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value) || depth > 64) return value;
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (typeof v === 'object' && v !== null) deepFreeze(v, depth + 1);
    }
  } else {
    const o = value as Record<string, unknown>;
    for (const k in o) {
      const v = o[k];
      if (typeof v === 'object' && v !== null) deepFreeze(v, depth + 1);
    }
  }
  return value;
}

/**
 * deepFreeze, beside `frozen`: a value this store froze before (the instance's previous snapshot),
 * walked in step with `value`. Whatever `value` shares with it at the same place is frozen already
 * and is passed over with a comparison, without asking the engine whether it is frozen (a call
 * into the runtime per object): a commit pays for what it changed, not for what it kept.
 */
function freezeBeside<T>(value: T, frozen: unknown, depth = 0): T {
  if (value === frozen || typeof value !== 'object' || value === null) return value;
  if (typeof frozen !== 'object' || frozen === null) return deepFreeze(value, depth);
  // A value in place of a frozen one is nearly always new: frozen without asking first (freezing
  // twice is harmless; Object.isFrozen is a call into the runtime, like Object.freeze).
  if (depth > 64) return value;
  Object.freeze(value);
  const was = frozen as Record<string, unknown>;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (typeof v === 'object' && v !== null) freezeBeside(v, was[i], depth + 1);
    }
  } else {
    const o = value as Record<string, unknown>;
    for (const k in o) {
      const v = o[k];
      if (typeof v === 'object' && v !== null) freezeBeside(v, Object.hasOwn(was, k) ? was[k] : undefined, depth + 1);
    }
  }
  return value;
}

/** What MemoryStore holds of one instance: one map entry, so a commit looks its instance up once. */
interface Held {
  snapshot: Snapshot;
  readonly audit: AuditEntry[];
  /** In due order. */
  timers: readonly Timer[];
  /** Idempotency key → the version its command produced. */
  commands: Map<string, number> | undefined;
}

const NO_TIMERS: readonly Timer[] = Object.freeze([]);

/**
 * The reads and the commit of a store that completes them at once (MemoryStore), without a
 * promise: the engine calls these when a store has them and saves a turn of the microtask queue
 * (and the promises) per call — about a tenth of a lifecycle's time on MemoryStore. The same
 * answers as the promise-returning methods, errors thrown instead of rejected.
 * @internal
 */
export const IMMEDIATE: unique symbol = Symbol.for('wy:immediate-store');

/** @internal See IMMEDIATE. */
export interface ImmediateStore {
  findCommand(instanceId: string, key: string): CommandRecord | undefined;
  load(instanceId: string): Snapshot | undefined;
  commit(c: Commit): CommitResult;
}

/**
 * The store's immediate methods, when it has them and answers with them: a MemoryStore whose
 * `load`, `findCommand` and `commit` are its own. A subclass overriding one of them, or a wrapper
 * (a Proxy logging or failing commits), is called through its promise-returning methods.
 * @internal
 */
export function immediateOf(store: WorkflowStore): ImmediateStore | undefined {
  const own = MemoryStore.prototype;
  if (store.load !== own.load || store.commit !== own.commit || store.findCommand !== own.findCommand) return undefined;
  return (store as { [IMMEDIATE]?: ImmediateStore })[IMMEDIATE];
}

/** The embedded default store (tests, demos, a single tab): everything in memory. */
export class MemoryStore implements WorkflowStore {
  readonly #held = new Map<string, Held>();
  /**
   * The change feed as columns (change n at index n): values only, no object per commit for the
   * collector to carry; changes() makes the rows it hands out. Index 0 holds a placeholder of each
   * column's kind (a string, a small integer, a fractional number), so a new store's lists are of
   * the kind a long-used one's are: an empty list in V8 starts as small integers and changes kind at
   * its first string or large number, and code optimized on an older store was thrown away at
   * each new store's first commit (seen in the workflow benchmark, one store per round).
   */
  readonly #feed = { instanceId: [''], definitionId: [''], version: [0], state: [''], type: ['transition'] as ChangeType[], at: [0.5] };
  readonly #copies: boolean;

  /**
   * What a value handed out is: a structured clone with `clone: true`, else the value itself. A
   * method, not a closure made per store: code optimized for one store then serves the next.
   */
  #clone<T>(v: T): T {
    return this.#copies ? structuredClone(v) : v;
  }

  constructor(options: MemoryStoreOptions = {}) {
    this.#copies = options.clone === true;
  }

  /** @internal See IMMEDIATE: the same reads and commit, answered at once. */
  readonly [IMMEDIATE]: ImmediateStore = {
    findCommand: (instanceId, key) => this.#findCommand(instanceId, key),
    load: (instanceId) => this.#load(instanceId),
    commit: (c) => this.#commit(c),
  };

  async load(instanceId: string): Promise<Snapshot | undefined> {
    return this.#load(instanceId);
  }

  #load(instanceId: string): Snapshot | undefined {
    const h = this.#held.get(instanceId);
    return h === undefined ? undefined : this.#clone(h.snapshot);
  }

  async commit(c: Commit): Promise<CommitResult> {
    return this.#commit(c);
  }

  #commit(c: Commit): CommitResult {
    // Everything below runs at once: one commit is atomic with respect to every other.
    const held = this.#held.get(c.instanceId);
    if (c.idempotencyKey !== undefined) {
      const done = held?.commands?.get(c.idempotencyKey);
      if (done !== undefined) return { status: 'duplicate', version: done, instanceId: c.instanceId };
    }
    const current = held?.snapshot.version ?? 0;
    if (current !== c.expectedVersion) throw new ConflictError(c.instanceId, c.expectedVersion, current || undefined);
    const log = held?.audit;
    checkCommit(c, log?.length ? log[log.length - 1]!.seq : 0);
    let snapshot: Snapshot;
    let audit: readonly AuditEntry[];
    let timers: readonly Timer[];
    if (this.#copies) {
      snapshot = structuredClone(c.snapshot);
      audit = structuredClone(c.audit);
      timers = structuredClone(c.timers);
    } else {
      // The snapshot beside the one it replaces (deep-frozen by this store), then the entries (whose
      // payloads the snapshot may share), each one: the caller's arrays themselves are not kept.
      snapshot = freezeBeside(c.snapshot, held?.snapshot);
      for (const a of c.audit) deepFreeze(a);
      audit = c.audit;
      timers = c.timers.length === 0 ? NO_TIMERS : deepFreeze(c.timers);
    }
    // Kept in due order; a list already in order (the engine's usually is) is kept as it is (frozen).
    timers = timers.length === 0 ? NO_TIMERS : inOrder(timers) ? timers : [...timers].sort(byDue);
    let h = held;
    if (h === undefined) this.#held.set(c.instanceId, (h = { snapshot, audit: [], timers, commands: undefined }));
    else {
      h.snapshot = snapshot;
      h.timers = timers;
    }
    for (const a of audit) h.audit.push(a);
    if (c.idempotencyKey !== undefined) (h.commands ??= new Map()).set(c.idempotencyKey, snapshot.version);
    const last = c.audit[c.audit.length - 1];
    const f = this.#feed;
    f.instanceId.push(c.instanceId);
    f.definitionId.push(snapshot.definitionId);
    f.version.push(snapshot.version);
    f.state.push(snapshot.state);
    f.type.push(changeTypeOf(last?.kind));
    f.at.push(snapshot.updatedAt);
    return { status: 'committed', version: snapshot.version };
  }

  async history(instanceId: string): Promise<AuditEntry[]> {
    return [...this.#clone(this.#held.get(instanceId)?.audit ?? [])];
  }

  async dueTimers(now: number, limit = 1000, after?: TimerPosition): Promise<Timer[]> {
    const out: Timer[] = [];
    for (const h of this.#held.values()) for (const t of h.timers) if (t.dueAt <= now && (after === undefined || byDue(t, after) > 0)) out.push(t);
    return this.#clone(out.sort(byDue).slice(0, limit));
  }

  async timers(instanceId: string): Promise<Timer[]> {
    return [...this.#clone(this.#held.get(instanceId)?.timers ?? [])];
  }

  async findCommand(instanceId: string, key: string): Promise<CommandRecord | undefined> {
    return this.#findCommand(instanceId, key);
  }

  #findCommand(instanceId: string, key: string): CommandRecord | undefined {
    const version = this.#held.get(instanceId)?.commands?.get(key);
    return version === undefined ? undefined : { instanceId, version };
  }

  async changes(after: number, limit = 100): Promise<StoreChange[]> {
    // Cursors are 1, 2, 3 …: the change with cursor n sits at index n (index 0: the placeholder).
    const from = Math.max(0, Math.floor(after)) + 1;
    const f = this.#feed;
    const out: StoreChange[] = [];
    for (let i = from; i < Math.min(f.at.length, from + Math.max(1, limit)); i++) {
      out.push({ cursor: i, instanceId: f.instanceId[i]!, definitionId: f.definitionId[i]!, version: f.version[i]!, state: f.state[i]!, type: f.type[i]!, at: f.at[i]! });
    }
    return out;
  }

  async lastCursor(): Promise<number> {
    return this.#feed.at.length - 1;
  }

  async list(query: InstanceQuery): Promise<Snapshot[]> {
    const out: Snapshot[] = [];
    for (const h of this.#held.values()) if (matchesQuery(h.snapshot, query)) out.push(h.snapshot);
    return this.#clone(out.sort(byRecent).slice(0, Math.max(1, query.limit ?? 100)));
  }

  /** Ids of every stored instance (for demos and tests). */
  ids(): string[] {
    return [...this.#held.keys()];
  }
}
