// The workflow panel's presentation as data: what <wy-workflow-panel> shows of one instance,
// decided here, DOM-free and Lit-free, so a host, a test or a server can ask the same questions
// the panel answers (which steps were taken, which actions the actor may take and why not, what
// each SLA clock says, who did what with which role titles). Titles come from the definition in
// the locale asked for; everything the view says in its own words is left to it as codes and
// numbers (a refusal's reason, a clock's level and durations, a timer's kind).
import { pick, type Locale, type Localized } from '../core/i18n/locale.js';
import type { ActionRefusal, AvailableAction } from './actions.js';
import type { ClockReadout } from './clocks.js';
import type { Actor, AuditEntry, RefusalCode, Snapshot, WorkflowDefinition } from './types.js';
import { workflowMessages } from './messages.js';

type Json = Readonly<Record<string, unknown>>;
const isObject = (x: unknown): x is Json => x !== null && typeof x === 'object' && !Array.isArray(x);

export interface PanelViewInput {
  readonly definition: WorkflowDefinition | undefined;
  readonly snapshot: Snapshot;
  /** Who looks at it; undefined: view only. */
  readonly actor: Actor | undefined;
  /** The engine's `availableActions(snapshot, actor)`. */
  readonly actions: readonly AvailableAction[];
  /** The engine's `clocks(snapshot, now)`. */
  readonly clocks: readonly ClockReadout[];
  /** The engine's `history(id)`, oldest first. */
  readonly history: readonly AuditEntry[];
  readonly locale: Locale;
  /** The JSON Schema of an event's fields (labels of what was entered); absent: keys as labels. */
  readonly fieldSchema?: (event: string) => Json | undefined;
  /** Another workflow's definition by id (a child's, for its title and state titles in the timeline). */
  readonly definitionOf?: (id: string) => WorkflowDefinition | undefined;
}

export interface HeaderView {
  readonly title: string;
  readonly document?: string;
  /** The record number (`data.recordNo`), else the instance id. */
  readonly recordNo: string;
  readonly state: { readonly id: string; readonly title: string; readonly final: boolean };
  readonly handler?: string;
  readonly firstReceiver: string;
  /** A complaint's routing as the record holds it: codes of schemas/vocab/routing-unit.json and routing-reason.json. */
  readonly routing?: { readonly unit: string; readonly department?: string; readonly reason?: string };
}

/** One state on the way the instance came, oldest first; the last is where it is. */
export interface StepView {
  readonly state: string;
  readonly title: string;
  readonly current: boolean;
}

/** Why an action is not open to the actor: the engine's reason as data. */
export interface RefusalView {
  /** `role-not-allowed`, `guard-failed`, or the engine's own code (`logic-budget`). */
  readonly code: RefusalCode | 'role-not-allowed' | 'guard-failed';
  /** Who may act, as role ids and titles (definition order). */
  readonly roles: readonly { readonly id: string; readonly title: string }[];
  /** The condition in words (the transition's `unmet`), when the definition says it. */
  readonly unmet?: string;
  /** The same as the runtime's `ActionRefusal`, for `refusalText()`. */
  readonly refusal: ActionRefusal;
}

export interface ActionItemView {
  readonly event: string;
  readonly title: string;
  readonly enabled: boolean;
  /** Titles of the states it leads to, other than the current one and the action's own name. */
  readonly targets: readonly string[];
  /** The event-field definition it asks for (a form), if any; else a confirm step. */
  readonly fields?: string;
  /** The action as the engine offered it (to open); absent for an action of another role. */
  readonly action?: AvailableAction;
  readonly refusal?: RefusalView;
}

export type ActionsView =
  | { readonly kind: 'final' }
  | { readonly kind: 'view-only' }
  | { readonly kind: 'none' }
  | { readonly kind: 'list'; readonly items: readonly ActionItemView[] };

export interface ClockCardView {
  readonly id: string;
  readonly title: string;
  /** The level a reader sees: `paused` while paused, else the clock's level. */
  readonly look: ClockReadout['level'] | 'paused';
  readonly level: ClockReadout['level'];
  readonly basis: 'business' | 'calendar';
  /** Met or missed: the card says how long it took, never a remaining time or a due time. */
  readonly stopped: boolean;
  readonly tookMs?: number;
  /** Missed: by how much. */
  readonly lateByMs?: number;
  readonly businessRemainingMs: number | null;
  readonly calendarRemainingMs: number | null;
  readonly dueAt: number | null;
  readonly limitMs: number;
  readonly escalations: number;
  readonly escalationSteps: number;
  /** Share of the limit used, 0…1 (the bar). */
  readonly ratio: number;
  readonly readout: ClockReadout;
}

