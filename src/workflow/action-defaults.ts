// What an action form starts with, and the time rules it checks before sending: pure functions
// over the record, the actor and the clock, so the form knows the case instead of re-asking it.
import { catalog } from '../core/i18n/catalog.js';
import type { Locale, Localized } from '../core/i18n/locale.js';
import type { UiField, UiGroup, UiSchema } from '../core/form/ui.js';
import type { Actor, Person, Snapshot, TimeRule, WorkflowDefinition } from './types.js';
import { joinPointer } from '../core/kernel/pointer.js';

const SHANGHAI_MS = 8 * 3_600_000;

/** An instant as `YYYY-MM-DDTHH:mm:00+08:00` (Asia/Shanghai, to the minute: what a datetime field shows). */
export function shanghaiMinute(ms: number): string {
  return `${new Date(ms + SHANGHAI_MS).toISOString().slice(0, 16)}:00+08:00`;
}

type Schema = { readonly type?: unknown; readonly format?: unknown; readonly properties?: Readonly<Record<string, Schema>>; readonly enum?: readonly unknown[] };

const fits = (value: unknown, schema: Schema): boolean => {
  if (schema.enum) return schema.enum.includes(value);
  if (schema.type === 'string') return typeof value === 'string';
  if (schema.type === 'boolean') return typeof value === 'boolean';
  if (schema.type === 'integer' || schema.type === 'number') return typeof value === 'number';
  return false;
};

/**
 * Initial values of an event's fields: what the record already holds under the same name (登记's
 * category and severity from intake), the actor for a `by` person, and now for a time the
 * event records (`at`). A draft the user typed wins over these (the caller merges).
 */
export function actionDefaults(schema: Readonly<Record<string, unknown>> | undefined, snapshot: Snapshot, actor: Actor | undefined, now: number): Record<string, unknown> {
  const props = (schema as Schema | undefined)?.properties ?? {};
  const out: Record<string, unknown> = {};
  for (const [key, prop] of Object.entries(props)) {
    const held = snapshot.data[key];
    if (held !== undefined && fits(held, prop)) out[key] = held;
    else if (key === 'at' && prop.format === 'date-time') out[key] = shanghaiMinute(now);
    else if (key === 'by' && actor && prop.properties?.['id'] && prop.properties?.['name']) out[key] = { id: actor.id, name: actor.name };
  }
  return out;
}

const msg = catalog(
  {
    future: '不能晚于现在（{now}）',
    beforePrevious: '不能早于上一步的时间（{previous}）',
    past: '不能早于现在（{now}）',
  },
  {
    future: 'Cannot be later than now ({now})',
    beforePrevious: 'Cannot be earlier than the previous step ({previous})',
    past: 'Cannot be earlier than now ({now})',
  },
);

const minute = (ms: number): number => Math.floor(ms / 60_000);
const show = (ms: number) => shanghaiMinute(ms).slice(0, 16).replace('T', ' ');

/** The time rules of `event` from the state of `snapshot` (definition data: the transition's `times`). */
export function timeRulesOf(def: WorkflowDefinition, snapshot: Snapshot, event: string): readonly TimeRule[] {
  return def.transitions.find((t) => t.event === event && t.from.includes(snapshot.state) && t.times)?.times ?? [];
}

/**
 * Checks a payload against time rules: `now` the clock, `previous` the time of the instance's
 * last step. Returns errors with JSON-pointer paths (relative to the payload) for the form.
 * Minutes count: a time entered to the minute is never "in the future" within its own minute.
 */
export function checkTimes(rules: readonly TimeRule[], payload: unknown, ctx: { readonly now: number; readonly previous: number }, locale: Locale = 'zh-CN'): { path: string; message: string }[] {
  const errors: { path: string; message: string }[] = [];
  if (payload === null || typeof payload !== 'object') return errors;
  // An indexed loop: a sealed definition's rules are a frozen array (see clocks.ts).
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i]!;
    const v = (payload as Record<string, unknown>)[r.field];
    if (typeof v !== 'string') continue;
    const t = Date.parse(v);
    if (Number.isNaN(t)) continue;
    const path = `/${r.field}`;
    if (r.notAfter === 'now' && minute(t) > minute(ctx.now)) errors.push({ path, message: msg(locale, 'future', { now: show(ctx.now) }) });
    else if (r.notBefore === 'previous' && minute(t) < minute(ctx.previous)) errors.push({ path, message: msg(locale, 'beforePrevious', { previous: show(ctx.previous) }) });
    else if (r.notBefore === 'now' && minute(t) < minute(ctx.now)) errors.push({ path, message: msg(locale, 'past', { now: show(ctx.now) }) });
  }
  return errors;
}

