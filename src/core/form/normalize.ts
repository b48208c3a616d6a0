import { FormSchemaError, type Condition, type FieldOption, type FieldType, type FormField, type FormModel, type JsonSchema, type Text } from './types.js';
import { escapeKey, unescapeKey } from './pointer.js';

export interface NormalizeOptions {
  /** Schemas an external `$ref` may point to, by `$id` (vocabularies, shared definitions). */
  readonly refs?: Readonly<Record<string, JsonSchema>>;
}

const SUPPORTED_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);

/**
 * Normalises a draft-07 schema once into a tree of fields: `$ref`s resolved (local and by
 * `$id`), `allOf` merged, `enum`/`const`/`oneOf` turned into options with labels, `if/then/else`
 * and `dependencies` turned into conditions that make fields present or required.
 * Throws `FormSchemaError` naming the JSON pointer of anything it cannot use.
 */
export function normalizeSchema(schema: unknown, options: NormalizeOptions = {}): FormModel {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) {
    throw new FormSchemaError('schema', '', 'a schema must be a JSON object');
  }
  const root = schema as JsonSchema;
  const ctx: Ctx = { root, refs: options.refs ?? {}, byPath: new Map(), depth: 0 };
  const field = buildField(ctx, root, '', '', '', true, [], []);
  if (field.type !== 'object') throw new FormSchemaError('schema', '', `the root must be an object schema, not "${field.type}"`);
  return { root: field, byPath: ctx.byPath, schema: root, id: typeof root.$id === 'string' ? root.$id : undefined };
}

interface Ctx {
  readonly root: JsonSchema;
  readonly refs: Readonly<Record<string, JsonSchema>>;
  readonly byPath: Map<string, FormField>;
  depth: number;
}

/** Follows `$ref`s (max 32 hops) and returns the target with the pointer it was found at. */
function deref(ctx: Ctx, node: JsonSchema, at: string, base: JsonSchema): { schema: JsonSchema; base: JsonSchema } {
  let cur = node;
  let curBase = base;
  for (let hops = 0; typeof cur.$ref === 'string'; hops++) {
    if (hops > 32) throw new FormSchemaError('schema', at, `$ref cycle at "${cur.$ref}"`);
    const ref = cur.$ref;
    const hash = ref.indexOf('#');
    const docPart = hash < 0 ? ref : ref.slice(0, hash);
    const frag = hash < 0 ? '' : ref.slice(hash + 1);
    let doc = curBase;
    if (docPart) {
      const id = resolveId(docPart, typeof curBase.$id === 'string' ? curBase.$id : undefined);
      const found = ctx.refs[id] ?? ctx.refs[docPart] ?? (ctx.root.$id === id ? ctx.root : undefined);
      if (!found) throw new FormSchemaError('schema', `${at}/$ref`, `cannot resolve "${ref}": no schema with $id "${id}" was given`, id);
      doc = found;
    }
    let target: unknown = doc;
    if (frag) {
      for (const seg of frag.replace(/^\//, '').split('/')) {
        const key = unescapeKey(seg);
        target = target && typeof target === 'object' && Object.hasOwn(target, key) ? (target as Record<string, unknown>)[key] : undefined;
      }
    }
    if (!target || typeof target !== 'object') throw new FormSchemaError('schema', `${at}/$ref`, `cannot resolve "${ref}"`);
    // Keywords beside $ref (our x-label annotations) win over the target's.
    const { $ref: _ignored, ...siblings } = cur;
    cur = { ...(target as JsonSchema), ...siblings };
    curBase = doc;
  }
  return { schema: cur, base: curBase };
}

function resolveId(ref: string, base: string | undefined): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || !base) return ref;
  const dir = base.slice(0, base.lastIndexOf('/') + 1);
  const parts = (dir + ref).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '.') continue;
    if (p === '..' && out.length > 3) out.pop();
    else out.push(p);
  }
  return out.join('/');
}

/** Merges `allOf` into one schema: properties merged, `required` united, bounds made stricter. */
function mergeAllOf(ctx: Ctx, schema: JsonSchema, at: string, base: JsonSchema): { schema: JsonSchema; conditionals: Conditional[] } {
  const conditionals: Conditional[] = [];
  const collect = (s: JsonSchema): void => {
    if (s.if) conditionals.push({ if: s.if, then: s.then, else: s.else });
  };
  collect(schema);
  if (!schema.allOf) return { schema, conditionals };
  if (!Array.isArray(schema.allOf)) throw new FormSchemaError('schema', `${at}/allOf`, 'allOf must be an array');
  let out: JsonSchema = { ...schema };
  delete out.allOf;
  schema.allOf.forEach((part, i) => {
    const { schema: sub } = deref(ctx, part, `${at}/allOf/${i}`, base);
    const merged = mergeAllOf(ctx, sub, `${at}/allOf/${i}`, base);
    conditionals.push(...merged.conditionals);
    out = mergeTwo(out, merged.schema);
  });
  return { schema: out, conditionals };
}

