// Page load as a user gets it: each variant is a production bundle (esbuild, minified, code
// split) on its own page served over HTTP on 127.0.0.1; the page fetches the 300-field schema
// (50 `dependencies`/`if-then` rules) as JSON at run time; times are from navigation start to the
// last field's control connected and to the first frame after it; then real keyboard input
// (playwright `keyboard.type`) into the first text field, measuring each keystroke's synchronous
// work. A bare Lit page rendering the same controls without validation is the yardstick, loaded
// in the same run, interleaved with the others. JS is what the page actually downloaded (each file
// gzipped on its own, min+gzip) to show the form and take the typing, and again after validate()
// on the empty form has shown the errors (the error summary loads on first use).
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { build } from 'esbuild';
import { serveStatic } from '../support/static-server.mjs';
import { launch } from '../support/browser.mjs';
import { pageLoadSchema } from './pages/page-load-schema.ts';
import { row, median } from './harness.mjs';

const OUT = 'test/bench/.out/page-load';
const RUNS = Number(process.env.WY_BENCH_RUNS ?? 7);
const KEYS = 'abcdefghijklmnopqrstuvwxyzabcdefghijklmn'; // 40 keystrokes, the first 10 warm up
// The pages run under a Content-Security-Policy without 'unsafe-eval', as strict portals do.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'";

export const VARIANTS = [
  { id: 'bare', name: 'bare Lit element, same controls, no validation (yardstick)', entry: 'test/bench/pages/page-load-bare.page.ts', f0: 'bare-form #f0' },
  { id: 'form', name: '<wy-schema-form>, run-time schema', entry: 'test/bench/pages/page-load-form.page.ts', f0: 'wy-schema-form [data-path="/f0"] input' },
  { id: 'precompiled', name: '<wy-schema-form>, precompiled validator', entry: 'test/bench/pages/page-load-precompiled.page.ts', f0: 'wy-schema-form [data-path="/f0"] input' },
];

/** The schema's Ajv standalone validator as an ES module (what `npx wuye-kit compile` makes). */
async function writeValidator(schema) {
  const ajv = new Ajv({ code: { source: true, esm: true }, allErrors: true, strict: false, messages: false });
  addFormats(ajv, ['date']);
  const r = await build({ stdin: { contents: standaloneCode(ajv, ajv.compile(schema)), resolveDir: '.', loader: 'js' }, bundle: true, format: 'esm', minify: true, write: false, logLevel: 'silent' });
  writeFileSync('test/bench/.out/page-load-validator.js', r.outputFiles[0].text);
}

async function bundle(v) {
  await build({
    entryPoints: { page: v.entry },
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    tsconfig: 'tsconfig.json',
    outdir: `${OUT}/${v.id}`,
    alias: { 'wy-bench-page-load-validator': resolve('test/bench/.out/page-load-validator.js') },
    define: { 'process.env.NODE_ENV': '"production"' },
    conditions: ['production'],
    logLevel: 'silent',
  });
  writeFileSync(`${OUT}/${v.id}.html`, `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${v.id}</title></head><body><script type="module" src="./${v.id}/page.js"></script></body></html>`);
}

/**
 * Main-thread CPU time (thread time of the renderer's top-level tasks, from the trace) from
 * navigation start to the page's `wy-connected` and `wy-frame` marks. Unlike wall time it does
 * not grow when other processes take the CPU, so it compares pages fairly on a busy machine.
 */
async function startTrace(cdp, categories = ['toplevel', 'blink.user_timing', '__metadata']) {
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories }, transferMode: 'ReturnAsStream' });
  return async () => {
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end');
    const { stream } = await done;
    const chunks = [];
    for (;;) {
      const c = await cdp.send('IO.read', { handle: stream });
      chunks.push(c.base64Encoded ? Buffer.from(c.data, 'base64') : Buffer.from(c.data));
      if (c.eof) break;
    }
    await cdp.send('IO.close', { handle: stream });
    const json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return Array.isArray(json) ? json : json.traceEvents;
  };
}

/** Top-level tasks of one thread, outermost only, in time order. */
function topTasks(events, pid, tid) {
  const all = events.filter((e) => e.ph === 'X' && e.cat === 'toplevel' && e.pid === pid && e.tid === tid && typeof e.tdur === 'number').sort((a, b) => a.ts - b.ts);
  const out = [];
  let end = -1;
  for (const t of all) {
    if (t.ts < end) continue;
    out.push(t);
    end = t.ts + t.dur;
  }
  return out;
}

