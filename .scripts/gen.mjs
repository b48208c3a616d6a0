#!/usr/bin/env node
// Schema pipeline: schemas/*.schema.json (draft-07) → src/generated/
//   types/<name>.ts          TypeScript types (json-schema-to-typescript)
//   validators/<name>.js     self-contained Ajv standalone validator (no imports, no eval)
//   validators/<name>.d.ts   its typed declaration (no Ajv types)
//   validators/index.ts      schema id → validator map for core/validate.ts
//   schemas/<name>.ts        the schema JSON as a module (the form engine reads it)
//   vocab.ts                 every vocabulary's codes and zh-CN/en labels
// Everything is written to a temporary folder first and swapped in only when every schema
// compiled, so a failure never leaves a half-written src/generated behind.
import { readFileSync, readdirSync, mkdirSync, writeFileSync, rmSync, renameSync, existsSync, statSync } from 'node:fs';
import { join, relative, basename, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import Ajv, { _ } from 'ajv';
import { formats as formatImpls, formatsModule, ucs2lengthModule, equalModule } from './formats.mjs';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { compile as compileTs } from 'json-schema-to-typescript';
import { build } from 'esbuild';

const root = process.env.WY_ROOT ?? join(dirname(fileURLToPath(import.meta.url)), '..');
const schemaDir = process.env.WY_SCHEMA_DIR ?? join(root, 'schemas');
const outDir = process.env.WY_OUT_DIR ?? join(root, 'src', 'generated');
const tmpDir = `${outDir}.tmp-${process.pid}`;

/**
 * Provenance keywords (src/core/provenance.ts): where a fact comes from in the manual, or that it
 * is a default with a note; `x-meta` marks a meta-schema (a format, not business facts).
 */
export const PROVENANCE = ['x-source', 'x-default', 'x-note', 'x-provenance', 'x-meta'];

/**
 * A copy without provenance annotations, for the modules pages load: the notes are for
 * configurators (schemas/README.md, `wuye-kit check --defaults`), not for run time. Keeps a
 * meta-schema's own `x-source` property definitions (objects) and `dependencies` lists.
 */
export function stripProvenance(node) {
  if (Array.isArray(node)) return node.map(stripProvenance);
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (requiresProvenance(node) && (k === 'if' || k === 'then' || k === 'else')) continue;
    if ((k === 'x-source' || k === 'x-note') && typeof v === 'string') continue;
    if ((k === 'x-default' || k === 'x-meta') && v === true) continue;
    if (k === 'x-provenance' && v && typeof v === 'object' && Object.values(v).every((p) => p && typeof p === 'object' && !('type' in p))) continue;
    out[k] = stripProvenance(v);
  }
  return out;
}

/**
 * A meta-schema node that requires provenance (`if x-default then not x-source else x-source`):
 * `wuye-kit check` enforces it on a configurator's files; run-time validators and schema modules
 * leave it out, since the copies pages load carry no notes (and hosts' run-time data need none).
 */
export function requiresProvenance(node) {
  const req = (n, key) => n && typeof n === 'object' && Array.isArray(n.required) && n.required.length === 1 && n.required[0] === key;
  return !!node && typeof node === 'object' && req(node.if, 'x-default') && req(node.else, 'x-source');
}

/** Annotation keywords our schemas carry for labels and UI; Ajv must know them in strict mode. */
export const ANNOTATIONS = ['x-label', 'x-labels', 'x-help', 'x-doc', 'x-placeholder', ...PROVENANCE];

class GenError extends Error {
  constructor(file, pointer, reason) {
    super(`${relative(process.cwd(), file)}${pointer !== undefined ? ` at ${pointer || '/'}` : ''}: ${reason}`);
  }
}

