#!/usr/bin/env node
// npm run build: the Custom Elements Manifest and the React wrappers made from it, rollup (ESM +
// bundle), .d.ts from tsc, the generated validators' hand-written .d.ts (tsc does not copy them).
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
const bin = (name) => join('node_modules', '.bin', name);

rmSync('dist', { recursive: true, force: true });
// The manifest first: the React wrappers (src/react/elements.ts) are made from it.
run(bin('cem'), ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet']);
if (!existsSync('dist/custom-elements.json')) throw new Error('custom-elements.json was not written');
run(process.execPath, ['.scripts/react-wrappers.mjs']);
run(bin('rollup'), ['-c', '--silent']);
run(bin('tsc'), ['-p', 'tsconfig.build.json']);
// Generated JavaScript modules (validators, vendored libraries) come with hand-written .d.ts.
for (const dir of ['validators', 'vendor']) {
  for (const f of readdirSync(join('src/generated', dir))) {
    if (f.endsWith('.d.ts')) cpSync(join('src/generated', dir, f), join('dist/generated', dir, f));
  }
}
// `wuye-kit/components/<name>.js` (the exports map's `./components/*.js`) is a flat module beside
// each element's folder: one `*` in the exports map, resolved the same by Node, TypeScript,
// esbuild, Vite and webpack.
for (const name of readdirSync('dist/components')) {
  if (!existsSync(join('dist/components', name, `${name}.js`))) continue; // shared code, not an element
  const body = `export * from './${name}/${name}.js';\n`;
  writeFileSync(join('dist/components', `${name}.js`), `// Registers <wy-${name}>.\n${body}`);
  writeFileSync(join('dist/components', `${name}.d.ts`), body);
}
console.log('build: dist/ written');
