import { validateWith, type FieldLabels, type ValidationResult } from '../core/errors.js';
import { UnknownSchemaError } from '../core/validate-error.js';
import type { Locale } from '../core/i18n/locale.js';
import type { GeneratedValidator } from '../generated/validator-types.js';
import { loadValidatorByName } from '../generated/validators/lazy.js';
import validateComplaint from '../generated/validators/complaint.js';
import complaintLabels from '../generated/labels/complaint.js';
import complaintSchema from '../generated/schemas/complaint.js';
import { vocab } from '../generated/vocab.js';
import { interpretSchema, resolveReference, type InterpretedValidator } from '../core/form/interpreter.js';
import type { JsonSchema } from '../core/form/types.js';
import { escapeKey } from '../core/kernel/pointer.js';

type Json = Readonly<Record<string, unknown>>;

interface Entry {
  readonly validator: GeneratedValidator<unknown>;
  readonly labels: FieldLabels;
  /** The schema itself, when known: it lets a change be checked by the properties it touched. */
  readonly schema?: Json;
}

/**
 * The data schemas instance data is checked against (a definition's `dataSchema`). The runtime
 * carries only what the built-in definitions use (the complaint record); any other shipped
 * schema is loaded on demand by the engine (`ensureDataSchema`), and a host may register its own
 * precompiled validator (`registerDataSchema`, e.g. one made with `npx wuye-kit compile`).
 */
const registry = new Map<string, Entry>([['complaint', { validator: validateComplaint as GeneratedValidator<unknown>, labels: complaintLabels, schema: complaintSchema }]]);

/**
 * Data objects known to satisfy a schema (by name): checked whole, or made by a change checked
 * property by property from data that was known. Only what this runtime checked is in here, so
 * data read back from a store that copies (SQLite, a clone) is checked whole once again.
 */
let knownValid = new WeakMap<object, string>();

/** Makes `name` usable as a definition's `dataSchema`. `schema` (optional) allows checking changes by property. */
export function registerDataSchema(name: string, validator: GeneratedValidator<unknown>, labels: FieldLabels = {}, schema?: Readonly<Record<string, unknown>>): void {
  registry.set(name, schema ? { validator, labels, schema } : { validator, labels });
  plans.delete(name);
  knownValid = new WeakMap();
  generation++;
}

/**
 * Counts registrations that may change what a schema name means. Whoever remembers that some data
 * satisfied a schema (the engine, for the snapshot it committed last) remembers this number with
 * it and forgets the fact when it has changed.
 */
let generation = 0;
export const schemaGeneration = (): number => generation;

/** Whether `name` can be used now, or can be loaded (a shipped schema). */
export function knownDataSchema(name: string): boolean {
  return registry.has(name) || Object.hasOwn(loadValidatorByName, name);
}

/** Loads a shipped schema's validator and labels when `name` is not registered yet. */
export async function ensureDataSchema(name: string | undefined): Promise<void> {
  if (!name || registry.has(name)) return;
  const load = loadValidatorByName[name];
  if (!load) throw new UnknownSchemaError(name);
  const { validator, labels } = await load();
  registry.set(name, { validator, labels });
}

function entryOf(name: string): Entry {
  const entry = registry.get(name);
  if (!entry) throw new UnknownSchemaError(name);
  return entry;
}

/** Validates instance data whole; throws UnknownSchemaError for a schema neither registered nor loaded. */
export function validateData(name: string, data: unknown, locale: Locale): ValidationResult {
  const r = checkData(name, data, locale);
  if (r.valid && typeof data === 'object' && data !== null) knownValid.set(data, name);
  return r;
}

/** validateData without remembering the answer (for callers that keep their own record, the engine). */
export function checkData(name: string, data: unknown, locale: Locale): ValidationResult {
  const entry = entryOf(name);
  return validateWith(entry.validator, entry.labels, data, { locale });
}

// --- Checking a change by the properties it touched -------------------------------------------
//
// A transition changes a few top-level properties of data that satisfied the schema before.
// When the schema is an object whose properties are independent of each other (no conditional
// keyword names them), the new data satisfies the schema exactly when each changed property's
// value satisfies that property's schema, no required property was removed and no unknown one
// added. Those values are checked with an interpreting validator compiled once per property;
// anything else (a property a conditional reads, an unknown or removed required property, a value
// that fails) is checked whole with the precompiled validator, so refusals keep their exact errors.

