// Vocabularies (schemas/vocab/*.json), one module each so code imports only the lists it uses:
//   vocab/<name>.ts            codes in order and their zh-CN/en labels, `as const`, with the code union type
//   vocab.ts                   every vocabulary by camelCase name (for lookups by name), built from the above
//   schemas/vocab/<name>.ts    the vocabulary as a schema (forms resolve `$ref`s to it), sharing the same arrays
//   schemas/vocab/index.ts     those schemas by `$id`
import { relative } from 'node:path';
import { stripProvenance } from './provenance.js';
import { BANNER, camel, emit, idOf, pascal, type Inputs, type Json, type Paths } from './context.js';

export function writeVocabularies(p: Paths, { vocab }: Inputs): void {
  for (const v of vocab) {
    const name = camel(v.name);
    const labels = stripProvenance(v.schema['x-labels'] ?? {});
    emit(
      p,
      `vocab/${v.name}.ts`,
      `${BANNER}/** ${relative(p.root, v.file)}: the codes in order and their zh-CN and en labels. */
export const ${name} = ${JSON.stringify({ id: idOf(v), codes: v.schema['enum'], labels }, null, 2)} as const;

export type ${pascal(v.name)} = (typeof ${name})['codes'][number];
export default ${name};
`,
    );
    // The schema module: every other keyword as written, enum and labels shared with the list above.
    const stripped = stripProvenance(v.schema) as Record<string, Json>;
    const entries = Object.entries(stripped).map(([k, val]) =>
      k === 'enum' ? `  "enum": ${name}.codes,` : k === 'x-labels' ? `  "x-labels": ${name}.labels,` : `  ${JSON.stringify(k)}: ${JSON.stringify(val, null, 2).replace(/\n/g, '\n  ')},`,
    );
    emit(
      p,
      `schemas/vocab/${v.name}.ts`,
      `${BANNER}/** ${relative(p.root, v.file)} */
import { ${name} } from '../../vocab/${v.name}.js';

const schema: Readonly<Record<string, unknown>> = {
${entries.join('\n')}
};
export default schema;
`,
    );
  }
  emit(
    p,
    'schemas/vocab/index.ts',
    `${BANNER}/** Every vocabulary schema by \`$id\`, so shipped schemas' \`$ref\`s resolve at run time (forms). */
${vocab.map((v) => `import ${camel(v.name)} from './${v.name}.js';`).join('\n')}

export const vocabById: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
${vocab.map((v) => `  ${JSON.stringify(idOf(v))}: ${camel(v.name)},`).join('\n')}
};
`,
  );
  emit(
    p,
    'vocab.ts',
    `${BANNER}/**
 * Every vocabulary in schemas/vocab: its codes in order and their zh-CN and en labels. This module
 * carries all of them (for lookups by name); code that knows which list it needs imports that one
 * from \`./vocab/<name>.js\` and carries only that.
 */
${vocab.map((v) => `import { ${camel(v.name)} } from './vocab/${v.name}.js';`).join('\n')}

export const vocab = {
${vocab.map((v) => `  ${camel(v.name)},`).join('\n')}
} as const;

export type VocabName = keyof typeof vocab;
${vocab.map((v) => `export type { ${pascal(v.name)} } from './vocab/${v.name}.js';`).join('\n')}
`,
  );
}
