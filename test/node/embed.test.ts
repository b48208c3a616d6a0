// The embedding guides in test/embed/, each opened in headless Chromium against the built package
// (dist/, built by `npm test` before the Node tests; WY_DIST points elsewhere for a trial build):
// a plain HTML page with the bundle, a page under a strict CSP, and a React app using the
// @lit/react wrappers of wuye-kit/react (bundled here with esbuild, as a React host's bundler would).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
// @ts-expect-error: a plain .mjs helper without types
import { launch } from '../support/browser.mjs';

const root = process.cwd();
const dist = resolve(process.env['WY_DIST'] ?? 'dist');
const out = mkdtempSync(join(tmpdir(), 'wy-embed-'));
// The policy issue #9 asks for. (A policy that also forbids inline styles, such as default-src
// 'self' alone, breaks the form's columns today: it binds style attributes; see test/embed/README.md.)
const CSP = "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.css': 'text/css; charset=utf-8' };
const example = (JSON.parse(readFileSync('schemas/examples/complaint.valid.json', 'utf8')) as Record<string, unknown>[])[0]!;

let server: Server;
let base = '';
let browser: { page: Page; close(): Promise<void> };

/** /dist/… from the built package, the React app from the esbuild output, the rest from the repo. */
function fileFor(pathname: string): string | undefined {
  const [dir, rel] = pathname.startsWith('/dist/')
    ? [dist, pathname.slice(6)]
    : pathname === '/test/embed/react/app.js'
      ? [out, 'app.js']
      : pathname.startsWith('/test/embed/') || pathname.startsWith('/schemas/') || pathname.startsWith('/node_modules/vue/dist/')
        ? [root, pathname.slice(1)]
        : [undefined, ''];
  if (!dir) return undefined;
  const file = resolve(dir, rel);
  return file.startsWith(dir + sep) ? file : undefined;
}

before(async () => {
  await stat(join(dist, 'wuye-kit.bundle.js')).catch(() => {
    throw new Error(`${dist} has no wuye-kit.bundle.js: build the package first (npm test does)`);
  });
  // The React example, bundled the way a host app's bundler would (React ships no browser ESM).
  await build({
    entryPoints: ['test/embed/react/app.jsx'],
    bundle: true,
    format: 'esm',
    jsx: 'automatic',
    outfile: join(out, 'app.js'),
    define: { 'process.env.NODE_ENV': '"production"' },
    nodePaths: [join(root, 'node_modules')],
    logLevel: 'silent',
    plugins: [
      {
        name: 'wuye-kit-package',
        setup(b) {
          // `wuye-kit/react` → the built package's dist/react/index.js (the "exports" entry).
          b.onResolve({ filter: /^wuye-kit\/react$/ }, () => ({ path: join(dist, 'react', 'index.js') }));
        },
      },
    ],
  });
  server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
    const file = fileFor(decodeURIComponent(url.pathname));
    try {
      if (!file) throw new Error('not served');
      const body = await readFile(file);
      const headers: Record<string, string> = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
      if (url.pathname.endsWith('/csp.html')) headers['content-security-policy'] = CSP;
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = (await launch()) as typeof browser;
});

after(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
  rmSync(out, { recursive: true, force: true });
});

/** Opens a page; collects page errors, console errors and CSP violations. */
async function open(path: string) {
  const page = browser.page;
  const problems: string[] = [];
  page.removeAllListeners('pageerror');
  page.removeAllListeners('console');
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  await page.goto(`${base}${path}`);
  return { page, problems };
}

const submit = (page: Page) => page.locator('wy-schema-form [part~="submit"]').first().click();
const hostile = '<img src=x onerror="window.__pwned=1">';

test('plain HTML: the bundle from one module script renders a form; invalid then valid submit', async () => {
  const { page, problems } = await open('/test/embed/plain.html');
  await page.waitForFunction(() => document.documentElement.dataset['ready'] === 'true');
  await page.locator('wy-schema-form [part~="submit"]').first().waitFor();
  await submit(page);
  await page.waitForFunction(() => /invalid: [1-9]/.test(document.getElementById('log')!.textContent ?? ''));
  await page.evaluate(
    ([value, text]) => {
      (document.getElementById('form') as unknown as { value: unknown }).value = { ...(value as object), subject: text };
    },
    [example, hostile] as const,
  );
  await submit(page);
  await page.waitForFunction((no) => document.getElementById('log')!.textContent === `submitted ${no}`, example['recordNo']);
  assert.equal(await page.evaluate(() => (window as { __pwned?: number }).__pwned), undefined, 'hostile text is never executed');
  assert.deepEqual(problems, []);
});