export type AuditWhat =
  | { readonly kind: 'start' }
  | { readonly kind: 'migration'; readonly from: string }
  | { readonly kind: 'timer'; readonly timer: 'warning' | 'breach' | 'escalation'; readonly clock: string }
  | { readonly kind: 'event'; readonly title: string };

export interface AuditValueView {
  readonly key: string;
  /** The field's label in the locale (its schema's `x-label`), else the key. */
  readonly label: string;
  readonly value: unknown;
  /** The field's schema, for the view to word the value (vocabulary labels, times). */
  readonly schema?: Json;
}

export type AuditEffectView =
  | { readonly type: 'notify'; readonly roles: readonly string[] }
  | { readonly type: 'assign'; readonly name: string }
  | { readonly type: 'reassign'; readonly role: string };

export interface AuditLineView {
  readonly seq: number;
  readonly at: number;
  readonly kind: AuditEntry['kind'];
  readonly what: AuditWhat;
  /** Who acted; null for the system (timers). */
  readonly actor: string | null;
  /** Role titles of the actor, never codes (roles the definition does not declare are left out). */
  readonly roles: readonly string[];
  /** State titles; `from` null for the start. */
  readonly from: string | null;
  readonly to: string;
  readonly moved: boolean;
  readonly payload: readonly AuditValueView[];
  readonly effects: readonly AuditEffectView[];
}

export interface PanelView {
  readonly header: HeaderView;
  readonly steps: readonly StepView[];
  readonly actions: ActionsView;
  readonly clocks: readonly ClockCardView[];
  /** Oldest first. */
  readonly audit: readonly AuditLineView[];
}

const title = (t: Localized | undefined, locale: Locale, fallback: string): string => pick(t, locale) ?? fallback;

export const stateTitle = (def: WorkflowDefinition | undefined, id: string, locale: Locale): string =>
  title(def?.states.find((s) => s.id === id)?.title, locale, id);
export const roleTitle = (def: WorkflowDefinition | undefined, id: string, locale: Locale): string =>
  title(def?.roles.find((r) => r.id === id)?.title, locale, id);
export const eventTitle = (def: WorkflowDefinition | undefined, event: string, locale: Locale): string =>
  title(def?.transitions.find((t) => t.event === event)?.title, locale, event);
const clockTitle = (def: WorkflowDefinition | undefined, id: string, locale: Locale): string =>
  title(def?.clocks?.find((c) => c.id === id)?.title, locale, id);

/** The header: title, record number, state, handler, first receiver, routing codes. */
export function headerView(def: WorkflowDefinition | undefined, s: Snapshot, locale: Locale): HeaderView {
  const r = s.data['routing'];
  let routing: HeaderView['routing'];
  if (isObject(r) && typeof r['unit'] === 'string') {
    routing = {
      unit: r['unit'],
      ...(typeof r['department'] === 'string' && r['department'] ? { department: r['department'] } : {}),
      ...(typeof r['reason'] === 'string' ? { reason: r['reason'] } : {}),
    };
  }
  return {
    title: title(def?.title, locale, s.definitionId),
    ...(def?.document ? { document: def.document } : {}),
    recordNo: typeof s.data['recordNo'] === 'string' ? s.data['recordNo'] : s.id,
    state: { id: s.state, title: stateTitle(def, s.state, locale), final: def?.states.find((x) => x.id === s.state)?.final === true },
    ...(s.handler ? { handler: s.handler.name } : {}),
    firstReceiver: s.firstReceiver.name,
    ...(routing ? { routing } : {}),
  };
}

/** The states the instance went through, oldest first, each once per visit (a stay is not a step). */
export function stepsView(def: WorkflowDefinition | undefined, history: readonly AuditEntry[], s: Snapshot, locale: Locale): StepView[] {
  const ids: string[] = [];
  for (const a of history) if (ids[ids.length - 1] !== a.to) ids.push(a.to);
  if (ids[ids.length - 1] !== s.state) ids.push(s.state);
  return ids.map((id, i) => ({ state: id, title: stateTitle(def, id, locale), current: i === ids.length - 1 }));
}

/**
 * Every event of the current state the actor cannot send, with the reason, from the engine's own
 * list (`availableActions`, which already ran the guards): an event offered but disabled failed
 * its guard (or the engine's own check); an event not offered is another role's.
 */
