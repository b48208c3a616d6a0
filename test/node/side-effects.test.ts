// package.json's `sideEffects` tells a host's bundler which of the package's modules do something
// when imported (register an element, a widget): every other module is dropped when none of its
// exports is used, so `import { routeComplaint } from 'wuye-kit'` does not pull every element.
// Leaving a registering module out would make bundlers (Vite in Storybook, webpack, esbuild, rollup)
// drop `import 'wuye-kit/components/x.js'` and hosts would get empty elements: these tests hold the
// list against the sources, and bundle the built package as a host does to see what stays.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build } from 'esbuild';

const repo = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { sideEffects?: unknown };
const list = pkg.sideEffects;

/** The sideEffects patterns as bundlers read them (`*` within a folder, `**` across folders). */
function matcher(patterns: readonly string[]): (path: string) => boolean {
  const res = patterns.map((p) => {
    const body = p
      .replace(/^\.\//, '')
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*\*/g, '\u0000')
      .replace(/\*/g, '[^/]*')
      .replace(/\u0000/g, '.*');
    return new RegExp(`^${body}$`);
  });
  return (path) => res.some((re) => re.test(path));
}

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) files(p, out);
    else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/**
 * Top-level statements that run code: calls, `if`, `for`. (A bare `import './x.js'` is not one:
 * a bundler keeps it whenever the importing module stays, and `x.js` is checked itself.)
 */
const ACTS = /^(?:[A-Za-z_$][\w$.]*\s*\(|if\s*\(|for\s*\()/m;

test('sideEffects is a list (not false): the registering modules are kept', () => {
  assert.ok(Array.isArray(list), 'package.json sideEffects must be an array of patterns');
  assert.ok(list.every((p) => typeof p === 'string'));
});

test('every source module that acts when imported is listed (src and its dist file)', () => {
  const listed = matcher(list as string[]);
  const src = join(repo, 'src');
  const acting = files(src)
    .map((f) => relative(repo, f))
    .filter((f) => !/^src\/(cli|server|generated)\//.test(f))
    .filter((f) => ACTS.test(readFileSync(join(repo, f), 'utf8')));
  // The registration modules are there, so the scan finds what it looks for.
  assert.ok(acting.includes('src/components/complaint-form/complaint-form.ts'), acting.join(', '));
  assert.ok(acting.includes('src/components/schema-form/schema-form.ts'));
  for (const f of acting) {
    assert.ok(listed(f), `${f} acts when imported but is not in package.json sideEffects`);
    const dist = f.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js').replace(/^dist\/bundle\.js$/, 'dist/wuye-kit.bundle.js');
    assert.ok(listed(dist), `${dist} (built from ${f}) is not in package.json sideEffects`);
  }
});

test('the entry modules that register by importing are listed: define.js, the bundle, the React wrappers', () => {
  const listed = matcher(list as string[]);
  for (const f of ['src/define.ts', 'dist/define.js', 'src/bundle.ts', 'dist/wuye-kit.bundle.js', 'src/react/elements.ts', 'dist/react/elements.js']) assert.ok(listed(f), f);
});

test('each element: its folder module and the flat `wuye-kit/components/<name>.js` are listed; its class module is not', () => {
  const listed = matcher(list as string[]);
  const names = readdirSync(join(repo, 'src/components')).filter((n) => existsSync(join(repo, 'src/components', n, `${n}.ts`)));
  assert.ok(names.length >= 8, names.join(', '));
  for (const n of names) {
    assert.ok(listed(`dist/components/${n}.js`), `dist/components/${n}.js`);
    assert.ok(listed(`dist/components/${n}/${n}.js`), `dist/components/${n}/${n}.js`);
    assert.ok(!listed(`dist/components/${n}/${n}.component.js`), `${n}.component.js is listed: its class would never be tree-shaken`);
  }
  assert.ok(!listed('dist/index.js') && !listed('dist/core/index.js') && !listed('dist/components/shared/lazy.js'));
});

/** Bundles a one-line host module against the built package (esbuild, resolving `wuye-kit` to itself). */
async function bundle(source: string): Promise<string> {
  const r = await build({
    stdin: { contents: source, resolveDir: repo, sourcefile: 'host.mjs', loader: 'js' },
    bundle: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
    external: ['lit', 'lit/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*', '@lit/*', '@lit-labs/*', 'idb', 'write-excel-file', 'react'],
  });
  return r.outputFiles[0]!.text;
}

const defined = (code: string) => [...code.matchAll(/customElements\.define\("(wy-[a-z-]+)"/g)].map((m) => m[1]);

test('bundled as a host does: a named import registers nothing and leaves the elements out; registration imports register', { skip: !existsSync(join(repo, 'dist/index.js')) && 'needs npm run build' }, async () => {
  const named = await bundle(`import { routeComplaint } from 'wuye-kit'; console.log(routeComplaint({}));`);
  assert.deepEqual(defined(named), []);
  assert.ok(!named.includes('class WyDefectChecklist') && !named.includes('class WySchemaForm'), 'element classes stayed in a bundle that uses none');
  assert.ok(named.includes('service-centre'), 'the routing table is in the bundle');
  const one = await bundle(`import 'wuye-kit/components/complaint-form.js';`);
  assert.ok(defined(one).includes('wy-complaint-form'), 'wuye-kit/components/complaint-form.js no longer registers its element');
  const all = defined(await bundle(`import 'wuye-kit/define.js';`));
  for (const tag of ['wy-kit-provider', 'wy-error-summary', 'wy-defect-checklist', 'wy-workflow-panel', 'wy-deduction-calculator', 'wy-complaint-form', 'wy-complaint-stats']) {
    assert.ok(all.includes(tag), `define.js bundled without ${tag}`);
  }
  // <wy-schema-form> and its fields register through one loop (schema-form.ts).
  assert.ok((await bundle(`import 'wuye-kit/define.js';`)).includes('"wy-schema-form"'));
});
