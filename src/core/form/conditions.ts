import type { Condition, JsonSchema } from './types.js';

/**
 * Whether `value` matches `schema`, for the keywords configurators use in `if` conditions:
 * const, enum, type, required, properties, not, allOf/anyOf/oneOf, string and number bounds,
 * pattern, items count. Unknown keywords are ignored (they cannot narrow an `if`).
 * Used only to decide which conditional fields show; validation proper is Ajv's.
 */
export function matches(schema: JsonSchema | boolean | undefined, value: unknown): boolean {
  if (schema === undefined || schema === true) return true;
  if (schema === false) return false;
  if ('const' in schema && !deepEqual(schema.const, value)) return false;
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => deepEqual(e, value))) return false;
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => isType(t, value))) return false;
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && [...value].length < schema.minLength) return false;
    if (schema.maxLength !== undefined && [...value].length > schema.maxLength) return false;
    if (typeof schema.pattern === 'string' && !safeRegExp(schema.pattern)?.test(value)) return false;
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) return false;
    if (schema.maximum !== undefined && value > schema.maximum) return false;
    if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) return false;
    if (schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum) return false;
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) return false;
    if (schema.maxItems !== undefined && value.length > schema.maxItems) return false;
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    for (const k of schema.required ?? []) if (obj[k] === undefined) return false;
    for (const [k, s] of Object.entries(schema.properties ?? {})) {
      if (Object.hasOwn(obj, k) && obj[k] !== undefined && !matches(s, obj[k])) return false;
    }
  }
  if (schema.not !== undefined && matches(schema.not, value)) return false;
  if (schema.allOf && !schema.allOf.every((s) => matches(s, value))) return false;
  if (schema.anyOf && !schema.anyOf.some((s) => matches(s, value))) return false;
  if (schema.oneOf && schema.oneOf.filter((s) => matches(s, value)).length !== 1) return false;
  return true;
}

/** Whether a condition holds for the parent object `obj`. */
export function holds(cond: Condition, obj: unknown): boolean {
  if (cond.kind === 'present') {
    return obj !== null && typeof obj === 'object' && (obj as Record<string, unknown>)[cond.key] !== undefined;
  }
  const m = matches(cond.schema, obj ?? {});
  return cond.negate ? !m : m;
}

function isType(t: string, v: unknown): boolean {
  switch (t) {
    case 'string':
      return typeof v === 'string';
    case 'number':
      return typeof v === 'number';
    case 'integer':
      return Number.isInteger(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'null':
      return v === null;
    case 'array':
      return Array.isArray(v);
    case 'object':
      return v !== null && typeof v === 'object' && !Array.isArray(v);
    default:
      return false;
  }
}

const regexCache = new Map<string, RegExp | null>();
function safeRegExp(source: string): RegExp | null {
  let re = regexCache.get(source);
  if (re === undefined) {
    try {
      re = new RegExp(source, 'u');
    } catch {
      re = null;
    }
    regexCache.set(source, re);
  }
  return re;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