function mergeTwo(a: JsonSchema, b: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...b, ...a };
  // One side without properties (an allOf part that only adds `if/then` or `required`): share the
  // other's map instead of copying it, so merging 25 such parts into 300 fields stays linear.
  if (!a.properties !== !b.properties) out.properties = a.properties ?? b.properties;
  else if (a.properties && b.properties) {
    const props: Record<string, JsonSchema> = { ...b.properties };
    for (const [k, v] of Object.entries(a.properties)) props[k] = props[k] ? mergeTwo(v, props[k]) : v;
    out.properties = props;
  }
  if (a.required || b.required) out.required = [...new Set([...(a.required ?? []), ...(b.required ?? [])])];
  for (const k of ['minimum', 'minLength', 'minItems', 'exclusiveMinimum'] as const) {
    if (a[k] !== undefined && b[k] !== undefined) out[k] = Math.max(a[k], b[k]);
  }
  for (const k of ['maximum', 'maxLength', 'maxItems', 'exclusiveMaximum'] as const) {
    if (a[k] !== undefined && b[k] !== undefined) out[k] = Math.min(a[k], b[k]);
  }
  if (a.enum && b.enum) out.enum = a.enum.filter((x) => b.enum!.includes(x));
  return out;
}

interface Conditional {
  readonly if: JsonSchema;
  readonly then?: JsonSchema | undefined;
  readonly else?: JsonSchema | undefined;
}

function typeOf(s: JsonSchema, at: string): FieldType {
  let t = s.type;
  if (Array.isArray(t)) t = t.find((x) => x !== 'null') ?? t[0];
  if (typeof t === 'string') {
    if (!SUPPORTED_TYPES.has(t)) throw new FormSchemaError('schema', `${at}/type`, `unknown type "${t}"`);
    return t as FieldType;
  }
  if (s.properties) return 'object';
  if (s.items) return 'array';
  const sample = s.const ?? s.enum?.[0] ?? (s.oneOf?.[0] as JsonSchema | undefined)?.const;
  if (typeof sample === 'number') return Number.isInteger(sample) ? 'integer' : 'number';
  if (typeof sample === 'boolean') return 'boolean';
  return 'string';
}

function labelOf(s: JsonSchema, key: string): Text {
  return s['x-label'] ?? s.title ?? key;
}

function optionsOf(ctx: Ctx, s: JsonSchema, at: string, base: JsonSchema): FieldOption[] | undefined {
  if (Array.isArray(s.enum)) {
    const labels = s['x-labels'] ?? {};
    return s.enum.map((value) => ({ value, label: (typeof value === 'string' && Object.hasOwn(labels, value) ? labels[value] : undefined) ?? String(value) }));
  }
  const alts = s.oneOf ?? s.anyOf;
  if (Array.isArray(alts) && alts.length) {
    const resolved = alts.map((a, i) => deref(ctx, a, `${at}/oneOf/${i}`, base).schema);
    if (resolved.every((a) => 'const' in a)) return resolved.map((a) => ({ value: a.const, label: a['x-label'] ?? a.title ?? String(a.const) }));
  }
  if (s.const !== undefined) return [{ value: s.const, label: s['x-label'] ?? s.title ?? String(s.const) }];
  return undefined;
}

