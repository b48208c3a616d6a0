// The pure heart of the runtime: start, transition and timer firing as functions from data to
// data. No store, no clock, no I/O: the engine commits what these return.
import { continuousCalendar, type BusinessCalendar } from '../core/calendar/calendar.js';
import { changeValid, checkData as checkWhole, checkDataChange, refOnly, validateData, validateDataChange, type Checked } from './data-schemas.js';
import eventsSchema from '../generated/schemas/workflow-events.js';
import type { Locale } from '../core/i18n/locale.js';
import type { ValidationError } from '../core/errors.js';
import { applyTimer, enterState, initialClocks } from './clocks.js';
import { hasFields, validateFields } from './fields.js';
import validateWorkflowEvents from '../generated/validators/workflow-events.js';
import { checkTimes } from './action-defaults.js';
import { evaluate, LogicBudgetError, mayRead, truthy } from './logic.js';
import { cleanJson, cleanSized, getAt, overlaps, PointerError, resetSizeBound, rootKey, setAt, sizeBound } from './pointer.js';
import { escapeKey, FORBIDDEN_KEYS } from '../core/kernel/pointer.js';
import { isoUtc } from '../core/kernel/time.js';
import { deepFreeze } from './store.js';
import type {
  Accepted,
  Actor,
  AuditEntry,
  Effect,
  EffectDef,
  JsonObject,
  Person,
  Refusal,
  RefusalCode,
  Snapshot,
  Timer,
  TransitionDef,
  TransitionResult,
  WorkflowDefinition,
  WorkflowEvent,
} from './types.js';

export interface TransitionOptions {
  /** Business calendar for business-time clocks; default: every moment is working time. */
  readonly calendar?: BusinessCalendar;
  /** Language of field error messages; default zh-CN. */
  readonly locale?: Locale;
  /**
   * Largest event payload (and start data) in UTF-8 bytes of its JSON; default MAX_PAYLOAD_BYTES.
   * A bigger one is refused with `payload-too-large` before anything reads it.
   */
  readonly maxPayloadBytes?: number;
}

/**
 * What the engine knows of the snapshot it passes to transition() (hosts leave it out): `dataValid`,
 * its data satisfies the definition's data schema (the engine committed it after checking it, and
 * its store handed back that very object, frozen). Given, this module also does not remember which
 * data it checked (the engine keeps that record, see engine.ts), so it works without WeakMaps.
 * @internal
 */
export interface Known {
  readonly dataValid: boolean;
}

/** Default bound of one event's payload or one instance's start data: 64 KiB of JSON. */
export const MAX_PAYLOAD_BYTES = 64 * 1024;

/** UTF-8 length of a string, without encoding it. */
function utf8Length(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 2; // a surrogate pair: 4 bytes for 2 UTF-16 units
      i++;
    } else n += 2;
  }
  return n;
}

/** The payload's size in UTF-8 bytes of its JSON (0 for none). */
export function payloadBytes(value: unknown): number {
  if (value === undefined) return 0;
  return utf8Length(JSON.stringify(value) ?? '');
}

/** Cleans a payload and checks its size; a Refusal when it is too large or too deep. */
function boundedPayload(value: unknown, event: string, state: string, options: TransitionOptions): { value: unknown } | Refusal {
  if (value === undefined) return NO_PAYLOAD;
  let clean: unknown;
  try {
    resetSizeBound();
    clean = cleanSized(value, 0);
  } catch (err) {
    if (err instanceof PointerError) return refuse('invalid-fields', err.message, event, state);
    throw err;
  }
  const max = options.maxPayloadBytes ?? MAX_PAYLOAD_BYTES;
  // The bound over-counts; only a payload near the limit is measured exactly.
  if (sizeBound <= max) return { value: clean };
  const size = payloadBytes(clean);
  if (size > max) return refuse('payload-too-large', `The payload of "${event}" has ${size} bytes, over the limit of ${max}`, event, state);
  return { value: clean };
}
const NO_PAYLOAD: { value: unknown } = Object.freeze({ value: undefined });

