// The engine: loads a snapshot, asks the pure functions what happens, and commits snapshot +
// audit + timers atomically through the store (optimistic concurrency, idempotency keys).
import type { BusinessCalendar } from '../core/calendar/calendar.js';
import type { Locale } from '../core/i18n/locale.js';
import { availableActions, type AvailableAction } from './actions.js';
import { pendingTimers, pendingTimersSince, readClocks, type ClockReadout } from './clocks.js';
import { DefinitionError, checkDefinition } from './definition.js';
import { ensureDataSchema, schemaGeneration } from './data-schemas.js';
import { migrate, MigrationError } from './migrate.js';
import { ConflictError, immediateOf, type Commit, type CommitResult, type TimerPosition, type WorkflowStore } from './store.js';
import { sha256Hex } from './hash.js';
import { fallbackCalendar, fireTimer, sealDefinition, startInstance, SYSTEM_ACTOR, transition, type Known } from './transition.js';
import { childrenTimerId, childrenTimers, childStarts, finishPendingStart, parentOf, pendingStarts, recordChild, recordPendingStart, startsChildren, type PendingStart } from './children.js';
import type { Accepted as Transitioned, Actor, AuditEntry, Effect, Refusal, Snapshot, Timer, WorkflowDefinition, WorkflowEvent } from './types.js';
import { randomId } from '../core/kernel/ids.js';

export interface EngineOptions {
  readonly definitions: readonly WorkflowDefinition[];
  readonly store: WorkflowStore;
  /** Current time in epoch ms; default Date.now. */
  readonly clock?: () => number;
  /** Business calendar for business-time clocks; default: every moment counts. */
  readonly calendar?: BusinessCalendar;
  /** Lint every definition when the engine is created (throws DefinitionError on errors). Default true. */
  readonly check?: boolean;
  /** Language of field error messages in refusals. Default zh-CN. */
  readonly locale?: Locale;
  /** Makes instance ids; default crypto.randomUUID where available. */
  readonly newId?: () => string;
  /** Called when a subscriber throws; default: ignored, so one bad listener cannot stop the engine. */
  readonly onListenerError?: (error: unknown) => void;
  /**
   * Called when `tick()` cannot handle one instance (its definition is unknown, its row is corrupt,
   * its store read fails): the instance is skipped and reported here and in TickResult.problems;
   * every other instance goes on. Default: nothing beyond the TickResult.
   */
  readonly onError?: (error: unknown, context: { readonly instanceId: string; readonly timerId?: string }) => void;
  /** Largest event payload / start data in UTF-8 bytes of JSON; default 64 KiB (MAX_PAYLOAD_BYTES). */
  readonly maxPayloadBytes?: number;
}

export interface Accepted {
  readonly ok: true;
  readonly snapshot: Snapshot;
  readonly effects: readonly Effect[];
  /** Entries this call appended (a migration first, when one ran, then the event). */
  readonly audit: readonly AuditEntry[];
  /** True when the command had been committed before: nothing happened now. */
  readonly duplicate: boolean;
  /** Child instances this change started (a `start-children` effect), or refused to start. */
  readonly children?: readonly SendResult[];
}

export type SendResult = Accepted | Refusal;

export interface EngineChange {
  readonly type: 'started' | 'transition' | 'timer' | 'migrated';
  readonly instanceId: string;
  readonly snapshot: Snapshot;
  readonly audit: readonly AuditEntry[];
  readonly effects: readonly Effect[];
}

export interface TickProblem {
  readonly instanceId: string;
  readonly timerId: string;
  /** The error's name and message (e.g. `UnknownDefinitionError: No workflow definition x`). */
  readonly error: string;
}

export interface TickResult {
  /** Timers fired now. */
  readonly fired: number;
  /** Timers already fired by someone else (an idempotent repeat) or no longer pending (stale). */
  readonly skipped: number;
  /** Timers whose instance could not be loaded or fired (unknown definition, corrupt row): skipped and reported. */
  readonly failed: number;
  readonly problems: readonly TickProblem[];
  readonly effects: readonly Effect[];
}