export function refusalsOf(def: WorkflowDefinition, s: Snapshot, actor: Actor, available: readonly AvailableAction[]): ActionRefusal[] {
  if (def.states.find((x) => x.id === s.state)?.final) return [];
  const offered = new Map(available.map((a) => [a.event, a]));
  const byEvent = new Map<string, { title: Localized; roles: Set<string>; unmet?: Localized; roleAllowed: boolean }>();
  for (const t of def.transitions) {
    if (!t.from.includes(s.state)) continue;
    const e = byEvent.get(t.event) ?? { title: t.title, roles: new Set<string>(), roleAllowed: false };
    t.roles.forEach((r) => e.roles.add(r));
    if (t.roles.some((r) => actor.roles.includes(r))) e.roleAllowed = true;
    if (t.unmet && !e.unmet) e.unmet = t.unmet;
    byEvent.set(t.event, e);
  }
  const order = def.roles.map((r) => r.id);
  const out: ActionRefusal[] = [];
  for (const [event, e] of byEvent) {
    const a = offered.get(event);
    if (a?.enabled) continue;
    const roles = [...e.roles].sort((x, y) => (order.indexOf(x) >>> 0) - (order.indexOf(y) >>> 0));
    if (!e.roleAllowed && !a) out.push({ event, title: e.title, reason: 'role-not-allowed', roles });
    else out.push({ event, title: a?.title ?? e.title, reason: 'guard-failed', roles, ...(e.unmet ? { unmet: e.unmet } : {}) });
  }
  return out;
}

/** What the actor may do, in definition order: each action enabled, or refused with the reason. */
export function actionsView(def: WorkflowDefinition | undefined, s: Snapshot, actor: Actor | undefined, actions: readonly AvailableAction[], locale: Locale): ActionsView {
  if (def?.states.find((x) => x.id === s.state)?.final) return { kind: 'final' };
  if (!actor) return { kind: 'view-only' };
  // Someone the workflow does not involve at all (an owner on a complaint) is not shown its steps.
  const involved = def !== undefined && actor.roles.some((r) => def.roles.some((x) => x.id === r));
  const refusals = involved ? refusalsOf(def, s, actor, actions) : [];
  if (!actions.length && !refusals.length) return { kind: 'none' };
  const refused = new Map(refusals.map((r) => [r.event, r]));
  const order = (event: string) => (def?.transitions.findIndex((t) => t.event === event) ?? 0) >>> 0;
  const items: ActionItemView[] = [];
  for (const a of actions) {
    const t = title(a.title, locale, a.event);
    const r = refused.get(a.event);
    const targets = a.targets.filter((x) => x !== s.state).map((x) => stateTitle(def, x, locale)).filter((x) => x !== t);
    const engineCode = a.enabled ? undefined : (a.reason ?? 'guard-failed');
    const refusal: ActionRefusal | undefined = r ?? (engineCode ? { event: a.event, title: a.title, reason: 'guard-failed', roles: [] } : undefined);
    items.push({
      event: a.event,
      title: t,
      enabled: a.enabled,
      targets,
      ...(a.fields ? { fields: a.fields } : {}),
      action: a,
      ...(refusal ? { refusal: refusalView(refusal, engineCode === 'logic-budget' ? 'logic-budget' : refusal.reason, def, locale) } : {}),
    });
    refused.delete(a.event);
  }
  for (const r of refused.values()) items.push({ event: r.event, title: title(r.title, locale, r.event), enabled: false, targets: [], refusal: refusalView(r, r.reason, def, locale) });
  items.sort((x, y) => order(x.event) - order(y.event));
  return { kind: 'list', items };
}

function refusalView(r: ActionRefusal, code: RefusalView['code'], def: WorkflowDefinition | undefined, locale: Locale): RefusalView {
  const unmet = pick(r.unmet, locale);
  return { code, roles: r.roles.map((id) => ({ id, title: roleTitle(def, id, locale) })), ...(unmet ? { unmet } : {}), refusal: r };
}

/** Each SLA clock as a card: a stopped one says what it took (and how late), a running one what is left. */
export function clockCards(clocks: readonly ClockReadout[], locale: Locale): ClockCardView[] {
  return clocks.map((c) => {
    const stopped = c.level === 'met' || c.level === 'missed';
    return {
      id: c.id,
      title: title(c.title, locale, c.id),
      look: c.status === 'paused' ? 'paused' : c.level,
      level: c.level,
      basis: c.time,
      stopped,
      ...(stopped ? { tookMs: c.elapsedMs } : {}),
      ...(c.level === 'missed' ? { lateByMs: Math.max(0, c.elapsedMs - c.limitMs) } : {}),
      businessRemainingMs: stopped ? null : c.businessRemainingMs,
      calendarRemainingMs: stopped ? null : c.calendarRemainingMs,
      dueAt: stopped ? null : c.dueAt,
      limitMs: c.limitMs,
      escalations: c.escalations,
      escalationSteps: c.escalationSteps,
      ratio: c.limitMs > 0 ? Math.min(1, Math.max(0, c.elapsedMs / c.limitMs)) : 0,
      readout: c,
    };
  });
}

