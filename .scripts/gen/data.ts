// Data files the runtime ships as modules, so every tool (tsc, rollup, test servers, Storybook)
// imports them without JSON-module support: each top-level data file (UI schemas, default rule
// sets, common problems, the complaint definition…) as one module, and workflows/ and
// calendars/ as one module each, by file name. Provenance notes and `$comment`s stay in the JSON.
import { readdirSync, existsSync } from 'node:fs';
import { join, basename } from 'node:path';
import { stripProvenance } from './provenance.js';
import { BANNER, emit, readJson, type Paths } from './context.js';

export function writeDataModules(p: Paths): void {
  for (const f of readdirSync(p.schemaDir).filter((x) => x.endsWith('.json') && !x.endsWith('.schema.json')).sort()) {
    emit(
      p,
      `data/${basename(f, '.json')}.ts`,
      `${BANNER}/** schemas/${f} */\nconst data: unknown = ${JSON.stringify(stripProvenance(readJson(join(p.schemaDir, f)), false), null, 2)};\nexport default data;\n`,
    );
  }
  for (const folder of ['workflows', 'calendars']) {
    const dir = join(p.schemaDir, folder);
    if (!existsSync(dir)) continue;
    const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
    emit(
      p,
      `data/${folder}.ts`,
      `${BANNER}/** schemas/${folder}/*.json by file name (without .json). */
export const ${folder}: Readonly<Record<string, unknown>> = {
${files.map((f) => `  ${JSON.stringify(basename(f, '.json'))}: ${JSON.stringify(stripProvenance(readJson(join(dir, f)), false))},`).join('\n')}
};
`,
    );
  }
}