/** CPU (thread time) from navigation start to the page's `wy-connected` and `wy-frame` marks. */
function loadCpu(events, connectedAt) {
  const mark = (name) => events.find((e) => e.name === name && e.cat.includes('blink.user_timing'));
  const connected = mark('wy-connected');
  const frame = mark('wy-frame');
  if (!connected || !frame) throw new Error('trace: the page marks are missing');
  // The navigation start of this document: the one `performance.now()` counts from (the mark
  // names its navigation; else the one whose offset matches the mark's time).
  const off = (e) => Math.abs(connected.ts - e.ts - connectedAt * 1000);
  const navId = connected.args?.data?.navigationId;
  const starts = events.filter((e) => e.name === 'navigationStart' && e.pid === connected.pid && e.tid === connected.tid);
  const nav = (navId && starts.find((e) => e.args?.data?.navigationId === navId)) || starts.sort((a, b) => off(a) - off(b))[0];
  if (!nav || (!navId && off(nav) > 2000)) throw new Error('trace: no navigation start for this page');
  const tasks = topTasks(events, connected.pid, connected.tid);
  const cpuUntil = (end) => tasks.filter((t) => t.ts >= nav.ts && t.ts < end).reduce((a, t) => a + t.tdur, 0) / 1000;
  return { connectedCpu: cpuUntil(connected.ts), frameCpu: cpuUntil(frame.ts) };
}

/**
 * CPU (thread time) of each keystroke: the top-level tasks that dispatched its keydown,
 * keypress, beforeinput or input events, attributed to the keydown before them.
 */
function keystrokeCpu(events) {
  const dispatch = events.filter((e) => e.name === 'EventDispatch' && ['keydown', 'keypress', 'beforeinput', 'input', 'keyup'].includes(e.args?.data?.type)).sort((a, b) => a.ts - b.ts);
  if (!dispatch.length) return [];
  const { pid, tid } = dispatch[0];
  const tasks = topTasks(events, pid, tid);
  const taskOf = (e) => tasks.find((t) => t.ts <= e.ts && t.ts + t.dur >= e.ts + e.dur);
  const keys = [];
  const counted = new Set();
  for (const e of dispatch) {
    if (e.pid !== pid || e.tid !== tid) continue;
    if (e.args.data.type === 'keydown') keys.push(0);
    const t = taskOf(e);
    if (!t || counted.has(t) || !keys.length) continue;
    counted.add(t);
    keys[keys.length - 1] += t.tdur / 1000;
  }
  return keys;
}

async function load(context, url, v, typing) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  // A same-origin page first, so the variant's page loads in a renderer already being traced.
  await page.goto(`${url}/blank.html`);
  const stopTrace = await startTrace(cdp);
  const js = new Map();
  const bodies = [];
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('response', async (r) => {
    if (process.env.WY_BENCH_DEBUG && r.url().endsWith('.js')) console.error(v.id, r.url());
    if (!r.url().endsWith('.js')) return;
    const body = r.body().then((b) => void js.set(r.url(), b.length ? gzipSync(b, { level: 9 }).length : 0), () => undefined);
    bodies.push(body);
  });
  // Every script response seen so far, counted (each file gzipped on its own, as served).
  const jsSoFar = async () => {
    await Promise.all(bodies);
    return [...js.values()].reduce((a, b) => a + b, 0) / 1024;
  };
  await page.goto(`${url}/${v.id}.html`);
  await page.waitForFunction(() => window.pageLoad !== undefined);
  const t = await page.evaluate(() => window.pageLoad);
  const cpu = loadCpu(await stopTrace(), t.connected);
  let keys = [];
  let keyCpu = [];
  if (typing) {
    await page.waitForTimeout(300);
    await page.locator(v.f0).click();
    const stopKeys = await startTrace(cdp, ['toplevel', 'devtools.timeline', '__metadata']);
    await page.keyboard.type(KEYS);
    keys = (await page.evaluate(() => window.keystrokes)).slice(10);
    keyCpu = keystrokeCpu(await stopKeys()).slice(10);
  }
  // The page's JS to show the form and type into it; then what showing errors adds (the check
  // below validates the empty form, which shows the error summary, loaded on first use).
  await page.waitForTimeout(200);
  const jsShown = await jsSoFar();
  const validation = await page.evaluate(() => window.validation?.());
  await page.waitForTimeout(200);
  const jsAll = await jsSoFar();
  await page.close();
  if (errors.length) throw new Error(`${v.id}: page errors: ${errors.join('; ')}`);
  return { ...t, ...cpu, keys, keyCpu, validation, js: jsShown, jsAll };
}

