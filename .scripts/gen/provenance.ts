// Provenance and annotation keywords (src/core/provenance.ts reads the same ones): gen keeps them
// out of what pages load.
import { isObject, type Json } from './context.js';

/**
 * Provenance keywords: where a fact comes from in the manual, or that it is a default with a
 * note; `x-meta` marks a meta-schema (a format, not business facts).
 */
export const PROVENANCE = ['x-source', 'x-default', 'x-note', 'x-provenance', 'x-meta'] as const;

/** Annotation keywords our schemas carry for labels and UI; Ajv must know them in strict mode. */
export const ANNOTATIONS = ['x-label', 'x-labels', 'x-help', 'x-doc', 'x-placeholder', ...PROVENANCE] as const;

/**
 * A copy without provenance annotations, for the modules pages load: the notes are for
 * configurators (schemas/README.md, `wuye-kit check --defaults`), not for run time. Keeps a
 * meta-schema's own `x-source` property definitions (objects) and `dependencies` lists.
 * `$comment` goes too when `comments` is false (data modules: a note for whoever edits the file).
 */
export function stripProvenance(node: Json, comments = true): Json {
  if (Array.isArray(node)) return node.map((n) => stripProvenance(n, comments));
  if (!isObject(node)) return node;
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(node)) {
    if (requiresProvenance(node) && (k === 'if' || k === 'then' || k === 'else')) continue;
    if ((k === 'x-source' || k === 'x-note') && typeof v === 'string') continue;
    if ((k === 'x-default' || k === 'x-meta') && v === true) continue;
    if (k === 'x-provenance' && isObject(v) && Object.values(v).every((p) => isObject(p) && !('type' in p))) continue;
    if (!comments && k === '$comment' && typeof v === 'string') continue;
    out[k] = stripProvenance(v, comments);
  }
  return out;
}

/**
 * A meta-schema node that requires provenance (`if x-default then not x-source else x-source`):
 * `wuye-kit check` enforces it on a configurator's files; run-time validators and schema modules
 * leave it out, since the copies pages load carry no notes (and hosts' run-time data need none).
 */
export function requiresProvenance(node: Json): boolean {
  const req = (n: Json | undefined, key: string): boolean => isObject(n) && Array.isArray(n['required']) && n['required'].length === 1 && n['required'][0] === key;
  return isObject(node) && req(node['if'], 'x-default') && req(node['else'], 'x-source');
}
