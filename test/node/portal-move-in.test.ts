// The demo portal's move-in journey (issue 14, CRM 第五章 入伙服务), end to end in headless
// Chromium as a specialist would go, with the keyboard: the project move-in (plan, risk
// pre-assessment, preparation) starts one move-in-house instance per house; the project lists its
// houses with their states and counts them; each house goes notify the owner → close the problems
// → the owner's decision → registered; when every house is done the project moves on by itself
// and the summary closes it. A reload in the middle loses nothing. Uses the built dist/ served as
// `npm start` serves it (`wuye-kit demo --embedded`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import type { Page, Locator } from 'playwright-core';
import { startPortal, openPortal, assertAxeClean, type PortalSession } from '../support/portal.js';
// @ts-expect-error: a plain .mjs helper without types
import { collectText } from '../support/collect-text.mjs';
import { strays, shippedData } from '../support/stray-text.js';

let portal: PortalSession;
let page: Page;
let errors: string[];
const project = JSON.parse(readFileSync('stories/portal/move-in-project.json', 'utf8')) as { houses: { building: string; unit: string; room: string; owner: string }[] };
/** What the specialist types in the journey: data, in whatever language the page is shown in later. */
const RISK_NOTE = '二期 5 栋电梯验收未完成，入伙首日人流集中。';
const progressNote = (house: string) => `${house} 已交钥匙，入伙资料已归档。`;
const summaryText = (n: number) => `${n} 户均已收房并登记入伙进程。`;
const houseName = (h: { building: string; unit: string; room: string }) => `${h.building} ${h.unit} ${h.room}`;

before(async () => {
  portal = await startPortal('demo');
  ({ page, errors } = portal);
});
after(async () => {
  await portal?.close();
});

const open = () => openPortal(page, portal.url);
const axe = (context: string) => assertAxeClean(page, context);
const stateOf = async (panel: Locator) => (await panel.locator('[part="state"], .state').first().textContent())?.trim();
async function waitState(panel: Locator, state: string) {
  await panel.locator('[part="state"], .state').first().filter({ hasText: state }).waitFor({ timeout: 10_000 });
}
/** Tabs to an action of a panel (focus lands on it as Tab would) and presses Enter. */
async function press(panel: Locator, name: RegExp) {
  const button = panel.getByRole('button', { name }).first();
  await button.focus();
  await page.keyboard.press('Enter');
}
/** Actions whose first Enter opened nothing (see open_). */
const lostEnters: string[] = [];
/**
 * Opens an action's form (or confirmation) with the keyboard: one Enter, as a user presses it;
 * if nothing opens within 5 s, Enter again, as a user would (at most three times), and the lost
 * Enter is reported as a diagnostic of the test. (The panel's late focus on the new state after
 * the previous send used to take the focus off the action between focus and Enter — fixed in the
 * panel, 4610d7c; one lost Enter was still seen since, in a full CI run on a loaded machine, at
 * 关闭问题 of a later house — not reproduced in six targeted runs, three of them under CPU load.)
 */
async function open_(panel: Locator, name: RegExp) {
  const submitButton = panel.getByRole('button', { name: /^(提交|确认|Submit|Confirm)/ }).first();
  for (let attempt = 0; attempt < 3; attempt++) {
    await press(panel, name);
    if (await submitButton.waitFor({ timeout: 5000 }).then(() => true, () => false)) {
      if (attempt > 0) lostEnters.push(`${String(name)} (${attempt} lost)`);
      return;
    }
  }
  assert.fail(`the action ${String(name)} did not open after three presses of Enter`);
}
/** Sends the open action form with the keyboard: focus on its submit button, Enter. */
async function submit(panel: Locator) {
  await press(panel, /^(提交|确认|Submit|Confirm)/);
}
/** Types into a labelled field of the open form (focus as Tab would, then the keys). */
async function type(panel: Locator, label: string | RegExp, text: string) {
  const field = panel.locator('wy-schema-form').getByLabel(label).first();
  await field.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
}

