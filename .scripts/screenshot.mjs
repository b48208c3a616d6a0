#!/usr/bin/env node
// node .scripts/screenshot.mjs <dir-to-serve> <path?query> <out.png> [selector]
// Serves a folder on 127.0.0.1, opens the page in headless Chromium and writes a PNG.
import { serveStatic } from '../test/support/static-server.mjs';
import { launch } from '../test/support/browser.mjs';

const [dir, path, out, selector] = process.argv.slice(2);
const server = await serveStatic(dir);
const browser = await launch();
try {
  browser.page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
  browser.page.on('pageerror', (e) => console.error('pageerror:', e.message));
  await browser.page.goto(`${server.url}/${path}`, { waitUntil: 'networkidle' });
  await browser.page.waitForTimeout(500);
  if (selector) await browser.page.locator(selector).first().screenshot({ path: out });
  else await browser.page.screenshot({ path: out, fullPage: true });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}