export interface StartInput {
  /** Instance id; default: derived from the command id (see startInstanceId), else a random id. */
  readonly id?: string;
  readonly data?: unknown;
  /**
   * Idempotency key: starting twice with the same key (same actor, same definition) creates one
   * instance. Keys are scoped per instance, so without `id` the instance id is derived from
   * (definitionId, actor id, commandId) and the retry lands on the same instance.
   */
  readonly commandId?: string;
}

/**
 * The instance id a start with a command id gets when no id is given: `wf-` and 32 hex digits of
 * SHA-256 over definition id, actor id and command id. Another actor (or another definition)
 * with the same command id gets another instance; nobody can aim a start at an existing id
 * without knowing its owner's command id.
 */
export function startInstanceId(definitionId: string, actorId: string, commandId: string): string {
  return `wf-${sha256Hex(`wuye-kit/start\u0000${definitionId}\u0000${actorId}\u0000${commandId}`).slice(0, 32)}`;
}

export interface Engine {
  start(definitionId: string, input: StartInput, actor: Actor): Promise<SendResult>;
  /** Sends an event; `event.expectedVersion` (the version the actor saw) turns a stale command into a ConflictError. */
  send(instanceId: string, event: WorkflowEvent & { readonly expectedVersion?: number }, actor: Actor): Promise<SendResult>;
  /** The current snapshot (migrated, and the migration committed, when the definition is newer). */
  get(instanceId: string): Promise<Snapshot | undefined>;
  availableActions(instance: Snapshot | string, actor: Actor): Promise<AvailableAction[]>;
  /** Clock read-outs at `now` (default: the engine's clock). */
  clocks(instance: Snapshot | string, now?: number): Promise<ClockReadout[]>;
  /**
   * Fires every timer due at `now` exactly once, including ones that fell due while nothing ran:
   * SLA deadlines, and `children` timers that carry out a start of child instances a crash
   * interrupted (src/workflow/children.ts).
   */
  tick(now?: number): Promise<TickResult>;
  history(instanceId: string): Promise<AuditEntry[]>;
  definition(id: string): WorkflowDefinition | undefined;
  /** Listens to committed changes (all instances, or one). Returns the unsubscribe function. */
  subscribe(listener: (change: EngineChange) => void, options?: { readonly instanceId?: string }): () => void;
}

export class UnknownInstanceError extends Error {
  override readonly name = 'UnknownInstanceError';
  constructor(readonly instanceId: string) {
    super(`No workflow instance ${instanceId}`);
  }
}

export class UnknownDefinitionError extends Error {
  override readonly name = 'UnknownDefinitionError';
  constructor(readonly definitionId: string) {
    super(`No workflow definition ${definitionId}`);
  }
}


const MAX_TICK_FIRINGS = 10_000;
/** How many instances the engine remembers its last commit of (see Hot in createEngine). */
const HOT_INSTANCES = 1024;
const NONE: AuditEntry[] = [];
const DATA_VALID: Known = Object.freeze({ dataValid: true });
const NOTHING_KNOWN: Known = Object.freeze({ dataValid: false });