test('a project move-in with several houses: the project starts one instance per house, counts them and moves on when all are done', async (t) => {
  await open();
  await page.selectOption('#role', 'specialist');
  // The tab list is keyboard-driven: from the first tab, arrow keys reach 入伙.
  await page.locator('#tab-intake').focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  assert.equal(await page.locator('#tab-move-in').getAttribute('aria-selected'), 'true');
  const projectPanel = page.locator('#move-in-panel');
  await waitState(projectPanel, '设置入伙服务参数');
  assert.match((await page.locator('#move-in-summary').textContent()) ?? '', /开始各户入伙后/);

  // 1 入伙计划: the project's schedule is prefilled from its record.
  await open_(projectPanel, /编制入伙计划/);
  assert.equal(await projectPanel.locator('wy-schema-form').getByLabel('开始日期').inputValue(), '2026-12-01');
  await submit(projectPanel);
  await waitState(projectPanel, '入伙计划已编制');
  // 2 风险预评: the level chosen with the keyboard.
  await open_(projectPanel, /入伙风险预评/);
  await projectPanel.locator('wy-schema-form').getByLabel('中', { exact: true }).focus();
  await page.keyboard.press('Space');
  assert.equal(await projectPanel.locator('wy-schema-form').getByLabel('中', { exact: true }).isChecked(), true);
  await type(projectPanel, '风险说明', RISK_NOTE);
  await submit(projectPanel);
  await waitState(projectPanel, '入伙风险已预评');
  await open_(projectPanel, /入伙准备完成/);
  await submit(projectPanel);
  await waitState(projectPanel, '入伙准备已完成');

  // 3 开始各户入伙: the houses of the batch, prefilled; one move-in-house instance each.
  await open_(projectPanel, /开始各户入伙/);
  assert.equal(await projectPanel.locator('wy-schema-form').getByLabel('房号').count(), project.houses.length);
  await submit(projectPanel);
  await waitState(projectPanel, '各户入伙进行中');
  const houses = page.locator('#houses');
  await houses.locator('tr').nth(project.houses.length).waitFor({ timeout: 10_000 });
  for (const h of project.houses) assert.ok((await houses.textContent())!.includes(houseName(h)), houseName(h));
  assert.equal(await houses.locator('td.state').filter({ hasText: '集中录入问题' }).count(), project.houses.length);
  assert.match((await page.locator('#move-in-summary').textContent()) ?? '', new RegExp(`共 ${project.houses.length} 户：已完成 0 户，未完成 ${project.houses.length} 户。 各状态：集中录入问题 ${project.houses.length}。`));

  // Each house, opened from the project's list with the keyboard, through CRM 5.3.5–5.3.10.
  const housePanel = page.locator('#house-panel');
  const runHouse = async (i: number, reloadMidway = false) => {
    const h = project.houses[i]!;
    const listButton = houses.getByRole('button', { name: houseName(h) });
    await listButton.focus();
    await page.keyboard.press('Enter');
    await page.locator('#house-selected').filter({ hasText: houseName(h) }).waitFor();
    await waitState(housePanel, '集中录入问题');
    const row = await listButton.elementHandle();
    await open_(housePanel, /生成问题清单/);
    await type(housePanel, '问题数量', '2');
    await submit(housePanel);
    await waitState(housePanel, '问题清单已生成');
    // The list redraws in place after a change: the house's row (and a focus on its button) stays.
    await houses.locator('tr', { hasText: houseName(h) }).locator('td.state', { hasText: '问题清单已生成' }).waitFor({ timeout: 10_000 });
    assert.equal(await row!.evaluate((b) => b.isConnected), true, 'the list redrew its rows in place');
    await open_(housePanel, /通知业主现场验收/);
    await submit(housePanel);
    await waitState(housePanel, '已通知业主现场验收');
    if (reloadMidway) {
      await axe('the move-in view with a house open');
      // Reload in the middle: the project, its houses and the selected house are all still there.
      await open();
      assert.equal(await page.locator('#tab-move-in').getAttribute('aria-selected'), 'true');
      await waitState(housePanel, '已通知业主现场验收');
      assert.match((await page.locator('#house-selected').textContent()) ?? '', new RegExp(houseName(h)));
      assert.equal(await houses.locator('td.state').filter({ hasText: '已通知业主现场验收' }).count(), 1);
    }
    await open_(housePanel, /关闭问题/);
    await type(housePanel, '本次关闭', '2');
    await type(housePanel, '仍未关闭', '0');
    await submit(housePanel);
    await waitState(housePanel, '问题已关闭');
    await open_(housePanel, /是否收房/);
    await housePanel.locator('wy-schema-form').getByLabel('同意收房').focus();
    await page.keyboard.press('Space');
    await submit(housePanel);
    await waitState(housePanel, '业主已收房');
    await open_(housePanel, /登记入伙进程/);
    await type(housePanel, '进展', progressNote(houseName(h)));
    await housePanel.locator('wy-schema-form').getByLabel('已完成').focus();
    await page.keyboard.press('Space');
    await submit(housePanel);
    await waitState(housePanel, '入伙进程已登记');
  };
  await runHouse(0, true);
  await page.locator('#move-in-summary').filter({ hasText: `已完成 1 户，未完成 ${project.houses.length - 1} 户` }).waitFor({ timeout: 10_000 });
  assert.equal(await stateOf(projectPanel), '各户入伙进行中', 'the project waits while houses are open');
  // The next houses from the same page: switching the panel from a finished house to the next.
  for (let i = 1; i < project.houses.length; i++) await runHouse(i);

  // Every house done: the project moved on by itself, and its summary closes it.
  await page.locator('#move-in-summary').filter({ hasText: `已完成 ${project.houses.length} 户，未完成 0 户` }).waitFor({ timeout: 10_000 });
  await waitState(projectPanel, '各户入伙已完成');
  await open_(projectPanel, /编制入伙总结/);
  await type(projectPanel, '总结', summaryText(project.houses.length));
  await submit(projectPanel);
  await waitState(projectPanel, '入伙总结已编制');
  assert.deepEqual(errors, []);
  for (const lost of lostEnters) t.diagnostic(`an Enter on an action opened nothing the first time: ${lost}`);
});

