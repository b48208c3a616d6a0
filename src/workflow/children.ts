// Parent and child instances: a project-level instance (入伙 of a project, 产权 of a project)
// starts one child instance per house or owner with a `start-children` effect, sees its
// children's states in its own data, and may wait in a state until all of them are done
// (`childrenDone` on the state). Pure functions over snapshots; the engine commits what they
// return (src/workflow/engine.ts calls them after each committed start or transition).
//
// The link is data: a child's `data.parent` = {id, definition}, set by the engine when it starts
// the child; the parent's `data.children` = {items: {childId: {definition, state, final}}, total,
// done, open, byState, pending?}. A parent only accepts news of children it has on record, so a
// payload that writes a `parent` field cannot push states into another instance.
//
// Starting children survives a crash: the commit of the change that asks for them also records
// the intent (`data.children.pending`: the audit entry whose effects list the children, and the
// idempotency key their starts derive from) and a `children` timer due shortly after. The engine
// starts the children and then clears the intent; when the process dies in between, `tick()` finds
// the timer and starts the missing children (the same command ids, so a child already started is
// a duplicate, and joined to its parent if it was not yet), then clears the intent.
import type { BusinessCalendar } from '../core/calendar/calendar.js';
import { enterState, NO_TIMERS } from './clocks.js';
import { SYSTEM_ACTOR } from './transition.js';
import type { AuditEntry, Effect, JsonObject, Snapshot, Timer, WorkflowDefinition } from './types.js';

/** Where a parent keeps its children (a data field; the definition's data schema, if any, must allow it). */
export const CHILDREN_FIELD = 'children';
/** Where a child keeps the link to its parent. */
export const PARENT_FIELD = 'parent';

export interface ChildRecord {
  readonly definition: string;
  readonly state: string;
  readonly final: boolean;
}

/** What a parent knows of its children: each child's state, and the counts a project summary shows. */
export interface ChildrenSummary {
  readonly items: Readonly<Record<string, ChildRecord>>;
  readonly total: number;
  /** Children in a final state. */
  readonly done: number;
  readonly open: number;
  /** Children per state id. */
  readonly byState: Readonly<Record<string, number>>;
}

/** A start of children committed by a parent and not yet carried out to the end (see above). */
export interface PendingStart {
  /** The parent's audit entry whose `start-children` effects list the children. */
  readonly seq: number;
  /** The idempotency key the children's command ids derive from (see childStarts). */
  readonly key: string;
  /** When the parent committed it (epoch ms). */
  readonly at: number;
}

/** How long after the parent's commit a `children` timer falls due: the live engine has finished long before. */
export const CHILDREN_RESUME_AFTER_MS = 30_000;