interface Plan {
  /** Per property that is just a `$ref` (beside annotations): the absolute URI it points to. */
  readonly refs: ReadonlyMap<string, string>;
  /** Top-level properties named by a conditional keyword (if/then/else, allOf …): change → whole check. */
  readonly entangled: ReadonlySet<string>;
  readonly required: ReadonlySet<string>;
  readonly properties: Readonly<Record<string, unknown>>;
  readonly validators: Map<string, InterpretedValidator>;
  readonly schema: Json;
}

/** Root keywords a plan understands; any other makes every change a whole check. */
const PLAIN = new Set(['$schema', '$id', '$comment', 'title', 'description', 'type', 'additionalProperties', 'required', 'properties', 'definitions', 'default', 'examples']);
const CONDITIONAL = new Set(['if', 'then', 'else', 'allOf', 'anyOf', 'oneOf', 'not']);
const ANNOTATION = new Set(['$comment', 'title', 'description']);

const plans = new Map<string, Plan | null>();

/** The absolute URI a schema node refers to when it is only a `$ref` (and annotations); else undefined. */
export function refOnly(node: unknown, base: string): string | undefined {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
  const ref = (node as Json)['$ref'];
  if (typeof ref !== 'string') return undefined;
  for (const k of Object.keys(node)) if (k !== '$ref' && !ANNOTATION.has(k) && !k.startsWith('x-')) return undefined;
  return resolveReference(ref, base);
}

let vocabRefs: JsonSchema[] | undefined;

/** Names of the top-level properties a conditional subschema reads; undefined when it does more than properties/required. */
function namesIn(node: unknown, out: Set<string>, depth = 0): boolean {
  if (depth > 16) return false;
  if (Array.isArray(node)) return node.every((n) => namesIn(n, out, depth + 1));
  if (typeof node === 'boolean') return true;
  if (node === null || typeof node !== 'object') return false;
  for (const [k, v] of Object.entries(node)) {
    if (k === 'properties' && v !== null && typeof v === 'object') Object.keys(v).forEach((p) => out.add(p));
    else if (k === 'required' && Array.isArray(v)) v.forEach((p) => typeof p === 'string' && out.add(p));
    else if (CONDITIONAL.has(k)) {
      if (!namesIn(v, out, depth + 1)) return false;
    } else if (!ANNOTATION.has(k) && !k.startsWith('x-')) return false;
  }
  return true;
}

function planOf(name: string, entry: Entry): Plan | null {
  const known = plans.get(name);
  if (known !== undefined) return known;
  const s = entry.schema;
  let plan: Plan | null = null;
  if (s && s['type'] === 'object' && s['additionalProperties'] === false && s['properties'] !== null && typeof s['properties'] === 'object') {
    const entangled = new Set<string>();
    let ok = true;
    for (const [k, v] of Object.entries(s)) {
      if (PLAIN.has(k) || k.startsWith('x-')) continue;
      if (!CONDITIONAL.has(k) || !namesIn(v, entangled)) ok = false;
    }
    const required = new Set(Array.isArray(s['required']) ? (s['required'] as string[]) : []);
    const properties = s['properties'] as Record<string, unknown>;
    const base = typeof s['$id'] === 'string' ? s['$id'] : '';
    const refs = new Map<string, string>();
    for (const [k, sub] of Object.entries(properties)) {
      const uri = refOnly(sub, base);
      if (uri) refs.set(k, uri);
    }
    if (ok) plan = { refs, entangled, required, properties, validators: new Map(), schema: s };
  }
  plans.set(name, plan);
  return plan;
}

