// The published shape: the built dist/ (npm test builds before the Node tests), never src/,
// loaded in headless Chromium through its entry points as a host would (test/embed/importmap.html).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
// @ts-expect-error: a plain .mjs helper without types
import { serveStatic } from '../support/static-server.mjs';
// @ts-expect-error: a plain .mjs helper without types
import { launch } from '../support/browser.mjs';

let server: { url: string; close(): Promise<void> };
let browser: { page: Page; close(): Promise<void> };
const problems: string[] = [];

before(async () => {
  server = await serveStatic('.');
  browser = await launch();
  browser.page.on('pageerror', (e) => problems.push(e.message));
  await browser.page.goto(`${server.url}/test/embed/importmap.html`);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('wuye-kit (index) exports without registering elements; wuye-kit/core validates', async () => {
  const r = await browser.page.evaluate(async () => {
    const kit = await import('wuye-kit' as string);
    const core = await import('wuye-kit/core' as string);
    const record = (await (await fetch('/schemas/examples/complaint.valid.json')).json())[0];
    return {
      valid: kit.validate('complaint', record).valid,
      invalid: core.validate('complaint', {}).valid,
      categories: core.vocab.contentCategory.codes.length,
      classes: typeof kit.WySchemaForm === 'function' && typeof kit.createEngine === 'function',
      registered: Boolean(customElements.get('wy-error-summary')),
    };
  });
  assert.deepEqual(r, { valid: true, invalid: false, categories: 6, classes: true, registered: false });
});

test('wuye-kit/define.js registers every element and they render through the provider', async () => {
  const r = await browser.page.evaluate(async () => {
    await import('wuye-kit/define.js' as string);
    const core = await import('wuye-kit/core' as string);
    const summary = document.getElementById('summary') as HTMLElement & { errors: unknown; updateComplete: Promise<unknown> };
    summary.errors = core.validate('complaint', { recordNo: 'A-1' }, { locale: 'en' }).errors;
    await summary.updateComplete;
    const tags = ['wy-kit-provider', 'wy-error-summary', 'wy-schema-form', 'wy-complaint-form', 'wy-workflow-panel', 'wy-defect-checklist', 'wy-deduction-calculator', 'wy-complaint-stats'];
    return { missing: tags.filter((t) => !customElements.get(t)), heading: summary.shadowRoot!.querySelector('[part="heading"]')!.textContent };
  });
  assert.deepEqual(r.missing, []);
  assert.match(r.heading ?? '', /^Please fix the \d+ problems below$/);
  assert.deepEqual(problems, []);
});

test('the custom elements manifest describes every element with its events', () => {
  const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8')) as {
    modules: { declarations?: { tagName?: string; events?: { name: string }[] }[] }[];
  };
  const decls = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
  const byTag = Object.fromEntries(decls.map((d) => [d.tagName!, (d.events ?? []).map((e) => e.name)]));
  assert.ok(byTag['wy-error-summary']?.includes('wy-error-select'));
  assert.ok(byTag['wy-schema-form']?.includes('wy-submit'));
  assert.ok(byTag['wy-workflow-panel']?.includes('wy-transition'));
  for (const tag of ['wy-complaint-form', 'wy-defect-checklist', 'wy-deduction-calculator', 'wy-complaint-stats', 'wy-kit-provider']) assert.ok(tag in byTag, tag);
});

test('the self-registering bundle has no bare imports left', () => {
  const text = readFileSync('dist/wuye-kit.bundle.js', 'utf8');
  assert.doesNotMatch(text, /from\s*["'](lit|@lit|idb)/);
});
