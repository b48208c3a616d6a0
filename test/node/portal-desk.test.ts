// A day at the service desk, end to end in headless Chromium with the keyboard only (focus and
// keys, no clicks): register a complaint today and find it in this month's statistics and
// deductions; a reload 100 ms after typing loses nothing; refusals say who may act; the checklist
// moves its inspection workflow; axe finds nothing serious or critical on any view.
// Uses the built dist/ (npm test builds first), served like `npm start`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startPortal, openPortal, assertAxeClean, type PortalSession } from '../support/portal.js';

let portal: PortalSession;
let page: Page;
let errors: string[];

before(async () => {
  portal = await startPortal('static');
  ({ page, errors } = portal);
});
after(async () => {
  await portal?.close();
});

const open = () => openPortal(page, portal.url, '', 90_000);
/** Keyboard: focus a control, then press a key (a button's Enter, a select's ArrowDown, a radio's Space). */
async function press(selector: string, key: string) {
  const el = page.locator(selector).first();
  await el.focus();
  await page.keyboard.press(key);
}
async function typeInto(selector: string, text: string) {
  await page.locator(selector).first().focus();
  await page.keyboard.type(text);
}
async function tab(view: string) {
  await press(`[data-view="${view}"]`, 'Enter');
  await page.waitForTimeout(600);
}
async function role(value: string) {
  await page.locator('#role').focus();
  await page.selectOption('#role', value); // a native select changed from the keyboard fires the same change
  await page.waitForTimeout(300);
}
const status = async () => (await page.locator('#status').textContent()) ?? '';
const axe = (context: string) => assertAxeClean(page, context);

test('the portal opens on this month, with a skeleton before, and no axe serious/critical on any view', async () => {
  await page.goto(`${portal.url}/stories/portal/`);
  // The skeleton is there before the data is.
  assert.equal(await page.locator('#skeleton').count(), 1);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 90_000 });
  assert.equal(await page.locator('#skeleton').isHidden(), true);
  for (const view of ['intake', 'handling', 'stats', 'deductions', 'inspection', 'move-in']) {
    await tab(view);
    await axe(view);
  }
  await tab('stats');
  assert.equal(await page.locator('#stats select[name="preset"]').inputValue(), 'this-month');
  assert.equal(await page.locator('#deductions select[name="preset"]').inputValue(), 'this-month');
  assert.deepEqual(errors, []);
});

test('register today by keyboard: routing shown, focus on the result, counted in this month\'s statistics and deductions', async () => {
  await role('receptionist');
  await tab('intake');
  const form = '#complaint-form';
  await page.locator(`${form} [part="routing"]`).waitFor();
  assert.match((await page.locator(`${form} [part="routing"]`).textContent()) ?? '', /负责单位\s*客服中心/);
  const intake = page.locator(form);
  await intake.getByLabel('业主/住户').focus();
  await page.keyboard.press('Space');
  await intake.getByLabel('联系电话').focus();
  await page.keyboard.type('13912345678');
  await press(`${form} wy-select-field:has-text("管理处") select`, 'ArrowDown');
  await intake.getByLabel('房号').focus();
  await page.keyboard.type('1502');
  await press(`${form} wy-select-field:has-text("受理渠道") select`, 'ArrowDown');
  await press(`${form} wy-select-field:has-text("投诉分类") select`, 'ArrowDown');
  await intake.getByLabel('主题').focus();
  await page.keyboard.type('楼道灯坏了一周');
  await intake.getByLabel('内容描述').focus();
  await page.keyboard.type('12楼楼道灯不亮已有一周。');
  await intake.getByRole('radio', { name: '一般' }).focus();
  await page.keyboard.press('Space');
  // Where focus is at the moment the result appears: a user reads it and moves on at once.
  await page.evaluate(() => {
    const s = document.getElementById('status')!;
    new MutationObserver(() => {
      if (/已登记/.test(s.textContent ?? '')) (window as unknown as { focusAtResult?: string }).focusAtResult ??= document.activeElement?.id ?? '';
    }).observe(s, { childList: true, characterData: true, subtree: true });
  });
  await press(`${form} [part="submit"]`, 'Enter');
  await page.waitForFunction(() => /已登记/.test(document.getElementById('status')?.textContent ?? ''), null, { timeout: 15_000 });
  assert.match(await status(), /负责单位：客服中心（依据：.+）/);
  // With the result, not after the handling list has loaded (it then took the focus from wherever the user had gone).
  assert.equal(await page.evaluate(() => (window as unknown as { focusAtResult?: string }).focusAtResult), 'status', 'focus is on the result as it appears');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'status', 'focus moves to the result');

  await tab('stats');
  await page.locator('#stats [part="coverage"]').waitFor();
  assert.match((await page.locator('#stats [part="coverage"]').textContent()) ?? '', /计入本表 1 条/);
  await tab('deductions');
  await page.locator('#deductions [part="coverage"]').waitFor();
  assert.match((await page.locator('#deductions [part="coverage"]').textContent()) ?? '', /计入 1 条/);
  // Last quarter, by keyboard: the examples are counted there, and the controls say so.
  const coverage = page.locator('#deductions [part="coverage"]');
  const thisMonth = (await coverage.textContent()) ?? '';
  await page.locator('#deductions select[name="preset"]').focus();
  await page.selectOption('#deductions select[name="preset"]', 'last-quarter');
  // Read once the line says something else (after a fixed 300 ms it could still be this month's, which passed).
  await page.waitForFunction(([before]) => {
    const c = document.querySelector('#deductions')?.shadowRoot?.querySelector('[part="coverage"]')?.textContent ?? '';
    return c !== '' && c !== before;
  }, [thisMonth], { timeout: 10_000 });
  assert.doesNotMatch((await coverage.textContent()) ?? '', /计入 0 条/);
  assert.deepEqual(errors, []);
});