let defaultCalendar: BusinessCalendar | undefined;
export const fallbackCalendar = (): BusinessCalendar => (defaultCalendar ??= continuousCalendar());

/** Most children one start-children effect may start (a handover of a large project fits). */
export const MAX_CHILDREN = 5000;

/** The actor recorded for timer firings and migrations. */
export const SYSTEM_ACTOR: Actor = Object.freeze({ id: 'system', name: 'system', roles: Object.freeze([]) as readonly string[] });

const person = (a: Person): Person => ({ id: a.id, name: a.name });
type AuditActor = AuditEntry['actor'];
const auditActors = new WeakMap<Actor, AuditActor>();
/**
 * The actor as an audit entry records it: a frozen copy, made once per actor object and shared by
 * its entries (checked against the actor each time, so a changed actor gets a new copy).
 */
function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
let lastActor: { readonly actor: Actor; readonly copy: AuditActor } | undefined;
function auditActor(a: Actor): AuditActor {
  const hit = lastActor?.actor === a ? lastActor.copy : auditActors.get(a);
  if (hit && hit.id === a.id && hit.name === a.name && sameRoles(hit.roles, a.roles)) return hit;
  const copy: AuditActor = Object.freeze({ id: a.id, name: a.name, roles: Object.freeze([...a.roles]) });
  auditActors.set(a, copy);
  lastActor = { actor: a, copy };
  return copy;
}

function refuse(code: RefusalCode, message: string, event: string, state: string, errors?: Refusal['errors']): Refusal {
  return errors ? { ok: false, code, message, event, state, errors } : { ok: false, code, message, event, state };
}

function isPerson(v: unknown): v is Person {
  return (
    typeof v === 'object' && v !== null && typeof (v as Person).id === 'string' && typeof (v as Person).name === 'string' && (v as Person).id !== ''
  );
}

/** Pointers no effect may touch: the declared immutable fields and the first-receiver field. */
function lockedPaths(def: WorkflowDefinition): string[] {
  return [...(def.immutable ?? []), ...(def.firstReceiver ? [def.firstReceiver] : [])];
}

/** The first locked pointer that overlaps `path` (what `locked.find(p => overlaps(p, path))` finds). */
function lockedHit(locked: readonly string[], path: string): string | undefined {
  for (let i = 0; i < locked.length; i++) if (overlaps(locked[i]!, path)) return locked[i];
  return undefined;
}

/** Whether every key is a plain top-level name (no pointer syntax, nothing forbidden). */
function plainKeys(keys: readonly string[]): boolean {
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (FORBIDDEN_KEYS.has(k) || k.includes('/') || k.includes('~')) return false;
  }
  return true;
}

interface EffectContext {
  readonly data: JsonObject;
  readonly payload: unknown;
  readonly actor: Person;
  readonly roles: readonly string[];
  readonly state: string;
  readonly handler: Person | null;
  readonly firstReceiver: Person;
  readonly now: string;
}

/**
 * The data rules see. `now` (ISO 8601) is formatted only when a rule may read it (`withNow`; formatting
 * costs more than the rest of the context; an object literal with a getter costs as much again).
 */
function contextOf(snapshot: Snapshot, payload: unknown, actor: Actor, now: number, withNow: boolean): EffectContext {
  return {
    data: snapshot.data,
    payload: payload ?? null,
    actor: person(actor),
    roles: actor.roles,
    state: snapshot.state,
    handler: snapshot.handler ?? null,
    firstReceiver: snapshot.firstReceiver,
    now: withNow ? isoUtc(now) : '',
  };
}

/** Whether a guard or effect rule of these transitions may read `now` (see mayRead: conservative). */
function readsNow(ts: readonly TransitionDef[]): boolean {
  for (const t of ts) {
    if (mayRead(t.guard, 'now')) return true;
    for (const e of t.effects ?? []) {
      if (mayRead(e.when, 'now')) return true;
      if ((e.type === 'assign' || e.type === 'set' || e.type === 'merge') && mayRead(e.value, 'now')) return true;
      if (e.type === 'start-children' && (mayRead(e.items, 'now') || mayRead(e.input, 'now'))) return true;
    }
  }
  return false;
}

