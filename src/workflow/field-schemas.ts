// Event fields: each transition's `fields` names a definition in schemas/workflow-events.schema.json.
// This module gives a form the definition with every $ref inlined (no validator here, so the
// workflow panel does not carry one); fields.ts checks payloads with the precompiled validator.
import eventsSchema from '../generated/schemas/workflow-events.js';
import complaintSchema from '../generated/schemas/complaint.js';
import { vocab } from '../generated/vocab.js';
import { unescapeKey } from '../core/kernel/pointer.js';

type Json = Readonly<Record<string, unknown>>;

const BASE = 'https://wuye-kit.dev/schemas/';

/** Every schema document a field schema may reference, by $id. */
function documents(): Map<string, Json> {
  const docs = new Map<string, Json>();
  docs.set(String(eventsSchema['$id']), eventsSchema);
  docs.set(String(complaintSchema['$id']), complaintSchema);
  for (const v of Object.values(vocab)) {
    docs.set(v.id, { type: 'string', enum: [...v.codes], 'x-labels': v.labels });
  }
  return docs;
}
let docsCache: Map<string, Json> | undefined;

/** Names of every event-field definition shipped. */
export function fieldNames(): string[] {
  return Object.keys((eventsSchema['properties'] as Json | undefined) ?? {});
}

export function hasFields(name: string): boolean {
  return Object.hasOwn((eventsSchema['properties'] as Json | undefined) ?? {}, name);
}

function resolve(ref: string, baseId: string, docs: Map<string, Json>): { node: Json; docId: string } {
  const at = ref.indexOf('#');
  const file = at < 0 ? ref : ref.slice(0, at);
  const hash = at < 0 ? '' : ref.slice(at);
  // Shipped schemas refer to each other by relative path under one base: resolve without URL.
  const docId = file === '' ? baseId : /^[a-z]+:/i.test(file) ? file : `${baseId.slice(0, baseId.lastIndexOf('/') + 1)}${file.replace(/^\.\//, '')}`;
  const doc = docs.get(docId);
  if (!doc) throw new Error(`Event fields reference an unknown schema: ${ref}`);
  let node: unknown = doc;
  if (hash.length > 1) {
    for (const raw of hash.slice(2).split('/')) {
      const key = unescapeKey(decodeURIComponent(raw));
      node = node !== null && typeof node === 'object' && Object.hasOwn(node, key) ? (node as Json)[key] : undefined;
    }
  }
  if (node === null || typeof node !== 'object') throw new Error(`Event fields reference a missing definition: ${ref}`);
  return { node: node as Json, docId };
}

function inline(node: unknown, baseId: string, docs: Map<string, Json>, depth: number): unknown {
  if (depth > 32) throw new Error('Event field schema nested too deeply (a reference cycle?)');
  if (Array.isArray(node)) return node.map((n) => inline(n, baseId, docs, depth + 1));
  if (node === null || typeof node !== 'object') return node;
  const obj = node as Json;
  if (typeof obj['$ref'] === 'string') {
    const { node: target, docId } = resolve(obj['$ref'], baseId, docs);
    const { $ref: _ref, ...siblings } = obj;
    // Siblings of $ref (x-label) win over the target's own annotations.
    return { ...(inline(target, docId, docs, depth + 1) as Json), ...(inline(siblings, baseId, docs, depth + 1) as Json) };
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k === '$id' || k === '$schema' || k === 'definitions' || k === '__proto__') continue;
    out[k] = k === 'enum' || k === 'const' || k === 'default' || k === 'examples' || k.startsWith('x-') ? v : inline(v, baseId, docs, depth + 1);
  }
  return out;
}

const schemaCache = new Map<string, Json>();

/**
 * The JSON Schema of an event's fields, self-contained (references to the complaint schema and
 * vocabularies inlined, labels kept), for `<wy-schema-form>`. Throws for an unknown name.
 */
export function fieldsSchema(name: string): Json {
  const hit = schemaCache.get(name);
  if (hit) return hit;
  if (!hasFields(name)) throw new Error(`No event fields named "${name}" in workflow-events.schema.json`);
  docsCache ??= documents();
  const prop = (eventsSchema['properties'] as Json)[name] as Json;
  const schema = { $schema: 'http://json-schema.org/draft-07/schema#', ...(inline(prop, `${BASE}workflow-events.schema.json`, docsCache, 0) as Json) };
  schemaCache.set(name, schema);
  return schema;
}