function readJson(file) {
  const text = readFileSync(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (err) {
    const m = /position (\d+)/.exec(err.message);
    let where = '';
    if (m) {
      const before = text.slice(0, Number(m[1]));
      const line = before.split('\n').length;
      where = ` (line ${line}, column ${Number(m[1]) - before.lastIndexOf('\n')})`;
    }
    throw new GenError(file, undefined, `invalid JSON${where}: ${err.message}`);
  }
}

const escapePointer = (k) => String(k).replace(/~/g, '~0').replace(/\//g, '~1');

/** Depth-first search for the JSON pointer of the first node matching `test`. */
function locate(node, test, pointer = '') {
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
const KNOWN = new Set([
  '$schema', '$id', '$ref', '$comment', 'title', 'description', 'default', 'examples', 'readOnly', 'writeOnly',
  'type', 'enum', 'const', 'multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum',
  'maxLength', 'minLength', 'pattern', 'format', 'items', 'additionalItems', 'maxItems', 'minItems', 'uniqueItems',
  'contains', 'maxProperties', 'minProperties', 'required', 'properties', 'patternProperties',
  'additionalProperties', 'dependencies', 'propertyNames', 'if', 'then', 'else', 'allOf', 'anyOf', 'oneOf', 'not',
  'definitions', 'contentMediaType', 'contentEncoding', ...ANNOTATIONS,
]);
const MAP_KEYWORDS = new Set(['properties', 'patternProperties', 'definitions', 'dependencies', 'x-labels', 'x-label']);

/** Finds the pointer of a schema object using `keyword`, skipping property-name maps. */
function locateKeyword(schema, keyword, pointer = '') {
  if (!schema || typeof schema !== 'object') return undefined;
  if (Array.isArray(schema)) {
    for (let i = 0; i < schema.length; i++) {
      const f = locateKeyword(schema[i], keyword, `${pointer}/${i}`);
      if (f !== undefined) return f;
    }
    return undefined;
  }
  if (Object.hasOwn(schema, keyword) && !KNOWN.has(keyword)) return `${pointer}/${escapePointer(keyword)}`;
  for (const [k, v] of Object.entries(schema)) {
    if (k === 'enum' || k === 'const' || k === 'default' || k === 'examples' || k.startsWith('x-')) continue;
    if (MAP_KEYWORDS.has(k) && v && typeof v === 'object') {
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
function stripAnnotations(node, inMap = false) {
  if (Array.isArray(node)) return node.map((n) => stripAnnotations(n));
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (!inMap && requiresProvenance(node) && (k === 'if' || k === 'then' || k === 'else')) continue;
    if (inMap) out[k] = stripAnnotations(v);
    else if (k === 'enum' || k === 'const' || k === 'default' || k === 'examples') out[k] = v;
    else if (k.startsWith('x-') || k === 'title' || k === 'description' || k === '$comment') continue;
    else out[k] = stripAnnotations(v, MAP_KEYWORDS.has(k));
  }
  return out;
}

function collectFormats(node, out = new Set()) {
  if (node && typeof node === 'object') {
    if (typeof node.format === 'string') out.add(node.format);
    for (const v of Object.values(node)) collectFormats(v, out);
  }
  return out;
}

const camel = (name) => name.replace(/[-.](\w)/g, (_, c) => c.toUpperCase());
const pascal = (name) => camel(name).replace(/^\w/, (c) => c.toUpperCase());
const BANNER = '// Generated by .scripts/gen.mjs from schemas/. Do not edit: change the schema and run `npm run gen`.\n';

async function main() {
  const files = readdirSync(schemaDir).filter((f) => f.endsWith('.schema.json')).sort();
  const vocabDir = join(schemaDir, 'vocab');
  const vocabFiles = existsSync(vocabDir) ? readdirSync(vocabDir).filter((f) => f.endsWith('.json')).sort() : [];

  const vocab = vocabFiles.map((f) => ({ file: join(vocabDir, f), name: basename(f, '.json'), schema: readJson(join(vocabDir, f)) }));
  const main = files.map((f) => ({ file: join(schemaDir, f), name: basename(f, '.schema.json'), schema: readJson(join(schemaDir, f)) }));

  // 1. Every vocabulary lists a label for each code, in both languages.
  for (const v of vocab) {
    const { enum: codes, 'x-labels': labels } = v.schema;
    if (!Array.isArray(codes)) throw new GenError(v.file, '/enum', 'a vocabulary needs an "enum" array of codes');
    for (const [i, code] of codes.entries()) {
      for (const lang of ['zh-CN', 'en']) {
        if (typeof labels?.[code]?.[lang] !== 'string' || !labels[code][lang]) {
          throw new GenError(v.file, `/x-labels/${escapePointer(code)}`, `code "${code}" (enum/${i}) has no ${lang} label`);
        }
      }
    }
    for (const k of Object.keys(labels ?? {})) {
      if (!codes.includes(k)) throw new GenError(v.file, `/x-labels/${escapePointer(k)}`, `label for "${k}", which is not in enum`);
    }
  }

  // 2. Meta-validate and compile every schema with one Ajv instance (refs resolve across files).
  const all = [...vocab, ...main];
  const formats = new Set();
  for (const s of all) collectFormats(s.schema, formats);
  const ajv = new Ajv({
    code: { source: true, esm: true, optimize: true },
    allErrors: true,
    strict: true,
    messages: false,
    inlineRefs: true,
  });
  ajv.opts.code.formats = _`require("wy:formats").formats`;
  ajv.addVocabulary(ANNOTATIONS);
  for (const f of formats) {
    if (!formatImpls[f]) {
      const s = all.find((x) => collectFormats(x.schema).has(f));
      throw new GenError(s.file, locate(s.schema, (n) => n.format === f), `format "${f}" is not supported (supported: ${Object.keys(formatImpls).join(', ')})`);
    }
    ajv.addFormat(f, formatImpls[f]);
  }
  for (const s of all) {
    if (typeof s.schema.$id !== 'string') throw new GenError(s.file, '', 'a schema needs a stable "$id"');
    if (s.schema.$schema !== 'http://json-schema.org/draft-07/schema#') {
      throw new GenError(s.file, '/$schema', 'schemas must declare draft-07 ("http://json-schema.org/draft-07/schema#")');
    }
    if (!ajv.validateSchema(s.schema)) {
      const e = ajv.errors[0];
      throw new GenError(s.file, e.instancePath, `${e.keyword}: ${e.message ?? JSON.stringify(e.params)}`);
    }
    ajv.addSchema(stripAnnotations(s.schema));
  }
  const validators = {};
  for (const s of all) {
    try {
      validators[s.name] = ajv.getSchema(s.schema.$id);
    } catch (err) {
      throw explain(s, err);
    }
  }

  rmSync(tmpDir, { recursive: true, force: true });
  for (const d of ['types', 'validators', 'schemas']) mkdirSync(join(tmpDir, d), { recursive: true });

  // 3. Standalone validators, bundled into modules with zero imports.
  for (const s of main) {
    const exportName = `validate${pascal(s.name)}`;
    let source;
    try {
      source = standaloneCode(ajv, validators[s.name]);
    } catch (err) {
      throw explain(s, err);
    }
    // Ajv's "esm" output still require()s its runtime helpers: turn each into an import so that
    // esbuild bundles plain ESM with no CommonJS wrappers.
    const imports = [];
    source = source.replace(/require\("([^"]+)"\)/g, (_m, spec) => {
      let i = imports.indexOf(spec);
      if (i < 0) i = imports.push(spec) - 1;
      return `__wy${i}`;
    });
    source = imports.map((spec, i) => `import * as __wy${i} from ${JSON.stringify(spec)};`).join('') + source.replace(/^"use strict";/, '');
    const result = await build({
      stdin: { contents: source, resolveDir: root, loader: 'js', sourcefile: `${s.name}.validator.js` },
      bundle: true,
      plugins: [runtimePlugin([...formats])],
      format: 'esm',
      platform: 'neutral',
      target: 'es2020',
      write: false,
      minify: true,
      legalComments: 'none',
      logLevel: 'silent',
    });
    // standaloneCode exports the validator as default; export it under a stable name too.
    let code = result.outputFiles[0].text;
    const exportStmt = /export\s*\{([^}]*)\};?\s*$/.exec(code);
    const defaultName = exportStmt && /([\w$]+) as default/.exec(exportStmt[1])?.[1];
    if (!defaultName) {
      writeFileSync(join(tmpdir(), `wy-gen-${s.name}.failed.js`), code);
      throw new GenError(s.file, undefined, 'could not find the validator export in the generated code');
    }
    code = `${code.slice(0, exportStmt.index)}export{${defaultName} as default,${defaultName} as ${exportName}};\n`;
    for (const bad of ['new Function', 'eval(', 'require(', 'import ', 'import(']) {
      if (code.includes(bad)) { writeFileSync("/tmp/bad-validator.js", code); throw new GenError(s.file, undefined, `generated validator contains "${bad}"; refusing to write it`); }
    }
    writeFileSync(join(tmpDir, 'validators', `${s.name}.js`), `${BANNER}/* eslint-disable */\n${code}`);
    const type = pascal(s.schema.title ?? s.name);
    writeFileSync(
      join(tmpDir, 'validators', `${s.name}.d.ts`),
      `${BANNER}import type { ${type} } from '../types/${s.name}.js';
import type { GeneratedValidator } from '../validator-types.js';

/** Precompiled validator for \`${s.schema.$id}\`. */
export declare const ${exportName}: GeneratedValidator<${type}>;
export default ${exportName};
`,
    );
  }
  writeFileSync(
    join(tmpDir, 'validators', 'lazy.ts'),
    `${BANNER}import type { GeneratedValidator } from '../validator-types.js';

/** Loads one shipped schema's precompiled validator on demand, by \`$id\` (code-split per schema). */
export const loadValidator: Readonly<Record<string, () => Promise<GeneratedValidator<unknown>>>> = {
${main.map((s) => `  ${JSON.stringify(s.schema.$id)}: () => import('./${s.name}.js').then((m) => m.default as GeneratedValidator<unknown>),`).join('\n')}
};

/** The same by short name (\`complaint\`), with the schema's field labels. */
export const loadValidatorByName: Readonly<
  Record<string, () => Promise<{ validator: GeneratedValidator<unknown>; labels: Readonly<Record<string, { readonly 'zh-CN': string; readonly en: string }>> }>>
> = {
${main.map((s) => `  ${JSON.stringify(s.name)}: () => Promise.all([import('./${s.name}.js'), import('../labels/${s.name}.js')]).then(([v, l]) => ({ validator: v.default as GeneratedValidator<unknown>, labels: l.default })),`).join('\n')}
};
`,
  );
  writeFileSync(
    join(tmpDir, 'validator-types.ts'),
    `${BANNER}/** The error objects an Ajv standalone validator reports (messages are ours, in core/i18n). */
export interface GeneratedError {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** A precompiled validator: a type guard that leaves its errors on \`.errors\`. */
export interface GeneratedValidator<T> {
  (data: unknown): data is T;
  errors?: readonly GeneratedError[] | null;
}
`,
  );
  writeFileSync(
    join(tmpDir, 'validators', 'index.ts'),
    `${BANNER}import type { GeneratedValidator } from '../validator-types.js';
${main.map((s) => `import { validate${pascal(s.name)} } from './${s.name}.js';`).join('\n')}

/** Every shipped schema's precompiled validator, by short name (file name without .schema.json). */
export const validators: Readonly<Record<string, GeneratedValidator<unknown>>> = {
${main.map((s) => `  ${JSON.stringify(s.name)}: validate${pascal(s.name)},`).join('\n')}
};

/** Schema \`$id\` → short name. */
export const schemaIds: Readonly<Record<string, string>> = {
${main.map((s) => `  ${JSON.stringify(s.schema.$id)}: ${JSON.stringify(s.name)},`).join('\n')}
};
`,
  );

  // 4. Types. Vocabulary $refs become named string unions.
  for (const s of main) {
    let ts;
    try {
      ts = await compileTs(s.schema, pascal(s.schema.title ?? s.name), {
        bannerComment: BANNER.trim(),
        cwd: schemaDir,
        additionalProperties: false,
        declareExternallyReferenced: true,
        unreachableDefinitions: true,
        format: true,
        $refOptions: { resolve: { external: true } },
      });
    } catch (err) {
      throw new GenError(s.file, undefined, `json-schema-to-typescript: ${err.message}`);
    }
    writeFileSync(join(tmpDir, 'types', `${s.name}.ts`), ts);
  }

  // 5. Schemas and vocabularies as modules.
  for (const s of all) {
    const dir = vocab.includes(s) ? join(tmpDir, 'schemas', 'vocab') : join(tmpDir, 'schemas');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, `${s.name}.ts`),
      `${BANNER}/** ${relative(root, s.file)} */\nconst schema: Readonly<Record<string, unknown>> = ${JSON.stringify(stripProvenance(s.schema), null, 2)};\nexport default schema;\n`,
    );
  }
  mkdirSync(join(tmpDir, 'schemas', 'vocab'), { recursive: true });
  writeFileSync(
    join(tmpDir, 'schemas', 'vocab', 'index.ts'),
    `${BANNER}/** Every vocabulary schema by \`$id\`, so shipped schemas' \`$ref\`s resolve at run time (forms). */
${vocab.map((v) => `import ${camel(v.name)} from './${v.name}.js';`).join('\n')}

export const vocabById: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
${vocab.map((v) => `  ${JSON.stringify(v.schema.$id)}: ${camel(v.name)},`).join('\n')}
};
`,
  );
  const vocabModule = Object.fromEntries(
    vocab.map((v) => [camel(v.name), { id: v.schema.$id, codes: v.schema.enum, labels: v.schema['x-labels'] }]),
  );
  writeFileSync(
    join(tmpDir, 'vocab.ts'),
    `${BANNER}/** Every vocabulary in schemas/vocab: its codes in order and their zh-CN and en labels. */
export const vocab = ${JSON.stringify(vocabModule, null, 2)} as const;

export type VocabName = keyof typeof vocab;
${vocab.map((v) => `export type ${pascal(v.name)} = (typeof vocab)[${JSON.stringify(camel(v.name))}]['codes'][number];`).join('\n')}
`,
  );

  // 6. Vendored runtime libraries that ship CommonJS only, re-bundled as ES modules so that
  // browsers, test servers and bundlers import them without CommonJS interop.
  mkdirSync(join(tmpDir, 'vendor'), { recursive: true });
  await vendorModule(
    'json-logic.js',
    "import jsonLogic from 'json-logic-js'; export default jsonLogic;",
    { platform: 'neutral', mainFields: ['module', 'main'] },
    (v) => `json-logic-js ${v('json-logic-js')} (MIT, Jeremy Wadhams, jsonlogic.com), re-bundled as an ES module.`,
  );
  writeFileSync(
    join(tmpDir, 'vendor', 'json-logic.d.ts'),
    `${BANNER}/** The part of json-logic-js wuye-kit uses. */
declare const jsonLogic: {
  apply(logic: unknown, data?: unknown): unknown;
  truthy(value: unknown): boolean;
  is_logic(value: unknown): boolean;
};
export default jsonLogic;
`,
  );

  // Ajv + ajv-formats for the run-time compile path (a configurator's custom schema), as one ES
  // module loaded lazily: pages with shipped schemas never download it.
  await vendorModule(
    'ajv.js',
    "import Ajv from 'ajv'; import addFormats from 'ajv-formats'; export { Ajv, addFormats };",
    { platform: 'browser' },
    (v) => `ajv ${v('ajv')} and ajv-formats (MIT), re-bundled as one ES module for the run-time compile path.`,
  );
  writeFileSync(
    join(tmpDir, 'vendor', 'ajv.d.ts'),
    `${BANNER}/** The part of Ajv the run-time compile path uses. */
export interface AjvValidateFunction {
  (data: unknown): boolean;
  errors?: unknown[] | null;
}
export interface AjvInstance {
  addSchema(schema: object): unknown;
  getSchema(id: string): unknown;
  compile(schema: object): AjvValidateFunction;
}
export declare const Ajv: new (options?: Record<string, unknown>) => AjvInstance;
export declare const addFormats: (ajv: AjvInstance) => unknown;
`,
  );

  // Data files the runtime ships (workflow definitions, calendars) as modules, so every tool
  // (tsc, rollup, test servers, Storybook) imports them without JSON-module support.
  // Top-level data files (UI schemas, default rule sets, common problems…) as one module each.
  mkdirSync(join(tmpDir, 'data'), { recursive: true });
  for (const f of readdirSync(schemaDir).filter((x) => x.endsWith('.json') && !x.endsWith('.schema.json')).sort()) {
    writeFileSync(
      join(tmpDir, 'data', `${basename(f, '.json')}.ts`),
      `${BANNER}/** schemas/${f} */\nconst data: unknown = ${JSON.stringify(stripProvenance(readJson(join(schemaDir, f))), null, 2)};\nexport default data;\n`,
    );
  }
  for (const folder of ['workflows', 'calendars']) {
    const dir = join(schemaDir, folder);
    if (!existsSync(dir)) continue;
    const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
    mkdirSync(join(tmpDir, 'data'), { recursive: true });
    writeFileSync(
      join(tmpDir, 'data', `${folder}.ts`),
      `${BANNER}/** schemas/${folder}/*.json by file name (without .json). */
export const ${folder}: Readonly<Record<string, unknown>> = {
${files.map((f) => `  ${JSON.stringify(basename(f, '.json'))}: ${JSON.stringify(stripProvenance(readJson(join(dir, f))))},`).join('\n')}
};
`,
    );
  }

  // 7. Field labels by path, so validate() can name the field in its messages.
  const byId = new Map(all.map((x) => [x.schema.$id, x.schema]));
  const labels = Object.fromEntries(main.map((s) => [s.name, collectLabels(s.schema, s.schema, byId)]));
  // One module per schema too, for code that validates one schema and should not carry the rest.
  mkdirSync(join(tmpDir, 'labels'), { recursive: true });
  for (const s of main) {
    writeFileSync(
      join(tmpDir, 'labels', `${s.name}.ts`),
      `${BANNER}/** Field labels of ${s.name}.schema.json by JSON pointer (array items are \`*\`). */
const labels: Readonly<Record<string, { readonly 'zh-CN': string; readonly en: string }>> = ${JSON.stringify(labels[s.name], null, 2)};
export default labels;
`,
    );
  }
  writeFileSync(
    join(tmpDir, 'labels.ts'),
    `${BANNER}/** Field labels (zh-CN, en) of every shipped schema by JSON pointer; array items are \`*\`. */
export const labels: Readonly<Record<string, Readonly<Record<string, { readonly 'zh-CN': string; readonly en: string }>>>> = ${JSON.stringify(labels, null, 2)};
`,
  );

  // 8. Swap in: move the old folder aside, move the new one in, then delete the old one, so
  // readers (a running test server) never see a missing folder for longer than two renames.
  const old = `${outDir}.old-${process.pid}`;
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(tmpDir, outDir);
  rmSync(old, { recursive: true, force: true });
  console.log(`gen: ${main.length} schemas, ${vocab.length} vocabularies, formats [${[...formats].join(', ')}] → ${relative(process.cwd(), outDir) || outDir}`);
}

