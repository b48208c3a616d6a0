// The host-consumer suite: wuye-kit as a host team gets it. One `npm pack` of a fresh copy of
// this tree (what `git clone` gives: no dist/, no src/generated/; `prepack` must build), one
// install of the tarball into a throwaway host under the OS temp dir, then every check below
// reuses them:
//   - the tarball ships dist/, schemas/, README.md and nothing of src/ or test/;
//   - every entry point of the exports map (listed from package.json, so new ones are covered)
//     resolves to a file in the tarball, imports in Node, bundles with esbuild and with Vite;
//   - the Vite app and the plain-HTML bundle page register every element of the manifest in
//     headless Chromium (field elements the schema form loads on demand may come later);
//   - a host file using every entry point type-checks under `strict`,
//     `exactOptionalPropertyTypes`, `noUncheckedSideEffectImports`, `skipLibCheck: false`, with
//     `moduleResolution` bundler and node16;
//   - the README's snippets marked `<!-- host-check … -->` compile (the text after `host-check`
//     is declarations the snippet assumes, e.g. `declare const actor: Actor;`);
//   - the imports and builds run before React is installed (as most hosts have none); then with
//     React, `wuye-kit/react` bundles and type-checks too.
// Installs use `npm install --prefer-offline` (the npm cache first, then the npm registry).
// WY_HOST_TARBALL=<path.tgz> skips the fresh copy and the pack (to iterate on the checks).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
// @ts-expect-error: a plain .mjs helper without types
import { serveStatic } from '../support/static-server.mjs';
// @ts-expect-error: a plain .mjs helper without types
import { launch } from '../support/browser.mjs';

const repo = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
  name: string;
  exports: Record<string, string | Record<string, string>>;
  peerDependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
};
const bin = (name: string) => join(repo, 'node_modules', '.bin', name);
const REACT_ENTRY = './react';
/** Browser-only: lit's browser build is inside; Node hosts import `wuye-kit` or an element's module. */
const BROWSER_ONLY = new Set(['./bundle.js']);

let work: string;
let host: string;
let tarball: string;
let packed: string[] = [];

function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

function npmInstall(specs: string[]): void {
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', ...specs], host);
}

/** The peer or dev dependency range this repo uses for `name`, as an install spec. */
const spec = (name: string) => `${name}@${pkg.peerDependencies[name] ?? pkg.devDependencies[name]}`;

/** A copy of the tree as `git clone` would give it: tracked and new (not ignored) files only. */
function freshCopy(to: string): void {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repo, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const f of files) {
    if (!existsSync(join(repo, f))) continue; // deleted in the working tree
    mkdirSync(dirname(join(to, f)), { recursive: true });
    cpSync(join(repo, f), join(to, f));
  }
  symlinkSync(join(repo, 'node_modules'), join(to, 'node_modules'), 'dir');
}