/**
 * Applies data effects in order. Returns the new data, handler and the effects as applied, or the
 * pointer that an effect tried to change although it is locked.
 */
export function applyEffects(
  def: WorkflowDefinition,
  effects: readonly EffectDef[],
  ctx: EffectContext,
  handler: Person | undefined,
): { data: JsonObject; handler: Person | undefined; out: Effect[]; touched: readonly string[] | undefined } | { locked: string } | { invalid: string } {
  let notices: ReadonlyMap<EffectDef, Effect> | undefined;
  // A sealed definition's locked paths are worked out once (lockedPaths is a new array per call).
  let locked: readonly string[] | undefined = sealed.get(def)?.locked;
  let data = ctx.data;
  // The top-level keys of `data` the effects wrote (set, unset, merge, assign; in scratchTouched):
  // every other key of the result holds the very value it held before (setAt and the root merge
  // copy the rest as it is), so a check of the change need only look at these. `whole`: an effect
  // replaced the root. The effects made go to scratchOut (see there).
  touchedCount = 0;
  let whole = false;
  outCount = 0;
  // Indexed loops here and below: a sealed definition's arrays are frozen, and V8 walks frozen
  // arrays with for…of, some, find or every through its generic, allocating path.
  for (let i = 0; i < effects.length; i++) {
    const e = effects[i]!;
    if (e.when !== undefined && !truthy(evaluate(e.when, ctx))) continue;
    switch (e.type) {
      case 'notify':
        addEffect((notices ??= sealed.get(def)?.notices ?? NO_NOTICES).get(e) ?? noticeOf(e));
        break;
      case 'assign': {
        const v = evaluate(e.value, ctx);
        if (v !== null && v !== undefined && !isPerson(v)) return { invalid: 'assign needs a person {id, name}' };
        handler = v === null || v === undefined ? undefined : person(v);
        if (def.handler) {
          if (lockedHit((locked ??= lockedPaths(def)), def.handler) !== undefined) return { locked: def.handler };
          data = setAt(data, def.handler, handler);
          whole = wrote(def.handler) || whole;
        }
        addEffect({ type: 'assign', handler });
        break;
      }
      case 'set': {
        const v = evaluate(e.value, ctx);
        if (v === null || v === undefined) break;
        const hit = lockedHit((locked ??= lockedPaths(def)), e.path);
        if (hit !== undefined) return { locked: hit };
        // Payload values are cleaned already; literals in a definition are JSON by construction.
        const value = v;
        data = setAt(data, e.path, value);
        whole = wrote(e.path) || whole;
        addEffect({ type: 'set', path: e.path, value });
        break;
      }
      case 'unset': {
        const hit = lockedHit((locked ??= lockedPaths(def)), e.path);
        if (hit !== undefined) return { locked: hit };
        if (getAt(data, e.path) === undefined) break;
        data = setAt(data, e.path, undefined);
        whole = wrote(e.path) || whole;
        addEffect({ type: 'unset', path: e.path });
        break;
      }
      case 'merge': {
        const v = evaluate(e.value, ctx);
        if (v === null || v === undefined) break;
        if (typeof v !== 'object' || Array.isArray(v)) return { invalid: 'merge needs an object' };
        const base = e.path ?? '';
        // The event payload is a clean copy already (boundedPayload): no second copy of it.
        const value = (v === ctx.payload && v !== null ? v : cleanJson(v)) as JsonObject;
        const keys = Object.keys(value);
        // Into the root with plain keys: one copy of the data instead of one per key.
        if (base === '' && plainKeys(keys)) {
          for (let j = 0; j < keys.length; j++) {
            const hit = lockedHit((locked ??= lockedPaths(def)), `/${keys[j]!}`);
            if (hit !== undefined) return { locked: hit };
          }
          data = { ...data, ...value };
          for (let j = 0; j < keys.length; j++) scratchTouched[touchedCount++] = keys[j]!;
          addEffect({ type: 'merge', path: base, value });
          break;
        }
        for (const key of keys) {
          const path = `${base}/${escapeKey(key)}`;
          const hit = lockedHit((locked ??= lockedPaths(def)), path);
          if (hit !== undefined) return { locked: hit };
          data = setAt(data, path, value[key]);
          whole = wrote(path) || whole;
        }
        addEffect({ type: 'merge', path: base, value });
        break;
      }
      case 'start-children': {
        const items = evaluate(e.items, ctx);
        if (items === null || items === undefined) break;
        if (!Array.isArray(items)) return { invalid: 'start-children needs items as an array' };
        if (items.length > MAX_CHILDREN) return { invalid: `start-children: at most ${MAX_CHILDREN} children at once` };
        const inputs: JsonObject[] = [];
        for (const item of items) {
          const v = e.input === undefined ? item : evaluate(e.input, { ...ctx, item });
          if (typeof v !== 'object' || v === null || Array.isArray(v)) return { invalid: 'start-children: each child input must be an object' };
          inputs.push(cleanJson(v) as JsonObject);
        }
        addEffect({ type: 'start-children', definition: e.definition, inputs });
        break;
      }
    }
  }
  const out = scratchOut.slice(0, outCount);
  const wroteKeys = whole ? undefined : touchedCount === 0 ? NO_KEYS : scratchTouched.slice(0, touchedCount);
  return { data, handler, out, touched: wroteKeys };
}
// Scratch lists of applyEffects (it runs to its end before it runs again) and how much of each the
// current run filled: no list per run grown by push (which reserves 17 slots), no length resets.
const scratchOut: Effect[] = [];
let outCount = 0;
const scratchTouched: string[] = [];
let touchedCount = 0;
function addEffect(e: Effect): void {
  scratchOut[outCount++] = e;
}
const NO_KEYS: readonly string[] = Object.freeze([]);

