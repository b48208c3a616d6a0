// `npm run serve -- --db postgres://…` end to end: the built CLI (`wuye-kit demo`, what npm run
// serve starts after building) on a fresh database of the throwaway PostgreSQL cluster. It
// migrates and seeds the database, prints where it runs (password masked); in headless Chromium a
// receptionist signs in, registers a complaint through <wy-complaint-form> and sees it in the
// handling list; the row is in PostgreSQL, and the statistics endpoint counts it in SQL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import pg from 'pg';
import type { Page } from 'playwright-core';
// @ts-expect-error: a plain .mjs helper without types
import { freshDatabase } from '../support/postgres.mjs';
// @ts-expect-error: a plain .mjs helper without types
import { launch } from '../support/browser.mjs';
import { registerComplaint } from '../support/portal.js';

let cli: ChildProcess | undefined;
let url = '';
let dbUrl = '';
let browser: { page: Page; close(): Promise<void> };
const errors: string[] = [];
let printed = '';

before(async () => {
  assert.ok(existsSync('dist/cli/wuye-kit.js'), 'needs npm run build (test/run.mjs builds first)');
  dbUrl = (await freshDatabase('serve')) as string;
  // A password in the URL (trust authentication ignores it) must not be printed.
  const withPassword = dbUrl.replace('//wy@', '//wy:s3cret@');
  cli = spawn(process.execPath, ['dist/cli/wuye-kit.js', 'demo', '--port', '0', '--db', withPassword], { stdio: ['ignore', 'pipe', 'pipe'] });
  url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the demo did not start: ${printed}`)), 90_000);
    const read = (chunk: Buffer) => {
      printed += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)\/stories\/portal\//.exec(printed);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    cli!.stdout!.on('data', read);
    cli!.stderr!.on('data', read);
    cli!.once('exit', (code) => reject(new Error(`the demo exited (${code}): ${printed}`)));
  });
  browser = await launch({ viewport: { width: 1360, height: 1000 } });
  browser.page.on('pageerror', (e) => errors.push(e.message));
});

after(async () => {
  await browser?.close();
  if (cli && cli.exitCode === null) {
    cli.kill('SIGTERM');
    await new Promise((r) => cli!.once('exit', r));
  }
});

test('the demo runs on PostgreSQL: migrated, seeded, the URL printed with its password masked', async () => {
  assert.match(printed, /postgres:\/\/wy:\*\*\*@127\.0\.0\.1:\d+\/serve_/);
  assert.doesNotMatch(printed, /s3cret/);
  const client = new pg.Client(dbUrl);
  await client.connect();
  try {
    const n = Number((await client.query(`SELECT count(*) AS n FROM wy_instances WHERE definition_id = 'complaint'`)).rows[0].n);
    assert.equal(n, 36, 'the 36 example complaints seeded into PostgreSQL');
  } finally {
    await client.end();
  }
});

test('in Chromium: sign in, register a complaint, see it listed; it is in PostgreSQL and counted by the statistics in SQL', { timeout: 180_000 }, async () => {
  const { page } = browser;
  await page.goto(`${url}/stories/portal/`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  assert.equal(await page.locator('#store').getAttribute('data-store'), 'server');
  await Promise.all([page.waitForEvent('load'), page.selectOption('#role', 'E1001')]);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });

  await page.click('[data-view="intake"]');
  const recordNo = await registerComplaint(page, { subject: '地下车库照明不足', description: 'B2 层车库多处灯管不亮，夜间停车困难。', timeout: 20_000 });

  await page.click('[data-view="handling"]');
  await page.locator('#complaints button', { hasText: recordNo }).waitFor({ timeout: 20_000 });

  const client = new pg.Client(dbUrl);
  await client.connect();
  let month = '';
  try {
    const rows = (await client.query(`SELECT snapshot -> 'data' ->> 'receivedAt' AS at, state FROM wy_instances WHERE snapshot -> 'data' ->> 'recordNo' = $1`, [recordNo])).rows;
    assert.equal(rows.length, 1, 'the new complaint is one row in PostgreSQL');
    month = String(rows[0].at).slice(0, 7);
  } finally {
    await client.end();
  }
  // The statistics endpoint of the demo counts it (in SQL) for its month, with the page's session.
  const counted = await page.evaluate(async (m) => {
    const r = await fetch(`/api/stats?from=${m}&to=${m}&kind=`);
    return { status: r.status, total: ((await r.json()) as { total: { total: number } }).total.total };
  }, month);
  assert.equal(counted.status, 200);
  assert.ok(counted.total >= 1, `counted: ${JSON.stringify(counted)}`);
  assert.deepEqual(errors, []);
});