/** Every entry point a host can name: the exports map, `*` patterns expanded from the tarball. */
interface Entry {
  entry: string;
  specifier: string;
  target: string;
  types?: string;
  /** A `node` condition and no `browser` one (`wuye-kit/server`): imported by Node, not bundled for a page. */
  nodeOnly: boolean;
}
function entryPoints(): Entry[] {
  const out: Entry[] = [];
  for (const [key, value] of Object.entries(pkg.exports)) {
    const target = typeof value === 'string' ? value : (value['default'] ?? value['import']!);
    const types = typeof value === 'string' ? undefined : value['types'];
    const nodeOnly = typeof value !== 'string' && 'node' in value && !('browser' in value);
    const specifier = key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`;
    if (!key.includes('*')) {
      out.push({ entry: key, specifier, target, nodeOnly, ...(types ? { types } : {}) });
      continue;
    }
    // `./components/*.js` → `./dist/components/*.js`: every packed file that matches the target.
    const [pre, post] = target.slice(2).split('*') as [string, string];
    for (const file of packed) {
      if (!file.startsWith(pre) || !file.endsWith(post) || file.length <= pre.length + post.length) continue;
      const star = file.slice(pre.length, file.length - post.length);
      if (star.includes('/') && !post.endsWith('.json')) continue; // a module inside an element's folder, not an entry
      if (key === './schemas/*' && !file.endsWith('.json')) continue;
      out.push({ entry: key, specifier: `${pkg.name}/${key.slice(2).replace('*', star)}`, target: `./${file}`, nodeOnly, ...(types ? { types: types.replace('*', star) } : {}) });
    }
  }
  return out;
}

const isJson = (e: { target: string }) => e.target.endsWith('.json');
const codeEntries = () => entryPoints().filter((e) => !isJson(e) && e.entry !== REACT_ENTRY && !e.target.startsWith('./dist/cli/'));
/** Entry points a page imports (everything but React's and the Node-only ones). */
const jsEntries = () => codeEntries().filter((e) => !e.nodeOnly);
/** Node-only entry points (`wuye-kit/server`). */
const nodeEntries = () => codeEntries().filter((e) => e.nodeOnly);

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'wy-host-'));
  if (process.env['WY_HOST_TARBALL']) {
    tarball = resolve(process.env['WY_HOST_TARBALL']);
  } else {
    const tree = join(work, 'clone');
    freshCopy(tree);
    assert.ok(!existsSync(join(tree, 'dist')) && !existsSync(join(tree, 'src/generated')), 'the fresh copy has no build output');
    run('npm', ['pack', '--pack-destination', work], tree); // prepack: gen, then build
    const made = readdirSync(work).filter((f) => f.endsWith('.tgz'));
    assert.equal(made.length, 1, 'npm pack made one tarball');
    tarball = join(work, made[0]!);
  }
  packed = run('tar', ['-tzf', tarball], work)
    .split('\n')
    .filter(Boolean)
    .map((f) => f.replace(/^package\//, ''));
  host = join(work, 'host');
  mkdirSync(join(host, 'src'), { recursive: true });
  writeFileSync(join(host, 'package.json'), JSON.stringify({ name: 'wy-host', private: true, type: 'module' }, null, 2));
  npmInstall([tarball, spec('lit'), spec('@lit/context')]);
});

after(() => {
  if (work && !process.env['WY_HOST_KEEP']) rmSync(work, { recursive: true, force: true });
});

