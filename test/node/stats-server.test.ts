// <wy-complaint-stats> fed by the server (issue 13): the shipped example complaints started
// through the engine on PostgreSQL, the statistics endpoint (createStatsHandler → complaintStatsSql)
// on node:http, and headless Chromium showing two elements side by side — one with `src` pointing
// at the endpoint (the table counted in SQL, no record in the browser), one counting the same
// records itself. Their tables, CSV and visible cells are equal; changing the period in the
// server-fed element fetches the new table; a server refusal is shown, not swallowed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { Page } from 'playwright-core';
import { createStatsHandler, PostgresStore, toNodeListener } from '../../src/server/index.js';
import { builtinDefinitions, createEngine } from '../../src/workflow/index.js';
import { readStatsTable, statsRequestOptions, statsRequestQuery, type StatsOffice } from '../../src/core/stats/index.js';
// @ts-expect-error: a plain .mjs helper without types
import { freshDatabase } from '../support/postgres.mjs';
// @ts-expect-error: a plain .mjs helper without types
import { launch } from '../support/browser.mjs';
// @ts-expect-error: a plain .mjs helper without types
import { TYPES } from '../support/static-server.mjs';

const examples = JSON.parse(readFileSync('schemas/examples/complaint.valid.json', 'utf8')) as unknown[];
const offices = JSON.parse(readFileSync('schemas/examples/offices.json', 'utf8')) as StatsOffice[];

let store: PostgresStore;
let server: Server;
let base = '';
let browser: { page: Page; close(): Promise<void> };
const asked: string[] = [];
const errors: string[] = [];