/** What was entered with an event, labelled from its schema, in the schema's order (unknown keys after). */
export function payloadView(payload: unknown, schema: Json | undefined, locale: Locale): AuditValueView[] {
  if (!isObject(payload)) return payload === undefined || payload === null ? [] : [{ key: '', label: '', value: payload, ...(schema ? { schema } : {}) }];
  const props = isObject(schema?.['properties']) ? (schema['properties'] as Json) : {};
  const keys = [...Object.keys(props).filter((k) => Object.hasOwn(payload, k)), ...Object.keys(payload).filter((k) => !Object.hasOwn(props, k))];
  return keys
    .filter((k) => k !== '__proto__')
    .map((k) => {
      const ps = isObject(props[k]) ? (props[k] as Json) : undefined;
      return { key: k, label: pick(ps?.['x-label'] as Partial<Localized> | undefined, locale) ?? k, value: payload[k], ...(ps ? { schema: ps } : {}) };
    });
}

/** The audit log as lines: what happened, who (with role titles), the state change, what was entered and what followed. */
export function auditView(
  history: readonly AuditEntry[],
  def: WorkflowDefinition | undefined,
  locale: Locale,
  fieldSchema?: (event: string) => Json | undefined,
  definitionOf?: (id: string) => WorkflowDefinition | undefined,
): AuditLineView[] {
  return history.map((a) => {
    let what: AuditWhat;
    const child = a.kind === 'transition' ? childWords(a, locale, definitionOf) : undefined;
    if (child !== undefined) what = { kind: 'event', title: child };
    else if (a.kind === 'start') what = { kind: 'start' };
    else if (a.kind === 'migration') what = { kind: 'migration', from: a.note ?? '?' };
    else if (a.kind === 'timer') {
      const [kind = '', clock = ''] = a.event.split(':');
      what = { kind: 'timer', timer: kind === 'warning' ? 'warning' : kind === 'breach' ? 'breach' : 'escalation', clock: clockTitle(def, clock, locale) };
    } else what = { kind: 'event', title: eventTitle(def, a.event, locale) };
    const system = a.kind === 'timer' || a.actor.id === 'system';
    const notified = [...new Set(a.effects.flatMap((e) => (e.type === 'notify' ? [roleTitle(def, e.role, locale)] : [])))];
    const effects: AuditEffectView[] = [
      ...(notified.length ? [{ type: 'notify' as const, roles: notified }] : []),
      ...a.effects.flatMap((e): AuditEffectView[] =>
        e.type === 'assign' && e.handler ? [{ type: 'assign', name: e.handler.name }] : e.type === 'reassign' ? [{ type: 'reassign', role: roleTitle(def, e.role, locale) }] : [],
      ),
    ];
    return {
      seq: a.seq,
      at: a.at,
      kind: a.kind,
      what,
      actor: system ? null : a.actor.name,
      roles: system ? [] : a.actor.roles.filter((r) => !def || def.roles.some((x) => x.id === r)).map((r) => roleTitle(def, r, locale)),
      from: a.from === null ? null : stateTitle(def, a.from, locale),
      to: stateTitle(def, a.to, locale),
      moved: a.from !== a.to,
      // A child's entry says all in its title: no payload keys or ids below it.
      payload: a.kind === 'transition' && child === undefined ? payloadView(a.payload, fieldSchema?.(a.event), locale) : [],
      effects,
    };
  });
}

/**
 * The engine's own entries about child instances (`child-update`: a child moved; `children-started`:
 * the children of a start were created) in words, with the child's definition and state titles;
 * undefined for any other entry.
 */
function childWords(a: AuditEntry, locale: Locale, definitionOf?: (id: string) => WorkflowDefinition | undefined): string | undefined {
  const p = isObject(a.payload) ? a.payload : undefined;
  if (!p) return undefined;
  if (a.event === 'child-update' && typeof p['child'] === 'string' && typeof p['definition'] === 'string' && typeof p['state'] === 'string') {
    const cdef = definitionOf?.(p['definition']);
    const definition = pick(cdef?.title, locale) ?? p['definition'];
    return workflowMessages(locale, p['final'] === true ? 'child.final' : 'child.update', { definition, child: p['child'], state: stateTitle(cdef, p['state'], locale) });
  }
  if (a.event === 'children-started' && typeof p['started'] === 'number') {
    const refused = typeof p['refused'] === 'number' ? p['refused'] : 0;
    return workflowMessages(locale, refused > 0 ? 'child.startedRefused' : 'child.started', { started: String(p['started']), refused: String(refused) });
  }
  return undefined;
}

/** The whole panel as data. */
export function panelView(input: PanelViewInput): PanelView {
  const { definition: def, snapshot: s, locale } = input;
  return {
    header: headerView(def, s, locale),
    steps: stepsView(def, input.history, s, locale),
    actions: actionsView(def, s, input.actor, input.actions, locale),
    clocks: clockCards(input.clocks, locale),
    audit: auditView(input.history, def, locale, input.fieldSchema, input.definitionOf),
  };
}