export function createEngine(options: EngineOptions): Engine {
  const { store } = options;
  /** MemoryStore's reads and commit without promises (see IMMEDIATE in store.ts); else undefined. */
  const immediate = immediateOf(store);
  const clock = options.clock ?? (() => Date.now());
  const calendar = options.calendar ?? fallbackCalendar();
  const locale = options.locale ?? 'zh-CN';
  const newId = options.newId ?? randomId;
  const tOptions = { calendar, locale, ...(options.maxPayloadBytes !== undefined ? { maxPayloadBytes: options.maxPayloadBytes } : {}) };

  const defs = new Map<string, WorkflowDefinition>();
  for (const d of options.definitions) {
    if (options.check !== false) {
      const report = checkDefinition(d);
      if (!report.ok) throw new DefinitionError(d.id, report.problems);
    }
    // Immutable once registered: what the runtime derives from a definition stays true.
    sealDefinition(d);
    const prev = defs.get(d.id);
    if (!prev || prev.version < d.version) defs.set(d.id, d);
  }

  // Data schemas other than the built-in ones load on demand; every operation waits for them
  // (a flag once they are there: no extra await per command).
  let schemasLoaded = false;
  const dataSchemasReady = Promise.all([...defs.values()].map((d) => ensureDataSchema(d.dataSchema))).then(() => {
    schemasLoaded = true;
  });

  const listeners = new Set<{ fn: (c: EngineChange) => void; instanceId?: string }>();
  function emit(change: EngineChange) {
    for (const l of listeners) {
      if (l.instanceId !== undefined && l.instanceId !== change.instanceId) continue;
      try {
        l.fn(change);
      } catch (err) {
        options.onListenerError?.(err);
      }
    }
  }

  function defFor(s: Snapshot): WorkflowDefinition {
    const d = defs.get(s.definitionId);
    if (!d) throw new UnknownDefinitionError(s.definitionId);
    return d;
  }

  /**
   * What this engine knows of the snapshots it committed last (per instance, the most recent
   * HOT_INSTANCES): the snapshot object, whether its data was checked against the data schema (and
   * under which registration, schemaGeneration), and the timers of its clocks. When the store hands
   * back that very object (MemoryStore keeps it frozen), the next event checks only what it changes,
   * and a change that leaves the clocks as they were keeps their timers. A store that copies (SQLite,
   * MemoryStore({ clone: true })) never hands back the same object, so its data is checked whole.
   * Plain maps keyed by instance id: no WeakMap work per event (costly for objects made per event).
   */
  interface Hot {
    snapshot: Snapshot;
    dataValid: boolean;
    generation: number;
    clockTimers: readonly Timer[];
  }
  const hot = new Map<string, Hot>();
  function remember(s: Snapshot, dataValid: boolean, clockTimers: readonly Timer[]): void {
    const h = hot.get(s.id);
    if (h !== undefined) {
      // Updated in place (the map keeps its first-inserted order: the oldest go first when full).
      h.snapshot = s;
      h.dataValid = dataValid;
      h.generation = schemaGeneration();
      h.clockTimers = clockTimers;
      return;
    }
    if (hot.size >= HOT_INSTANCES) hot.delete(hot.keys().next().value!);
    hot.set(s.id, { snapshot: s, dataValid, generation: schemaGeneration(), clockTimers });
  }
  /** The record of `s` when `s` is the very snapshot this engine committed last for it. */
  function hotOf(s: Snapshot): Hot | undefined {
    const h = hot.get(s.id);
    return h !== undefined && h.snapshot === s ? h : undefined;
  }

  /** The timers of the clocks of `s` (`known`: the record of the snapshot it was made from). */
  function clockTimersOf(def: WorkflowDefinition, s: Snapshot, known?: Hot): readonly Timer[] {
    if (known === undefined) return pendingTimers(def, s, calendar);
    return known.snapshot.clocks === s.clocks && known.snapshot.id === s.id ? known.clockTimers : pendingTimersSince(def, s, calendar, known.snapshot, known.clockTimers);
  }

  /** The timers an instance waits for: its clocks' deadlines and its unfinished starts of children. */
  function withChildren(clockTimers: readonly Timer[], s: Snapshot): readonly Timer[] {
    const kids = childrenTimers(s);
    return kids.length ? [...clockTimers, ...kids] : clockTimers;
  }
  function timersFor(def: WorkflowDefinition, s: Snapshot): readonly Timer[] {
    return withChildren(pendingTimers(def, s, calendar), s);
  }

  /** Loads and, when the definition is newer, migrates and commits the migration. */
  async function load(instanceId: string): Promise<{ snapshot: Snapshot; migrated: AuditEntry[] } | undefined> {
    const s = await store.load(instanceId);
    if (!s) return undefined;
    const def = defFor(s);
    if (s.definitionVersion === def.version) return { snapshot: s, migrated: NONE };
    const m = migrate(def, s, clock(), tOptions);
    const r = await store.commit({
      instanceId,
      expectedVersion: s.version,
      snapshot: m.snapshot,
      audit: m.audit,
      timers: timersFor(def, m.snapshot),
      idempotencyKey: m.audit[m.audit.length - 1]!.commandId!,
    });
    if (r.status === 'duplicate') {
      // Migrated concurrently by another engine: read what it wrote.
      const again = await store.load(instanceId);
      if (!again || again.definitionVersion !== def.version) throw new MigrationError('Concurrent migration left an unmigrated instance', instanceId, s.definitionVersion, def.version);
      return { snapshot: again, migrated: [] };
    }
    emit({ type: 'migrated', instanceId, snapshot: m.snapshot, audit: m.audit, effects: [] });
    return { snapshot: m.snapshot, migrated: m.audit };
  }

  async function duplicateOf(key: string | undefined, instanceId: string): Promise<Accepted | undefined> {
    if (key === undefined) return undefined;
    const done = await store.findCommand(instanceId, key);
    if (!done || done.instanceId !== instanceId) return undefined;
    const snapshot = await store.load(done.instanceId);
    if (!snapshot) return undefined;
    return { ok: true, snapshot, effects: [], audit: [], duplicate: true };
  }

  /** A change the engine decides on its own (a timer, a child's news, a finished start of children). */
  interface SystemChange {
    readonly snapshot: Snapshot;
    readonly audit: AuditEntry;
    readonly effects: readonly Effect[];
    readonly type: EngineChange['type'];
  }

  /**
   * The one commit-retry loop of the engine: loads the instance, asks `decide` what changes
   * (undefined: nothing to do), commits it under the audit entry's idempotency key, and on a
   * ConflictError (another writer moved the instance) loads and decides again, at most `attempts`
   * times. Returns the committed change, or undefined when there was nothing to do or it had been
   * committed before (a duplicate).
   */
  async function commitDecided(instanceId: string, attempts: number, decide: (s: Snapshot, def: WorkflowDefinition) => SystemChange | undefined): Promise<SystemChange | undefined> {
    for (let attempt = 1; ; attempt++) {
      const loaded = await load(instanceId);
      if (!loaded) return undefined;
      const def = defFor(loaded.snapshot);
      const change = decide(loaded.snapshot, def);
      if (!change) return undefined;
      try {
        const c = await store.commit({
          instanceId,
          expectedVersion: loaded.snapshot.version,
          snapshot: change.snapshot,
          audit: [change.audit],
          timers: timersFor(def, change.snapshot),
          idempotencyKey: change.audit.commandId!,
        });
        if (c.status === 'duplicate') return undefined;
        emit({ type: change.type, instanceId, snapshot: change.snapshot, audit: [change.audit], effects: change.effects });
        return change;
      } catch (err) {
        if (!(err instanceof ConflictError) || attempt >= attempts) throw err;
      }
    }
  }

  /** Fires one timer: its effects, or undefined when it was stale or fired by someone else. */
  async function fireOne(timer: Timer, at: number): Promise<readonly Effect[] | undefined> {
    if (timer.kind === 'children') return resumeChildren(timer);
    const done = await commitDecided(timer.instanceId, 3, (s, def) => {
      const f = fireTimer(def, s, timer, at, tOptions);
      return f && { ...f, type: 'timer' };
    });
    return done?.effects;
  }

  /**
   * Parent/child links (src/workflow/children.ts) after a committed change: starts the children a
   * `start-children` effect asked for (`pending`: the intent the change recorded), then tells this
   * instance's parent its new state; the parent may move on when all its children are done.
   */
  const startingChildren = new Set<string>();
  async function linkChildren(s: Snapshot, effects: readonly Effect[], actor: Actor, pending: PendingStart | undefined, started = false): Promise<SendResult[]> {
    const kids = pending ? await startChildren(s, pending, effects, actor) : [];
    await joinParent(s, started);
    return kids;
  }

  /** Tells `s`'s parent (if any) its state; `started`: it has just been started for that parent. */
  async function joinParent(s: Snapshot, started: boolean): Promise<void> {
    const link = parentOf(s);
    const childDef = defs.get(s.definitionId);
    if (!link || !childDef) return;
    const done = await commitDecided(link.id, 5, (p, def) => {
      if (p.definitionId !== link.definition) return undefined;
      const u = recordChild(def, p, s, childDef, clock(), calendar, started);
      return u && { ...u, effects: [], type: 'transition' };
    });
    // The parent's own parent hears of its new state in turn.
    if (done) await joinParent(done.snapshot, false);
  }

  /**
   * Starts the children of one start (idempotently: a child started before is a duplicate, and is
   * joined to its parent in case the parent had not heard of it), then clears the intent.
   */
  async function startChildren(parent: Snapshot, pending: PendingStart, effects: readonly Effect[], actor: Actor): Promise<SendResult[]> {
    const kids: SendResult[] = [];
    let refused = 0;
    for (const c of childStarts(parent, effects, pending.key)) {
      startingChildren.add(c.commandId);
      let r: SendResult;
      try {
        r = await engine.start(c.definition, { data: c.data, commandId: c.commandId }, actor);
      } finally {
        startingChildren.delete(c.commandId);
      }
      if (!r.ok) refused++;
      else if (r.duplicate) await joinParent(r.snapshot, true);
      kids.push(r);
    }
    await commitDecided(parent.id, 5, (p, def) => {
      const u = finishPendingStart(def, p, pending.seq, { started: kids.length - refused, refused }, clock());
      return u && { ...u, effects: [], type: 'transition' };
    });
    return kids;
  }

  /** A `children` timer: a start of children a crash interrupted, carried out now. */
  async function resumeChildren(timer: Timer): Promise<readonly Effect[] | undefined> {
    const loaded = await load(timer.instanceId);
    if (!loaded) return undefined;
    const pending = pendingStarts(loaded.snapshot).find((p) => childrenTimerId(p.seq) === timer.id);
    if (!pending) return undefined;
    const entry = (await store.history(timer.instanceId)).find((a) => a.seq === pending.seq);
    // The children are started as whoever asked for them (their ids derive from that actor).
    const actor: Actor = entry ? { id: entry.actor.id, name: entry.actor.name, roles: entry.actor.roles } : SYSTEM_ACTOR;
    await startChildren(loaded.snapshot, pending, entry?.effects ?? [], actor);
    return [];
  }

  /** What send() decided before committing: the transition, the snapshot and timers to commit. */
  interface Decided {
    readonly ok: true;
    readonly instanceId: string;
    /** The snapshot the event was sent to (after a migration, if one ran). */
    readonly snapshot: Snapshot;
    readonly migrated: readonly AuditEntry[];
    readonly def: WorkflowDefinition;
    readonly r: Transitioned;
    readonly dataValid: boolean;
    readonly pending: PendingStart | undefined;
    readonly next: Snapshot;
    readonly clockTimers: readonly Timer[];
    readonly commit: Commit;
  }

  /** send() up to the commit: the version check, the transition and what to commit (no I/O). */
  function decide(instanceId: string, event: WorkflowEvent & { readonly expectedVersion?: number }, actor: Actor, snapshot: Snapshot, migrated: readonly AuditEntry[]): Decided | Refusal {
    if (event.expectedVersion !== undefined && event.expectedVersion !== snapshot.version && migrated.length === 0) {
      throw new ConflictError(instanceId, event.expectedVersion, snapshot.version);
    }
    const def = defFor(snapshot);
    const now = clock();
    const h = hotOf(snapshot);
    const dataValid = h !== undefined && h.dataValid && h.generation === schemaGeneration();
    const r = transition(def, snapshot, event, actor, now, tOptions, dataValid ? DATA_VALID : NOTHING_KNOWN);
    if (!r.ok) return r;
    // A change that starts children records the intent in the same commit (resumable by tick()).
    const pending: PendingStart | undefined = startsChildren(r.effects) ? { seq: r.audit.seq, key: event.commandId ?? `${instanceId}:${r.snapshot.auditCount}`, at: now } : undefined;
    const next = pending ? recordPendingStart(r.snapshot, pending) : r.snapshot;
    const clockTimers = clockTimersOf(def, next, h);
    const commit: { -readonly [K in keyof Commit]: Commit[K] } = { instanceId, expectedVersion: snapshot.version, snapshot: next, audit: [r.audit], timers: withChildren(clockTimers, next) };
    if (event.commandId) commit.idempotencyKey = event.commandId;
    return { ok: true, instanceId, snapshot, migrated, def, r, dataValid, pending, next, clockTimers, commit };
  }

  /** send() after the commit: remembers, tells listeners, starts or joins children; the answer. */
  function settle(d: Decided, c: CommitResult, event: WorkflowEvent, actor: Actor): SendResult | Promise<SendResult> {
    const { instanceId, snapshot, r, next } = d;
    if (c.status === 'duplicate') return duplicateOf(event.commandId, instanceId).then((dup) => dup ?? { ok: true, snapshot, effects: [], audit: [], duplicate: true });
    // The data of `next` was checked when the event changed it (whole, or by what changed from
    // valid data); unchanged, it is as valid as before. Children's bookkeeping is not checked.
    const checked = d.def.dataSchema !== undefined && (r.snapshot.data === snapshot.data ? d.dataValid : true) && next.data === r.snapshot.data;
    remember(next, checked, d.clockTimers);
    if (listeners.size) emit({ type: 'transition', instanceId, snapshot: next, audit: [r.audit], effects: r.effects });
    const audit = d.migrated.length ? [...d.migrated, r.audit] : [r.audit];
    if (d.pending || parentOf(next)) {
      return linkChildren(next, r.effects, actor, d.pending).then((kids) =>
        kids.length ? { ok: true, snapshot: next, effects: r.effects, audit, duplicate: false, children: kids } : { ok: true, snapshot: next, effects: r.effects, audit, duplicate: false },
      );
    }
    return { ok: true, snapshot: next, effects: r.effects, audit, duplicate: false };
  }

  /** send() for any store (and for MemoryStore when something on the way has to wait). */
  async function sendAsync(instanceId: string, event: WorkflowEvent & { readonly expectedVersion?: number }, actor: Actor): Promise<SendResult> {
    if (!schemasLoaded) await dataSchemasReady;
    if (event.commandId !== undefined && (immediate !== undefined ? immediate.findCommand(instanceId, event.commandId) : await store.findCommand(instanceId, event.commandId))?.instanceId === instanceId) {
      const dup = await duplicateOf(event.commandId, instanceId);
      if (dup) return dup;
    }
    // load(), without its extra promise when no migration is due.
    let snapshot = immediate !== undefined ? immediate.load(instanceId) : await store.load(instanceId);
    if (!snapshot) throw new UnknownInstanceError(instanceId);
    let migrated = NONE;
    if (snapshot.definitionVersion !== defFor(snapshot).version) {
      const loaded = await load(instanceId);
      if (!loaded) throw new UnknownInstanceError(instanceId);
      ({ snapshot, migrated } = loaded);
    }
    const d = decide(instanceId, event, actor, snapshot, migrated);
    if (!d.ok) return d;
    return settle(d, immediate !== undefined ? immediate.commit(d.commit) : await store.commit(d.commit), event, actor);
  }

  const engine: Engine = {
    async start(definitionId, input, actor) {
      if (!schemasLoaded) await dataSchemasReady;
      const def = defs.get(definitionId);
      if (!def) throw new UnknownDefinitionError(definitionId);
      const id = input.id ?? (input.commandId ? startInstanceId(definitionId, actor.id, input.commandId) : newId());
      if (input.commandId !== undefined && (immediate === undefined || immediate.findCommand(id, input.commandId) !== undefined)) {
        const dup = await duplicateOf(input.commandId, id);
        if (dup) return dup;
      }
      const r = startInstance(def, { id, data: input.data, ...(input.commandId ? { commandId: input.commandId } : {}) }, actor, clock(), tOptions, NOTHING_KNOWN);
      if (!r.ok) return r;
      const clockTimers = pendingTimers(def, r.snapshot, calendar);
      const first: Commit = {
        instanceId: id,
        expectedVersion: 0,
        snapshot: r.snapshot,
        audit: [r.audit],
        timers: withChildren(clockTimers, r.snapshot),
        ...(input.commandId ? { idempotencyKey: input.commandId } : {}),
      };
      const c = immediate !== undefined ? immediate.commit(first) : await store.commit(first);
      if (c.status === 'duplicate') return (await duplicateOf(input.commandId, id)) ?? { ok: true, snapshot: r.snapshot, effects: [], audit: [], duplicate: true };
      remember(r.snapshot, def.dataSchema !== undefined, clockTimers);
      if (listeners.size) emit({ type: 'started', instanceId: id, snapshot: r.snapshot, audit: [r.audit], effects: r.effects });
      // Only a child this engine starts for a start-children effect joins its parent on start.
      if (parentOf(r.snapshot)) await joinParent(r.snapshot, input.commandId !== undefined && startingChildren.has(input.commandId));
      return { ok: true, snapshot: r.snapshot, effects: r.effects, audit: [r.audit], duplicate: false };
    },

    send(instanceId, event, actor) {
      // MemoryStore answers at once: send runs without an async function (whose frame is an object
      // per call) up to the commit when nothing before it has to wait (no duplicate, no migration:
      // those go the general way, sendAsync, before anything is written). Children are started or
      // joined after the commit, as sendAsync does, and the answer then waits for them.
      if (immediate === undefined || !schemasLoaded) return sendAsync(instanceId, event, actor);
      try {
        if (event.commandId !== undefined && immediate.findCommand(instanceId, event.commandId)?.instanceId === instanceId) return sendAsync(instanceId, event, actor);
        const snapshot = immediate.load(instanceId);
        if (!snapshot) throw new UnknownInstanceError(instanceId);
        if (snapshot.definitionVersion !== defFor(snapshot).version) return sendAsync(instanceId, event, actor);
        const d = decide(instanceId, event, actor, snapshot, NONE);
        if (!d.ok) return Promise.resolve(d);
        const done = settle(d, immediate.commit(d.commit), event, actor);
        return done instanceof Promise ? done : Promise.resolve(done);
      } catch (err) {
        return Promise.reject(err);
      }
    },

    async get(instanceId) {
      if (!schemasLoaded) await dataSchemasReady;
      return (await load(instanceId))?.snapshot;
    },

    async availableActions(instance, actor) {
      if (!schemasLoaded) await dataSchemasReady;
      const s = typeof instance === 'string' ? await engine.get(instance) : instance;
      if (!s) throw new UnknownInstanceError(String(instance));
      return availableActions(defFor(s), s, actor, clock());
    },

    async clocks(instance, now) {
      if (!schemasLoaded) await dataSchemasReady;
      const s = typeof instance === 'string' ? await engine.get(instance) : instance;
      if (!s) throw new UnknownInstanceError(String(instance));
      return readClocks(defFor(s), s, now ?? clock(), calendar);
    },

    async tick(now) {
      if (!schemasLoaded) await dataSchemasReady;
      const at = now ?? clock();
      let fired = 0;
      let skipped = 0;
      let failed = 0;
      const problems: TickProblem[] = [];
      const effects: Effect[] = [];
      const seen = new Set<string>();
      // Pages through the due timers in (dueAt, instanceId, id) order: a timer that cannot fire
      // (stale, or its instance broken) is passed, never read again in this tick.
      // Firing can add timers that are already due behind the position (an escalation after a
      // breach): a pass that fired anything is followed by another from the start, which skips
      // what this tick has seen.
      let after: TimerPosition | undefined;
      let firedInPass = 0;
      while (fired + skipped + failed < MAX_TICK_FIRINGS) {
        const page = await store.dueTimers(at, 500, after);
        if (page.length === 0) {
          if (firedInPass === 0) break;
          firedInPass = 0;
          after = undefined;
          continue;
        }
        const last = page[page.length - 1]!;
        after = { dueAt: last.dueAt, instanceId: last.instanceId, id: last.id };
        for (const timer of page) {
          const key = `${timer.instanceId}\u0000${timer.id}`;
          if (seen.has(key)) continue;
          seen.add(key);
          try {
            const r = await fireOne(timer, at);
            if (r === undefined) skipped++;
            else {
              fired++;
              firedInPass++;
              effects.push(...r);
            }
          } catch (err) {
            failed++;
            problems.push({ instanceId: timer.instanceId, timerId: timer.id, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
            try {
              options.onError?.(err, { instanceId: timer.instanceId, timerId: timer.id });
            } catch {
              /* a failing reporter does not stop the tick */
            }
          }
        }
      }
      return { fired, skipped, failed, problems, effects };
    },

    history(instanceId) {
      return store.history(instanceId);
    },

    definition(id) {
      return defs.get(id);
    },

    subscribe(fn, opts = {}) {
      const entry = opts.instanceId === undefined ? { fn } : { fn, instanceId: opts.instanceId };
      listeners.add(entry);
      return () => listeners.delete(entry);
    },
  };
  return engine;
}
