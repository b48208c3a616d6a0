// Checks every input and compiles it with one Ajv instance (refs resolve across files): each
// vocabulary labels every code in both languages; every schema is draft-07 with a stable `$id`,
// passes the meta-schema and compiles in strict mode. A failure names the file and the pointer.
import Ajv, { _, type AnySchemaObject, type ValidateFunction } from 'ajv';
import { formats as formatImpls } from '../formats.mjs';
import { ANNOTATIONS, requiresProvenance } from './provenance.js';
import { GenError, escapePointer, isObject, type Inputs, type Json, type JsonObject, type SchemaFile } from './context.js';

export interface Compiled {
  readonly ajv: Ajv;
  /** By short name. */
  readonly validators: Readonly<Record<string, ValidateFunction>>;
  /** Every `format` any schema uses, in the order first met. */
  readonly formats: readonly string[];
}

/** Depth-first search for the JSON pointer of the first node matching `test`. */
export function locate(node: Json, test: (n: JsonObject | Json[]) => boolean, pointer = ''): string | undefined {
  if (node && typeof node === 'object') {
    if (test(node)) return pointer;
    for (const [k, v] of Object.entries(node)) {
      const found = locate(v, test, `${pointer}/${escapePointer(k)}`);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

// Keywords Ajv knows for draft-07 plus our annotations; used to point at an unknown keyword.
const KNOWN = new Set<string>([
  '$schema', '$id', '$ref', '$comment', 'title', 'description', 'default', 'examples', 'readOnly', 'writeOnly',
  'type', 'enum', 'const', 'multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum',
  'maxLength', 'minLength', 'pattern', 'format', 'items', 'additionalItems', 'maxItems', 'minItems', 'uniqueItems',
  'contains', 'maxProperties', 'minProperties', 'required', 'properties', 'patternProperties',
  'additionalProperties', 'dependencies', 'propertyNames', 'if', 'then', 'else', 'allOf', 'anyOf', 'oneOf', 'not',
  'definitions', 'contentMediaType', 'contentEncoding', ...ANNOTATIONS,
]);
/** Keywords whose value maps names (property names, definition names) to schemas or labels. */
export const MAP_KEYWORDS = new Set(['properties', 'patternProperties', 'definitions', 'dependencies', 'x-labels', 'x-label']);

/** Finds the pointer of a schema object using `keyword`, skipping property-name maps. */
function locateKeyword(schema: Json, keyword: string, pointer = ''): string | undefined {
  if (!schema || typeof schema !== 'object') return undefined;
  if (Array.isArray(schema)) {
    for (const [i, item] of schema.entries()) {
      const f = locateKeyword(item, keyword, `${pointer}/${i}`);
      if (f !== undefined) return f;
    }
    return undefined;
  }
  if (Object.hasOwn(schema, keyword) && !KNOWN.has(keyword)) return `${pointer}/${escapePointer(keyword)}`;
  for (const [k, v] of Object.entries(schema)) {
    if (k === 'enum' || k === 'const' || k === 'default' || k === 'examples' || k.startsWith('x-')) continue;
    if (MAP_KEYWORDS.has(k) && isObject(v)) {
      for (const [name, sub] of Object.entries(v)) {
        const f = locateKeyword(sub, keyword, `${pointer}/${escapePointer(k)}/${escapePointer(name)}`);
        if (f !== undefined) return f;
      }
    } else if (v && typeof v === 'object') {
      const f = locateKeyword(v, keyword, `${pointer}/${escapePointer(k)}`);
      if (f !== undefined) return f;
    }
  }
  return undefined;
}

/**
 * A copy without annotations (labels, titles, descriptions): they do not change validation, and
 * Ajv embeds the schema objects it reads enums from, so they would only bloat the validator.
 */
function stripAnnotations(node: Json, inMap = false): Json {
  if (Array.isArray(node)) return node.map((n) => stripAnnotations(n));
  if (!isObject(node)) return node;
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(node)) {
    if (!inMap && requiresProvenance(node) && (k === 'if' || k === 'then' || k === 'else')) continue;
    if (inMap) out[k] = stripAnnotations(v);
    else if (k === 'enum' || k === 'const' || k === 'default' || k === 'examples') out[k] = v;
    else if (k.startsWith('x-') || k === 'title' || k === 'description' || k === '$comment') continue;
    else out[k] = stripAnnotations(v, MAP_KEYWORDS.has(k));
  }
  return out;
}

export function collectFormats(node: Json, out = new Set<string>()): Set<string> {
  if (node && typeof node === 'object') {
    if (!Array.isArray(node) && typeof node['format'] === 'string') out.add(node['format']);
    for (const v of Object.values(node)) collectFormats(v, out);
  }
  return out;
}

/** Turns an Ajv or standalone-code failure into a GenError pointing at the keyword or `$ref`. */
export function explain(s: SchemaFile, err: unknown): GenError {
  const msg = String(err instanceof Error ? err.message : err);
  let pointer: string | undefined;
  const unknown = /unknown (?:keyword|format) "([^"]+)"/.exec(msg) ?? /unknown keyword: "([^"]+)"/.exec(msg);
  if (unknown) {
    const name = unknown[1]!;
    pointer = /format/.test(msg) ? locate(s.schema, (n) => !Array.isArray(n) && n['format'] === name) : locateKeyword(s.schema, name);
  }
  const ref = /can't resolve reference (\S+)/.exec(msg);
  if (ref) pointer = locate(s.schema, (n) => !Array.isArray(n) && n['$ref'] === ref[1]);
  return new GenError(s.file, pointer ?? '', msg);
}

/** 1. Every vocabulary lists a label for each code, in both languages, and no label for a stranger. */
export function checkVocabularies(vocab: readonly SchemaFile[]): void {
  for (const v of vocab) {
    const codes = v.schema['enum'];
    const labels = v.schema['x-labels'];
    if (!Array.isArray(codes)) throw new GenError(v.file, '/enum', 'a vocabulary needs an "enum" array of codes');
    for (const [i, code] of codes.entries()) {
      const label = isObject(labels) && typeof code === 'string' ? labels[code] : undefined;
      for (const lang of ['zh-CN', 'en']) {
        const text = isObject(label) ? label[lang] : undefined;
        if (typeof text !== 'string' || !text) {
          throw new GenError(v.file, `/x-labels/${escapePointer(String(code))}`, `code "${String(code)}" (enum/${i}) has no ${lang} label`);
        }
      }
    }
    for (const k of Object.keys(isObject(labels) ? labels : {})) {
      if (!codes.includes(k)) throw new GenError(v.file, `/x-labels/${escapePointer(k)}`, `label for "${k}", which is not in enum`);
    }
  }
}

/** 2. Meta-validates and compiles every schema with one Ajv instance. */
export function compileAll(inputs: Inputs): Compiled {
  const { all } = inputs;
  const formats = new Set<string>();
  for (const s of all) collectFormats(s.schema, formats);
  const ajv = new Ajv({
    code: { source: true, esm: true, optimize: true },
    allErrors: true,
    strict: true,
    messages: false,
    inlineRefs: true,
  });
  // The standalone code reads formats from a module gen writes (only the formats used).
  ajv.opts.code.formats = _`require("wy:formats").formats`;
  ajv.addVocabulary([...ANNOTATIONS]);
  for (const f of formats) {
    const impl = formatImpls[f];
    if (!impl) {
      const s = all.find((x) => collectFormats(x.schema).has(f))!;
      throw new GenError(s.file, locate(s.schema, (n) => !Array.isArray(n) && n['format'] === f), `format "${f}" is not supported (supported: ${Object.keys(formatImpls).join(', ')})`);
    }
    ajv.addFormat(f, impl);
  }
  for (const s of all) {
    if (typeof s.schema['$id'] !== 'string') throw new GenError(s.file, '', 'a schema needs a stable "$id"');
    if (s.schema['$schema'] !== 'http://json-schema.org/draft-07/schema#') {
      throw new GenError(s.file, '/$schema', 'schemas must declare draft-07 ("http://json-schema.org/draft-07/schema#")');
    }
    if (!ajv.validateSchema(s.schema as AnySchemaObject)) {
      const e = ajv.errors?.[0];
      throw new GenError(s.file, e?.instancePath ?? '', e ? `${e.keyword}: ${e.message ?? JSON.stringify(e.params)}` : 'invalid schema');
    }
    ajv.addSchema(stripAnnotations(s.schema) as AnySchemaObject);
  }
  const validators: Record<string, ValidateFunction> = {};
  for (const s of all) {
    try {
      const v = ajv.getSchema(s.schema['$id'] as string);
      if (!v) throw new Error(`schema ${s.schema['$id']} did not compile`);
      validators[s.name] = v;
    } catch (err) {
      throw explain(s, err);
    }
  }
  return { ajv, validators, formats: [...formats] };
}
