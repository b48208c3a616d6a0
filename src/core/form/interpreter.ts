// An interpreting JSON Schema draft-07 validator for schemas given at run time: no code
// generation (no `new Function`, no eval), so it works under a Content-Security-Policy without
// 'unsafe-eval'. It reports errors in the shape Ajv's standalone validators use
// (`instancePath`, `keyword`, `params`) with Ajv's `allErrors` semantics, so both paths go
// through the same mapping and messages (src/core/errors.ts); test/node/validator-parity.test.ts
// runs one corpus through both and compares them.
//
// Semantics follow Ajv 8 (draft-07, strict off) where the specification leaves room:
// - keywords beside `$ref` are applied too;
// - type-specific keywords apply only to data of their type (maxLength to strings, …);
// - `nullable: true` adds "null" to `type` (OpenAPI), as Ajv does;
// - unknown keywords and unknown formats are ignored;
// - string lengths count code points; `pattern` is a Unicode RegExp.
import type { GeneratedError } from '../../generated/validator-types.js';
import { deepEqual } from './conditions.js';
import type { JsonSchema } from './types.js';

type Schema = JsonSchema | boolean;
type Err = GeneratedError;

/** Formats checked (ajv-formats' "full" semantics); any other format is accepted, as Ajv with strict off does. */
export const FORMATS: Readonly<Record<string, (s: string) => boolean>> = {
  date: (s) => {
    const m = /^(\d\d\d\d)-(\d\d)-(\d\d)$/.exec(s);
    if (!m) return false;
    const y = +m[1]!;
    const mo = +m[2]!;
    const d = +m[3]!;
    const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
    return mo >= 1 && mo <= 12 && d >= 1 && d <= (mo === 2 && leap ? 29 : DAYS[mo]!);
  },
  time: (s) => time(s, true),
  'date-time': (s) => {
    const parts = s.split(/t|\s/i);
    return parts.length === 2 && FORMATS['date']!(parts[0]!) && time(parts[1]!, true);
  },
  duration: (s) => /^P(?!$)((\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?|(\d+W)?)$/.test(s),
  uri: (s) => /\/|:/.test(s) && URI.test(s),
  email: (s) =>
    /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i.test(s),
  hostname: (s) => /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\.?$/i.test(s),
  ipv4: (s) => /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(s),
  uuid: (s) => /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(s),
};

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
// ajv-formats' full `uri` (RFC 3986 per jmrware.com), with its "has a scheme" pre-check above.
const URI =
  /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;

function time(s: string, strictTimeZone: boolean): boolean {
  const m = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i.exec(s);
  if (!m) return false;
  const hr = +m[1]!;
  const min = +m[2]!;
  const sec = +m[3]!;
  const sign = m[5] === '-' ? -1 : 1;
  const tzH = +(m[6] ?? 0);
  const tzM = +(m[7] ?? 0);
  if (tzH > 23 || tzM > 59 || (strictTimeZone && !m[4])) return false;
  if (hr <= 23 && min <= 59 && sec < 60) return true;
  // A leap second: 23:59:60 UTC.
  const utcMin = min - tzM * sign;
  const utcHr = hr - tzH * sign - (utcMin < 0 ? 1 : 0);
  return (utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61;
}

/** String length in code points (a surrogate pair counts once), as Ajv counts. */
function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    n++;
  }
  return n;
}

