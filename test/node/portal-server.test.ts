// The demo portal against wuye-kit/server (`npm run serve` = `wuye-kit demo`), end to end in
// headless Chromium: the demo sign-in for each person, the elements unchanged on RemoteEngine, a
// receptionist who cannot dispatch even by calling the API by hand from the page, a second
// browser that sees another person's change through the feed, and a static side that serves only
// the page and dist/ (no repository files, no database, no symlink escape).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, symlinkSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page, Locator } from 'playwright-core';
import { startDemo, SESSION_COOKIE, type RunningDemo } from '../../src/cli/demo.js';
// @ts-expect-error: a plain .mjs helper without types
import { launch } from '../support/browser.mjs';

type Browser = { page: Page; context: { newPage(): Promise<Page> }; close(): Promise<void> };
const people = JSON.parse(readFileSync('schemas/examples/people.json', 'utf8')) as { id: string; name: string; roles: string[] }[];
const dbDir = mkdtempSync(join(tmpdir(), 'wy-demo-db-'));
let demo: RunningDemo;
let a: Browser;
let b: Browser;
const errors: string[] = [];

before(async () => {
  demo = await startDemo({ root: '.', db: join(dbDir, 'demo.sqlite'), port: 0, tickIntervalMs: 5_000 });
  a = await launch({ viewport: { width: 1360, height: 1000 } });
  b = await launch({ viewport: { width: 1360, height: 1000 } });
  for (const x of [a, b]) x.page.on('pageerror', (e) => errors.push(e.message));
});
after(async () => {
  await a?.close();
  await b?.close();
  await demo?.close();
  rmSync(dbDir, { recursive: true, force: true });
});

