// `wuye-kit compile`: a custom schema → one self-contained ES module exporting its validator
// (Ajv standalone code, bundled by esbuild into a module with zero imports), the same recipe
// .scripts/gen/compile.ts uses for the shipped schemas. The result runs under a CSP without
// 'unsafe-eval'; give it to <wy-schema-form> as `precompiled`.
//
// Ajv, ajv-formats and esbuild are build tools, not runtime dependencies of wuye-kit: they are
// loaded here by name at run time, and a clear message says how to install them when missing.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locale } from '../core/i18n/locale.js';
import { prepareAjv, type Shipped } from './check.js';
import { cliText } from './messages.js';

/** A problem that stops compile (missing tools, unsafe output); the CLI prints it and exits 1. */
export class CompileError extends Error {
  override readonly name = 'CompileError';
  constructor(
    message: string,
    readonly reason: 'deps' | 'unsafe' | 'output',
  ) {
    super(message);
  }
}

export interface Tools {
  Ajv: new (o: Record<string, unknown>) => unknown;
  addFormats: (ajv: unknown) => unknown;
  standaloneCode: (ajv: unknown, validate: unknown) => string;
  build: (o: Record<string, unknown>) => Promise<{ outputFiles: { text: string }[]; metafile?: { outputs: Record<string, { imports: unknown[] }> } }>;
}

// Specifiers in variables: bundlers building the CLI must leave these to Node at run time.
const load = (spec: string): Promise<Record<string, unknown>> => import(spec) as Promise<Record<string, unknown>>;
const defaultOf = (m: Record<string, unknown>): unknown => {
  const d = m['default'] as Record<string, unknown> | undefined;
  return d && typeof d === 'object' && 'default' in d ? d['default'] : (d ?? m);
};

/** Loads Ajv, ajv-formats and esbuild; `loader` is for tests that simulate a machine without them. */
export async function loadTools(locale: Locale, loader: (spec: string) => Promise<Record<string, unknown>> = load): Promise<Tools> {
  const load = loader;
  try {
    const [ajv, formats, standalone, esbuild] = await Promise.all([load('ajv'), load('ajv-formats'), load('ajv/dist/standalone/index.js'), load('esbuild')]);
    return {
      Ajv: defaultOf(ajv) as Tools['Ajv'],
      addFormats: defaultOf(formats) as Tools['addFormats'],
      standaloneCode: defaultOf(standalone) as Tools['standaloneCode'],
      build: (esbuild['build'] ?? (esbuild['default'] as Record<string, unknown>)['build']) as Tools['build'],
    };
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') throw new CompileError(cliText(locale, 'compile.deps'), 'deps');
    throw err;
  }
}

export interface CompiledValidator {
  /** The ES module: `export default validate` and `export { validate }`. */
  readonly code: string;
  /** Its declaration, without Ajv types. */
  readonly dts: string;
}

const FORBIDDEN = ['new Function', 'eval(', 'require('];

/**
 * Compiles `schema` (already checked: draft-07, valid) into a standalone module.
 * `tools`: default, loaded by name from the project's node_modules.
 */
export async function compileSchema(schema: object, shipped: Shipped, locale: Locale, tools?: Tools): Promise<CompiledValidator> {
  const { Ajv, addFormats, standaloneCode, build } = tools ?? (await loadTools(locale));
  // Strict off: `check` reported Ajv's strict-mode notes as warnings; valid draft-07 compiles.
  const ajv = prepareAjv(Ajv, shipped, { code: { source: true, esm: true, optimize: true }, messages: false, inlineRefs: true, strict: false }, (schema as { $id?: unknown }).$id);
  addFormats(ajv);
  const validate = ajv.compile(schema);
  let source = standaloneCode(ajv, validate);
  // Ajv's "esm" output still require()s its runtime helpers and the formats table: make each an
  // import, so esbuild bundles plain ESM with no CommonJS wrapper.
  const imports: string[] = [];
  source = source.replace(/require\("([^"]+)"\)/g, (_m, spec: string) => {
    let i = imports.indexOf(spec);
    if (i < 0) i = imports.push(spec) - 1;
    return `__wy${i}`;
  });
  source = imports.map((spec, i) => `import * as __wy${i} from ${JSON.stringify(spec)};`).join('') + source.replace(/^"use strict";/, '');
  const result = await build({
    stdin: { contents: source, resolveDir: dirname(fileURLToPath(import.meta.url)), loader: 'js', sourcefile: 'validator.js' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2020',
    write: false,
    minify: true,
    metafile: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  let code = result.outputFiles[0]!.text;
  const exportStmt = /export\s*\{([^}]*)\};?\s*$/.exec(code);
  const name = exportStmt && /([\w$]+) as default/.exec(exportStmt[1]!)?.[1];
  if (!exportStmt || !name) throw new CompileError('could not find the validator export in the generated code', 'output');
  code = `${code.slice(0, exportStmt.index)}export{${name} as default,${name} as validate};\n`;
  // Ajv's runtime helpers (ucs2length, equal, …) carry their own import line as a string
  // (`f.code = 'require("ajv/dist/runtime/…")'`) for Ajv's code generator: dead text here, and
  // it would trip the check below, so drop it.
  code = code.replace(/[\w$]+\.code=(['"])require\("ajv\/dist\/runtime\/[\w./-]+"\)(?:\.default)?\1/g, '0');
  for (const what of FORBIDDEN) if (code.includes(what)) throw new CompileError(cliText(locale, 'compile.unsafe', { what }), 'unsafe');
  const outputs = Object.values(result.metafile?.outputs ?? {});
  if (outputs.some((o) => o.imports.length > 0)) throw new CompileError(cliText(locale, 'compile.unsafe', { what: 'import' }), 'unsafe');
  const id = (schema as { $id?: unknown }).$id;
  const banner = `// Generated by \`wuye-kit compile\`${typeof id === 'string' ? ` from ${id}` : ''}. Do not edit: change the schema and compile again.\n`;
  return {
    code: `${banner}/* eslint-disable */\n${code}`,
    dts: `${banner}/** One error of the precompiled validator (wuye-kit words its own messages). */
export interface ValidatorError {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
}
/** Precompiled validator${typeof id === 'string' ? ` for \`${id}\`` : ''}: pass it to <wy-schema-form> as \`precompiled\`. */
export declare const validate: {
  (data: unknown): boolean;
  errors?: readonly ValidatorError[] | null;
};
export default validate;
`,
  };
}
