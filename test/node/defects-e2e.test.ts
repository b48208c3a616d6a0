// End to end, as a user and a host: the built package (dist/, imported by its public names through
// an import map) in headless Chromium. An internal inspection (内部验房) of a house from
// schemas/examples/checklist.valid.json, driven by keyboard only: batch entry → entry complete →
// the list dispatched → every defect assigned, reported fixed and passed → the summary; the
// <wy-workflow-panel> of the internal-inspection workflow moves in step (inspectionStep), and
// axe finds nothing serious on the way, in Chinese and in English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
// @ts-expect-error: a plain .mjs helper without types
import { launch } from '../support/browser.mjs';
// @ts-expect-error: a plain .mjs helper without types
import { TYPES } from '../support/static-server.mjs';

const root = resolve('.');
const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8" />
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:" />
<title>checklist e2e</title>
<script type="importmap">
{ "imports": {
  "wuye-kit": "/dist/index.js",
  "wuye-kit/components/defect-checklist.js": "/dist/components/defect-checklist/defect-checklist.js",
  "wuye-kit/components/workflow-panel.js": "/dist/components/workflow-panel/workflow-panel.js",
  "wuye-kit/components/kit-provider.js": "/dist/components/kit-provider/kit-provider.js",
  "lit": "/node_modules/lit/index.js", "lit/": "/node_modules/lit/",
  "lit-html": "/node_modules/lit-html/lit-html.js", "lit-html/": "/node_modules/lit-html/",
  "lit-element/": "/node_modules/lit-element/",
  "@lit/reactive-element": "/node_modules/@lit/reactive-element/reactive-element.js", "@lit/reactive-element/": "/node_modules/@lit/reactive-element/",
  "@lit/context": "/node_modules/@lit/context/index.js",
  "@lit-labs/virtualizer": "/node_modules/@lit-labs/virtualizer/lit-virtualizer.js", "@lit-labs/virtualizer/": "/node_modules/@lit-labs/virtualizer/",
  "tslib": "/node_modules/tslib/tslib.es6.js", "idb": "/node_modules/idb/build/index.js"
} }
</script>
<script src="/node_modules/axe-core/axe.min.js"></script>
</head>
<body>
<wy-kit-provider id="provider">
  <wy-workflow-panel id="panel" instance-id="INSP-E2E"></wy-workflow-panel>
  <wy-defect-checklist id="checklist" entry-complete></wy-defect-checklist>
