// What an actor may do next, as data a view renders: one entry per event, with its label and the
// JSON Schema of the fields the event needs.
import type { Localized } from '../core/i18n/locale.js';
import { fieldsSchema } from './field-schemas.js';
import { evaluate, LogicBudgetError, operatorsOf, truthy } from './logic.js';
import type { Actor, RefusalCode, Snapshot, WorkflowDefinition } from './types.js';

export interface AvailableAction {
  readonly event: string;
  readonly title: Localized;
  /** States the event can lead to (one per matching transition; the current state for a stay). */
  readonly targets: readonly string[];
  /** Name of the event-field definition, when the event carries fields. */
  readonly fields?: string;
  /** The fields' JSON Schema, self-contained, for <wy-schema-form>. */
  readonly schema?: Readonly<Record<string, unknown>>;
  /** False when a guard that does not depend on the fields already fails. */
  readonly enabled: boolean;
  readonly reason?: RefusalCode;
}

/** Whether a guard reads the event payload (then only the filled-in form can decide it). */
function readsPayload(guard: unknown): boolean {
  let found = false;
  const walk = (x: unknown, depth: number) => {
    if (found || depth > 64) return;
    if (Array.isArray(x)) x.forEach((y) => walk(y, depth + 1));
    else if (x !== null && typeof x === 'object') {
      for (const [k, v] of Object.entries(x)) {
        if (k === 'var') {
          const path = Array.isArray(v) ? v[0] : v;
          if (typeof path === 'string' && (path === 'payload' || path.startsWith('payload.'))) found = true;
        }
        walk(v, depth + 1);
      }
    }
  };
  if (operatorsOf(guard).has('var')) walk(guard, 0);
  return found;
}

/**
 * The events `actor` may send to an instance in its current state. An event whose every
 * transition has a guard failing on the current data is listed with `enabled: false` and
 * reason `guard-failed`; guards that read the payload are decided when the form is sent.
 */
export function availableActions(def: WorkflowDefinition, snapshot: Snapshot, actor: Actor, now = Date.now()): AvailableAction[] {
  if (def.states.find((s) => s.id === snapshot.state)?.final) return [];
  const ctx = {
    data: snapshot.data,
    payload: null,
    actor: { id: actor.id, name: actor.name },
    roles: actor.roles,
    state: snapshot.state,
    handler: snapshot.handler ?? null,
    firstReceiver: snapshot.firstReceiver,
    now: new Date(now).toISOString(),
  };
  const byEvent = new Map<string, { title: Localized; targets: Set<string>; fields?: string; enabled: boolean; reason?: RefusalCode }>();
  // A guard over its budget counts as failing (with its own reason), so one rule cannot block the list.
  let overBudget = false;
  const passesGuard = (guard: unknown): boolean => {
    try {
      return truthy(evaluate(guard, ctx));
    } catch (err) {
      if (!(err instanceof LogicBudgetError)) throw err;
      overBudget = true;
      return false;
    }
  };
  for (const t of def.transitions) {
    if (!t.from.includes(snapshot.state) || !t.roles.some((r) => actor.roles.includes(r))) continue;
    overBudget = false;
    const passes = t.guard === undefined || readsPayload(t.guard) || passesGuard(t.guard);
    const entry = byEvent.get(t.event) ?? { title: t.title, targets: new Set<string>(), ...(t.fields ? { fields: t.fields } : {}), enabled: false };
    if (overBudget) entry.reason = 'logic-budget';
    entry.targets.add(t.to ?? snapshot.state);
    if (passes && !entry.enabled) {
      entry.enabled = true;
      entry.title = t.title;
    }
    byEvent.set(t.event, entry);
  }
  return [...byEvent].map(([event, e]) => ({
    event,
    title: e.title,
    targets: [...e.targets],
    ...(e.fields ? { fields: e.fields, schema: fieldsSchema(e.fields) } : {}),
    enabled: e.enabled,
    ...(e.enabled ? {} : { reason: e.reason ?? ('guard-failed' as const) }),
  }));
}


/** Why an action in the current state is not open to an actor, as data a view can say. */
export interface ActionRefusal {
  readonly event: string;
  readonly title: Localized;
  /** `role-not-allowed`: none of the actor's roles may act; `guard-failed`: the record does not meet the condition. */
  readonly reason: 'role-not-allowed' | 'guard-failed';
  /** Who may act (role ids, in definition order): for `role-not-allowed`. */
  readonly roles: readonly string[];
  /** The condition in words (the transition's `unmet`), for `guard-failed` when the definition says it. */
  readonly unmet?: Localized;
}

/**
 * Every event of the current state that `actor` cannot send now, with the reason: which roles
 * may act, or which condition the record does not meet. Complements `availableActions()`:
 * an event is in one of the two lists, never both (payload guards are decided on submit, so an
 * event whose guard reads the fields is available).
 */
export function actionRefusals(def: WorkflowDefinition, snapshot: Snapshot, actor: Actor, now = Date.now()): ActionRefusal[] {
  if (def.states.find((s) => s.id === snapshot.state)?.final) return [];
  const available = new Map(availableActions(def, snapshot, actor, now).map((a) => [a.event, a]));
  const byEvent = new Map<string, { title: Localized; roles: Set<string>; unmet?: Localized; roleAllowed: boolean }>();
  for (const t of def.transitions) {
    if (!t.from.includes(snapshot.state)) continue;
    const entry = byEvent.get(t.event) ?? { title: t.title, roles: new Set<string>(), roleAllowed: false };
    t.roles.forEach((r) => entry.roles.add(r));
    if (t.roles.some((r) => actor.roles.includes(r))) entry.roleAllowed = true;
    if (t.unmet && !entry.unmet) entry.unmet = t.unmet;
    byEvent.set(t.event, entry);
  }
  const order = def.roles.map((r) => r.id);
  const out: ActionRefusal[] = [];
  for (const [event, e] of byEvent) {
    const a = available.get(event);
    if (a?.enabled) continue;
    const roles = [...e.roles].sort((x, y) => (order.indexOf(x) >>> 0) - (order.indexOf(y) >>> 0));
    if (!e.roleAllowed) out.push({ event, title: e.title, reason: 'role-not-allowed', roles });
    else out.push({ event, title: a?.title ?? e.title, reason: 'guard-failed', roles, ...(e.unmet ? { unmet: e.unmet } : {}) });
  }
  return out;
}