/** Adds the top-level key `pointer` writes to the keys written; true when it is the root pointer (the whole data). */
function wrote(pointer: string): boolean {
  const k = rootKey(pointer);
  if (k === undefined) return true;
  scratchTouched[touchedCount++] = k;
  return false;
}

const FIELDS_VALID = Object.freeze({ valid: true as const, errors: Object.freeze([]) as readonly ValidationError[] });
const fieldUris = new Map<string, string | undefined>();
/** The absolute URI of the schema an event's fields are (when the definition is just a `$ref`). */
function fieldsUri(name: string): string | undefined {
  if (!fieldUris.has(name)) {
    const props = eventsSchema['properties'] as Readonly<Record<string, unknown>> | undefined;
    fieldUris.set(name, refOnly(props?.[name], String(eventsSchema['$id'] ?? '')));
  }
  return fieldUris.get(name);
}

/**
 * Checks instance data against the definition's data schema: whole, or (with `before`) by what changed.
 * Without `known` this module remembers which data it found valid (validateData); with it, the
 * engine's record says whether `before` is valid and nothing is remembered here.
 */
function checkData(def: WorkflowDefinition, data: JsonObject, locale: Locale, before?: JsonObject, known?: Known, checked?: Checked, touched?: readonly string[]): Refusal['errors'] | undefined {
  if (!def.dataSchema) return undefined;
  const name = def.dataSchema;
  let r;
  if (known === undefined) r = before === undefined ? validateData(name, data, locale) : validateDataChange(name, before, data, locale, checked, touched);
  else if (before !== undefined && changeValid(name, before, data, known.dataValid, checked, touched)) return undefined;
  else r = before === undefined ? checkWhole(name, data, locale) : checkDataChange(name, before, data, locale, false, checked);
  return r.valid ? undefined : r.errors.map((e) => ({ path: e.path, keyword: e.keyword, message: e.message }));
}

/** The effect a notify rule gives (a sealed definition's are made once, frozen, and shared). */
function noticeOf(e: Extract<EffectDef, { type: 'notify' }>): Effect {
  return e.message ? { type: 'notify', role: e.role, message: e.message, reason: 'transition' } : { type: 'notify', role: e.role, reason: 'transition' };
}
const NO_NOTICES: ReadonlyMap<EffectDef, Effect> = new Map();

