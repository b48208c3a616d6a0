// The demo portal's main journeys, end to end in headless Chromium, as its users would go:
// a receptionist registers a complaint, roles switch and carry it to closed; an inspector runs an
// internal inspection to its summary; a reload in the middle of each journey loses nothing.
// Uses the built dist/ (npm test builds first) served as `npm start` serves it (`wuye-kit demo
// --embedded`). The same portal against wuye-kit/server (`npm run serve`) is in
// portal-server.test.ts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page, Locator } from 'playwright-core';
import { startPortal, openPortal, registerComplaint, type PortalSession } from '../support/portal.js';

let portal: PortalSession;
let page: Page;
let errors: string[];

before(async () => {
  portal = await startPortal('demo');
  ({ page, errors } = portal);
});
after(async () => {
  await portal?.close();
});

const open = (query = '') => openPortal(page, portal.url, query);
const status = () => page.locator('#status').textContent();
async function role(value: string) {
  await page.selectOption('#role', value);
}
/** Opens a tab; what the test reads next is waited for where it is read. */
async function tab(view: string) {
  await page.click(`[data-view="${view}"]`);
  await page.locator(`#view-${view}`).waitFor({ state: 'visible' });
}
/**
 * Runs an action of the workflow panel and, when it opens a form, fills it and sends it; then waits
 * for the state a person would see next on that panel. (It used to watch #panel whatever the panel,
 * so each inspection step waited out a 10 s timeout it swallowed, then slept: a lost click went unseen.)
 */
async function act(panel: Locator, name: RegExp, then: string, fill?: (form: Locator) => Promise<void>) {
  await panel.getByRole('button', { name }).first().click();
  const form = panel.locator('wy-schema-form');
  if (fill) {
    await form.first().waitFor();
    await fill(form.first());
  }
  await panel.getByRole('button', { name: /^(提交|确认|Submit|Confirm)/ }).first().click();
  await waitState(panel, then);
}
async function waitState(panel: Locator, state: string) {
  await panel.locator('[part="state"]').filter({ hasText: new RegExp(`^\\s*${state}\\s*$`) }).waitFor({ timeout: 10_000 });
}
const stateOf = async (panel: Locator) => (await panel.locator('[part="state"], .state').first().textContent())?.trim();

test('the portal loads with the example data on the embedded store, without page errors', async () => {
  await open();
  assert.match((await status()) ?? '', /36/);
  assert.equal(await page.locator('#store').getAttribute('data-store'), 'browser');
  await tab('handling');
  // The list is drawn once the store has been read: wait for it as a person would.
  await page.locator('#complaints tr').nth(30).waitFor({ timeout: 10_000 });
  assert.ok((await page.locator('#complaints tr').count()) > 30);
  assert.deepEqual(errors, []);
});