// ── the form of one event: its UI schema and its pickers ────────────────────────────────────

/** One person of the host's staff list (schemas/people.schema.json; `reference.staff`). */
export interface StaffMember {
  readonly id: string;
  readonly name: string;
  readonly nameEn?: string;
  readonly title?: Localized;
  readonly roles: readonly string[];
  readonly office?: string;
}

/**
 * The UI schema of one event-field definition, cut out of the UI schema of every event
 * (schemas/workflow-events.ui.json: a group per definition, pointers `/<name>/<field>`), with its
 * pointers re-rooted at the payload (`/dispatch/handler` → `/handler`). Undefined when the file
 * has nothing for `name` (the form then lays the fields out in schema order).
 */
export function eventUiSchema(all: UiSchema, name: string): UiSchema | undefined {
  const prefix = joinPointer('', name);
  const cut = (p: string) => (p.startsWith(`${prefix}/`) ? p.slice(prefix.length) : undefined);
  const fields: Record<string, UiField> = {};
  for (const [p, f] of Object.entries(all.fields ?? {})) {
    const q = cut(p);
    if (q) fields[q] = f;
  }
  const groups: UiGroup[] = [];
  for (const g of all.groups ?? []) {
    const list = g.fields.map(cut).filter((x): x is string => x !== undefined);
    // The action form has its own heading: the group's title would say it twice.
    if (list.length) groups.push({ id: g.id, ...(g.columns ? { columns: g.columns } : {}), fields: list });
  }
  if (!groups.length && !Object.keys(fields).length) return undefined;
  return { ...(groups.length ? { groups } : {}), ...(Object.keys(fields).length ? { fields } : {}) };
}

/** A choice of a picker: the value stored (a person `{ id, name }`) and its label in both languages. */
export interface PersonChoice {
  readonly value: Person;
  readonly label: Localized;
}

type SchemaNode = Readonly<Record<string, unknown>>;
const isPersonSchema = (s: unknown): boolean => {
  const props = (s as { properties?: Record<string, unknown> } | undefined)?.properties;
  return (s as { type?: unknown } | undefined)?.type === 'object' && !!props && Object.keys(props).length === 2 && 'id' in props && 'name' in props;
};

/**
 * Which reference list a picker field picks from and what narrows it: a field's `picker` in a UI
 * schema (schemas/ui.schema.json, e.g. `/dispatch/contractor` in schemas/workflow-events.ui.json).
 * `staff`: the host's people (`reference.staff`), filtered by `roles` (default: the roles the
 * workflow declares) and by office (`record`, the default: the record's office and people without
 * one; `any`: everyone). `contractors`: the host's contractors (`reference.contractors`), filtered
 * by `trades` (default: all).
 */
export interface PickerSpec {
  readonly reference: 'staff' | 'contractors';
  readonly filter?: {
    readonly roles?: readonly string[];
    readonly trades?: readonly string[];
    readonly office?: 'record' | 'any';
  };
}

/** A contractor of the host's list (`reference.contractors`; schemas/examples/contractors.json). */
export interface ContractorEntry {
  readonly id: string;
  readonly name: string | Localized;
  /** The trades it works in (codes of schemas/vocab/trade.json: civil, plumbing, …). */
  readonly trades?: readonly string[];
}

/** The lists pickers choose from: the provider's `reference` (`staff`, `contractors`). */
export interface PickerLists {
  readonly staff?: readonly StaffMember[];
  readonly contractors?: readonly ContractorEntry[];
}

/** The value already in a field, offered first when the list does not hold it (it never vanishes). */
function keepCurrent(out: PersonChoice[], current: unknown): PersonChoice[] {
  const c = current as { id?: unknown; name?: unknown } | undefined;
  if (c && typeof c.id === 'string' && typeof c.name === 'string' && !out.some((o) => o.value.id === c.id)) {
    out.unshift({ value: { id: c.id, name: c.name }, label: { 'zh-CN': `${c.name}（${c.id}）`, en: `${c.name} (${c.id})` } });
  }
  return out;
}

/**
 * The people a person field of an action form offers: the host's staff of the record's office
 * (`data.officeId`; everyone without an office too, such as HQ) who hold a role the workflow
 * declares (or one of `filter.roles`), in the list's order; `filter.office: 'any'` drops the
 * office test. The value already in the field (the actor as `by`, a handler from a draft) is
 * offered too when it is not in the list, so it never vanishes.
 */