const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>stats</title>
<script type="module" src="/dist/wuye-kit.bundle.js"></script></head><body>
<wy-complaint-stats id="served" src="/api/stats" group-by="region" from="2026-07" to="2026-10" hide-period-controls></wy-complaint-stats>
<wy-complaint-stats id="local" group-by="region" from="2026-07" to="2026-10" hide-period-controls></wy-complaint-stats>
<wy-complaint-stats id="controls" src="/api/stats" from="2026-07" to="2026-09" preset="custom"></wy-complaint-stats>
</body></html>`;

before(async () => {
  store = new PostgresStore({ connectionString: (await freshDatabase('statsserver')) as string });
  await store.migrate();
  const engine = createEngine({ definitions: Object.values(builtinDefinitions), store });
  for (const [i, data] of examples.entries()) assert.ok((await engine.start('complaint', { id: `EX-${i}`, data }, { id: 'E1001', name: '周敏', roles: ['receptionist'] })).ok);
  const stats = toNodeListener(
    createStatsHandler({
      source: { postgres: store },
      offices,
      authenticate: (request) => (/(^|; )who=E1001(;|$)/.test(request.headers.get('cookie') ?? '') ? { id: 'E1001', name: '周敏', roles: ['supervisor'] } : null),
    }),
  );
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/api/stats') {
      asked.push(url.search);
      return stats(req, res);
    }
    // The records as the store holds them, for the element that counts in the browser.
    if (url.pathname === '/records.json') {
      void Promise.all(examples.map(async (_, i) => (await store.load(`EX-${i}`))!.data)).then((records) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(records));
      });
      return;
    }
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(PAGE);
    }
    const rel = url.pathname.replace(/^\/+/, '');
    if (!/^dist\/[\w\-./]+$/.test(rel) || rel.includes('..')) {
      res.writeHead(404);
      return res.end();
    }
    try {
      const body = readFileSync(rel);
      res.writeHead(200, { 'content-type': (TYPES as Record<string, string>)[rel.slice(rel.lastIndexOf('.'))] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  browser = await launch({ viewport: { width: 1400, height: 1000 } });
  browser.page.on('pageerror', (e) => errors.push(e.message));
});

after(async () => {
  await browser?.close();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  await store?.close();
});

/** Per element: its table as data, its CSV, and the text of every rendered cell. */
const readElement = (page: Page, id: string) =>
  page.evaluate((id) => {
    const el = document.getElementById(id) as HTMLElement & { table?: unknown; toCsv(): string; updateComplete: Promise<boolean> };
    const cells = [...el.shadowRoot!.querySelectorAll('[role="row"]')].map((r) => [...r.querySelectorAll('[role="cell"], [role="rowheader"]')].map((c) => c.textContent!.trim()).join('|'));
    return { table: JSON.parse(JSON.stringify(el.table ?? null)) as unknown, csv: el.toCsv(), cells, error: el.shadowRoot!.querySelector('[part="error"]')?.textContent ?? '' };
  }, id);

const settle = (page: Page, id: string) =>
  page.waitForFunction((id) => {
    const el = document.getElementById(id) as HTMLElement & { table?: unknown };
    return el.table !== undefined && el.shadowRoot!.querySelector('[aria-busy="true"]') === null;
  }, id);

test('query parameters: what the element asks is what the server reads', () => {
  const request = { groupBy: 'region', granularity: 'quarter', compare: 'yoy', from: '2026-07', to: '2026-09', filter: { kind: ['complaint', 'suggestion'], channel: [] }, asOf: '2026-10-01T00:00:00+08:00' } as const;
  const q = statsRequestQuery(request);
  assert.equal(q, 'groupBy=region&granularity=quarter&compare=yoy&from=2026-07&to=2026-09&asOf=2026-10-01T00%3A00%3A00%2B08%3A00&kind=complaint%2Csuggestion&channel=');
  assert.deepEqual(statsRequestOptions(new URLSearchParams(q), 0), { groupBy: 'region', period: 'quarter', compare: 'yoy', from: '2026-07', to: '2026-09', asOf: '2026-10-01T00:00:00+08:00', filter: { kind: ['complaint', 'suggestion'], channel: [] } });
  // A preset is resolved by the server's clock (Asia/Shanghai): 2026-11-30 20:00 UTC is already December there.
  assert.deepEqual(statsRequestOptions(new URLSearchParams('preset=last-quarter&from=2020-01'), Date.parse('2026-11-30T20:00:00Z')), { period: 'quarter', from: '2026-07', to: '2026-09' });
  assert.throws(() => statsRequestOptions(new URLSearchParams('preset=next-week'), 0), /preset must be one of/);
  assert.throws(() => readStatsTable({ rows: [] }), /not a statistics table: groupBy/);
});

test('the endpoint: 401 without a session, 400 with the reason for bad options, 405 for other methods, 200 with the table', async () => {
  assert.equal((await fetch(`${base}/api/stats`)).status, 401);
  const bad = await fetch(`${base}/api/stats?from=2026-10&to=2026-07`, { headers: { cookie: 'who=E1001' } });
  assert.equal(bad.status, 400);
  assert.match(((await bad.json()) as { error: { message: string } }).error.message, /ends .* before it starts/);
  assert.equal((await fetch(`${base}/api/stats`, { method: 'POST', headers: { cookie: 'who=E1001' } })).status, 405);
  const ok = await fetch(`${base}/api/stats?from=2026-07&to=2026-10`, { headers: { cookie: 'who=E1001' } });
  assert.equal(ok.status, 200);
  const table = readStatsTable(await ok.json());
  assert.equal(table.recordCount, examples.length);
});

test('in Chromium: the table the server counted equals the one counted from the records, cell for cell; the period controls fetch again', { timeout: 120_000 }, async () => {
  const { page } = browser;
  // Signed out first: the server's refusal is shown as the element's error.
  await page.goto(`${base}/`);
  await page.waitForFunction(() => (document.getElementById('served') as HTMLElement).shadowRoot?.querySelector('[part="error"]')?.textContent);
  assert.match((await readElement(page, 'served')).error, /统计表未能从服务器取得：Sign in first/);

  await page.context().addCookies([{ name: 'who', value: 'E1001', url: base }]);
  asked.length = 0;
  await page.goto(`${base}/`);
  await page.evaluate(async (offices) => {
    const local = document.getElementById('local') as HTMLElement & { complaints: unknown[]; offices: unknown };
    local.offices = offices;
    local.complaints = (await (await fetch('/records.json')).json()) as unknown[];
  }, offices);
  await settle(page, 'served');
  await settle(page, 'local');
  const served = await readElement(page, 'served');
  const local = await readElement(page, 'local');
  assert.equal(served.error, '');
  assert.ok((served.table as { total: { total: number } }).total.total > 0, 'the examples are counted');
  assert.deepEqual(served.table, local.table, 'the same table as data');
  assert.equal(served.csv, local.csv, 'the same CSV (every cell)');
  assert.ok(served.cells.length > 5);
  assert.deepEqual(served.cells, local.cells, 'the same rendered cells');
  assert.deepEqual(asked.filter((q) => q.includes('region')), ['?groupBy=region&granularity=month&compare=none&from=2026-07&to=2026-10'], 'one request, with the element’s options');

  // The user asks for 同比 in the controls: the element fetches that table and says which period it asked for.
  const period = page.evaluate(() => new Promise((r) => document.getElementById('controls')!.addEventListener('wy-period-change', (e) => r((e as CustomEvent).detail), { once: true })));
  await settle(page, 'controls');
  await page.locator('#controls select[name="compare"]').selectOption('yoy');
  assert.deepEqual(await period, { preset: 'custom', from: '2026-07-01', to: '2026-09-30', compare: 'yoy' });
  await page.waitForFunction(() => (document.getElementById('controls') as HTMLElement & { table?: { compare: string } }).table?.compare === 'yoy');
  assert.ok(asked.some((q) => q.includes('compare=yoy')), 'the new options went to the server');
  const yoy = (await readElement(page, 'controls')).table as { compare: string; compareRange: { from: string; to: string } };
  assert.deepEqual(yoy.compareRange, { from: '2025-07', to: '2025-09' });
  assert.deepEqual(errors, []);
});