test('a complaint from intake to closed, with roles switching and a reload in the middle', async () => {
  await role('receptionist');
  await tab('intake');
  const recordNo = await registerComplaint(page, { subject: '楼道灯坏了一周', description: '12楼楼道灯不亮已有一周，晚上出行不便。' });
  const panel = page.locator('#panel');
  // The panel shows the new record (not the one selected before) in its first state.
  await panel.locator('[part="header"]', { hasText: recordNo }).waitFor({ timeout: 10_000 });
  await waitState(panel, '已受理');

  await act(panel, /登记/, '已登记', async (f) => {
    await f.locator('wy-select-field').filter({ hasText: '投诉分类' }).locator('select').selectOption({ index: 3 });
    await f.locator('wy-select-field').filter({ hasText: '严重程度' }).locator('select').selectOption({ label: '一般' }); // four levels since 复杂: a select
  });
  assert.equal(await stateOf(panel), '已登记');

  // Reload in the middle: the instance, the selection and the role are still there.
  await open();
  assert.equal(await page.locator('#tab-handling').getAttribute('aria-selected'), 'true');
  assert.equal(await stateOf(page.locator('#panel')), '已登记');
  assert.ok((await page.locator('#complaints').textContent())!.includes(recordNo));

  await role('specialist');
  await act(panel, /派单/, '已派单', async (f) => {
    // The handler is picked from the office's staff list (the portal's reference.staff).
    await f.getByLabel(/处理人/).first().selectOption({ label: '林涛 · 客服专员' });
  });
  assert.equal(await stateOf(panel), '已派单');
  await act(panel, /受理|接单/, '处理中');
  assert.equal(await stateOf(panel), '处理中');
  await act(panel, /答复/, '已答复', async (f) => {
    // 答复时间 starts at now (the form knows the case); an earlier time than the last step is refused.
    assert.ok(await f.getByLabel('答复时间').inputValue(), 'the reply time is prefilled');
    await f.getByLabel(/答复内容/).fill('已更换楼道灯，并告知业主。');
  });
  assert.equal(await stateOf(panel), '已答复');
  await act(panel, /回访/, '已回访', async (f) => {
    assert.ok(await f.getByLabel('回访时间').inputValue(), 'the return-visit time is prefilled');
    await f.getByLabel('满意', { exact: true }).check();
  });
  assert.equal(await stateOf(panel), '已回访');
  await act(panel, /结案/, '已结案', async (f) => {
    await f.getByLabel('有效').check();
  });
  assert.equal(await stateOf(panel), '已结案');
  // The timeline has every step; statistics count the new complaint.
  assert.ok((await panel.locator('li').count()) >= 7);
  assert.deepEqual(errors, []);
});

test('an internal inspection to its summary, with a reload in the middle', async () => {
  await role('specialist');
  await tab('inspection');
  const checklist = page.locator('#checklist');
  const panel = page.locator('#inspection-panel');
  const entry = checklist.locator('#entry-text');
  await entry.click();
  await page.keyboard.type('客厅墙面开裂');
  await page.keyboard.press('Enter');
  await page.keyboard.type('卫生间地漏堵塞 [严重]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('wy-portal:defects') ?? '[]').length === 2, null, { timeout: 10_000 });

  const statePanel = async () => (await panel.locator('[part="state"], .state').first().textContent())?.trim();
  await act(panel, /生成问题清单/, '问题清单已生成', async (f) => {
    await f.getByLabel('问题数量').fill('2');
  });
  assert.equal(await statePanel(), '问题清单已生成');
  await act(panel, /下发施工单位整改/, '整改中');
  assert.equal(await statePanel(), '整改中');

  // Reload in the middle: the defects and the inspection's state are still there.
  await open();
  assert.equal(await page.locator('#tab-inspection').getAttribute('aria-selected'), 'true');
  assert.equal(await statePanel(), '整改中');
  assert.equal(JSON.parse((await page.evaluate(() => localStorage.getItem('wy-portal:defects'))) ?? '[]').length, 2);

  await role('contractor');
  // click() waits until the action is enabled for the contractor (the panel re-reads the actions).
  await act(panel, /报告整改完成/, '待复验');
  assert.equal(await statePanel(), '待复验');

  await role('specialist');
  await act(panel, /复查并关闭问题/, '待验房总结', async (f) => {
    await f.getByLabel('本次关闭').fill('2');
    await f.getByLabel('仍未关闭').fill('0');
  });
  assert.equal(await statePanel(), '待验房总结');
  await act(panel, /验房总结/, '验房总结完成', async (f) => {
    await f.getByLabel('总结').fill('共发现 2 项问题，均已整改并复查关闭。');
  });
  assert.equal(await statePanel(), '验房总结完成');

  await checklist.getByRole('tab', { name: '验房总结' }).click();
  // Locators pierce shadow roots; textContent() of the host would not.
  await checklist.getByText(/共 2 项/).first().waitFor({ timeout: 5000 });
  assert.deepEqual(errors, []);
});

test('the language switch turns every element to English', async () => {
  await page.selectOption('#locale', 'en');
  await tab('stats');
  await page.locator('#stats').getByText('Management responsibility').first().waitFor({ timeout: 5000 });
  assert.equal(await page.locator('#tab-stats').textContent(), 'Statistics');
  await page.selectOption('#locale', 'zh-CN');
});
