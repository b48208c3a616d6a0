// Parent and child instances: a project-level instance (入伙 of a project, 产权 of a project)
// starts one child instance per house or owner with a `start-children` effect, sees its
// children's states in its own data, and may wait in a state until all of them are done
// (`childrenDone` on the state). Pure functions over snapshots; the engine commits what they
// return (src/workflow/engine.ts calls them after each committed start or transition).
//
// The link is data: a child's `data.parent` = {id, definition}, set by the engine when it starts
// the child; the parent's `data.children` = {items: {childId: {definition, state, final}}, total,
// done, open, byState}. A parent only accepts news of children it has on record, so a payload that
// writes a `parent` field cannot push states into another instance.
import type { BusinessCalendar } from '../core/calendar/calendar.js';
import { enterState } from './clocks.js';
import { SYSTEM_ACTOR } from './transition.js';
import type { AuditEntry, Effect, JsonObject, Snapshot, WorkflowDefinition } from './types.js';

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
  const value = { ...summary } as unknown as JsonObject;
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