const escapeKey = (k: string): string => (k.includes('~') || k.includes('/') ? k.replace(/~/g, '~0').replace(/\//g, '~1') : k);

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function hasType(t: string, v: unknown): boolean {
  switch (t) {
    case 'string':
      return typeof v === 'string';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'integer':
      return typeof v === 'number' && Number.isFinite(v) && v % 1 === 0;
    case 'boolean':
      return typeof v === 'boolean';
    case 'null':
      return v === null;
    case 'array':
      return Array.isArray(v);
    case 'object':
      return isObject(v);
    default:
      return false;
  }
}

/**
 * Resolves a URI reference against a base (RFC 3986 §5.2, enough for `$id`/`$ref`: absolute,
 * root-relative and relative paths, `.`/`..` segments). Core has no `URL` (no DOM, no Node types).
 */
export function resolveReference(ref: string, base: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || !base) return ref;
  const noFrag = base.split('#')[0]!;
  if (ref.startsWith('#')) return noFrag + ref;
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(noFrag)?.[0] ?? '';
  let path: string;
  if (ref.startsWith('//')) return `${/^[a-z][a-z0-9+.-]*:/i.exec(noFrag)?.[0] ?? ''}${ref}`;
  if (ref.startsWith('/')) path = ref;
  else path = noFrag.slice(origin.length, noFrag.lastIndexOf('/') + 1) + ref;
  const [p, ...rest] = path.split(/(?=[?#])/);
  const out: string[] = [];
  for (const seg of p!.split('/')) {
    if (seg === '.') continue;
    if (seg === '..') {
      if (out.length > 1) out.pop();
    } else out.push(seg);
  }
  return origin + out.join('/') + rest.join('');
}

/** Raised for a schema the interpreter cannot use (an unresolvable `$ref`, a bad pattern). */
export class SchemaInterpretError extends Error {
  override readonly name = 'SchemaInterpretError';
}

export interface InterpreterOptions {
  /** Other schemas by `$id` that `$ref`s may point to. */
  readonly refs?: readonly JsonSchema[];
}

/** Validates `data`; returns Ajv-shaped errors (empty when valid). */
export type InterpretedValidator = (data: unknown) => Err[];

interface Scope {
  /** Base URI for resolving `$ref` (the nearest `$id`). */
  readonly base: string;
  /** The schema resource `#…` fragments point into. */
  readonly doc: JsonSchema;
}

/**
 * Makes a validator for `schema` that interprets it on each call. Refs are checked up front
 * (an unresolvable `$ref` throws `SchemaInterpretError` now, not on some later value).
 */
export function interpretSchema(schema: JsonSchema, options: InterpreterOptions = {}): InterpretedValidator {
  const registry = new Map<string, JsonSchema>();
  const regexps = new Map<string, RegExp>();
  const resolved = new WeakMap<JsonSchema, Map<string, { schema: Schema; scope: Scope }>>();

  const resolveUri = resolveReference;
  const scan = (node: unknown, base: string): void => {
    if (Array.isArray(node)) {
      for (const x of node) scan(x, base);
      return;
    }
    if (!isObject(node)) return;
    let b = base;
    if (typeof node['$id'] === 'string' && !node['$id'].startsWith('#')) {
      b = resolveUri(node['$id'], base);
      const id = b.split('#')[0]!;
      if (!registry.has(id)) registry.set(id, node as JsonSchema);
    }
    for (const [k, v] of Object.entries(node)) if (k !== 'enum' && k !== 'const' && k !== 'default' && k !== 'examples') scan(v, b);
  };
  for (const r of options.refs ?? []) scan(r, '');
  scan(schema, '');
  const rootBase = typeof schema.$id === 'string' ? resolveUri(schema.$id, '') : '';

  const regexp = (pattern: string): RegExp => {
    let re = regexps.get(pattern);
    if (!re) {
      try {
        re = new RegExp(pattern, 'u');
      } catch (err) {
        throw new SchemaInterpretError(`invalid pattern "${pattern}": ${err instanceof Error ? err.message : String(err)}`);
      }
      regexps.set(pattern, re);
    }
    return re;
  };

  const deref = (ref: string, scope: Scope, at: string): { schema: Schema; scope: Scope } => {
    let cache = resolved.get(scope.doc);
    if (!cache) resolved.set(scope.doc, (cache = new Map()));
    const key = `${scope.base}#${ref}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const hash = ref.indexOf('#');
    const docPart = hash < 0 ? ref : ref.slice(0, hash);
    const frag = hash < 0 ? '' : decodeURIComponent(ref.slice(hash + 1));
    let doc = scope.doc;
    let base = scope.base;
    if (docPart) {
      const uri = resolveUri(docPart, scope.base);
      const found = registry.get(uri) ?? registry.get(docPart);
      if (!found) throw new SchemaInterpretError(`${at}: cannot resolve $ref "${ref}": no schema with $id "${uri}" was given`);
      doc = found;
      base = uri;
    }
    let target: unknown = doc;
    if (frag) {
      if (!frag.startsWith('/')) throw new SchemaInterpretError(`${at}: $ref "${ref}": only JSON pointer fragments are supported`);
      for (const seg of frag.slice(1).split('/')) {
        const k = seg.replace(/~1/g, '/').replace(/~0/g, '~');
        target = target !== null && typeof target === 'object' && Object.hasOwn(target, k) ? (target as Record<string, unknown>)[k] : undefined;
      }
    }
    if (typeof target !== 'boolean' && !isObject(target)) throw new SchemaInterpretError(`${at}: cannot resolve $ref "${ref}"`);
    const out = { schema: target as Schema, scope: { base, doc } };
    cache.set(key, out);
    return out;
  };

  // Check every $ref once now, so a broken schema fails when it is given, not on some value.
  const checkRefs = (node: unknown, scope: Scope, at: string, seen: Set<unknown>): void => {
    if (Array.isArray(node)) {
      node.forEach((x, i) => checkRefs(x, scope, `${at}/${i}`, seen));
      return;
    }
    if (!isObject(node) || seen.has(node)) return;
    seen.add(node);
    const s = typeof node['$id'] === 'string' && !node['$id'].startsWith('#') ? { base: resolveUri(node['$id'], scope.base), doc: node as JsonSchema } : scope;
    if (typeof node['$ref'] === 'string') {
      const t = deref(node['$ref'], s, at);
      checkRefs(t.schema, t.scope, `${at}/$ref`, seen);
    }
    if (typeof node['pattern'] === 'string') regexp(node['pattern']);
    for (const [k, v] of Object.entries(node)) {
      if (k === 'enum' || k === 'const' || k === 'default' || k === 'examples' || k === '$ref') continue;
      if (k === 'patternProperties' && isObject(v)) for (const p of Object.keys(v)) regexp(p);
      checkRefs(v, s, `${at}/${escapeKey(k)}`, seen);
    }
  };
  checkRefs(schema, { base: rootBase, doc: schema }, '', new Set());

  function validate(s: Schema, data: unknown, path: string, sp: string, scope: Scope, errors: Err[]): boolean {
    if (s === true) return true;
    if (s === false) {
      errors.push({ instancePath: path, schemaPath: sp, keyword: 'false schema', params: {} });
      return false;
    }
    if (typeof s.$id === 'string' && !s.$id.startsWith('#') && s !== scope.doc) scope = { base: resolveUri(s.$id, scope.base), doc: s };
    const before = errors.length;
    if (typeof s.$ref === 'string') {
      const t = deref(s.$ref, scope, sp);
      validate(t.schema, data, path, `${sp}/$ref`, t.scope, errors);
    }
    const err = (keyword: string, params: Record<string, unknown>) => errors.push({ instancePath: path, schemaPath: `${sp}/${keyword}`, keyword, params });

    // type (with OpenAPI `nullable`)
    if (s.type !== undefined) {
      const types = Array.isArray(s.type) ? s.type : [s.type];
      const ok = types.some((t) => hasType(t, data)) || (s['nullable'] === true && data === null);
      if (!ok) err('type', { type: s.type });
    }
    if (s.const !== undefined && !deepEqual(data, s.const)) err('const', { allowedValue: s.const });
    if (Array.isArray(s.enum) && !s.enum.some((e) => deepEqual(data, e))) err('enum', { allowedValues: s.enum });

    if (typeof data === 'number' && Number.isFinite(data)) {
      if (typeof s.maximum === 'number' && data > s.maximum) err('maximum', { comparison: '<=', limit: s.maximum });
      if (typeof s.minimum === 'number' && data < s.minimum) err('minimum', { comparison: '>=', limit: s.minimum });
      if (typeof s.exclusiveMaximum === 'number' && data >= s.exclusiveMaximum) err('exclusiveMaximum', { comparison: '<', limit: s.exclusiveMaximum });
      if (typeof s.exclusiveMinimum === 'number' && data <= s.exclusiveMinimum) err('exclusiveMinimum', { comparison: '>', limit: s.exclusiveMinimum });
      if (typeof s.multipleOf === 'number') {
        const r = data / s.multipleOf;
        if (r !== parseInt(String(r), 10)) err('multipleOf', { multipleOf: s.multipleOf });
      }
    } else if (typeof data === 'string') {
      if (typeof s.maxLength === 'number' || typeof s.minLength === 'number') {
        const n = codePoints(data);
        if (typeof s.maxLength === 'number' && n > s.maxLength) err('maxLength', { limit: s.maxLength });
        if (typeof s.minLength === 'number' && n < s.minLength) err('minLength', { limit: s.minLength });
      }
      if (typeof s.pattern === 'string' && !regexp(s.pattern).test(data)) err('pattern', { pattern: s.pattern });
      if (typeof s.format === 'string') {
        const check = FORMATS[s.format];
        if (check && !check(data)) err('format', { format: s.format });
      }
    } else if (Array.isArray(data)) {
      validateArray(s, data, path, sp, scope, errors, err);
    } else if (isObject(data)) {
      validateObject(s, data, path, sp, scope, errors, err);
    }

    // Applicators.
    if (s.not !== undefined && validate(s.not, data, path, `${sp}/not`, scope, [])) err('not', {});
    if (Array.isArray(s.anyOf)) {
      const mark = errors.length;
      let any = false;
      s.anyOf.forEach((sub, i) => {
        if (!any && validate(sub, data, path, `${sp}/anyOf/${i}`, scope, errors)) any = true;
      });
      if (any) errors.length = mark;
      else err('anyOf', {});
    }
    if (Array.isArray(s.oneOf)) {
      const mark = errors.length;
      let passing: number | [number, number] | null = null;
      let valid = false;
      for (let i = 0; i < s.oneOf.length; i++) {
        const ok = validate(s.oneOf[i]!, data, path, `${sp}/oneOf/${i}`, scope, errors);
        if (ok && valid) {
          valid = false;
          passing = [passing as number, i];
          break;
        }
        if (ok) {
          valid = true;
          passing = i;
        }
      }
      if (valid) errors.length = mark;
      else err('oneOf', { passingSchemas: passing });
    }
    if (Array.isArray(s.allOf)) s.allOf.forEach((sub, i) => validate(sub, data, path, `${sp}/allOf/${i}`, scope, errors));
    if (s.if !== undefined && (s.then !== undefined || s.else !== undefined)) {
      const cond = validate(s.if, data, path, `${sp}/if`, scope, []);
      const branch = cond ? 'then' : 'else';
      const sub = s[branch];
      if (sub !== undefined && !validate(sub, data, path, `${sp}/${branch}`, scope, errors)) err('if', { failingKeyword: branch });
    }
    return errors.length === before;
  }

  function validateArray(s: JsonSchema, data: unknown[], path: string, sp: string, scope: Scope, errors: Err[], err: (k: string, p: Record<string, unknown>) => void): void {
    if (typeof s.maxItems === 'number' && data.length > s.maxItems) err('maxItems', { limit: s.maxItems });
    if (typeof s.minItems === 'number' && data.length < s.minItems) err('minItems', { limit: s.minItems });
    if (s.uniqueItems === true && data.length > 1) {
      const dup = duplicate(s, data);
      if (dup) err('uniqueItems', dup);
    }
    const items = s.items as Schema | Schema[] | undefined;
    if (Array.isArray(items)) {
      const n = Math.min(items.length, data.length);
      for (let i = 0; i < n; i++) validate(items[i]!, data[i], `${path}/${i}`, `${sp}/items/${i}`, scope, errors);
      const extra = s['additionalItems'] as Schema | undefined;
      if (extra === false && data.length > items.length) err('additionalItems', { limit: items.length });
      else if (extra !== undefined && extra !== false) for (let i = items.length; i < data.length; i++) validate(extra, data[i], `${path}/${i}`, `${sp}/additionalItems`, scope, errors);
    } else if (items !== undefined) {
      for (let i = 0; i < data.length; i++) validate(items, data[i], `${path}/${i}`, `${sp}/items`, scope, errors);
    }
    const contains = s['contains'] as Schema | undefined;
    if (contains !== undefined) {
      // As Ajv: the items' errors stay when none matches, and go when one does.
      const mark = errors.length;
      if (data.some((x, i) => validate(contains, x, `${path}/${i}`, `${sp}/contains`, scope, errors))) errors.length = mark;
      else err('contains', { minContains: 1 });
    }
  }

  /** Ajv's duplicate search: `{i, j}` of the pair it finds first. */
  function duplicate(s: JsonSchema, data: unknown[]): { i: number; j: number } | undefined {
    const it = s.items;
    const itemTypes = isObject(it) && it.type !== undefined ? (Array.isArray(it.type) ? it.type : [it.type]) : [];
    if (itemTypes.length > 0 && !itemTypes.some((t) => t === 'object' || t === 'array')) {
      const indices = new Map<string, number>();
      for (let i = data.length; i--; ) {
        let item = data[i];
        if (!itemTypes.some((t) => hasType(t, item))) continue;
        if (itemTypes.length > 1 && typeof item === 'string') item += '_';
        const k = String(item);
        const j = indices.get(k);
        if (j !== undefined) return { i, j };
        indices.set(k, i);
      }
      return undefined;
    }
    for (let i = data.length; i--; ) for (let j = i; j--; ) if (deepEqual(data[i], data[j])) return { i, j };
    return undefined;
  }

  function validateObject(s: JsonSchema, data: Record<string, unknown>, path: string, sp: string, scope: Scope, errors: Err[], err: (k: string, p: Record<string, unknown>) => void): void {
    if (typeof s['maxProperties'] === 'number' || typeof s['minProperties'] === 'number') {
      const n = Object.keys(data).length;
      if (typeof s['maxProperties'] === 'number' && n > s['maxProperties']) err('maxProperties', { limit: s['maxProperties'] });
      if (typeof s['minProperties'] === 'number' && n < s['minProperties']) err('minProperties', { limit: s['minProperties'] });
    }
    if (Array.isArray(s.required)) for (const k of s.required) if (data[k] === undefined) err('required', { missingProperty: k });
    const props = s.properties;
    if (props) {
      for (const k in props) {
        const v = data[k];
        if (v !== undefined && Object.hasOwn(props, k)) validate(props[k]!, v, `${path}/${escapeKey(k)}`, `${sp}/properties/${escapeKey(k)}`, scope, errors);
      }
    }
    const patterns = s['patternProperties'] as Record<string, Schema> | undefined;
    if (patterns) {
      for (const [p, sub] of Object.entries(patterns)) {
        const re = regexp(p);
        for (const k of Object.keys(data)) if (re.test(k)) validate(sub, data[k], `${path}/${escapeKey(k)}`, `${sp}/patternProperties/${escapeKey(p)}`, scope, errors);
      }
    }
    const extra = s.additionalProperties as Schema | undefined;
    if (extra !== undefined && extra !== true) {
      const pats = patterns ? Object.keys(patterns).map(regexp) : [];
      for (const k of Object.keys(data)) {
        if ((props && Object.hasOwn(props, k)) || pats.some((re) => re.test(k))) continue;
        if (extra === false) err('additionalProperties', { additionalProperty: k });
        else validate(extra, data[k], `${path}/${escapeKey(k)}`, `${sp}/additionalProperties`, scope, errors);
      }
    }
    if (s.dependencies) {
      for (const [k, dep] of Object.entries(s.dependencies)) {
        if (data[k] === undefined) continue;
        if (Array.isArray(dep)) {
          for (const m of dep) {
            if (data[m] === undefined) err('dependencies', { property: k, missingProperty: m, depsCount: dep.length, deps: dep.join(', ') });
          }
        } else validate(dep as Schema, data, path, `${sp}/dependencies/${escapeKey(k)}`, scope, errors);
      }
    }
    const names = s['propertyNames'] as Schema | undefined;
    if (names !== undefined) {
      for (const k of Object.keys(data)) {
        const sub: Err[] = [];
        if (!validate(names, k, path, `${sp}/propertyNames`, scope, sub)) {
          errors.push(...sub.map((e) => ({ ...e, propertyName: k })));
          err('propertyNames', { propertyName: k });
        }
      }
    }
  }

  const rootScope: Scope = { base: rootBase, doc: schema };
  return (data) => {
    const errors: Err[] = [];
    validate(schema, data, '', '#', rootScope, errors);
    return errors;
  };
}
