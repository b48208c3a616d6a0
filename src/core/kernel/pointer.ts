/**
 * JSON Pointer (RFC 6901) primitives, the one home of pointer escaping in wuye-kit. Segments
 * `__proto__`, `constructor` and `prototype` are never followed: data can never reach a prototype.
 * The form engine (src/core/form/pointer.ts) and the workflow runtime (src/workflow/pointer.ts)
 * build their reads and writes on these.
 */

/** Keys that are never read, written or copied. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A key as a pointer segment: `~` → `~0`, `/` → `~1`. */
export const escapeKey = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');
/** A pointer segment as the key it names. */
export const unescapeKey = (segment: string): string => segment.replace(/~1/g, '/').replace(/~0/g, '~');

/** The pointer `/parent/<key>` (the key escaped). */
export const joinPointer = (parent: string, key: string | number): string => `${parent}/${escapeKey(String(key))}`;

/** The keys of a pointer, leniently: `''` and `'/'` are the root; no checks. */
export function splitPointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer.slice(1).split('/').map(unescapeKey);
}

export class PointerError extends Error {
  override readonly name = 'PointerError';
}

/** The keys of a pointer, strictly: it starts with `/` (or is `''`) and names no forbidden key; else a PointerError. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new PointerError(`A JSON pointer starts with "/": ${pointer}`);
  const parts = pointer.slice(1).split('/').map(unescapeKey);
  for (const p of parts) if (FORBIDDEN_KEYS.has(p)) throw new PointerError(`Refusing the pointer segment "${p}" in ${pointer}`);
  return parts;
}

/** Whether `a` equals `b` or lies inside it, or the other way round (`/reply` and `/reply/content`). */
export function overlaps(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
}