</wy-kit-provider>
<script type="module" src="/e2e.js"></script>
</body>
</html>`;

const SCRIPT = `
import 'wuye-kit/components/kit-provider.js';
import 'wuye-kit/components/workflow-panel.js';
import 'wuye-kit/components/defect-checklist.js';
import { createEngine, MemoryStore, builtinDefinitions, inspectionStep, inspectionPrefill } from 'wuye-kit';
const json = async (p) => (await fetch(p)).json();
const [checklists, contractors] = await Promise.all([json('/schemas/examples/checklist.valid.json'), json('/schemas/examples/contractors.json')]);
const example = checklists.find((c) => c.mode === 'internal');
const engine = createEngine({ definitions: Object.values(builtinDefinitions), store: new MemoryStore() });
const people = {
  specialist: { id: 'E3101', name: '陈工', roles: ['specialist', 'inspector'] },
  contractor: { id: 'C-TJ01', name: '王师傅', roles: ['contractor'] },
  rechecker: { id: 'E3102', name: '李工', roles: ['specialist', 'inspector'] },
  owner: { id: 'O-1202', name: 'Zhang Wei', roles: ['owner'] },
};
const provider = document.getElementById('provider');
const panel = document.getElementById('panel');
const checklist = document.getElementById('checklist');
provider.engine = engine;
provider.actor = people.specialist;
provider.reference = { contractors };
checklist.house = example.house;
let n = 0;
checklist.newId = () => 'HY-E2E-' + String(++n).padStart(3, '0');
const moves = [];
await engine.start('internal-inspection', { id: 'INSP-E2E', data: { house: example.house }, commandId: 'start' }, people.specialist);
// The host's glue (as in the README): the checklist's events move the workflow a step.
async function step(trigger, items) {
  const snap = await engine.get('INSP-E2E');
  const s = inspectionStep(snap.state, items, trigger);
  panel.prefill = inspectionPrefill(items, document.documentElement.lang === 'en' ? 'en' : 'zh-CN');
  if (!s) return;
  const r = await engine.send('INSP-E2E', { type: s.event, ...(s.payload ? { payload: s.payload } : {}), commandId: 'chk-' + s.event + '-' + snap.version }, provider.actor);
  moves.push(s.event + (r.ok ? '' : ' refused'));
  panel.requestUpdate?.();
}
checklist.addEventListener('wy-change', (e) => {
  checklist.items = e.detail.items;
  void step('items-change', e.detail.items);
});
const decisions = [];
checklist.addEventListener('wy-owner-decide', (e) => decisions.push(e.detail.decision));
checklist.addEventListener('wy-entry-complete', () => void step('entry-complete', checklist.items));
window.e2e = {
  as: (who) => { provider.actor = people[who]; },
  state: async () => (await engine.get('INSP-E2E')).state,
  moves,
  decisions,
  items: () => checklist.items,
};
window.e2eReady = true;
`;

let server: Server;
let url = '';
let browser: { page: Page; close(): Promise<void> };
let page: Page;
const errors: string[] = [];

before(async () => {
  assert.ok(existsSync('dist/components/defect-checklist/defect-checklist.js'), 'build first: npm run build');
  server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/' || path === '/e2e.js') {
      res.writeHead(200, { 'content-type': path === '/' ? TYPES['.html'] : TYPES['.js'] });
      res.end(path === '/' ? PAGE : SCRIPT);
      return;
    }
    const file = normalize(join(root, decodeURIComponent(path)));
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (!file.startsWith(root) || !/^\/(dist|node_modules|schemas)\//.test(path)) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': (TYPES as Record<string, string>)[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  browser = await launch({ viewport: { width: 1100, height: 1400 } });
  page = browser.page;
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && !/ResizeObserver loop/.test(m.text())) errors.push(m.text());
  });
});

after(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

async function axe(): Promise<string[]> {
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: { id: string; impact: string }[] }> } };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
  });
}

const state = () => page.evaluate(() => (window as unknown as { e2e: { state(): Promise<string> } }).e2e.state());
const as = (who: string) => page.evaluate((w) => (window as unknown as { e2e: { as(w: string): void } }).e2e.as(w), who);
async function waitState(want: string): Promise<void> {
  for (let i = 0; i < 50 && (await state()) !== want; i++) await page.waitForTimeout(100);
  const seen = await page.evaluate(() => {
    const e2e = (window as unknown as { e2e: { moves: string[]; items(): { id: string; status: string }[] } }).e2e;
    return { moves: e2e.moves, items: e2e.items().map((d) => `${d.id}:${d.status}`) };
  });
  assert.equal(await state(), want, JSON.stringify(seen));
}
/** Focuses a control and presses a key on it, as a keyboard user would after tabbing there. */
async function press(target: Locator, key = 'Enter'): Promise<void> {
  await target.focus();
  await page.keyboard.press(key);
}

test('an internal inspection by keyboard: batch entry → all defects closed → re-inspection → summary; the workflow panel moves in step', async () => {
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { e2eReady?: boolean }).e2eReady === true);
  const checklist = page.locator('#checklist');
  const panel = page.locator('#panel');
  const panelState = async () => (await panel.locator('[part="state"], .state').first().textContent())?.trim();
  // The panel re-reads the engine after each move: give it the time a person would.
  const waitPanel = async (want: string) => {
    for (let i = 0; i < 50 && (await panelState()) !== want; i++) await page.waitForTimeout(100);
    assert.equal(await panelState(), want);
  };
  await checklist.locator('[part="chip"]').first().waitFor();
  assert.deepEqual(await axe(), [], 'axe on the entry view');
  assert.equal(await state(), 'recording');

  // Batch entry: three lines typed, each added with Enter; one names its place, one is serious.
  await checklist.locator('#entry-text').focus();
  for (const line of ['卫生间：地漏堵塞', '客厅墙面开裂 [严重]', '厨房：水龙头松动']) {
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
  }
  await checklist.getByText('共 3 项 · 未关闭 3 项 · 逾期 0 项').waitFor();
  await checklist.screenshot({ path: join(process.env.WY_SCREENSHOT_DIR ?? '/tmp', 'wy-checklist-e2e-entry.png') });
  await press(checklist.locator('[part="entry-complete"]'));
  await waitState('listed');
  await waitPanel('问题清单已生成');

  // The specialist sends the list to the contractors from the panel (keyboard).
  await press(panel.getByRole('button', { name: /下发施工单位整改/ }).first());
  await press(panel.getByRole('button', { name: /^(确认|Confirm)/ }).first());
  await waitState('fixing');

  // List view (arrow keys on the tabs), everything assigned to one contractor in one go.
  await press(checklist.locator('#tab-entry'), 'ArrowRight');
  await checklist.locator('[part="bulk"]').waitFor();
  await press(checklist.locator('[data-bulk="all"]'), 'Space');
  await checklist.locator('[data-bulk="contractor"]').selectOption('C-TJ01');
  await press(checklist.locator('[data-bulk="apply"]'));
  await checklist.getByText('已更新 3 项').first().waitFor();
  assert.deepEqual(await axe(), [], 'axe on the list view');

  // The contractor reports each repair done: when nothing is left to repair the workflow moves on.
  await as('contractor');
  const fixButtons = checklist.locator('[data-action="report-fixed"]');
  for (let left = 3; left > 0; left--) {
    await press(fixButtons.first());
    await page.waitForFunction(([n]) => (window as unknown as { e2e: { items(): { status: string }[] } }).e2e.items().filter((d) => d.status === 'awaiting-reinspection').length === n, [4 - left]);
  }
  await waitState('rechecking');
  await waitPanel('待复验');

  // Re-inspection by someone else: each passes (the note dialog, confirmed by keyboard).
  await as('rechecker');
  for (let i = 0; i < 3; i++) {
    await press(checklist.locator('[data-action="pass"]').first());
    await checklist.locator('dialog[open] #dialog-note').waitFor();
    if (i === 0) await page.screenshot({ path: join(process.env.WY_SCREENSHOT_DIR ?? '/tmp', 'wy-checklist-e2e-dialog.png') });
    await page.keyboard.type('复验合格');
    await press(checklist.locator('[data-dialog="confirm"]'));
    await checklist.locator('dialog[open]').waitFor({ state: 'detached' });
    // As a user would, go on once the list shows the defect passed.
    await checklist.locator('[data-action="pass"]').nth(2 - i).waitFor({ state: 'detached' });
  }
  await waitState('summarising');
  await waitPanel('待验房总结');
  const items = (await page.evaluate(() => (window as unknown as { e2e: { items(): { status: string; closedBy?: { id: string } }[] } }).e2e.items()));
  assert.deepEqual(items.map((d) => [d.status, d.closedBy?.id]), Array(3).fill(['closed', 'E3102']));

  // The summary in the checklist, and the workflow's summary step from the panel (prefilled).
  await press(checklist.locator('#tab-list'), 'ArrowRight');
  await checklist.locator('[part="summary"] [data-stat="closed"]').waitFor();
  assert.equal(await checklist.locator('[data-stat="total"]').textContent(), '3');
  assert.equal(await checklist.locator('[data-stat="closed"]').textContent(), '3');
  assert.deepEqual(await axe(), [], 'axe on the summary view');
  await press(panel.getByRole('button', { name: /验房总结/ }).first());
  const summaryText = panel.getByRole('textbox', { name: '总结' });
  await summaryText.waitFor();
  assert.equal(await summaryText.inputValue(), '共发现 3 项问题，已整改并复查关闭 3 项，仍未关闭 0 项。');
  await press(panel.getByRole('button', { name: /^(确认|Confirm|提交)/ }).first());
  await waitState('summarised');
  assert.deepEqual(await page.evaluate(() => (window as unknown as { e2e: { moves: string[] } }).e2e.moves), ['generate-list', 'report-fixed', 'recheck']);
  await page.screenshot({ path: join(process.env.WY_SCREENSHOT_DIR ?? '/tmp', 'wy-checklist-e2e-zh.png'), fullPage: true });

  // In English: the same summary, worded for a reader of English.
  await page.evaluate(() => document.documentElement.setAttribute('lang', 'en'));
  await checklist.getByRole('tab', { name: 'Inspection summary' }).waitFor();
  await checklist.getByText('3 in all · 0 not closed · 0 overdue').waitFor();
  assert.deepEqual(await axe(), [], 'axe in English');
  await page.screenshot({ path: join(process.env.WY_SCREENSHOT_DIR ?? '/tmp', 'wy-checklist-e2e-en.png'), fullPage: true });
  assert.deepEqual(errors, []);
});

test('move-in, in English, on the same built page: the owner refuses by keyboard (a reason is required), then the problem list to print', async () => {
  const checklist = page.locator('#checklist');
  await page.evaluate(() => {
    const el = document.getElementById('checklist') as HTMLElement & { mode: string; view: string };
    el.mode = 'move-in';
    el.view = 'summary';
    (window as unknown as { e2e: { as(w: string): void } }).e2e.as('owner');
  });
  await checklist.locator('[part="decision"] form').waitFor();
  await press(checklist.locator('input[name="decision"][value="refuse"]'), 'Space');
  await press(checklist.locator('#decision-signature'), 'Z');
  await page.keyboard.type('hang Wei');
  await page.keyboard.press('Enter');
  await checklist.getByText('Give a reason when refusing the house').waitFor();
  await checklist.locator('#decision-reason').focus();
  await page.keyboard.type('Bathroom still leaks');
  await press(checklist.locator('#decision-signature'));
  await checklist.locator('[data-decision="refuse"]').waitFor();
  const decisions = await page.evaluate(() => (window as unknown as { e2e: { decisions: unknown[] } }).e2e.decisions);
  assert.equal(decisions.length, 1);
  const d = decisions[0] as { decision: string; reason: string; signatureName: string; at: string };
  assert.deepEqual([d.decision, d.reason, d.signatureName], ['refuse', 'Bathroom still leaks', 'Zhang Wei']);
  assert.match(d.at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
  assert.deepEqual(await axe(), [], 'axe on the owner decision');

  // The problem list: closed defects only when asked for; one sheet for the contractor.
  await press(checklist.locator('#tab-summary'), 'ArrowRight');
  await checklist.getByText('Nothing left to repair.').waitFor();
  await press(checklist.locator('[data-print="closed"]'), 'Space');
  await checklist.locator('[part="sheet"]').first().waitFor();
  assert.deepEqual(await checklist.locator('[part="sheet"]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['contractor'])), ['C-TJ01']);
  assert.deepEqual(await axe(), [], 'axe on the problem list');
  await page.screenshot({ path: join(process.env.WY_SCREENSHOT_DIR ?? '/tmp', 'wy-checklist-e2e-print-en.png'), fullPage: true });
  assert.deepEqual(errors, []);
});
