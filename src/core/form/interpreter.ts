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
import { escapeKey } from '../kernel/pointer.js';

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

  // Each schema node is turned once into a list of checks for the keywords it has (closures,
  // not generated code), so a validation only runs what the schema says.
  type Node = (data: unknown, path: string, errors: Err[]) => boolean;
  type Check = (data: unknown, path: string, errors: Err[]) => void;
  const compiled = new WeakMap<object, Map<JsonSchema, Node>>();
  const TRUE: Node = () => true;

  function compile(s: Schema, sp: string, scope: Scope): Node {
    if (s === true) return TRUE;
    if (s === false) return (_d, path, errors) => (errors.push({ instancePath: path, schemaPath: sp, keyword: 'false schema', params: {} }), false);
    if (typeof s.$id === 'string' && !s.$id.startsWith('#') && s !== scope.doc) scope = { base: resolveUri(s.$id, scope.base), doc: s };
    let byDoc = compiled.get(s);
    if (!byDoc) compiled.set(s, (byDoc = new Map()));
    const hit = byDoc.get(scope.doc);
    if (hit) return hit;
    const checks: Check[] = [];
    const node: Node = (data, path, errors) => {
      const before = errors.length;
      for (let i = 0; i < checks.length; i++) checks[i]!(data, path, errors);
      return errors.length === before;
    };
    byDoc.set(scope.doc, node);
    const at = (kw: string) => `${sp}/${kw}`;
    const push = (errors: Err[], path: string, keyword: string, schemaPath: string, params: Record<string, unknown>) => errors.push({ instancePath: path, schemaPath, keyword, params });

    if (typeof s.$ref === 'string') {
      const ref = s.$ref;
      let target: Node | undefined;
      checks.push((d, p, e) => {
        if (!target) {
          const t = deref(ref, scope, sp);
          target = compile(t.schema, `${sp}/$ref`, t.scope);
        }
        target(d, p, e);
      });
    }
    if (s.type !== undefined) {
      const types = Array.isArray(s.type) ? s.type : [s.type];
      if (s['nullable'] === true && !types.includes('null')) types.push('null');
      const params = { type: s.type };
      const spT = at('type');
      const one = types.length === 1 ? types[0]! : undefined;
      checks.push((d, p, e) => {
        if (one !== undefined ? !hasType(one, d) : !types.some((t) => hasType(t, d))) push(e, p, 'type', spT, params);
      });
    }
    if (s.const !== undefined) {
      const c = s.const;
      const params = { allowedValue: c };
      checks.push((d, p, e) => {
        if (!deepEqual(d, c)) push(e, p, 'const', at('const'), params);
      });
    }
    if (Array.isArray(s.enum)) {
      const list = s.enum;
      const params = { allowedValues: list };
      checks.push((d, p, e) => {
        if (!list.some((x) => deepEqual(d, x))) push(e, p, 'enum', at('enum'), params);
      });
    }
    compileNumber(s, checks, at, push);
    compileString(s, checks, at, push);
    compileArray(s, sp, scope, checks, at, push);
    compileObject(s, sp, scope, checks, at, push);

    if (s.not !== undefined) {
      const not = compile(s.not, at('not'), scope);
      checks.push((d, p, e) => {
        if (not(d, p, [])) push(e, p, 'not', at('not'), {});
      });
    }
    if (Array.isArray(s.anyOf)) {
      const subs = s.anyOf.map((x, i) => compile(x, `${sp}/anyOf/${i}`, scope));
      checks.push((d, p, e) => {
        const mark = e.length;
        for (const sub of subs) {
          if (sub(d, p, e)) {
            e.length = mark;
            return;
          }
        }
        push(e, p, 'anyOf', at('anyOf'), {});
      });
    }
    if (Array.isArray(s.oneOf)) {
      const subs = s.oneOf.map((x, i) => compile(x, `${sp}/oneOf/${i}`, scope));
      checks.push((d, p, e) => {
        const mark = e.length;
        let passing: number | [number, number] | null = null;
        let valid = false;
        for (let i = 0; i < subs.length; i++) {
          const ok = subs[i]!(d, p, e);
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
        if (valid) e.length = mark;
        else push(e, p, 'oneOf', at('oneOf'), { passingSchemas: passing });
      });
    }
    if (Array.isArray(s.allOf)) {
      const subs = s.allOf.map((x, i) => compile(x, `${sp}/allOf/${i}`, scope));
      checks.push((d, p, e) => {
        for (const sub of subs) sub(d, p, e);
      });
    }
    if (s.if !== undefined && (s.then !== undefined || s.else !== undefined)) {
      const cond = compile(s.if, at('if'), scope);
      const then = s.then === undefined ? undefined : compile(s.then, at('then'), scope);
      const otherwise = s.else === undefined ? undefined : compile(s.else, at('else'), scope);
      checks.push((d, p, e) => {
        const ok = cond(d, p, []);
        const sub = ok ? then : otherwise;
        if (sub && !sub(d, p, e)) push(e, p, 'if', at('if'), { failingKeyword: ok ? 'then' : 'else' });
      });
    }
    return node;
  }

  type Push = (errors: Err[], path: string, keyword: string, schemaPath: string, params: Record<string, unknown>) => void;

  function compileNumber(s: JsonSchema, checks: Check[], at: (k: string) => string, push: Push): void {
    const { maximum, minimum, exclusiveMaximum, exclusiveMinimum, multipleOf } = s;
    if ([maximum, minimum, exclusiveMaximum, exclusiveMinimum, multipleOf].every((x) => typeof x !== 'number')) return;
    checks.push((d, p, e) => {
      if (typeof d !== 'number' || !Number.isFinite(d)) return;
      if (typeof maximum === 'number' && d > maximum) push(e, p, 'maximum', at('maximum'), { comparison: '<=', limit: maximum });
      if (typeof minimum === 'number' && d < minimum) push(e, p, 'minimum', at('minimum'), { comparison: '>=', limit: minimum });
      if (typeof exclusiveMaximum === 'number' && d >= exclusiveMaximum) push(e, p, 'exclusiveMaximum', at('exclusiveMaximum'), { comparison: '<', limit: exclusiveMaximum });
      if (typeof exclusiveMinimum === 'number' && d <= exclusiveMinimum) push(e, p, 'exclusiveMinimum', at('exclusiveMinimum'), { comparison: '>', limit: exclusiveMinimum });
      if (typeof multipleOf === 'number') {
        const r = d / multipleOf;
        if (r !== parseInt(String(r), 10)) push(e, p, 'multipleOf', at('multipleOf'), { multipleOf });
      }
    });
  }

  function compileString(s: JsonSchema, checks: Check[], at: (k: string) => string, push: Push): void {
    const { maxLength, minLength } = s;
    const re = typeof s.pattern === 'string' ? regexp(s.pattern) : undefined;
    const format = typeof s.format === 'string' ? s.format : undefined;
    const check = format ? FORMATS[format] : undefined;
    if (typeof maxLength !== 'number' && typeof minLength !== 'number' && !re && !check) return;
    checks.push((d, p, e) => {
      if (typeof d !== 'string') return;
      if (typeof maxLength === 'number' || typeof minLength === 'number') {
        const n = codePoints(d);
        if (typeof maxLength === 'number' && n > maxLength) push(e, p, 'maxLength', at('maxLength'), { limit: maxLength });
        if (typeof minLength === 'number' && n < minLength) push(e, p, 'minLength', at('minLength'), { limit: minLength });
      }
      if (re && !re.test(d)) push(e, p, 'pattern', at('pattern'), { pattern: s.pattern });
      if (check && !check(d)) push(e, p, 'format', at('format'), { format });
    });
  }

  function compileArray(s: JsonSchema, sp: string, scope: Scope, checks: Check[], at: (k: string) => string, push: Push): void {
    const { maxItems, minItems } = s;
    const unique = s.uniqueItems === true;
    const items = s.items as Schema | Schema[] | undefined;
    const tuple = Array.isArray(items) ? items.map((x, i) => compile(x, `${sp}/items/${i}`, scope)) : undefined;
    const each = items !== undefined && !Array.isArray(items) ? compile(items, at('items'), scope) : undefined;
    const extraSchema = s['additionalItems'] as Schema | undefined;
    const extra = tuple && extraSchema !== undefined && extraSchema !== false ? compile(extraSchema, at('additionalItems'), scope) : undefined;
    const contains = s['contains'] !== undefined ? compile(s['contains'] as Schema, at('contains'), scope) : undefined;
    if (typeof maxItems !== 'number' && typeof minItems !== 'number' && !unique && !tuple && !each && !contains) return;
    checks.push((d, p, e) => {
      if (!Array.isArray(d)) return;
      if (typeof maxItems === 'number' && d.length > maxItems) push(e, p, 'maxItems', at('maxItems'), { limit: maxItems });
      if (typeof minItems === 'number' && d.length < minItems) push(e, p, 'minItems', at('minItems'), { limit: minItems });
      if (unique && d.length > 1) {
        const dup = duplicate(s, d);
        if (dup) push(e, p, 'uniqueItems', at('uniqueItems'), dup);
      }
      if (tuple) {
        const n = Math.min(tuple.length, d.length);
        for (let i = 0; i < n; i++) tuple[i]!(d[i], `${p}/${i}`, e);
        if (extraSchema === false && d.length > tuple.length) push(e, p, 'additionalItems', at('additionalItems'), { limit: tuple.length });
        else if (extra) for (let i = tuple.length; i < d.length; i++) extra(d[i], `${p}/${i}`, e);
      } else if (each) {
        for (let i = 0; i < d.length; i++) each(d[i], `${p}/${i}`, e);
      }
      if (contains) {
        // As Ajv: the items' errors stay when none matches, and go when one does.
        const mark = e.length;
        if (d.some((x, i) => contains(x, `${p}/${i}`, e))) e.length = mark;
        else push(e, p, 'contains', at('contains'), { minContains: 1 });
      }
    });
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

  function compileObject(s: JsonSchema, sp: string, scope: Scope, checks: Check[], at: (k: string) => string, push: Push): void {
    const maxP = s['maxProperties'];
    const minP = s['minProperties'];
    const required = Array.isArray(s.required) ? s.required : undefined;
    const props = s.properties ? Object.entries(s.properties).map(([k, sub]) => [k, `/${escapeKey(k)}`, compile(sub, `${sp}/properties/${escapeKey(k)}`, scope)] as const) : undefined;
    const known = s.properties ? new Set(Object.keys(s.properties)) : undefined;
    const patternSchemas = s['patternProperties'] as Record<string, Schema> | undefined;
    const patterns = patternSchemas ? Object.entries(patternSchemas).map(([pat, sub]) => [regexp(pat), compile(sub, `${sp}/patternProperties/${escapeKey(pat)}`, scope)] as const) : undefined;
    const extraSchema = s.additionalProperties as Schema | undefined;
    const extra = extraSchema !== undefined && extraSchema !== true && extraSchema !== false ? compile(extraSchema, at('additionalProperties'), scope) : undefined;
    const deps = s.dependencies
      ? Object.entries(s.dependencies).map(([k, dep]) => [k, Array.isArray(dep) ? dep : compile(dep as Schema, `${sp}/dependencies/${escapeKey(k)}`, scope)] as const)
      : undefined;
    const names = s['propertyNames'] !== undefined ? compile(s['propertyNames'] as Schema, at('propertyNames'), scope) : undefined;
    if (typeof maxP !== 'number' && typeof minP !== 'number' && !required && !props && !patterns && extraSchema === undefined && !deps && !names) return;
    checks.push((d, p, e) => {
      if (!isObject(d)) return;
      if (typeof maxP === 'number' || typeof minP === 'number') {
        const n = Object.keys(d).length;
        if (typeof maxP === 'number' && n > maxP) push(e, p, 'maxProperties', at('maxProperties'), { limit: maxP });
        if (typeof minP === 'number' && n < minP) push(e, p, 'minProperties', at('minProperties'), { limit: minP });
      }
      if (required) for (const k of required) if (d[k] === undefined) push(e, p, 'required', at('required'), { missingProperty: k });
      if (props) {
        for (const [k, suffix, sub] of props) {
          const v = d[k];
          if (v !== undefined) sub(v, p + suffix, e);
        }
      }
      if (patterns) for (const [re, sub] of patterns) for (const k of Object.keys(d)) if (re.test(k)) sub(d[k], `${p}/${escapeKey(k)}`, e);
      if (extraSchema !== undefined && extraSchema !== true) {
        for (const k of Object.keys(d)) {
          if (known?.has(k) || patterns?.some(([re]) => re.test(k))) continue;
          if (extraSchema === false) push(e, p, 'additionalProperties', at('additionalProperties'), { additionalProperty: k });
          else extra!(d[k], `${p}/${escapeKey(k)}`, e);
        }
      }
      if (deps) {
        for (const [k, dep] of deps) {
          if (d[k] === undefined) continue;
          if (typeof dep === 'function') dep(d, p, e);
          else for (const m of dep) if (d[m] === undefined) push(e, p, 'dependencies', at('dependencies'), { property: k, missingProperty: m, depsCount: dep.length, deps: dep.join(', ') });
        }
      }
      if (names) {
        for (const k of Object.keys(d)) {
          const sub: Err[] = [];
          if (!names(k, p, sub)) {
            e.push(...sub.map((x) => ({ ...x, propertyName: k })));
            push(e, p, 'propertyNames', at('propertyNames'), { propertyName: k });
          }
        }
      }
    });
  }

  const root = compile(schema, '#', { base: rootBase, doc: schema });
  return (data) => {
    const errors: Err[] = [];
    root(data, '', errors);
    return errors;
  };
}
