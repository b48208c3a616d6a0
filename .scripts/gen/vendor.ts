// Runtime libraries that ship CommonJS only, re-bundled as ES modules so that browsers, test
// servers and bundlers import them without CommonJS interop, each with a .d.ts of the part used.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { BANNER, emit, type Paths } from './context.js';

/** Bundles `contents` (imports of CommonJS packages) into one ES module under vendor/. */
async function vendorModule(p: Paths, file: string, contents: string, options: BuildOptions, credit: (version: (pkg: string) => string) => string): Promise<void> {
  const r = await build({
    stdin: { contents, resolveDir: p.root, loader: 'js' },
    bundle: true,
    format: 'esm',
    target: 'es2020',
    write: false,
    minify: true,
    legalComments: 'inline',
    logLevel: 'silent',
    ...options,
  });
  const version = (pkg: string): string => (JSON.parse(readFileSync(join(p.root, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  emit(p, `vendor/${file}`, `${BANNER}// ${credit(version)}\n/* eslint-disable */\n${r.outputFiles![0]!.text}`);
}

export async function writeVendor(p: Paths): Promise<void> {
  await vendorModule(
    p,
    'json-logic.js',
    "import jsonLogic from 'json-logic-js'; export default jsonLogic;",
    { platform: 'neutral', mainFields: ['module', 'main'] },
    (v) => `json-logic-js ${v('json-logic-js')} (MIT, Jeremy Wadhams, jsonlogic.com), re-bundled as an ES module.`,
  );
  emit(
    p,
    'vendor/json-logic.d.ts',
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
    p,
    'ajv.js',
    "import Ajv from 'ajv'; import addFormats from 'ajv-formats'; export { Ajv, addFormats };",
    { platform: 'browser' },
    (v) => `ajv ${v('ajv')} and ajv-formats (MIT), re-bundled as one ES module for the run-time compile path.`,
  );
  emit(
    p,
    'vendor/ajv.d.ts',
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
}
