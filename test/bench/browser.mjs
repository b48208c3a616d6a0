// Browser benchmarks through playwright-core: serve the repository on 127.0.0.1, open a page in
// headless Chromium, run a measurement function in the page and return what it returns.
// Bare imports (lit) are resolved by an import map the page declares, pointing into node_modules.
import { serveStatic } from '../support/static-server.mjs';
import { launch } from '../support/browser.mjs';

export const IMPORT_MAP = {
  imports: {
    lit: '/node_modules/lit/index.js',
    'lit/': '/node_modules/lit/',
    '@lit/reactive-element': '/node_modules/@lit/reactive-element/reactive-element.js',
    '@lit/reactive-element/': '/node_modules/@lit/reactive-element/',
    'lit-html': '/node_modules/lit-html/lit-html.js',
    'lit-html/': '/node_modules/lit-html/',
    'lit-element/': '/node_modules/lit-element/',
    '@lit/context': '/node_modules/@lit/context/index.js',
    '@lit/context/': '/node_modules/@lit/context/',
  },
};

/** Opens `path` (served from the repo root) and evaluates `fn(arg)` in the page. */
export async function inBrowser(path, fn, arg) {
  const server = await serveStatic('.');
  const browser = await launch();
  try {
    const errors = [];
    browser.page.on('pageerror', (e) => errors.push(e.message));
    await browser.page.goto(`${server.url}/${path}`, { waitUntil: 'load' });
    const result = await browser.page.evaluate(fn, arg);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return result;
  } finally {
    await browser.close();
    await server.close();
  }
}