/**
 * Strays of the other language in elements others own (issue 15), with the owner; the portal's
 * own text (its catalog) has none. A new stray fails the test below.
 */
const KNOWN_PORTAL: readonly { found: RegExp; owner: string; why: string }[] = [
];

test('every portal view, in zh-CN and in en, shows no text of the other language except data', async (t) => {
  const typed = [RISK_NOTE, ...project.houses.map((h) => progressNote(houseName(h))), summaryText(project.houses.length)];
  const data = [...shippedData((f) => readFileSync(f, 'utf8'), (d) => readdirSync(d)), ...typed, '简体中文', 'English'];
  const found: string[] = [];
  const seen = new Set<number>();
  for (const locale of ['zh-CN', 'en'] as const) {
    await page.selectOption('#locale', locale);
    for (const view of ['intake', 'handling', 'stats', 'deductions', 'inspection', 'move-in']) {
      await page.click(`[data-view="${view}"]`);
      await page.waitForTimeout(700);
      const texts = (await page.evaluate(collectText('body'))) as { text: string; lang: string }[];
      for (const x of texts) {
        const lang = x.lang.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
        for (const s of strays(x.text, lang, data)) {
          const k = KNOWN_PORTAL.findIndex((k) => k.found.test(s.found));
          if (k >= 0) seen.add(k);
          else found.push(`${view} [${lang}]: "${s.found}" in «${s.text.slice(0, 100)}»`);
        }
      }
    }
  }
  await page.selectOption('#locale', 'zh-CN');
  for (const f of new Set(found)) t.diagnostic(`stray: ${f}`);
  KNOWN_PORTAL.forEach((k, i) => t.diagnostic(`${seen.has(i) ? 'known stray' : 'known stray NOT SEEN (remove it)'} (${k.owner}): ${k.found} — ${k.why}`));
  assert.deepEqual([...new Set(found)], []);
});