function buildField(
  ctx: Ctx,
  raw: JsonSchema,
  path: string,
  at: string,
  key: string,
  required: boolean,
  requiredWhen: Condition[],
  presentWhen: Condition[],
  baseDoc: JsonSchema = ctx.root,
): FormField {
  if (++ctx.depth > 2000) throw new FormSchemaError('schema', at, 'schema is too deep or recursive for a form');
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new FormSchemaError('schema', at, 'expected a schema object');
  const { schema: resolved, base } = deref(ctx, raw, at, baseDoc);
  const { schema, conditionals } = mergeAllOf(ctx, resolved, at, base);
  const type = typeOf(schema, at);
  let children: FormField[] | undefined;
  let item: FormField | undefined;
  let options = optionsOf(ctx, schema, at, base);
  let multiple = false;

  if (type === 'object') children = buildChildren(ctx, schema, conditionals, path, at, base);
  if (type === 'array') {
    const items = schema.items;
    if (Array.isArray(items)) throw new FormSchemaError('schema', `${at}/items`, 'tuple arrays (items as a list) are not supported in forms');
    if (!items) throw new FormSchemaError('schema', at, 'an array field needs "items"');
    const { schema: itemSchema } = deref(ctx, items, `${at}/items`, base);
    const itemOptions = optionsOf(ctx, itemSchema, `${at}/items`, base);
    if (itemOptions && typeOf(itemSchema, `${at}/items`) !== 'object') {
      options = itemOptions;
      multiple = true;
    } else {
      item = buildField(ctx, items, `${path}/*`, `${at}/items`, '*', false, [], [], base);
    }
  }

  const field: FormField = {
    path,
    key,
    type,
    schema,
    label: labelOf(schema, key),
    // A description is documentation of the schema; it becomes help text only in a plain schema
    // without our annotations (a vocabulary's description is not meant for the user).
    help: schema['x-help'] ?? (schema['x-label'] || schema['x-labels'] ? undefined : schema.description),
    placeholder: schema['x-placeholder'],
    required,
    requiredWhen,
    presentWhen,
    options,
    multiple,
    format: typeof schema.format === 'string' ? schema.format : undefined,
    children,
    item,
    default: schema.default,
    readOnly: schema.readOnly === true,
  };
  ctx.byPath.set(path, field);
  return field;
}

function buildChildren(ctx: Ctx, schema: JsonSchema, conditionals: Conditional[], path: string, at: string, base: JsonSchema): FormField[] {
  const props = schema.properties ?? {};
  if (typeof props !== 'object' || Array.isArray(props)) throw new FormSchemaError('schema', `${at}/properties`, 'properties must be an object');
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const order: string[] = Object.keys(props);
  const extra = new Map<string, { schema: JsonSchema; at: string; when: Condition[] }>();
  const requiredWhen = new Map<string, Condition[]>();
  const addReq = (k: string, c: Condition) => requiredWhen.set(k, [...(requiredWhen.get(k) ?? []), c]);
  const addExtra = (k: string, s: JsonSchema, where: string, c: Condition) => {
    if (Object.hasOwn(props, k)) return;
    const prev = extra.get(k);
    if (prev) prev.when.push(c);
    else {
      extra.set(k, { schema: s, at: where, when: [c] });
      order.push(k);
    }
  };

  conditionals.forEach((c, i) => {
    const whenThen: Condition = { kind: 'schema', schema: c.if, negate: false };
    const whenElse: Condition = { kind: 'schema', schema: c.if, negate: true };
    for (const [branch, cond, name] of [[c.then, whenThen, 'then'], [c.else, whenElse, 'else']] as const) {
      if (!branch) continue;
      const { schema: b } = deref(ctx, branch, `${at}/${name}`, base);
      for (const k of b.required ?? []) addReq(k, cond);
      for (const [k, s] of Object.entries(b.properties ?? {})) addExtra(k, s, `${at}/${i ? `allOf/${i}/` : ''}${name}/properties/${escapeKey(k)}`, cond);
    }
  });
  for (const [dep, spec] of Object.entries(schema.dependencies ?? {})) {
    const cond: Condition = { kind: 'present', key: dep };
    if (Array.isArray(spec)) for (const k of spec) addReq(k, cond);
    else if (spec && typeof spec === 'object') {
      const { schema: d } = deref(ctx, spec, `${at}/dependencies/${escapeKey(dep)}`, base);
      for (const k of d.required ?? []) addReq(k, cond);
      for (const [k, s] of Object.entries(d.properties ?? {})) addExtra(k, s, `${at}/dependencies/${escapeKey(dep)}/properties/${escapeKey(k)}`, cond);
    } else throw new FormSchemaError('schema', `${at}/dependencies/${escapeKey(dep)}`, 'a dependency must be a list of names or a schema');
  }

  return order
    .filter((k) => k !== '__proto__' && k !== 'constructor' && k !== 'prototype')
    .map((k) => {
      const fromBase = Object.hasOwn(props, k);
      const s = fromBase ? props[k]! : extra.get(k)!.schema;
      const where = fromBase ? `${at}/properties/${escapeKey(k)}` : extra.get(k)!.at;
      return buildField(ctx, s, `${path}/${escapeKey(k)}`, where, k, required.has(k), requiredWhen.get(k) ?? [], fromBase ? [] : extra.get(k)!.when, base);
    });
}