/** Bundles `contents` (imports of CommonJS packages) into one ES module under vendor/. */
async function vendorModule(file, contents, options, credit) {
  const r = await build({
    stdin: { contents, resolveDir: root, loader: 'js' },
    bundle: true,
    format: 'esm',
    target: 'es2020',
    write: false,
    minify: true,
    legalComments: 'inline',
    logLevel: 'silent',
    ...options,
  });
  const version = (pkg) => JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  writeFileSync(join(tmpDir, 'vendor', file), `${BANNER}// ${credit(version)}\n/* eslint-disable */\n${r.outputFiles[0].text}`);
}

/** Resolves the runtime requires of Ajv's standalone output to tiny, self-contained modules. */
function runtimePlugin(formatNames) {
  const modules = {
    'wy:formats': () => formatsModule(formatNames),
    'ajv/dist/runtime/ucs2length': () => ucs2lengthModule,
    'ajv/dist/runtime/equal': () => equalModule,
  };
  return {
    name: 'wy-ajv-runtime',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        if (modules[args.path]) return { path: args.path, namespace: 'wy-runtime' };
        return { errors: [{ text: `the generated validator requires "${args.path}", which gen does not inline` }] };
      });
      b.onLoad({ filter: /.*/, namespace: 'wy-runtime' }, (args) => ({ contents: modules[args.path](), loader: 'js' }));
    },
  };
}