test('each refusal says who may act, in the current language', async () => {
  await tab('handling');
  // A registered complaint, chosen by keyboard: the receptionist may not dispatch it.
  await page.locator('#complaints tr', { hasText: '已登记' }).first().locator('button').focus();
  await page.keyboard.press('Enter');
  await page.locator('#panel [part="state"]', { hasText: '已登记' }).waitFor({ timeout: 10_000 });
  const refusals = page.locator('#panel [part="refusal"]');
  await refusals.first().waitFor({ timeout: 10_000 });
  const texts = await refusals.allTextContents();
  assert.ok(texts.length > 0);
  for (const t of texts) assert.match(t, /^暂不可执行：(只有.+可以执行此操作|条件未满足：.+)$/);
  assert.ok(texts.every((t) => !/[a-z]-[a-z]|specialist|receptionist/.test(t)), 'role titles, never codes');
  await page.selectOption('#locale', 'en');
  await page.locator('#panel [part="refusal"]').first().filter({ hasText: /^Not possible now/ }).waitFor({ timeout: 10_000 });
  const en = await page.locator('#panel [part="refusal"]').allTextContents();
  for (const t of en) assert.match(t, /^Not possible now: (Only .+ may take this action|Condition not met: .+)$/);
  await page.selectOption('#locale', 'zh-CN');
  await page.locator('#panel [part="refusal"]').first().filter({ hasText: /^暂不可执行/ }).waitFor({ timeout: 10_000 });
});

test('a reload 100 ms after typing loses nothing: intake and batch entry', async () => {
  await tab('intake');
  await typeInto('#complaint-form wy-text-field:has-text("主题") input', '电梯异响');
  await page.waitForTimeout(100);
  await open();
  await page.locator('#complaint-form [part="draft-notice"]').waitFor({ timeout: 10_000 });
  assert.equal(await page.locator('#complaint-form wy-text-field:has-text("主题") input').inputValue(), '电梯异响');

  await role('specialist');
  await tab('inspection');
  await typeInto('#checklist #entry-text', '阳台栏杆松动');
  await page.waitForTimeout(100);
  await open();
  await page.locator('#checklist [part="draft-notice"]').waitFor({ timeout: 10_000 });
  assert.equal(await page.locator('#checklist #entry-text').inputValue(), '阳台栏杆松动');
  assert.deepEqual(errors, []);
});

test('the checklist moves its workflow: entry complete generates the problem list with its count', async () => {
  await tab('inspection');
  const entry = '#checklist #entry-text';
  await page.locator(entry).focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('客厅墙面开裂');
  await page.keyboard.press('Enter');
  await page.keyboard.type('卫生间地漏堵塞');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  const state = () => page.locator('#inspection-panel [part="state"]').first().textContent();
  assert.equal((await state())?.trim(), '集中录入问题');
  await press('#checklist [part="entry-complete"]', 'Enter');
  await page.waitForFunction(() => /问题清单已生成/.test(document.querySelector('#inspection-panel')?.shadowRoot?.querySelector('[part="state"]')?.textContent ?? ''), null, { timeout: 30_000 });
  assert.match(await status(), /生成问题清单 → 问题清单已生成/);
  const history = await page.locator('#inspection-panel [part="entry"]').first().textContent();
  assert.match(history ?? '', /问题数量\s*3|问题数量\s*2/);
  assert.deepEqual(errors, []);
});