function propertyValidator(plan: Plan, key: string): InterpretedValidator {
  let v = plan.validators.get(key);
  if (!v) {
    vocabRefs ??= Object.values(vocab).map((x) => ({ $id: x.id, type: 'string', enum: [...x.codes] }) as JsonSchema);
    const root = typeof plan.schema['$id'] === 'string' ? plan.schema['$id'] : 'urn:wuye-kit:data';
    const ref = `${root}#/properties/${escapeKey(key)}`;
    v = interpretSchema({ $id: 'urn:wuye-kit:data-property', $ref: ref } as JsonSchema, { refs: [...vocabRefs, { ...plan.schema, $id: root } as JsonSchema] });
    plan.validators.set(key, v);
  }
  return v;
}

/**
 * A value already checked against the schema at `uri` (the event payload, by the transition that
 * sets it): where a property takes it as it is and refers to that very schema, it is not checked again.
 */
export interface Checked {
  readonly value: object;
  readonly uri: string;
}

/**
 * Whether `after` satisfies the schema, judged by what changed from `before` (known valid); undefined: check whole.
 * `touched` (optional): keys outside it hold the very same value (or absence) in both, as the
 * caller knows from how it made `after` (transition(): the keys its effects wrote). Only they are
 * looked at, with the same tests in the same terms: a key outside it would pass both loops below
 * without effect, so the answer is the same as without it.
 */
function changeIsValid(plan: Plan, before: Json, after: Json, checked: Checked | undefined, touched?: readonly string[]): boolean | undefined {
  if (touched !== undefined) {
    for (let i = 0; i < touched.length; i++) {
      const k = touched[i]!;
      if (Object.hasOwn(after, k)) {
        if (changedKeyFails(plan, k, after[k], before[k], checked)) return undefined;
      } else if (Object.hasOwn(before, k) && (plan.entangled.has(k) || plan.required.has(k))) return undefined;
    }
    return true;
  }
  for (const k in after) {
    if (changedKeyFails(plan, k, after[k], before[k], checked)) return undefined;
  }
  for (const k in before) {
    if (Object.hasOwn(after, k)) continue;
    if (plan.entangled.has(k) || plan.required.has(k)) return undefined;
  }
  return true;
}

/** Whether key `k` of the new data, now `v` (before: `was`), needs the whole check. */
function changedKeyFails(plan: Plan, k: string, v: unknown, was: unknown, checked: Checked | undefined): boolean {
  if (v === was) return false;
  if (plan.entangled.has(k)) return true;
  if (v === undefined) return plan.required.has(k);
  if (!Object.hasOwn(plan.properties, k)) return true;
  // A value already checked against the very schema this property refers to (an event payload
  // set as it is, e.g. the reply): nothing to check again.
  if (checked !== undefined && v === checked.value && plan.refs.get(k) === checked.uri) return false;
  return propertyValidator(plan, k)(v).length > 0;
}

/**
 * Validates data a change made from `before`: by the changed properties when `before` is known
 * to satisfy the schema and the schema allows it, else whole. The same answer as
 * `validateData(name, after)` (the whole check words every refusal).
 */
export function validateDataChange(name: string, before: Json, after: Json, locale: Locale, checked?: Checked, touched?: readonly string[]): ValidationResult {
  const r = checkDataChange(name, before, after, locale, knownValid.get(before) === name, checked, touched);
  if (r.valid) knownValid.set(after, name);
  return r;
}

/**
 * validateDataChange with what the caller knows instead of what this module remembers:
 * `beforeValid` (before satisfies the schema: the engine's own last commit, frozen by its store),
 * `checked` (see Checked). Remembers nothing. The same answer as `checkData(name, after)` whenever
 * `beforeValid` is true of `before`.
 */
export function checkDataChange(name: string, before: Json, after: Json, locale: Locale, beforeValid: boolean, checked?: Checked, touched?: readonly string[]): ValidationResult {
  return changeValid(name, before, after, beforeValid, checked, touched) ? { valid: true, errors: [], data: after } : validateWith(entryOf(name).validator, entryOf(name).labels, after, { locale });
}

/** Whether the change is valid judged by what changed alone (no result object); false: check whole. */
export function changeValid(name: string, before: Json, after: Json, beforeValid: boolean, checked?: Checked, touched?: readonly string[]): boolean {
  if (!beforeValid) return false;
  const plan = planOf(name, entryOf(name));
  return plan !== null && changeIsValid(plan, before, after, checked, touched) === true;
}