/** Resolves a local (#/definitions/x) or vocabulary (vocab/x.json) $ref. */
function deref(node, root, byId) {
  let seen = 0;
  while (node && typeof node.$ref === 'string' && seen++ < 20) {
    const ref = node.$ref;
    if (ref.startsWith('#/')) {
      node = ref.slice(2).split('/').reduce((n, k) => n?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], root);
    } else {
      const id = new URL(ref, root.$id).href;
      node = byId.get(id);
    }
  }
  return node;
}

/** Labels by path; a nested field's label is prefixed with its parent's (`投诉人·联系电话`). */
function collectLabels(schema, root, byId, path = '', out = {}, depth = 0, parent = undefined) {
  if (depth > 12 || !schema || typeof schema !== 'object') return out;
  const node = deref(schema, root, byId);
  const own = schema['x-label'] ?? node?.['x-label'];
  const label = own && parent ? { 'zh-CN': `${parent['zh-CN']}·${own['zh-CN']}`, en: `${parent.en} · ${own.en}` } : own;
  if (path && label) out[path] = label;
  if (!node) return out;
  const next = path ? label ?? parent : undefined;
  for (const [k, sub] of Object.entries(node.properties ?? {})) collectLabels(sub, root, byId, `${path}/${escapePointer(k)}`, out, depth + 1, next);
  if (node.items && !Array.isArray(node.items)) collectLabels(node.items, root, byId, `${path}/*`, out, depth + 1, next);
  for (const part of [...(node.allOf ?? []), node.then, node.else].filter(Boolean)) collectLabels(part, root, byId, path, out, depth + 1, parent);
  return out;
}

