/**
 * Immutable reads and writes by JSON pointer (RFC 6901) on plain data. Writes copy the objects
 * along the path and leave the input untouched. `__proto__`, `constructor` and `prototype`
 * segments are refused: a definition can never reach an object's prototype.
 */
import { parsePointer, PointerError } from '../core/kernel/pointer.js';

export { PointerError, parsePointer, overlaps } from '../core/kernel/pointer.js';

/**
 * Parsed pointers by text: the pointers a runtime uses come from its definitions (a bounded set),
 * and each effect would otherwise split and unescape its pointer on every event. Parsing errors
 * are not cached (they throw each time).
 */
const parsedPointers = new Map<string, readonly string[]>();
function keysOf(pointer: string): readonly string[] {
  let keys = parsedPointers.get(pointer);
  if (keys === undefined) {
    keys = Object.freeze(parsePointer(pointer));
    if (parsedPointers.size < 1000) parsedPointers.set(pointer, keys);
  }
  return keys;
}

/** The top-level key a pointer writes (its first segment); undefined for the root pointer `""`. */
export function rootKey(pointer: string): string | undefined {
  return keysOf(pointer)[0];
}

export function getAt(data: unknown, pointer: string): unknown {
  let cur = data;
  for (const key of keysOf(pointer)) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

function copy(node: unknown): Record<string, unknown> | unknown[] {
  if (Array.isArray(node)) return [...node];
  if (node !== null && typeof node === 'object') return { ...(node as Record<string, unknown>) };
  return {};
}

/** A copy of `data` with `value` at `pointer` (undefined removes the key). */
export function setAt<T>(data: T, pointer: string, value: unknown): T {
  const parts = keysOf(pointer);
  if (parts.length === 0) return value as T;
  const root = copy(data);
  let cur: Record<string, unknown> | unknown[] = root;
  for (let i = 0; i < parts.length - 1; i++) {
    const key = parts[i]!;
    const next = copy((cur as Record<string, unknown>)[key]);
    (cur as Record<string, unknown>)[key] = next;
    cur = next;
  }
  const last = parts[parts.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(cur)) cur.splice(Number(last), 1);
    else delete cur[last];
  } else (cur as Record<string, unknown>)[last] = value;
  return root as T;
}

/** Plain JSON copy that drops `__proto__` keys and non-JSON values. */
export function cleanJson(value: unknown, depth = 0): unknown {
  if (depth > 64) throw new PointerError('Data nested too deeply');
  if (Array.isArray(value)) return value.map((v) => cleanJson(v, depth + 1));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === '__proto__' || v === undefined || typeof v === 'function') continue;
      out[k] = cleanJson(v, depth + 1);
    }
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

/**
 * `cleanJson` that also returns an upper bound of the copy's JSON size in UTF-8 bytes (each string
 * unit counted as its worst escape, 6 bytes): when the bound is within a limit the exact size need
 * not be computed.
 */
export function cleanJsonSized(value: unknown): { value: unknown; bound: number } {
  sizeBound = 0;
  const out = cleanSized(value, 0);
  return { value: out, bound: sizeBound };
}

/** cleanJson that adds its copy's size bound to `sizeBound` (see cleanJsonSized; read it right after). */
export function cleanSized(v: unknown, depth: number): unknown {
  if (depth > 64) throw new PointerError('Data nested too deeply');
  if (typeof v === 'string') {
    sizeBound += 2 + 6 * v.length;
    return v;
  }
  if (v === null || typeof v !== 'object') {
    if (typeof v === 'number' && !Number.isFinite(v)) {
      sizeBound += 4;
      return null;
    }
    sizeBound += 25;
    return v;
  }
  if (Array.isArray(v)) {
    sizeBound += 2;
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) {
      sizeBound += 1;
      out[i] = cleanSized(v[i], depth + 1);
    }
    return out;
  }
  sizeBound += 2;
  const out: Record<string, unknown> = {};
  // for…in with an own-property test: the keys of Object.keys, in its order, without its array.
  for (const k in v) {
    if (!Object.hasOwn(v, k)) continue;
    const x = (v as Record<string, unknown>)[k];
    if (k === '__proto__' || x === undefined || typeof x === 'function') continue;
    sizeBound += 4 + 6 * k.length;
    out[k] = cleanSized(x, depth + 1);
  }
  return out;
}

/** The bound cleanSized added up (reset it to 0 before a run). */
export let sizeBound = 0;
export const resetSizeBound = (): void => {
  sizeBound = 0;
};
