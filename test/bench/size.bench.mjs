// Gzipped size of each public entry point as a host's bundler would ship it: minified, tree
// shaken, code-split, lit excluded (a peer dependency the host already has). "Up front" is the
// entry plus everything it imports statically; what it loads on demand (a schema's validator,
// the complaint form's data and its inner <wy-schema-form>, an action form, the XLSX writer) is
// reported apart, by kind
// (validators, field labels, data, vendored libraries, code) beside it. Plus the self-registering bundle.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { readFileSync, readdirSync, existsSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { row } from './harness.mjs';

const gz = (buf) => gzipSync(buf, { level: 9 }).length / 1024;

async function sizes(entry) {
  const outdir = mkdtempSync(join(tmpdir(), 'wy-size-'));
  try {
    const r = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      splitting: true,
      format: 'esm',
      outdir,
      write: false,
      metafile: true,
      external: ['lit', 'lit/*', '@lit/*', '@lit-labs/*', 'idb', 'write-excel-file', 'write-excel-file/*'],
      logLevel: 'silent',
    });
    const files = new Map(r.outputFiles.map((f) => [resolve(f.path), f.contents]));
    const outputs = Object.entries(r.metafile.outputs).map(([k, v]) => [resolve(k), v]);
    const meta = new Map(outputs);
    const main = outputs.find(([, v]) => v.entryPoint && resolve(v.entryPoint) === resolve(entry))[0];
    const eager = new Set();
    const walk = (file) => {
      if (eager.has(file)) return;
      eager.add(file);
      for (const imp of meta.get(file)?.imports ?? []) if (imp.kind === 'import-statement' && !imp.external) walk(resolve(imp.path));
    };
    walk(main);
    let up = 0;
    let lazy = 0;
    const lazyInputs = new Map();
    for (const [file, contents] of files) {
      if (!file.endsWith('.js')) continue;
      if (eager.has(file)) up += gz(contents);
      else {
        lazy += gz(contents);
        for (const [input, v] of Object.entries(meta.get(file)?.inputs ?? {})) lazyInputs.set(input, (lazyInputs.get(input) ?? 0) + v.bytesInOutput);
      }
    }
    // What the on-demand chunks hold, by kind, each kind's share of their gzipped size (shared in
    // proportion to minified bytes): one validator per shipped schema reachable by \`$id\`, labels,
    // data (schemas, layouts, guides), vendored libraries, code.
    const kinds = new Map();
    let total = 0;
    for (const [input, bytes] of lazyInputs) {
      const m = /dist\/generated\/(validators|labels|vendor|data|schemas|vocab)\//.exec(input);
      const kind = m ? ({ validators: 'validators', labels: 'field labels', vendor: 'vendored libraries' }[m[1]] ?? 'data') : 'code';
      kinds.set(kind, (kinds.get(kind) ?? 0) + bytes);
      total += bytes;
    }
    const largest = [...kinds]
      .sort((a, b) => b[1] - a[1])
      .map(([kind, bytes]) => `${kind} ${((lazy * bytes) / total).toFixed(1)}`);
    return { up, lazy, largest };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** The bundle file plus the chunks it imports statically (its lazy chunks apart). */
function bundleSizes(file) {
  const seen = new Set();
  const walk = (f) => {
    if (seen.has(f)) return;
    seen.add(f);
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/(?:^|[;}\s])import\s*(?:[\w${}*,\s]+from\s*)?["'](\.[^"']+)["']/g)) walk(resolve(dirname(f), m[1]));
  };
  walk(resolve(file));
  const up = [...seen].reduce((s, f) => s + gz(readFileSync(f)), 0);
  const all = readdirSync('dist/bundle-chunks').map((f) => resolve('dist/bundle-chunks', f));
  const lazy = all.filter((f) => !seen.has(f)).reduce((s, f) => s + gz(readFileSync(f)), 0);
  return { up, lazy };
}

export default async function bench() {
  const entries = [
    ['wuye-kit (index, everything)', 'dist/index.js', 60],
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
    const { up, lazy, largest } = await sizes(file);
    const verdict = target ? `target < ${target} KB: ${up < target ? 'met' : 'missed'} (${(up / target).toFixed(2)}×)` : '';
    rows.push(row('size (min+gzip, lit excluded)', `${name}, up front`, up, 'KB', `${verdict}${lazy ? `${verdict ? '; ' : ''}+${lazy.toFixed(1)} KB loaded on demand: ${largest.join(', ')}` : ''}`));
  }
  const b = bundleSizes('dist/wuye-kit.bundle.js');
  rows.push(row('size (min+gzip, lit included)', 'dist/wuye-kit.bundle.js, up front', b.up, 'KB', `self-registering; +${b.lazy.toFixed(1)} KB of chunks loaded on demand (validators, Ajv, XLSX)`));
  return rows;
}
