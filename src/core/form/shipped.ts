import type { JsonSchema } from './types.js';

/** Where every shipped schema's `$id` starts. */
export const SHIPPED_ID_BASE = 'https://wuye-kit.dev/schemas/';

let loaded: Promise<Readonly<Record<string, JsonSchema>>> | undefined;

/**
 * The shipped vocabulary schemas by `$id` (what shipped data schemas `$ref`), loaded on first
 * use so that a form over a self-contained schema never downloads them.
 */
export function loadShippedRefs(): Promise<Readonly<Record<string, JsonSchema>>> {
  loaded ??= import('../../generated/schemas/vocab/index.js').then((m) => m.vocabById as Readonly<Record<string, JsonSchema>>);
  return loaded;
}

/** Whether a schema `$ref`s another document (not only `#/…` inside itself). */
export function hasExternalRefs(node: unknown): boolean {
  // Runs on every schema a form is given, before its first render: plain loops, no entry arrays.
  if (node === null || typeof node !== 'object') return false;
  if (Array.isArray(node)) {
    for (const v of node) if (hasExternalRefs(v)) return true;
    return false;
  }
  const o = node as Record<string, unknown>;
  for (const k in o) {
    if (!Object.hasOwn(o, k)) continue;
    const v = o[k];
    if (k === '$ref' && typeof v === 'string') {
      if (!v.startsWith('#')) return true;
    } else if (k !== 'enum' && k !== 'const' && k !== 'default' && v !== null && typeof v === 'object' && hasExternalRefs(v)) return true;
  }
  return false;
}
