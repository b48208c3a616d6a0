// Browser tests in headless Debian Chromium, every page under a Content-Security-Policy without
// 'unsafe-eval': the kit must work where host portals forbid eval.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { countingReporter } from './test/support/counting-reporter.mjs';
import { CHROMIUM_ARGS } from './test/support/browser.mjs';

const tsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url));
// The flags this sandbox needs (shared with the playwright-core helpers), plus: tests run
// pages one after another, and a background page must not have its timers throttled.
export const chromiumArgs = [
  ...CHROMIUM_ARGS,
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

export const CSP = [
  "default-src 'self'",
  // wtr injects a small inline bootstrap script; eval stays forbidden.
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' ws://localhost:* ws://127.0.0.1:*",
].join('; ');

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: true,
  rootDir: '.',
  // One page at a time: a background page gets no requestAnimationFrame in headless Chromium,
  // and fixtures wait for frames.
  concurrency: 1,
  testsFinishTimeout: 1_200_000,
  plugins: [esbuildPlugin({ ts: true, json: true, target: 'es2022', tsconfig })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: chromiumArgs,
      },
    }),
  ],
  // Generous: a loaded 2-core machine runs axe and keyboard journeys several times slower.
  testFramework: { config: { timeout: 30_000 } },
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="${CSP}" />
  </head>
  <body>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
  reporters: [defaultReporter({ reportTestResults: true, reportTestProgress: false }), countingReporter()],
};