export interface ParentLink {
  readonly id: string;
  readonly definition: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The parent a snapshot names in its data, if any. */
export function parentOf(snapshot: Snapshot): ParentLink | undefined {
  const p = snapshot.data[PARENT_FIELD];
  return isObj(p) && typeof p['id'] === 'string' && typeof p['definition'] === 'string' ? { id: p['id'], definition: p['definition'] } : undefined;
}

/** The children summary kept in a parent's data (empty when it has started none). */
export function childrenOf(snapshot: Snapshot): ChildrenSummary {
  const c = snapshot.data[CHILDREN_FIELD];
  const raw = isObj(c) && isObj(c['items']) ? c['items'] : {};
  const items: Record<string, ChildRecord> = {};
  for (const [id, v] of Object.entries(raw)) {
    if (isObj(v) && typeof v['definition'] === 'string' && typeof v['state'] === 'string') items[id] = { definition: v['definition'], state: v['state'], final: v['final'] === true };
  }
  return summarise(items);
}

/** The starts of children a parent has committed and not finished. */
export function pendingStarts(snapshot: Snapshot): PendingStart[] {
  const c = snapshot.data[CHILDREN_FIELD];
  const raw = isObj(c) && Array.isArray(c['pending']) ? c['pending'] : [];
  const out: PendingStart[] = [];
  for (const p of raw) if (isObj(p) && typeof p['seq'] === 'number' && typeof p['key'] === 'string' && typeof p['at'] === 'number') out.push({ seq: p['seq'], key: p['key'], at: p['at'] });
  return out;
}

/** Whether a change's effects ask for children. */
export function startsChildren(effects: readonly Effect[]): boolean {
  // A loop, not some(): the engine's shared empty list is frozen (see clocks.ts).
  for (let i = 0; i < effects.length; i++) if (effects[i]!.type === 'start-children') return true;
  return false;
}

function withPending(snapshot: Snapshot, pending: readonly PendingStart[]): Snapshot {
  const c = snapshot.data[CHILDREN_FIELD];
  const { pending: _old, ...rest } = isObj(c) ? c : ({} as Obj);
  const value = pending.length ? { ...rest, pending } : rest;
  return { ...snapshot, data: { ...snapshot.data, [CHILDREN_FIELD]: value } };
}

/** The snapshot a parent commits with a change that starts children: the intent recorded beside it. */
export function recordPendingStart(snapshot: Snapshot, start: PendingStart): Snapshot {
  return withPending(snapshot, [...pendingStarts(snapshot).filter((p) => p.seq !== start.seq), start]);
}

/** The timers that resume unfinished starts of children (kind `children`, due CHILDREN_RESUME_AFTER_MS after the commit). */
export function childrenTimers(snapshot: Snapshot): readonly Timer[] {
  const c = snapshot.data[CHILDREN_FIELD];
  if (!isObj(c) || c['pending'] === undefined) return NO_TIMERS;
  return pendingStarts(snapshot).map((p) => ({ id: childrenTimerId(p.seq), instanceId: snapshot.id, clock: CHILDREN_FIELD, kind: 'children' as const, dueAt: p.at + CHILDREN_RESUME_AFTER_MS }));
}

/** Timer ids are unique within an instance: one per start of children. */
export const childrenTimerId = (seq: number): string => `children/${seq}`;

/**
 * The parent's next snapshot once a start of children is carried out (every child started, or
 * refused for good), with its audit entry; undefined when that start is no longer pending.
 */
export function finishPendingStart(
  def: WorkflowDefinition,
  parent: Snapshot,
  seq: number,
  outcome: { readonly started: number; readonly refused: number },
  now: number,
): { snapshot: Snapshot; audit: AuditEntry } | undefined {
  const pending = pendingStarts(parent);
  if (!pending.some((p) => p.seq === seq)) return undefined;
  const base = withPending(parent, pending.filter((p) => p.seq !== seq));
  const next: Snapshot = { ...base, version: parent.version + 1, updatedAt: now, auditCount: parent.auditCount + 1 };
  const audit: AuditEntry = {
    instanceId: parent.id,
    seq: next.auditCount,
    at: now,
    kind: 'transition',
    event: 'children-started',
    from: parent.state,
    to: parent.state,
    actor: { id: SYSTEM_ACTOR.id, name: SYSTEM_ACTOR.name, roles: [] },
    payload: { of: seq, started: outcome.started, refused: outcome.refused },
    effects: [],
    commandId: `children:${seq}`,
    definitionVersion: def.version,
  };
  return { snapshot: next, audit };
}

function summarise(items: Readonly<Record<string, ChildRecord>>): ChildrenSummary {
  const byState: Record<string, number> = {};
  let done = 0;
  const ids = Object.keys(items);
  for (const id of ids) {
    const c = items[id]!;
    byState[c.state] = (byState[c.state] ?? 0) + 1;
    if (c.final) done++;
  }
  return { items, total: ids.length, done, open: ids.length - done, byState };
}

/** The data of each child a committed change asks the engine to start, with its idempotency key. */
export function childStarts(parent: Snapshot, effects: readonly Effect[], key: string): { definition: string; data: JsonObject; commandId: string }[] {
  const out: { definition: string; data: JsonObject; commandId: string }[] = [];
  effects.forEach((e, i) => {
    if (e.type !== 'start-children') return;
    e.inputs.forEach((input, j) => {
      out.push({ definition: e.definition, data: { ...input, [PARENT_FIELD]: { id: parent.id, definition: parent.definitionId } }, commandId: `${key}:child:${i}:${j}` });
    });
  });
  return out;
}

/**
 * The parent's next snapshot after a child started (`started`: true) or changed state, with its
 * audit entry; undefined when nothing changes (the same state again, or a child the parent has no
 * record of that did not just start). When the parent waits in a state with `childrenDone` and
 * every child is now final, it moves there.
 */
export function recordChild(
  def: WorkflowDefinition,
  parent: Snapshot,
  child: Snapshot,
  childDef: WorkflowDefinition,
  now: number,
  calendar: BusinessCalendar,
  started = false,
): { snapshot: Snapshot; audit: AuditEntry } | undefined {
  const before = childrenOf(parent);
  const known = before.items[child.id];
  if (!known && !started) return undefined;
  const final = childDef.states.find((s) => s.id === child.state)?.final === true;
  if (known && known.state === child.state && known.final === final) return undefined;
  const items = { ...before.items, [child.id]: { definition: child.definitionId, state: child.state, final } };
  const summary = summarise(items);
  const wait = def.states.find((s) => s.id === parent.state)?.childrenDone;
  const to = wait !== undefined && summary.total > 0 && summary.open === 0 ? wait : parent.state;
  const pending = pendingStarts(parent);
  const value = (pending.length ? { ...summary, pending } : { ...summary }) as unknown as JsonObject;
  const next: Snapshot = {
    ...parent,
    state: to,
    data: { ...parent.data, [CHILDREN_FIELD]: value },
    clocks: to === parent.state ? parent.clocks : enterState(def, parent.clocks, to, now, calendar),
    version: parent.version + 1,
    updatedAt: now,
    auditCount: parent.auditCount + 1,
  };
  const audit: AuditEntry = {
    instanceId: parent.id,
    seq: next.auditCount,
    at: now,
    kind: 'transition',
    event: 'child-update',
    from: parent.state,
    to,
    actor: { id: SYSTEM_ACTOR.id, name: SYSTEM_ACTOR.name, roles: [] },
    payload: { child: child.id, definition: child.definitionId, state: child.state, final },
    effects: [{ type: 'set', path: `/${CHILDREN_FIELD}`, value }],
    commandId: `child:${child.id}:${child.version}`,
    definitionVersion: def.version,
    note: `${child.definitionId} ${child.id} → ${child.state}`,
  };
  return { snapshot: next, audit };
}