/** Whether the actor has one of `roles` (a loop: `roles` is frozen in a sealed definition). */
function anyRole(roles: readonly string[], actor: Actor): boolean {
  for (let i = 0; i < roles.length; i++) if (actor.roles.includes(roles[i]!)) return true;
  return false;
}

const NO_MOVES: readonly TransitionDef[] = Object.freeze([]);
const NO_EFFECTS: readonly Effect[] = Object.freeze([]);

/**
 * What transition() derives from a sealed definition, once: the transitions by state and event
 * (in definition order), and which transitions' rules may read `now`.
 */
interface Plan {
  readonly moves: ReadonlyMap<string, ReadonlyMap<string, readonly TransitionDef[]>>;
  /** lockedPaths(def). */
  readonly locked: readonly string[];
  readonly notices: ReadonlyMap<EffectDef, Effect>;
  readsNow(ts: readonly TransitionDef[]): boolean;
}
const sealed = new WeakMap<WorkflowDefinition, Plan>();

/**
 * Makes a definition immutable (frozen deeply) and lets transition() keep what it derives from it.
 * The engine seals every definition it registers: a definition does not change once registered.
 * A definition that is not sealed is read afresh on every call.
 * @internal
 */
export function sealDefinition(def: WorkflowDefinition): void {
  if (sealed.has(def)) return;
  deepFreeze(def);
  const moves = new Map<string, Map<string, TransitionDef[]>>();
  for (const t of def.transitions) {
    for (const from of new Set(t.from)) {
      let byEvent = moves.get(from);
      if (!byEvent) moves.set(from, (byEvent = new Map()));
      const list = byEvent.get(t.event);
      if (list) list.push(t);
      else byEvent.set(t.event, [t]);
    }
  }
  const nowReaders = new Map<TransitionDef, boolean>(def.transitions.map((t) => [t, readsNow([t])]));
  const notices = new Map<EffectDef, Effect>();
  for (const t of def.transitions) for (const e of t.effects ?? []) if (e.type === 'notify') notices.set(e, Object.freeze(noticeOf(e)));
  sealed.set(def, {
    moves,
    locked: Object.freeze(lockedPaths(def)),
    notices,
    readsNow: (ts) => {
      for (const t of ts) if (nowReaders.get(t) ?? readsNow([t])) return true;
      return false;
    },
  });
}

function planOf(def: WorkflowDefinition): Plan | undefined {
  return sealed.get(def);
}

/** The transitions an event could take from the snapshot's state, in definition order. */
export function candidates(def: WorkflowDefinition, state: string, event: string): TransitionDef[] {
  return def.transitions.filter((t) => t.event === event && t.from.includes(state));
}

export interface StartInput {
  /** Instance id (the engine makes one when absent). */
  readonly id: string;
  /** Initial data (for the complaint workflow: the complaint record from intake). */
  readonly data?: unknown;
  readonly commandId?: string;
}

