// Gzipped size of each public entry point as a host's bundler would ship it: minified, tree
// shaken, lit excluded (a peer dependency the host already has) — plus the self-registering
// bundle with lit included.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { row } from './harness.mjs';

async function gz(entry, { external = true } = {}) {
  const r = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    external: external ? ['lit', 'lit/*', '@lit/*', '@lit-labs/*'] : [],
    logLevel: 'silent',
  });
  return gzipSync(r.outputFiles[0].contents, { level: 9 }).length / 1024;
}

export default async function bench() {
  const entries = [
    ['wuye-kit (index)', 'dist/index.js', 60],
    ['wuye-kit/define.js (whole kit)', 'dist/define.js', 60],
    ['wuye-kit/core', 'dist/core/index.js', undefined],
  ];
  if (existsSync('dist/workflow/index.js')) entries.push(['wuye-kit/workflow', 'dist/workflow/index.js', undefined]);
  for (const name of readdirSync('dist/components')) {
    const file = `dist/components/${name}/${name}.js`;
    if (existsSync(file)) entries.push([`wuye-kit/components/${name}.js`, file, 25]);
  }
  const rows = [];
  for (const [name, file, target] of entries) {
    const kb = await gz(file);
    rows.push(row('size (min+gzip, lit excluded)', name, kb, 'KB', target ? `target < ${target} KB` : ''));
  }
  const bundle = gzipSync(readFileSync('dist/wuye-kit.bundle.js'), { level: 9 }).length / 1024;
  rows.push(row('size (min+gzip, lit included)', 'dist/wuye-kit.bundle.js', bundle, 'KB', 'self-registering, for <script type=module>'));
  return rows;
}
