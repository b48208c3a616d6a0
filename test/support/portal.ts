// What every portal journey test starts with: the demo portal served (as `npm start` serves it,
// or as plain static files), headless Chromium on it with page errors collected, opening it and
// waiting until it is ready, axe on the page as it is, and a complaint registered at the intake tab.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { startDemo } from '../../src/cli/demo.js';
// @ts-expect-error: a plain .mjs helper without types
import { serveStatic } from './static-server.mjs';
// @ts-expect-error: a plain .mjs helper without types
import { launch } from './browser.mjs';

export interface PortalSession {
  /** Where the portal is served (the page is at `${url}/stories/portal/`). */
  readonly url: string;
  readonly page: Page;
  /** Uncaught errors on the page, in order. */
  readonly errors: string[];
  close(): Promise<void>;
}

/** Serves the portal (`demo`: `wuye-kit demo --embedded`; `static`: the files as they are) and opens Chromium on a 1360×1000 viewport. */
export async function startPortal(kind: 'demo' | 'static' = 'demo'): Promise<PortalSession> {
  const server: { url: string; close(): Promise<void> } = kind === 'demo' ? await startDemo({ root: '.', embedded: true, port: 0 }) : await serveStatic('.');
  const browser: { page: Page; close(): Promise<void> } = await launch({ viewport: { width: 1360, height: 1000 } });
  const errors: string[] = [];
  browser.page.on('pageerror', (e) => errors.push(e.message));
  return {
    url: server.url,
    page: browser.page,
    errors,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Navigates to the portal (with an optional query) and waits until it says it is ready. */
export async function openPortal(page: Page, url: string, query = '', timeout = 60_000): Promise<void> {
  await page.goto(`${url}/stories/portal/${query}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout });
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe on the page as it is: nothing serious or critical (each finding named with its targets). */
export async function assertAxeClean(page: Page, context: string): Promise<void> {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run(o: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: unknown; failureSummary?: string }[] }[] }> } }).axe.run({
      resultTypes: ['violations'],
    });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join(' | ')}`);
  });
  assert.deepEqual(result, [], `axe serious/critical on ${context}`);
}

/**
 * Fills the intake form (zh-CN portal, already on the intake tab) as a receptionist would — an
 * owner's complaint at the first office, first channel, fourth category, 一般 — submits it and
 * returns the record number the status line announces.
 */
export async function registerComplaint(page: Page, { subject, description, timeout = 10_000 }: { subject: string; description: string; timeout?: number }): Promise<string> {
  const form = page.locator('wy-complaint-form');
  await page.getByLabel('业主/住户').check();
  await page.getByLabel('联系电话').fill('13912345678');
  await form.locator('wy-select-field').filter({ hasText: '管理处' }).locator('select').selectOption({ index: 1 });
  await page.getByLabel('房号').fill('1502');
  await form.locator('wy-select-field').filter({ hasText: '受理渠道' }).locator('select').selectOption({ index: 1 });
  await form.locator('wy-select-field').filter({ hasText: '投诉分类' }).locator('select').selectOption({ index: 3 });
  await page.getByLabel('主题').fill(subject);
  await page.getByLabel('内容描述').fill(description);
  await page.getByLabel('一般').check();
  await form.locator('[part="submit"]').click();
  await page.waitForFunction(() => /已登记，处理流程已启动/.test(document.getElementById('status')?.textContent ?? ''), null, { timeout });
  return /投诉 (\S+) 已登记/.exec((await page.locator('#status').textContent()) ?? '')![1]!;
}