/** Creates the first snapshot of an instance; refuses a role that may not start or invalid data. */
export function startInstance(
  def: WorkflowDefinition,
  input: StartInput,
  actor: Actor,
  now: number,
  options: TransitionOptions = {},
  /** @internal Given by the engine: nothing is remembered here (see Known). */
  known?: Known,
): TransitionResult {
  const calendar = options.calendar ?? fallbackCalendar();
  const locale = options.locale ?? 'zh-CN';
  if (def.starters && !anyRole(def.starters, actor)) {
    return refuse('role-not-allowed', `Roles [${actor.roles.join(', ')}] may not start ${def.id}`, 'start', def.initial);
  }
  const bounded = boundedPayload(input.data ?? {}, 'start', def.initial, options);
  if ('ok' in bounded) return bounded;
  let data = (bounded.value ?? {}) as JsonObject;
  if (typeof data !== 'object' || Array.isArray(data)) return refuse('invalid-fields', 'Instance data must be an object', 'start', def.initial);
  let firstReceiver = person(actor);
  if (def.firstReceiver) {
    const given = getAt(data, def.firstReceiver);
    if (given === undefined) data = setAt(data, def.firstReceiver, firstReceiver);
    else if (isPerson(given)) firstReceiver = person(given);
  }
  const errors = checkData(def, data, locale, undefined, known);
  if (errors) return refuse('invalid-fields', `Instance data does not satisfy ${def.dataSchema}`, 'start', def.initial, errors);
  // One object literal (no spread copy): see clockState in clocks.ts.
  const snapshot: Snapshot = {
    id: input.id,
    definitionId: def.id,
    definitionVersion: def.version,
    state: def.initial,
    version: 1,
    data,
    firstReceiver,
    clocks: enterState(def, initialClocks(def, calendar), def.initial, now, calendar),
    createdAt: now,
    updatedAt: now,
    auditCount: 1,
  };
  const audit: AuditEntry = {
    instanceId: input.id,
    seq: 1,
    at: now,
    kind: 'start',
    event: 'start',
    from: null,
    to: def.initial,
    actor: auditActor(actor),
    effects: NO_EFFECTS,
    definitionVersion: def.version,
    ...(input.commandId ? { commandId: input.commandId } : {}),
  };
  return { ok: true, snapshot, effects: NO_EFFECTS, audit, transition: { event: 'start', title: def.title, from: [], to: def.initial, roles: def.starters ?? [] } };
}

/**
 * The pure transition function: the next snapshot, the effects and the audit entry for `event`
 * sent by `actor` at `now`, or a refusal with a reason code (wrong role, failed guard, missing
 * or invalid fields, a locked field, a final state).
 */