export function personChoices(
  staff: readonly StaffMember[],
  snapshot: Snapshot,
  def: WorkflowDefinition | undefined,
  current?: unknown,
  filter?: PickerSpec['filter'],
): PersonChoice[] {
  const office = filter?.office !== 'any' && typeof snapshot.data['officeId'] === 'string' ? snapshot.data['officeId'] : undefined;
  const roles = filter?.roles ? new Set(filter.roles) : def ? new Set(def.roles.map((r) => r.id)) : undefined;
  const out: PersonChoice[] = staff
    .filter((p) => (!office || !p.office || p.office === office) && (!roles || p.roles.some((r) => roles.has(r))))
    .map((p) => ({
      value: { id: p.id, name: p.name },
      label: {
        'zh-CN': p.title ? `${p.name} · ${p.title['zh-CN']}` : p.name,
        en: `${p.nameEn ?? p.name}${p.title ? ` · ${p.title.en}` : ''}`,
      },
    }));
  return keepCurrent(out, current);
}

/**
 * The contractors a contractor field offers: the host's list, those working in one of
 * `filter.trades` when it names any, in the list's order. The value stored is `{ id, name }`
 * with the Chinese name (the record's language); the label follows the interface language.
 */
export function contractorChoices(contractors: readonly ContractorEntry[], current?: unknown, filter?: PickerSpec['filter']): PersonChoice[] {
  const trades = filter?.trades?.length ? new Set(filter.trades) : undefined;
  const out: PersonChoice[] = contractors
    .filter((c) => !trades || (c.trades ?? []).some((t) => trades.has(t)))
    .map((c) => {
      const zh = typeof c.name === 'string' ? c.name : c.name['zh-CN'];
      const en = typeof c.name === 'string' ? c.name : c.name.en;
      return { value: { id: c.id, name: zh }, label: { 'zh-CN': zh, en } };
    });
  return keepCurrent(out, current);
}

/** The choices of a picker field from the host's lists (none when the list is absent or nobody fits). */
export function pickerChoices(spec: PickerSpec, lists: PickerLists | undefined, snapshot: Snapshot, def: WorkflowDefinition | undefined, current?: unknown): PersonChoice[] {
  if (spec.reference === 'contractors') return lists?.contractors?.length ? contractorChoices(lists.contractors, current, spec.filter) : [];
  return lists?.staff?.length ? personChoices(lists.staff, snapshot, def, current, spec.filter) : [];
}

/**
 * The picker of the field at `pointer` in a UI schema: its `picker`, else — for a field shown as
 * `select` — the staff of the workflow (what every person picker did before `picker` existed).
 */
export function pickerOf(ui: UiSchema | undefined, pointer: string): PickerSpec | undefined {
  const f = ui?.fields?.[pointer] as (UiField & { readonly picker?: PickerSpec }) | undefined;
  if (f?.picker) return f.picker;
  return f?.widget === 'select' ? { reference: 'staff' } : undefined;
}

/**
 * The event's field schema with a picker's choices on each `{ id, name }` field that has a picker
 * (`pickerOf`: a `picker` in the UI schema, or a `select` person field), as `oneOf` of `const`
 * values, which a form turns into the options of a native drop-down. Fields without choices stay
 * as they are: the form then asks for an ID and a name as text.
 */
export function withPickers(schema: SchemaNode, ui: UiSchema | undefined, choicesOf: (pointer: string, picker: PickerSpec) => readonly PersonChoice[]): SchemaNode {
  const props = schema['properties'] as Record<string, SchemaNode> | undefined;
  if (!props) return schema;
  let changed = false;
  const next: Record<string, SchemaNode> = {};
  for (const [key, prop] of Object.entries(props)) {
    const pointer = joinPointer('', key);
    const picker = isPersonSchema(prop) ? pickerOf(ui, pointer) : undefined;
    const choices = picker ? choicesOf(pointer, picker) : [];
    if (choices.length) {
      next[key] = { ...prop, oneOf: choices.map((c) => ({ const: c.value, 'x-label': c.label })) };
      changed = true;
    } else next[key] = prop;
  }
  return changed ? { ...schema, properties: next } : schema;
}

/**
 * `withPickers` for the staff pickers alone (each `select` person field and each `staff` picker):
 * kept for hosts that call it with their own staff choices.
 */
export function withPersonChoices(schema: SchemaNode, ui: UiSchema | undefined, choicesOf: (pointer: string) => readonly PersonChoice[]): SchemaNode {
  return withPickers(schema, ui, (pointer, picker) => (picker.reference === 'staff' ? choicesOf(pointer) : []));
}