test('strict CSP (script-src \'self\', no eval): the form validates and submits, no violation', async () => {
  const page = browser.page;
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const { problems } = await open('/test/embed/csp.html');
  await page.waitForFunction(() => document.documentElement.dataset['ready'] === 'true');
  // The policy is in force: an inline script is refused (and reported), then forgotten.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.head.append(s);
  });
  await page.waitForFunction(() => (window as unknown as { __violations: string[] }).__violations.length > 0);
  assert.equal(await page.evaluate(() => (window as { __inline?: number }).__inline), undefined);
  assert.match(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations.splice(0).join()), /script-src/);
  await page.locator('wy-schema-form [part~="submit"]').first().waitFor();
  await submit(page);
  await page.waitForFunction(() => /invalid: [1-9]/.test(document.getElementById('log')!.textContent ?? ''));
  await page.evaluate((value) => {
    (document.getElementById('form') as unknown as { value: unknown }).value = value;
  }, example);
  await submit(page);
  await page.waitForFunction((no) => document.getElementById('log')!.textContent === `submitted ${no} (valid: true)`, example['recordNo']);
  assert.deepEqual(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations), []);
  // Columns from the UI schema survive the policy.
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('wy-schema-form')!.shadowRoot!.querySelector('fieldset[part~="group"]')!).getPropertyValue('--_cols').trim()), '2');
  assert.deepEqual(problems.filter((p) => !/Executing inline script violates|Refused to execute inline script/i.test(p)), []);
});

test('React: wuye-kit/react wrappers render, take object props, and deliver onWy… events', async () => {
  const { page, problems } = await open('/test/embed/react/index.html');
  await page.locator('wy-schema-form [part~="submit"]').first().waitFor();
  // onWyInvalid → React state; the form's own summary lists the problems.
  await submit(page);
  await page.waitForFunction(() => /errors: [1-9]/.test(document.getElementById('status')!.textContent ?? ''));
  assert.ok((await page.locator('wy-schema-form wy-error-summary li').count()) > 0, 'the form lists the problems');
  // onWyChange on user input.
  await page.locator('wy-schema-form input[type="text"], wy-schema-form input:not([type])').first().fill('测试');
  await page.waitForFunction(() => /changes: [1-9]/.test(document.getElementById('status')!.textContent ?? ''));
  // A string prop re-rendered by React: switch the form to English and back.
  const formText = () => page.evaluate(() => document.querySelector('wy-schema-form')!.shadowRoot!.textContent ?? '');
  assert.match(await formText(), /顾客投诉处理记录/);
  await page.click('#lang');
  await page.waitForFunction(() => /Complaint handling record/.test(document.querySelector('wy-schema-form')!.shadowRoot!.textContent ?? ''));
  await page.click('#lang');
  await page.waitForFunction(() => /顾客投诉处理记录/.test(document.querySelector('wy-schema-form')!.shadowRoot!.textContent ?? ''));
  // onWySubmit with a valid value.
  await page.evaluate((value) => {
    (document.querySelector('wy-schema-form') as unknown as { value: unknown }).value = value;
  }, example);
  await submit(page);
  await page.waitForFunction((no) => (document.getElementById('status')!.textContent ?? '').startsWith(`submitted ${no}`), example['recordNo']);
  assert.deepEqual(problems, []);
});

test('Vue: the elements as custom elements, object props, wy-* events, a language switch', async () => {
  const { page, problems } = await open('/test/embed/vue/index.html');
  await page.waitForFunction(() => Boolean(document.querySelector('wy-schema-form')?.shadowRoot?.querySelector('[part="submit"]')));
  await page.locator('wy-schema-form [part="submit"]').click();
  await page.waitForFunction(() => /errors: [1-9]/.test(document.getElementById('status')!.textContent ?? ''));
  await page.click('#fill');
  await page.waitForTimeout(200);
  await page.locator('wy-schema-form [part="submit"]').click();
  await page.waitForFunction(() => /submitted SZ-HY-202607-0001/.test(document.getElementById('status')!.textContent ?? ''));
  await page.click('#en');
  await page.waitForFunction(() => /Customer service record|Who/.test(document.querySelector('wy-schema-form')!.shadowRoot!.textContent ?? ''));
  assert.deepEqual(problems, []);
});