export function transition(
  def: WorkflowDefinition,
  snapshot: Snapshot,
  event: WorkflowEvent,
  actor: Actor,
  now: number,
  options: TransitionOptions = {},
  /** @internal What the engine knows of `snapshot` (see Known); hosts leave it out. */
  known?: Known,
): TransitionResult {
  const type = event.type;
  const state = snapshot.state;
  if (def.id !== snapshot.definitionId || def.version !== snapshot.definitionVersion) {
    return refuse('definition-mismatch', `Instance runs ${snapshot.definitionId}@${snapshot.definitionVersion}, not ${def.id}@${def.version}`, type, state);
  }
  // The transitions of this event from this state, and those the actor's roles may take (loops,
  // not filters: this runs on every event).
  const plan = planOf(def);
  const list = plan ? (plan.moves.get(state)?.get(type) ?? NO_MOVES) : candidates(def, state, type);
  const inState = list.length;
  let allowed: readonly TransitionDef[] | undefined;
  let mayCount = 0;
  for (let i = 0; i < list.length; i++) if (anyRole(list[i]!.roles, actor)) mayCount++;
  // Nearly always every candidate (or none): the list itself, no new array.
  if (mayCount === list.length) allowed = list;
  else if (mayCount > 0) allowed = list.filter((t) => anyRole(t.roles, actor));
  if (inState === 0) {
    if (def.states.find((s) => s.id === state)?.final) return refuse('final-state', `${state} is a final state`, type, state);
    if (!def.transitions.some((t) => t.event === type)) return refuse('unknown-event', `${def.id} has no event "${type}"`, type, state);
    return refuse('not-allowed-in-state', `"${type}" is not possible in state ${state}`, type, state);
  }
  if (allowed === undefined) return refuse('role-not-allowed', `Roles [${actor.roles.join(', ')}] may not send "${type}" in ${state}`, type, state);

  const locale = options.locale ?? 'zh-CN';
  const fields = allowed[0]!.fields;
  const bounded = boundedPayload(event.payload, type, state, options);
  if ('ok' in bounded) return bounded;
  const payload = bounded.value;
  let checked: Checked | undefined;
  if (fields) {
    if (!hasFields(fields)) return refuse('invalid-fields', `Unknown event fields "${fields}"`, type, state);
    if (payload === undefined || payload === null) return refuse('missing-fields', `"${type}" needs fields ${fields}`, type, state);
    // The precompiled validator says yes or no; only a no is worded (validateFields, the same check).
    // `{ [fields]: payload }` (a computed key in a literal) takes a slow path in V8 on every event;
    // an empty literal and one keyed store give the same object.
    const wrapped: Record<string, unknown> = {};
    wrapped[fields] = payload;
    const r = validateWorkflowEvents(wrapped) ? FIELDS_VALID : validateFields(fields, payload, locale);
    if (r.valid) {
      const uri = fieldsUri(fields);
      if (uri !== undefined && typeof payload === 'object') checked = { value: payload, uri };
    } else {
      const missing = r.errors.every((e) => e.keyword === 'required');
      return refuse(
        missing ? 'missing-fields' : 'invalid-fields',
        `Fields of "${type}" are ${missing ? 'incomplete' : 'invalid'}`,
        type,
        state,
        r.errors.map((e) => ({ path: e.path, keyword: e.keyword, message: e.message })),
      );
    }
  }

  const ctx = contextOf(snapshot, payload, actor, now, plan ? plan.readsNow(allowed) : readsNow(allowed));
  let chosen: TransitionDef | undefined;
  let applied: ReturnType<typeof applyEffects>;
  try {
    for (const t of allowed) {
      if (t.guard === undefined || truthy(evaluate(t.guard, ctx))) {
        chosen = t;
        break;
      }
    }
    if (!chosen) return refuse('guard-failed', `The guard of "${type}" in ${state} is not met`, type, state);
    const late = timeRuleErrors(chosen, snapshot, payload, now, locale);
    if (late) return refuse('invalid-fields', `Times of "${type}" break its time rules (${late.map((e) => e.path).join(', ')})`, type, state, late);
    applied = applyEffects(def, chosen.effects ?? [], ctx, snapshot.handler);
  } catch (err) {
    // A rule that would run too long is refused, never left to block the caller.
    if (err instanceof LogicBudgetError) return refuse('logic-budget', `A rule of "${type}" in ${state} exceeded its evaluation budget`, type, state);
    throw err;
  }
  if ('locked' in applied) return refuse('immutable-field', `"${type}" would change ${applied.locked}, which is fixed`, type, state);
  if ('invalid' in applied) return refuse('invalid-effect', applied.invalid, type, state);
  const errors = applied.data === snapshot.data ? undefined : checkData(def, applied.data, locale, snapshot.data, known, checked, applied.touched);
  if (errors) return refuse('invalid-effect', `"${type}" would leave data that does not satisfy ${def.dataSchema}`, type, state, errors);

  const calendar = options.calendar ?? fallbackCalendar();
  const to = chosen.to ?? state;
  const clocks = chosen.to === undefined ? snapshot.clocks : enterState(def, snapshot.clocks, to, now, calendar);
  let assigned = false;
  for (const e of applied.out) if (e.type === 'assign') assigned = true;
  // No effects: one shared frozen list (a store that freezes what it keeps has nothing to do).
  const effects: readonly Effect[] = applied.out.length === 0 ? NO_EFFECTS : applied.out;
  // Built field by field (no rest/spread copies): the same keys, in the same order, as before.
  const next = snapshotWith(snapshot, to, applied.data, clocks, now, applied.handler);
  // An explicit assignment answers a reassign escalation.
  if (snapshot.handlerRole !== undefined && !assigned) next.handlerRole = snapshot.handlerRole;
  const commandId = event.commandId ? event.commandId : undefined;
  const audit = transitionEntry(snapshot.id, next.auditCount, now, type, state, to, auditActor(actor), effects, def.version, payload, commandId);
  return { ok: true, snapshot: next, effects, audit, transition: chosen } satisfies Accepted;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The snapshot after a transition, in one object literal per shape (with or without a handler):
 * nothing is added afterwards but a rare handlerRole, so it keeps its fields in the object itself
 * (a property added to a literal goes to a separate store: one more object per snapshot).
 */
function snapshotWith(s: Snapshot, state: string, data: JsonObject, clocks: Snapshot['clocks'], now: number, handler: Person | undefined): Mutable<Snapshot> {
  return handler === undefined
    ? { id: s.id, definitionId: s.definitionId, definitionVersion: s.definitionVersion, state, version: s.version + 1, data, firstReceiver: s.firstReceiver, clocks, createdAt: s.createdAt, updatedAt: now, auditCount: s.auditCount + 1 }
    : { id: s.id, definitionId: s.definitionId, definitionVersion: s.definitionVersion, state, version: s.version + 1, data, firstReceiver: s.firstReceiver, clocks, createdAt: s.createdAt, updatedAt: now, auditCount: s.auditCount + 1, handler };
}

/** A transition's audit entry, one literal per shape (with or without payload and command id): see snapshotWith. */
function transitionEntry(
  instanceId: string,
  seq: number,
  at: number,
  event: string,
  from: string,
  to: string,
  actor: AuditEntry['actor'],
  effects: readonly Effect[],
  definitionVersion: number,
  payload: unknown,
  commandId: string | undefined,
): AuditEntry {
  const kind = 'transition';
  if (payload === undefined) {
    return commandId === undefined
      ? { instanceId, seq, at, kind, event, from, to, actor, effects, definitionVersion }
      : { instanceId, seq, at, kind, event, from, to, actor, effects, definitionVersion, commandId };
  }
  return commandId === undefined
    ? { instanceId, seq, at, kind, event, from, to, actor, effects, definitionVersion, payload }
    : { instanceId, seq, at, kind, event, from, to, actor, effects, definitionVersion, payload, commandId };
}

/**
 * The time rules of a transition (`times`: not after now, not before the previous step, not
 * before now) checked on its payload, as field errors (keyword `times`, worded in `locale`);
 * undefined when they hold. The previous step is the instance's last change (`updatedAt`), as the
 * action form takes it (src/workflow/action-defaults.ts), so the form and the engine agree.
 */
export function timeRuleErrors(t: TransitionDef, snapshot: Snapshot, payload: unknown, now: number, locale: Locale): Refusal['errors'] | undefined {
  if (!t.times || t.times.length === 0) return undefined;
  const found = checkTimes(t.times, payload, { now, previous: snapshot.updatedAt }, locale);
  return found.length ? found.map((e) => ({ path: e.path, keyword: 'times', message: e.message })) : undefined;
}

/** Fires one stored timer against a snapshot; undefined when the timer is stale (clock moved on). */
export function fireTimer(
  def: WorkflowDefinition,
  snapshot: Snapshot,
  timer: Timer,
  now: number,
  options: TransitionOptions = {},
): { snapshot: Snapshot; effects: Effect[]; audit: AuditEntry } | undefined {
  if (def.id !== snapshot.definitionId || def.version !== snapshot.definitionVersion) return undefined;
  const r = applyTimer(def, snapshot, timer, options.calendar ?? fallbackCalendar());
  if (!r) return undefined;
  // Field by field, as transition() builds it (no spread copy: see clockState in clocks.ts).
  const next: { -readonly [K in keyof Snapshot]: Snapshot[K] } = {
    id: snapshot.id,
    definitionId: snapshot.definitionId,
    definitionVersion: snapshot.definitionVersion,
    state: snapshot.state,
    version: snapshot.version + 1,
    data: snapshot.data,
    firstReceiver: snapshot.firstReceiver,
    clocks: r.clocks,
    createdAt: snapshot.createdAt,
    updatedAt: now,
    auditCount: snapshot.auditCount + 1,
  };
  if (snapshot.handler !== undefined) next.handler = snapshot.handler;
  const handlerRole = r.handlerRole ?? snapshot.handlerRole;
  if (handlerRole !== undefined) next.handlerRole = handlerRole;
  const audit: AuditEntry = {
    instanceId: snapshot.id,
    seq: next.auditCount,
    at: now,
    kind: 'timer',
    event: `${timer.kind}:${timer.clock}`,
    from: snapshot.state,
    to: snapshot.state,
    actor: auditActor(SYSTEM_ACTOR),
    effects: r.effects,
    definitionVersion: def.version,
    commandId: `timer:${timer.id}`,
    note: timer.id,
  };
  return { snapshot: next, effects: r.effects, audit };
}
