import { launch } from '/work/main/test/support/browser.mjs';
const [url, out, view] = process.argv.slice(2);
const b = await launch({ viewport: { width: 1360, height: 900 } });
b.page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && console.log('console:', m.type(), m.text().slice(0, 300)));
b.page.on('pageerror', (e) => console.log('pageerror:', e.message));
await b.page.goto(url);
await b.page.waitForSelector('body[data-ready="true"]', { timeout: 60000 }).catch((e) => console.log('not ready', e.message));
if (view) { await b.page.click(`[data-view="${view}"]`); await b.page.waitForTimeout(1500); }
await b.page.screenshot({ path: out, fullPage: false });
console.log(await b.page.locator('#status').textContent());
await b.close();