export async function measurePageLoad(variants = VARIANTS, runs = RUNS) {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const schema = pageLoadSchema();
  writeFileSync(`${OUT}/schema.json`, JSON.stringify(schema));
  writeFileSync(`${OUT}/favicon.ico`, '');
  writeFileSync(`${OUT}/blank.html`, '<!doctype html><title>blank</title>');
  await writeValidator(schema);
  for (const v of variants) await bundle(v);
  const server = await serveStatic(OUT, { headers: { 'content-security-policy': CSP } });
  const browser = await launch();
  const res = new Map(variants.map((v) => [v.id, { connected: [], frame: [], connectedCpu: [], frameCpu: [], keys: [], keyCpu: [], js: 0, jsAll: 0, controls: 0, validation: undefined }]));
  try {
    // One warm-up load each (Chromium's first page pays for process start-up), then interleaved runs.
    for (const v of variants) await load(browser.context, server.url, v, false);
    for (let r = 0; r < runs; r++) {
      const order = variants.map((_, i) => variants[(i + r) % variants.length]);
      for (const v of order) {
        const m = await load(browser.context, server.url, v, true);
        const acc = res.get(v.id);
        acc.connected.push(m.connected);
        acc.frame.push(m.frame);
        acc.connectedCpu.push(m.connectedCpu);
        acc.frameCpu.push(m.frameCpu);
        acc.keys.push(...m.keys);
        acc.keyCpu.push(...m.keyCpu);
        acc.js = Math.max(acc.js, m.js);
        acc.jsAll = Math.max(acc.jsAll, m.jsAll);
        acc.controls = m.controls;
        acc.validation = m.validation;
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  // Ratios to the yardstick per round (the pages of one round ran back to back), then the median:
  // steadier than a ratio of medians on a machine shared with other work.
  const s = (x) => [...x].sort((p, q) => p - q);
  const bare = res.get('bare');
  const out = {};
  for (const [id, a] of res) {
    out[id] = {
      connected: median(s(a.connected)),
      frame: median(s(a.frame)),
      key: median(s(a.keys)),
      keyCpu: median(s(a.keyCpu)),
      connectedRatio: median(s(a.connected.map((x, i) => x / bare.connected[i]))),
      frameRatio: median(s(a.frame.map((x, i) => x / bare.frame[i]))),
      connectedCpu: median(s(a.connectedCpu)),
      frameCpu: median(s(a.frameCpu)),
      connectedCpuRatio: median(s(a.connectedCpu.map((x, i) => x / bare.connectedCpu[i]))),
      frameCpuRatio: median(s(a.frameCpu.map((x, i) => x / bare.frameCpu[i]))),
      js: a.js,
      jsAll: a.jsAll,
      controls: a.controls,
      validation: a.validation,
      runs: a.connected.length,
      // Each round's times, in round order (for paired comparisons of two variants).
      rounds: { connected: a.connected, frame: a.frame, connectedCpu: a.connectedCpu, frameCpu: a.frameCpu },
    };
  }
  return out;
}

export default async function bench() {
  const m = await measurePageLoad();
  const bare = m.bare;
  const b = 'page load: 300 fields, 50 rules, schema fetched';
  const rows = [];
  const ratio = (x, y) => `${(x / y).toFixed(2)}×`;
  for (const v of VARIANTS) {
    const r = m[v.id];
    const vs = v.id === 'bare' ? '' : `= ${r.connectedRatio.toFixed(2)}× bare (median of per-round ratios)`;
    const target = v.id === 'form' ? ' (target ≤ 1.3×)' : v.id === 'precompiled' ? ' (target ≤ 1.2×)' : '';
    rows.push(row(b, `${v.name}: last control connected`, r.connected, 'ms', [`${vs}${target}`, `${r.controls} controls`, `median of ${r.runs}`].filter((x) => x).join('; ')));
    rows.push(row(b, `${v.name}: first frame with the form`, r.frame, 'ms', v.id === 'bare' ? '' : `= ${r.frameRatio.toFixed(2)}× bare`));
    rows.push(row(b, `${v.name}: main-thread CPU to last control`, r.connectedCpu, 'ms', v.id === 'bare' ? 'thread time from the trace, navigation start on' : `= ${r.connectedCpuRatio.toFixed(2)}× bare${target}`));
    rows.push(row(b, `${v.name}: main-thread CPU to first frame`, r.frameCpu, 'ms', v.id === 'bare' ? '' : `= ${r.frameCpuRatio.toFixed(2)}× bare`));
    rows.push(row(b, `${v.name}: keystroke sync work (wall)`, r.key, 'ms', v.id === 'bare' ? 'keydown → last input listener; median of 30 × runs' : `= ${ratio(r.key, bare.key)} bare`));
    rows.push(row(b, `${v.name}: keystroke CPU`, r.keyCpu, 'ms', v.id === 'bare' ? 'thread time of the tasks dispatching its key and input events' : `= ${ratio(r.keyCpu, bare.keyCpu)} bare (target ≤ 1.1×)`));
    if (r.validation !== undefined) {
      rows.push(row(b, `${v.name}: validate() on the empty form`, typeof r.validation === 'number' ? r.validation : 'fails', typeof r.validation === 'number' ? 'errors' : '', typeof r.validation === 'number' ? 'validates under a CSP without unsafe-eval' : `cannot validate under a CSP without unsafe-eval: ${r.validation.slice(0, 90)}`));
    }
    rows.push(row(b, `${v.name}: page JS, min+gzip`, r.js, 'KB', v.id === 'bare' ? 'lit included; to show the form and type' : `lit included; to show the form and type; = ${ratio(r.js, bare.js)} bare${v.id === 'form' ? ' (target ≤ 40 KB)' : ''}`));
    if (r.jsAll !== r.js) rows.push(row(b, `${v.name}: page JS with errors shown, min+gzip`, r.jsAll, 'KB', `after validate() on the empty form (the error summary loads on first use)${v.id === 'form' ? ' (target ≤ 40 KB)' : ''}`));
  }
  return rows;
}