async function open(page: Page) {
  await page.goto(`${demo.url}/stories/portal/`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
}
async function signIn(page: Page, id: string) {
  await open(page);
  await Promise.all([page.waitForEvent('load'), page.selectOption('#role', id)]);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
}
async function tab(page: Page, view: string) {
  await page.click(`[data-view="${view}"]`);
  await page.waitForTimeout(300);
}
const stateOf = async (panel: Locator) => (await panel.locator('[part="state"]').first().textContent())?.trim();

test('before sign-in the page shows only the sign-in; the API answers 401', async () => {
  await open(a.page);
  assert.equal(await a.page.locator('#store').getAttribute('data-store'), 'server');
  assert.equal(await a.page.locator('#main').isHidden(), true);
  assert.match((await a.page.locator('#status').textContent()) ?? '', /演示登录/);
  const status = await a.page.evaluate(async () => (await fetch('/api/workflow/instances')).status);
  assert.equal(status, 401);
});

test('each demo person signs in; the session cookie is HttpOnly and SameSite=Strict; the page sees the seeded complaints', async () => {
  for (const p of people) {
    await signIn(a.page, p.id);
    assert.equal(await a.page.locator('#role').inputValue(), p.id);
    assert.equal(await a.page.locator('#sign-out').isVisible(), true);
    const cookies = await (a as unknown as { context: { cookies(): Promise<{ name: string; httpOnly: boolean; sameSite: string }[]> } }).context.cookies();
    const c = cookies.find((x) => x.name === SESSION_COOKIE)!;
    assert.equal(c.httpOnly, true);
    assert.equal(c.sameSite, 'Strict');
    assert.equal(await a.page.evaluate(() => document.cookie.includes('wy_demo_session')), false, 'the page cannot read it');
    const me = await a.page.evaluate(async () => (await (await fetch('/demo/session')).json()).person);
    assert.equal(me.id, p.id);
  }
  await signIn(a.page, 'E2001');
  await tab(a.page, 'handling');
  // The list arrives from the server after the tab opens: wait for it (a loaded machine is slow).
  await a.page.waitForFunction(() => document.querySelectorAll('#complaints tr').length > 30, undefined, { timeout: 30_000 }).catch(() => undefined);
  assert.ok((await a.page.locator('#complaints tr').count()) > 30, 'the seeded complaints, listed by the server');
  assert.deepEqual(errors, []);
});

test('a receptionist cannot dispatch: no button in the panel, and a hand-made API call from the page is refused', async () => {
  await signIn(a.page, 'E1001');
  await tab(a.page, 'handling');
  // A registered complaint of the seeded data (state 已登记 = registered) that waits for dispatch.
  const id = await a.page.evaluate(async () => {
    const list = await (await fetch('/api/workflow/instances?definition=complaint&state=registered&limit=1')).json();
    return list.items[0]?.id as string | undefined;
  });
  assert.ok(id, 'a registered complaint exists');
  await a.page.locator(`#complaints button[data-id="${id}"]`).click();
  const panel = a.page.locator('#panel');
  await panel.locator('[part="state"]').first().waitFor();
  assert.equal(await stateOf(panel), '已登记');
  // The panel may show dispatch with its refusal reason, but never as an action the receptionist can take.
  const dispatch = panel.getByRole('button', { name: /^派单/ });
  for (let i = 0; i < (await dispatch.count()); i++) assert.equal(await dispatch.nth(i).isEnabled(), false, 'no dispatch action for a receptionist');
  // By hand: the body claims an HQ actor and a handler; the server takes the actor from the cookie.
  const answer = await a.page.evaluate(async (instanceId) => {
    const r = await fetch(`/api/workflow/instances/${encodeURIComponent(instanceId)}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'dispatch', payload: { handler: { id: 'E1001', name: '周敏' } }, actor: { id: 'H0001', name: '王峰', roles: ['hq-manager', 'specialist'] } }),
    });
    return { status: r.status, body: await r.json() };
  }, id!);
  assert.ok(answer.status === 403 || answer.status === 422 || answer.status === 400, JSON.stringify(answer));
  const after = await a.page.evaluate(async (instanceId) => (await (await fetch(`/api/workflow/instances/${encodeURIComponent(instanceId)}`)).json()).snapshot, id!);
  assert.equal(after.state, 'registered');
  assert.equal(after.handler, undefined);
});

test('a second browser sees another person\'s change through the feed, without reloading', async () => {
  await signIn(a.page, 'E1001');
  await signIn(b.page, 'E2001');
  // The receptionist registers a new complaint through <wy-complaint-form>.
  await tab(a.page, 'intake');
  const form = a.page.locator('wy-complaint-form');
  await a.page.getByLabel('业主/住户').check();
  await a.page.getByLabel('联系电话').fill('13912345678');
  await form.locator('wy-select-field').filter({ hasText: '管理处' }).locator('select').selectOption({ index: 1 });
  await a.page.getByLabel('房号').fill('1502');
  await form.locator('wy-select-field').filter({ hasText: '受理渠道' }).locator('select').selectOption({ index: 1 });
  await form.locator('wy-select-field').filter({ hasText: '投诉分类' }).locator('select').selectOption({ index: 3 });
  await a.page.getByLabel('主题').fill('地下车库照明不足');
  await a.page.getByLabel('内容描述').fill('B2 层车库多处灯管不亮，夜间停车困难。');
  await a.page.getByLabel('一般').check();
  await form.locator('[part="submit"]').click();
  await a.page.waitForFunction(() => /已登记，处理流程已启动/.test(document.getElementById('status')?.textContent ?? ''), null, { timeout: 15_000 });
  const panelA = a.page.locator('#panel');
  const recordNo = /投诉 (\S+) 已登记/.exec((await a.page.locator('#status').textContent()) ?? '')![1]!;
  // The panel shows the new record (a /登记/ button of the record selected before is not it).
  await panelA.locator('[part="header"]', { hasText: recordNo }).waitFor({ timeout: 15_000 });
  await panelA.locator('[part="state"]', { hasText: '已受理' }).waitFor({ timeout: 15_000 });
  const id = await a.page.evaluate(() => localStorage.getItem('wy-portal:selected'));
  assert.ok(id);

  // The specialist's list shows it (the feed redrew it); the receptionist registers it; the
  // specialist's panel follows.
  await tab(b.page, 'handling');
  await b.page.locator('#complaints button', { hasText: recordNo }).waitFor({ timeout: 15_000 });
  await b.page.locator('#complaints button', { hasText: recordNo }).click();
  const panelB = b.page.locator('#panel');
  await b.page.waitForFunction(() => document.querySelector('#panel')?.shadowRoot?.querySelector('[part="state"]')?.textContent?.trim() === '已受理', null, { timeout: 15_000 });
  await panelA.getByRole('button', { name: /登记/ }).first().click();
  // The register form starts from the record (category and severity from intake): send it as it is.
  await panelA.locator('wy-schema-form').first().waitFor();
  await panelA.getByRole('button', { name: /^(提交|确认)/ }).first().click();
  await a.page.waitForFunction(() => document.querySelector('#panel')?.shadowRoot?.querySelector('[part="state"]')?.textContent?.trim() === '已登记', null, { timeout: 15_000 });
  await b.page.waitForFunction(() => document.querySelector('#panel')?.shadowRoot?.querySelector('[part="state"]')?.textContent?.trim() === '已登记', null, { timeout: 15_000 });
  assert.equal(await stateOf(panelB), '已登记');

  // The specialist dispatches from the panel; the receptionist's panel follows the same way.
  await panelB.getByRole('button', { name: /派单/ }).first().click();
  const f = panelB.locator('wy-schema-form').first();
  await f.waitFor();
  // The handler is picked from the office's staff list (the portal's reference.staff).
  await f.getByLabel(/处理人/).first().selectOption({ label: '林涛 · 客服专员' });
  await panelB.getByRole('button', { name: /^(提交|确认)/ }).first().click();
  await a.page.waitForFunction(() => document.querySelector('#panel')?.shadowRoot?.querySelector('[part="state"]')?.textContent?.trim() === '已派单', null, { timeout: 15_000 });
  assert.equal(await stateOf(panelA), '已派单');
  await a.page.screenshot({ path: join(tmpdir(), 'wy-portal-server.png') });
  assert.deepEqual(errors, []);
});

test('the static side serves only the page, dist/ and the reference data: no repository files, no database, no symlink escape', async () => {
  const get = async (path: string) => (await fetch(`${demo.url}${path}`)).status;
  assert.equal(await get('/stories/portal/'), 200);
  assert.equal(await get('/dist/wuye-kit.bundle.js'), 200);
  assert.equal(await get('/schemas/examples/offices.json'), 200);
  for (const p of ['/.git/config', '/.git/HEAD', '/package.json', '/src/cli/demo.ts', '/node_modules/lit/index.js', '/schemas/examples/complaint.valid.json', '/.data/workflow.sqlite', '/dist/../package.json', '/dist/%2e%2e/package.json', '/stories/portal/%2e%2e/%2e%2e/package.json', '/dist/..%2fpackage.json']) {
    assert.equal(await get(p), 404, p);
  }
  // A symlink inside a served folder that points out of it is not followed.
  const link = resolve('dist', 'escape-test-link');
  symlinkSync(resolve('package.json'), link);
  try {
    assert.equal(await get('/dist/escape-test-link'), 404);
  } finally {
    rmSync(link);
  }
  // The database is outside every served folder; a --db inside one is refused.
  assert.ok(!resolve(demo.db).startsWith(resolve('dist')));
  await assert.rejects(startDemo({ root: '.', db: resolve('dist', 'x.sqlite'), port: 0, seed: false }), /inside a served folder/);
  // Sign-in from another origin, or not as JSON, is refused; a forged cookie is no session.
  const other = await fetch(`${demo.url}/demo/session`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: '{"person":"H0001"}' });
  assert.equal(other.status, 403);
  const plain = await fetch(`${demo.url}/demo/session`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"person":"H0001"}' });
  assert.equal(plain.status, 415);
  const forged = `${Buffer.from('H0001').toString('base64url')}.${Math.floor(Date.now() / 1000) + 3600}.${'A'.repeat(43)}`;
  assert.equal((await fetch(`${demo.url}/api/workflow/instances`, { headers: { cookie: `${SESSION_COOKIE}=${forged}` } })).status, 401);
});
