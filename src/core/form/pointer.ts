/** The form engine's JSON pointer reads and writes (lenient: a bad pointer reads as undefined), on the kernel's primitives. */
import { FORBIDDEN_KEYS as FORBIDDEN, overlaps, splitPointer } from '../kernel/pointer.js';

export { escapeKey, unescapeKey, splitPointer, joinPointer } from '../kernel/pointer.js';

/** `/items/3/name` → `/items/*\/name`: the template path of a concrete pointer. */
export const templateOf = (pointer: string): string => pointer.replace(/\/\d+(?=\/|$)/g, '/*');

export function getAt(value: unknown, pointer: string): unknown {
  let node = value;
  for (const seg of splitPointer(pointer)) {
    if (node === null || typeof node !== 'object' || FORBIDDEN.has(seg)) return undefined;
    node = Object.hasOwn(node, seg) ? (node as Record<string, unknown>)[seg] : undefined;
  }
  return node;
}

/**
 * Returns a copy of `root` with `value` at `pointer`, copying only the objects on the way
 * (structural sharing). `undefined` deletes the key. Creates objects/arrays as needed.
 */
export function setAt<T>(root: T, pointer: string, value: unknown): T {
  const segs = splitPointer(pointer);
  if (segs.length === 0) return value as T;
  const rec = (node: unknown, i: number): unknown => {
    const seg = segs[i]!;
    if (FORBIDDEN.has(seg)) return node;
    const isIndex = /^\d+$/.test(seg);
    const copy: Record<string, unknown> | unknown[] = Array.isArray(node)
      ? [...node]
      : node !== null && typeof node === 'object'
        ? { ...(node as Record<string, unknown>) }
        : isIndex
          ? []
          : {};
    const c = copy as Record<string, unknown>;
    if (i === segs.length - 1) {
      if (value === undefined) {
        if (Array.isArray(copy)) copy[Number(seg)] = undefined;
        else delete c[seg];
      } else c[seg] = value;
    } else {
      c[seg] = rec(Object.hasOwn(c, seg) ? c[seg] : undefined, i + 1);
    }
    return copy;
  };
  return rec(root, 0) as T;
}

/** A deep copy that drops `__proto__`, `constructor` and `prototype` keys and non-JSON values. */
export function sanitize(value: unknown, depth = 0): unknown {
  if (depth > 64) return undefined;
  if (Array.isArray(value)) return value.map((v) => sanitize(v, depth + 1));
  if (value !== null && typeof value === 'object') {
    if (value instanceof Date) return value.toISOString();
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      if (FORBIDDEN.has(key)) continue;
      const v = sanitize((value as Record<string, unknown>)[key], depth + 1);
      if (v !== undefined) out[key] = v;
    }
    return out;
  }
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') return undefined;
  return value;
}

/** True when `a` is `b` or an ancestor/descendant of it (`/a` and `/a/b`). */
export const related = overlaps;
