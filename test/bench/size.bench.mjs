// Gzipped size of each public entry point as a host's bundler ships it: minified, tree shaken,
// code-split. Only the peer dependencies a host already has are left out (lit — lit-html,
// lit-element, @lit/reactive-element — and @lit/context); the runtime dependencies
// (@lit-labs/virtualizer, idb, write-excel-file) count where they are imported: up front when an
// entry imports them statically, on demand when it loads them later.
//
// For each entry: "up front" (the entry plus every chunk it imports statically) with what it is
// made of, and "on demand" (every chunk it may import later) with what that holds — by part: an
// element's folder, a core area, the workflow runtime, shared element code, one shipped validator,
// data (schemas, layouts, vocabularies, labels), a vendored or npm library. A part's share of a
// chunk's gzipped size is in proportion to its minified bytes in that chunk.
//
// Bundled twice: esbuild (splitting) gives the figures and their make-up; rollup with
// node-resolve (what Vite builds with), each chunk minified by esbuild, is the cross-check in the
// note. Host rows — what `import { name } from 'wuye-kit'` costs through the package's
// `sideEffects` list, and whether it registers an element (it must not) — use rollup only:
// esbuild's code splitting keeps modules a dynamic import elsewhere in the graph uses, so it
// overstates a named import (rollup, webpack and a non-splitting esbuild do not). Plus the
// self-registering bundle.
import { build, transform } from 'esbuild';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { gzipSync } from 'node:zlib';
import { readFileSync, readdirSync, existsSync, rmSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { row } from './harness.mjs';

const gz = (buf) => gzipSync(buf, { level: 9 }).length / 1024;
/** Peer dependencies: the host has them already. */
const PEERS = ['lit', 'lit/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*', '@lit/reactive-element', '@lit/reactive-element/*', '@lit/context', '@lit/context/*'];
const ELEMENT_TARGET = 25;
const KIT_TARGET = 60;

/** What part of the kit an input file is (see the header). */
function partOf(input) {
  const dep = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (dep) return `npm ${dep[1]}`;
  const p = input.replace(/^.*?dist\//, '');
  let m;
  if ((m = /^generated\/validators\/([^/.]+)/.exec(p))) return `validator ${m[1]}`;
  if ((m = /^generated\/vendor\/([^/.]+)/.exec(p))) return `vendored ${m[1]}`;
  if (p.startsWith('generated/')) return 'data';
  if ((m = /^components\/([^/]+)\//.exec(p))) return m[1] === 'shared' ? 'shared element code' : m[1];
  if ((m = /^core\/([^/]+)\//.exec(p))) return `core/${m[1]}`;
  if (p.startsWith('core/')) return 'core';
  if (p.startsWith('workflow/')) return 'workflow';
  return p.replace(/\.js$/, '');
}

/** "a 9.1, b 7.2, …" for the largest parts; the rest summed. */
function describe(parts, total, limit) {
  const list = [...parts].sort((a, b) => b[1] - a[1]);
  const shown = list.slice(0, limit).map(([k, v]) => `${k} ${v.toFixed(1)}`);
  const rest = list.slice(limit);
  if (rest.length) shown.push(`${rest.length} more ${rest.reduce((s, [, v]) => s + v, 0).toFixed(1)}`);
  return total ? shown.join(', ') : '';
}

/** Up front and on demand for one entry file, with what each is made of. */
export async function sizes(entry) {
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
      external: PEERS,
      logLevel: 'silent',
    });
    const files = new Map(r.outputFiles.map((f) => [resolve(f.path), f.contents]));
    const meta = new Map(Object.entries(r.metafile.outputs).map(([k, v]) => [resolve(k), v]));
    const main = [...meta].find(([, v]) => v.entryPoint && resolve(v.entryPoint) === resolve(entry))[0];
    const eager = new Set();
    const walk = (file) => {
      if (eager.has(file)) return;
      eager.add(file);
      for (const imp of meta.get(file)?.imports ?? []) if (imp.kind === 'import-statement' && !imp.external) walk(resolve(imp.path));
    };
    walk(main);
    const out = { up: 0, lazy: 0, upParts: new Map(), lazyParts: new Map(), registers: [] };
    for (const [file, contents] of files) {
      if (!file.endsWith('.js')) continue;
      const size = gz(contents);
      const isUp = eager.has(file);
      const inputs = Object.entries(meta.get(file)?.inputs ?? {});
      if (isUp) {
        out.up += size;
        // A registration module (define.js, components/<name>/<name>.js) in the up-front code.
        for (const [input, v] of inputs) {
          const m = /dist\/(?:define\.js$|components\/([^/]+)\/\1\.js$)/.exec(input);
          if (m && v.bytesInOutput > 0) out.registers.push(m[1] ?? 'define.js');
        }
      } else out.lazy += size;
      const bytes = inputs.reduce((s, [, v]) => s + v.bytesInOutput, 0) || 1;
      const parts = isUp ? out.upParts : out.lazyParts;
      for (const [input, v] of inputs) {
        const part = partOf(input);
        parts.set(part, (parts.get(part) ?? 0) + (size * v.bytesInOutput) / bytes);
      }
    }
    return out;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const PEER_RE = /^(lit|lit-html|lit-element|@lit\/reactive-element|@lit\/context)(\/|$)/;

/** Up front and on demand as rollup + node-resolve splits the entry (chunks minified by esbuild). */
export async function rollupSizes(entry) {
  const b = await rollup({ input: entry, external: (id) => PEER_RE.test(id), plugins: [nodeResolve({ browser: true })], onwarn() {} });
  try {
    const { output } = await b.generate({ format: 'es' });
    const chunks = new Map(output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
    const eager = new Set();
    const walk = (name) => {
      if (eager.has(name)) return;
      eager.add(name);
      for (const i of chunks.get(name).imports) if (chunks.has(i)) walk(i);
    };
    walk(output.find((o) => o.type === 'chunk' && o.isEntry).fileName);
    const out = { up: 0, lazy: 0, registers: [] };
    for (const [name, c] of chunks) {
      const size = gz((await transform(c.code, { minify: true, format: 'esm' })).code);
      if (!eager.has(name)) {
        out.lazy += size;
        continue;
      }
      out.up += size;
      for (const [id, m] of Object.entries(c.modules)) {
        const reg = /dist\/(?:define\.js$|components\/([^/]+)\/\1\.js$)/.exec(id);
        if (reg && m.renderedLength > 0) out.registers.push(reg[1] ?? 'define.js');
      }
    }
    return out;
  } finally {
    await b.close();
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
  const all = existsSync('dist/bundle-chunks') ? readdirSync('dist/bundle-chunks').map((f) => resolve('dist/bundle-chunks', f)) : [];
  const lazy = all.filter((f) => !seen.has(f)).reduce((s, f) => s + gz(readFileSync(f)), 0);
  return { up, lazy };
}

const verdict = (up, target) => (target ? `target ≤ ${target} KB: ${up <= target ? 'met' : 'missed'} (${(up / target).toFixed(2)}×)` : '');

/** What a host's named import costs: a one-line module importing `name` from the package by its name. */
async function hostImport(dir, name) {
  const file = join(dir, `import-${name}.mjs`);
  writeFileSync(file, `import { ${name} } from 'wuye-kit';\nconsole.log(${name});\n`);
  return rollupSizes(file);
}

export default async function bench() {
  const entries = [
    ['wuye-kit (index: everything, nothing registered)', 'dist/index.js', undefined],
    ['wuye-kit/define.js (every element)', 'dist/define.js', KIT_TARGET],
    ['wuye-kit/core', 'dist/core/index.js', undefined],
  ];
  if (existsSync('dist/workflow/index.js')) entries.push(['wuye-kit/workflow', 'dist/workflow/index.js', undefined]);
  for (const name of readdirSync('dist/components').sort()) {
    const file = `dist/components/${name}/${name}.js`;
    if (existsSync(file)) entries.push([`wuye-kit/components/${name}.js`, file, ELEMENT_TARGET]);
  }
  const rows = [];
  const b = 'size (min+gzip, lit excluded)';
  for (const [name, file, target] of entries) {
    const s = await sizes(file);
    const r = await rollupSizes(file);
    const detail = name.includes('define') ? 12 : 6;
    const cross = `rollup ${r.up.toFixed(1)}${target ? ` (${r.up <= target ? 'met' : 'missed'}, ${(r.up / target).toFixed(2)}×)` : ''}`;
    rows.push(row(b, `${name}, up front`, s.up, 'KB', [verdict(s.up, target), cross, describe(s.upParts, s.up, detail)].filter(Boolean).join('; ')));
    if (s.lazy > 0.05) rows.push(row(b, `${name}, on demand`, s.lazy, 'KB', `rollup ${r.lazy.toFixed(1)}; ${describe(s.lazyParts, s.lazy, detail)}`));
  }
  // Named imports from `wuye-kit`, as a host writes them: only what the name needs, nothing registered.
  const dir = 'test/bench/.out/size-host';
  mkdirSync(dir, { recursive: true });
  for (const name of ['routeComplaint', 'createEngine', 'WyComplaintForm']) {
    const s = await hostImport(dir, name);
    rows.push(row(b, `import { ${name} } from 'wuye-kit' (rollup), up front`, s.up, 'KB', `${s.registers.length ? `REGISTERS ${s.registers.join(', ')} (it must not)` : 'registers no element'}; +${s.lazy.toFixed(1)} KB on demand`));
  }
  const bundle = bundleSizes('dist/wuye-kit.bundle.js');
  rows.push(row('size (min+gzip, lit included)', 'dist/wuye-kit.bundle.js, up front', bundle.up, 'KB', `self-registering; +${bundle.lazy.toFixed(1)} KB of chunks loaded on demand (validators, Ajv, XLSX)`));
  return rows;
}
