import type { JsonSchema } from './types.js';

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
  if (Array.isArray(node)) return node.some(hasExternalRefs);
  if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string' && !v.startsWith('#')) return true;
      if (k !== 'enum' && k !== 'const' && k !== 'default' && hasExternalRefs(v)) return true;
    }
  }
  return false;
}
