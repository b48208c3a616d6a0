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

/**
 * Bundles a TypeScript page script (lit included, decorators per tsconfig) to
 * test/bench/.out/<name>.js and writes test/bench/.out/<name>.html that loads it, so a browser
 * bench measures source without depending on dist/. Returns the page path to pass to inBrowser.
 */
export async function bundlePage(name, entry, { title = name } = {}) {
  const { build } = await import('esbuild');
  const { mkdirSync, writeFileSync } = await import('node:fs');
  mkdirSync('test/bench/.out', { recursive: true });
  await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: process.env.WY_BENCH_MINIFY !== '0',
    tsconfig: 'tsconfig.json',
    outfile: `test/bench/.out/${name}.js`,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    conditions: ['production'],
  });
  writeFileSync(
    `test/bench/.out/${name}.html`,
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body><script type="module" src="./${name}.js"></script></body></html>`,
  );
  return `test/bench/.out/${name}.html`;
}