function explain(s, err) {
  const msg = String(err?.message ?? err);
  let pointer;
  const unknown = /unknown (?:keyword|format) "([^"]+)"/.exec(msg) ?? /unknown keyword: "([^"]+)"/.exec(msg);
  if (unknown) {
    pointer = /format/.test(msg)
      ? locate(s.schema, (n) => n.format === unknown[1])
      : locateKeyword(s.schema, unknown[1]);
  }
  const ref = /can't resolve reference (\S+)/.exec(msg);
  if (ref) pointer = locate(s.schema, (n) => n.$ref === ref[1]);
  return new GenError(s.file, pointer ?? '', msg);
}

// Several gen runs at once (parallel test runs) take turns through a lock folder.
const lock = `${outDir}.lock`;
async function withLock(fn) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock, { recursive: false });
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') {
        mkdirSync(dirname(lock), { recursive: true });
        continue;
      }
      // A lock older than two minutes belongs to a run that died.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        /* released meanwhile */
      }
      if (Date.now() > deadline) throw new Error(`gen: ${lock} is held by another run`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

withLock(main).catch((err) => {
  rmSync(tmpDir, { recursive: true, force: true });
  console.error(`gen failed: ${err instanceof GenError ? err.message : err.stack ?? err}`);
  process.exit(1);
});