test('npm pack on a fresh tree builds first (prepack) and ships dist/, schemas/ and README.md, never src/ or test/', () => {
  assert.match(pkg.scripts['prepack'] ?? '', /build/);
  for (const f of ['package.json', 'README.md', 'dist/index.js', 'dist/index.d.ts', 'dist/define.js', 'dist/custom-elements.json', 'dist/wuye-kit.bundle.js', 'schemas/complaint.schema.json']) {
    assert.ok(packed.includes(f), `${f} is in the tarball`);
  }
  assert.deepEqual(packed.filter((f) => /^(src|test|stories|\.scripts)\//.test(f)), []);
});

test('every entry point of the exports map resolves to packed files (code and types)', () => {
  const entries = entryPoints();
  assert.ok(entries.filter((e) => e.entry === './components/*.js').length >= 8, 'every element has its module');
  const missing = entries.flatMap((e) => [e.target, ...(e.types ? [e.types] : [])]).filter((t) => !packed.includes(t.slice(2)));
  assert.deepEqual(missing, []);
  for (const e of entries) if (!isJson(e) && !e.target.startsWith('./dist/cli/')) assert.ok(e.types, `${e.specifier} has types`);
});

test('Node imports every entry point as a host does (bundle.js is for browsers)', () => {
  const list = entryPoints().filter((e) => e.entry !== REACT_ENTRY && !BROWSER_ONLY.has(e.entry));
  const script = `
    const list = ${JSON.stringify(list.map((e) => ({ s: e.specifier, json: isJson(e) })))};
    const out = {};
    for (const { s, json } of list) {
      try {
        const m = json ? await import(s, { with: { type: 'json' } }) : await import(s);
        out[s] = json ? typeof m.default : Object.keys(m).length;
      } catch (e) { out[s] = 'ERROR ' + e.message.split('\\n')[0]; }
    }
    console.log(JSON.stringify(out));`;
  writeFileSync(join(host, 'node-imports.mjs'), script);
  const result = JSON.parse(run(process.execPath, ['node-imports.mjs'], host)) as Record<string, number | string>;
  const failed = Object.entries(result).filter(([, v]) => typeof v === 'string' && v.startsWith('ERROR'));
  assert.deepEqual(failed, []);
  assert.ok((result['wuye-kit/core'] as number) > 50);
  assert.equal(result['wuye-kit/define.js'], 0);
});

test('esbuild bundles every entry point for the browser', async () => {
  const esbuild = await import('esbuild');
  const dir = join(host, 'esbuild');
  mkdirSync(dir, { recursive: true });
  const entryPoints: Record<string, string> = {};
  for (const [i, e] of jsEntries().entries()) {
    const file = join(dir, `e${i}.js`);
    writeFileSync(file, `import * as m from '${e.specifier}';\nconsole.log(Object.keys(m).length);\n`);
    entryPoints[`e${i}`] = file;
  }
  writeFileSync(join(dir, 'json.js'), `import c from '${pkg.name}/schemas/calendars/cn-2026.json';\nimport m from '${pkg.name}/custom-elements.json';\nconsole.log(c.id, m.schemaVersion);\n`);
  entryPoints['json'] = join(dir, 'json.js');
  const r = await esbuild.build({ entryPoints, bundle: true, format: 'esm', platform: 'browser', outdir: join(dir, 'out'), absWorkingDir: host, logLevel: 'silent', write: true });
  assert.deepEqual(r.errors, []);
  assert.equal(readdirSync(join(dir, 'out')).length, Object.keys(entryPoints).length);
  // Node-only entry points, bundled for Node with their optional peers (database drivers) left to the host.
  for (const [i, e] of nodeEntries().entries()) {
    const file = join(dir, `n${i}.js`);
    writeFileSync(file, `import * as m from '${e.specifier}';\nconsole.log(Object.keys(m).length);\n`);
    const n = await esbuild.build({ entryPoints: [file], bundle: true, format: 'esm', platform: 'node', external: Object.keys(pkg.peerDependencies), write: false, absWorkingDir: host, logLevel: 'silent' });
    assert.deepEqual(n.errors, [], e.specifier);
  }
});

test('Vite builds a host app importing every entry point, and it registers every element of the manifest in Chromium', async () => {
  const vite = await import('vite');
  const app = join(host, 'vite-app');
  mkdirSync(app, { recursive: true });
  // Not bundle.js beside the modules: it carries its own lit and virtualizer (the plain page below loads it).
  const imports = jsEntries()
    .filter((e) => !BROWSER_ONLY.has(e.entry))
    .map((e, i) => `import * as m${i} from '${e.specifier}';`);
  writeFileSync(
    join(app, 'main.js'),
    `${imports.join('\n')}
import manifest from '${pkg.name}/custom-elements.json';
const tags = manifest.modules.flatMap((m) => m.declarations ?? []).map((d) => d.tagName).filter(Boolean);
window.result = { modules: [${imports.map((_, i) => `m${i}`).join(', ')}].length, tags, missing: tags.filter((t) => !customElements.get(t)) };
`,
  );
  writeFileSync(join(app, 'index.html'), '<!doctype html><html lang="zh-CN"><body><script type="module" src="./main.js"></script></body></html>');
  await vite.build({ root: app, base: './', logLevel: 'silent', configFile: false, build: { outDir: join(app, 'dist'), emptyOutDir: true, chunkSizeWarningLimit: 10_000 } });
  // The plain page of the README: the self-registering bundle, no bundler.
  const plain = join(host, 'plain');
  mkdirSync(plain, { recursive: true });
  writeFileSync(
    join(plain, 'index.html'),
    `<!doctype html><html lang="zh-CN"><body><script type="module">
import '/node_modules/${pkg.name}/dist/wuye-kit.bundle.js';
const manifest = await (await fetch('/node_modules/${pkg.name}/dist/custom-elements.json')).json();
const tags = manifest.modules.flatMap((m) => m.declarations ?? []).map((d) => d.tagName).filter(Boolean);
window.result = { tags, missing: tags.filter((t) => !customElements.get(t)) };
</script></body></html>`,
  );
  const server = (await serveStatic(host)) as { url: string; close(): Promise<void> };
  const browser = (await launch()) as { page: Page; close(): Promise<void> };
  const problems: string[] = [];
  browser.page.on('pageerror', (e) => problems.push(e.message));
  try {
    for (const path of ['/vite-app/dist/index.html', '/plain/index.html']) {
      await browser.page.goto(`${server.url}${path}`);
      await browser.page.waitForFunction(() => 'result' in window, undefined, { timeout: 20_000 });
      const r = (await browser.page.evaluate(() => (window as unknown as { result: { tags: string[]; missing: string[] } }).result)) as { tags: string[]; missing: string[] };
      assert.ok(r.tags.length >= 8, `${path}: the manifest lists the elements`);
      // Every element is registered on import; the object, array and file fields load when a form first needs them.
      assert.deepEqual(r.missing.filter((t) => !t.endsWith('-field')), [], path);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  assert.deepEqual(problems, []);
});

/** The README's code blocks marked `<!-- host-check [declarations] -->`, as TypeScript modules. */
function readmeSnippets(): { name: string; code: string; react: boolean }[] {
  const readme = readFileSync(join(repo, 'README.md'), 'utf8');
  const out: { name: string; code: string; react: boolean }[] = [];
  // The marker is a line of its own, right above the fence (a mention in prose is not a marker).
  const re = /^<!-- host-check([^\n]*?)-->\n```(ts|js|typescript|javascript)\n([\s\S]*?)```/gm;
  for (const m of readme.matchAll(re)) {
    const line = readme.slice(0, m.index).split('\n').length;
    const code = m[3]!;
    out.push({ name: `readme-line-${line}`, code: `${m[1]!.trim()}\n${code}\nexport {};\n`, react: /from ['"]wuye-kit\/react['"]/.test(code) });
  }
  return out;
}

const STRICT = {
  target: 'ES2022',
  lib: ['ES2023', 'DOM', 'DOM.Iterable'],
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedSideEffectImports: true,
  noUncheckedIndexedAccess: true,
  skipLibCheck: false,
  noEmit: true,
  resolveJsonModule: true,
  types: [] as string[],
};

/** A host module that uses every (non-React) entry point the way the README shows. */
function hostSource(): string {
  const components = jsEntries().filter((e) => e.entry === './components/*.js');
  return `// Every entry point of ${pkg.name}, used as a host would.
import '${pkg.name}/define.js';
import '${pkg.name}/bundle.js';
${components.map((e) => `import '${e.specifier}';`).join('\n')}
import { validate, routeComplaint, computeDeductions, defaultDeductionRules, aggregateComplaints, toCsv, createCalendar, type Complaint, type Instant } from '${pkg.name}/core';
import { createEngine, MemoryStore, builtinDefinitions, transition } from '${pkg.name}/workflow';
import { panelView, personChoices, withPersonChoices, eventUiSchema, type PanelView, type StaffMember } from '${pkg.name}/workflow';
import { WySchemaForm, WyComplaintForm, type Uploader, type Actor } from '${pkg.name}';
import * as everything from '${pkg.name}';
import * as bundle from '${pkg.name}/bundle.js';
import cn2026 from '${pkg.name}/schemas/calendars/cn-2026.json' with { type: 'json' };
import complaints from '${pkg.name}/schemas/examples/complaint.valid.json' with { type: 'json' };

const record = complaints[0] as unknown as Complaint;
const { valid, errors } = validate('complaint', record, { locale: 'en' });
const routed = routeComplaint(record);
const deductions = computeDeductions([record], defaultDeductionRules);
const table = aggregateComplaints([record], { from: '2026-07' });
const csv: string = toCsv({ columns: ['a'], rows: [['1']] }, { bom: true });
const calendar = createCalendar(cn2026);
const actor: Actor = { id: 'E1', name: '周敏', roles: ['receptionist'] };
const engine = createEngine({ definitions: Object.values(builtinDefinitions), store: new MemoryStore(), calendar });
const now: Instant = new Date();
const uploader: Uploader = async (file, { signal }) => (signal.aborted ? { id: file.name } : { id: file.name, url: '/f' });
const form: WySchemaForm = document.createElement('wy-schema-form');
form.uploader = uploader;
form.addEventListener('wy-submit', (e) => console.log(e.detail.value));
const intake: WyComplaintForm = document.createElement('wy-complaint-form');
intake.addEventListener('wy-complaint-save', (e) => console.log(e.detail.value.recordNo));
const checklist = document.createElement('wy-defect-checklist');
checklist.now = now;
checklist.addEventListener('wy-defect-close', (e) => console.log(e.detail.item.id));
const stats = document.createElement('wy-complaint-stats');
stats.complaints = complaints;
const csvText: string = stats.toCsv();
document.createElement('wy-workflow-panel').now = Date.now();
const staffList: StaffMember[] = [{ id: 'E1', name: '周敏', roles: ['receptionist'], title: { 'zh-CN': '前台接待', en: 'Receptionist' } }];
const panelFns = [panelView, personChoices, withPersonChoices, eventUiSchema] as const;
const noView: PanelView | undefined = undefined;
export { valid, errors, routed, deductions, table, csv, engine, actor, transition, everything, bundle, csvText, staffList, panelFns, noView };
`;
}

/** A Node host module importing every Node-only entry point (with Node's types, as a Node host has them). */
function nodeHostSource(): string {
  const entries = nodeEntries();
  return `/// <reference types="node" />
${entries.map((e, i) => `import * as n${i} from '${e.specifier}';`).join('\n')}
export const modules = [${entries.map((_, i) => `n${i}`).join(', ')}].map((m) => Object.keys(m).length);
`;
}

function typeCheck(name: string, resolution: 'bundler' | 'node16', files: Record<string, string>): string {
  const dir = join(host, `tsc-${name}-${resolution}`);
  mkdirSync(dir, { recursive: true });
  for (const [f, code] of Object.entries(files)) writeFileSync(join(dir, f), code);
  // node16 resolution for a Node 20 host (`module: node20`: JSON imports need import attributes, which `module: node16` lacks).
  const module = resolution === 'bundler' ? { module: 'ESNext', moduleResolution: 'Bundler' } : { module: 'Node20', moduleResolution: 'Node16' };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { ...STRICT, ...module }, include: ['*.ts'] }, null, 2));
  const r = spawnSync(bin('tsc'), ['-p', dir], { cwd: host, encoding: 'utf8' });
  return `${r.stdout}${r.stderr}`.trim();
}

test('with React in the host: wuye-kit/react bundles with esbuild (the checks above ran without React, as most hosts do)', async () => {
  // React, and the types a Node host using wuye-kit/server has (Node's and its database drivers').
  npmInstall([spec('react'), spec('@lit/react'), spec('@types/react'), spec('@types/node'), spec('@types/pg'), spec('@types/better-sqlite3')]);
  const esbuild = await import('esbuild');
  const file = join(host, 'react-entry.js');
  writeFileSync(file, `import { WyComplaintForm } from '${pkg.name}/react';\nimport { createElement } from 'react';\nconsole.log(createElement(WyComplaintForm, {}));\n`);
  const r = await esbuild.build({ entryPoints: [file], bundle: true, format: 'esm', platform: 'browser', write: false, absWorkingDir: host, logLevel: 'silent' });
  assert.deepEqual(r.errors, []);
});

const REACT_HOST = `import { createElement } from 'react';
import { WyComplaintForm, WyDefectChecklist } from '${pkg.name}/react';
export const a = createElement(WyComplaintForm, { onWyComplaintSave: (e) => console.log(e.detail.value.recordNo) });
export const b = createElement(WyDefectChecklist, { onWyDefectClose: (e) => console.log(e.detail.item.id) });
`;

for (const resolution of ['bundler', 'node16'] as const) {
  test(`a host file using every entry point (React too), and the README's snippets, type-check strictly (moduleResolution ${resolution}, skipLibCheck false)`, () => {
    const snippets = readmeSnippets();
    assert.ok(snippets.filter((s) => !s.react).length >= 2 && snippets.some((s) => s.react), 'the README marks its snippets');
    const files: Record<string, string> = { 'host.ts': hostSource(), 'react-host.ts': REACT_HOST, 'node-host.ts': nodeHostSource() };
    for (const s of snippets) files[`${s.name}.ts`] = s.code;
    assert.equal(typeCheck('host', resolution, files), '');
  });
}
