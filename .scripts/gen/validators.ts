// Precompiled validators: Ajv standalone code bundled into modules with zero imports (no Ajv,
// no eval at run time), a typed .d.ts for each, the shared validator types, the eager map
// (validators/index.ts, for core's synchronous validate()) and the on-demand map (lazy.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { build, type Plugin } from 'esbuild';
import { formatsModule, ucs2lengthModule, equalModule } from '../formats.mjs';
import { explain, type Compiled } from './compile.js';
import { BANNER, GenError, emit, idOf, pascal, type Inputs, type Paths } from './context.js';

/** Resolves the runtime requires of Ajv's standalone output to tiny, self-contained modules. */
function runtimePlugin(formatNames: readonly string[]): Plugin {
  const modules: Readonly<Record<string, () => string>> = {
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
      b.onLoad({ filter: /.*/, namespace: 'wy-runtime' }, (args) => ({ contents: modules[args.path]!(), loader: 'js' }));
    },
  };
}

/** Text a page must never load; gen refuses to write a validator containing any of it. */
const FORBIDDEN = ['new Function', 'eval(', 'require(', 'import ', 'import('];

export async function writeValidators(p: Paths, { main }: Inputs, compiled: Compiled): Promise<void> {
  for (const s of main) {
    const exportName = `validate${pascal(s.name)}`;
    let source: string;
    try {
      source = standaloneCode(compiled.ajv, compiled.validators[s.name]);
    } catch (err) {
      throw explain(s, err);
    }
    // Ajv's "esm" output still require()s its runtime helpers: turn each into an import so that
    // esbuild bundles plain ESM with no CommonJS wrappers.
    const imports: string[] = [];
    source = source.replace(/require\("([^"]+)"\)/g, (_m, spec: string) => {
      let i = imports.indexOf(spec);
      if (i < 0) i = imports.push(spec) - 1;
      return `__wy${i}`;
    });
    source = imports.map((spec, i) => `import * as __wy${i} from ${JSON.stringify(spec)};`).join('') + source.replace(/^"use strict";/, '');
    const result = await build({
      stdin: { contents: source, resolveDir: p.root, loader: 'js', sourcefile: `${s.name}.validator.js` },
      bundle: true,
      plugins: [runtimePlugin(compiled.formats)],
      format: 'esm',
      platform: 'neutral',
      target: 'es2020',
      write: false,
      minify: true,
      legalComments: 'none',
      logLevel: 'silent',
    });
    // standaloneCode exports the validator as default; export it under a stable name too.
    let code = result.outputFiles[0]!.text;
    const exportStmt = /export\s*\{([^}]*)\};?\s*$/.exec(code);
    const defaultName = exportStmt && /([\w$]+) as default/.exec(exportStmt[1]!)?.[1];
    if (!exportStmt || !defaultName) {
      writeFileSync(join(tmpdir(), `wy-gen-${s.name}.failed.js`), code);
      throw new GenError(s.file, undefined, 'could not find the validator export in the generated code');
    }
    code = `${code.slice(0, exportStmt.index)}export{${defaultName} as default,${defaultName} as ${exportName}};\n`;
    for (const bad of FORBIDDEN) {
      if (code.includes(bad)) {
        const keep = join(tmpdir(), `wy-gen-${s.name}.bad-validator.js`);
        writeFileSync(keep, code);
        throw new GenError(s.file, undefined, `generated validator contains "${bad}"; refusing to write it (kept in ${keep})`);
      }
    }
    emit(p, `validators/${s.name}.js`, `${BANNER}/* eslint-disable */\n${code}`);
    const title = s.schema['title'];
    const type = pascal(typeof title === 'string' ? title : s.name);
    emit(
      p,
      `validators/${s.name}.d.ts`,
      `${BANNER}import type { ${type} } from '../types/${s.name}.js';
import type { GeneratedValidator } from '../validator-types.js';

/** Precompiled validator for \`${idOf(s)}\`. */
export declare const ${exportName}: GeneratedValidator<${type}>;
export default ${exportName};
`,
    );
  }
  emit(
    p,
    'validators/lazy.ts',
    `${BANNER}import type { GeneratedValidator } from '../validator-types.js';

/** Loads one shipped schema's precompiled validator on demand, by \`$id\` (code-split per schema). */
export const loadValidator: Readonly<Record<string, () => Promise<GeneratedValidator<unknown>>>> = {
${main.map((s) => `  ${JSON.stringify(idOf(s))}: () => import('./${s.name}.js').then((m) => m.default as GeneratedValidator<unknown>),`).join('\n')}
};

/** The same by short name (\`complaint\`), with the schema's field labels. */
export const loadValidatorByName: Readonly<
  Record<string, () => Promise<{ validator: GeneratedValidator<unknown>; labels: Readonly<Record<string, { readonly 'zh-CN': string; readonly en: string }>> }>>
> = {
${main.map((s) => `  ${JSON.stringify(s.name)}: () => Promise.all([import('./${s.name}.js'), import('../labels/${s.name}.js')]).then(([v, l]) => ({ validator: v.default as GeneratedValidator<unknown>, labels: l.default })),`).join('\n')}
};
`,
  );
  emit(
    p,
    'validator-types.ts',
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
  emit(
    p,
    'validators/index.ts',
    `${BANNER}import type { GeneratedValidator } from '../validator-types.js';
${main.map((s) => `import { validate${pascal(s.name)} } from './${s.name}.js';`).join('\n')}

/** Every shipped schema's precompiled validator, by short name (file name without .schema.json). */
export const validators: Readonly<Record<string, GeneratedValidator<unknown>>> = {
${main.map((s) => `  ${JSON.stringify(s.name)}: validate${pascal(s.name)},`).join('\n')}
};

/** Schema \`$id\` → short name. */
export const schemaIds: Readonly<Record<string, string>> = {
${main.map((s) => `  ${JSON.stringify(idOf(s))}: ${JSON.stringify(s.name)},`).join('\n')}
};
`,
  );
}
