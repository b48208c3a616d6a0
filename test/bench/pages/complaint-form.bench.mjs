// Complaint intake benchmarks (issue 4). Run: node --import tsx test/bench/pages/complaint-form.bench.mjs
// (or, once the lead links it as test/bench/complaint.bench.mjs, `npm run bench -- complaint`).
// - routeComplaint(): the routing table as JSONLogic data vs the same four cases hand-written.
// - completeComplaint(): a whole intake turned into a record (routing, number, meta).
// - <wy-complaint-form> in headless Chromium vs a bare <wy-schema-form> on the same schema:
//   first render and one keystroke (design: render < 200 ms, keystroke median < 3 ms).
// - Its entry and static imports, min+gzip, lit excluded (design: one element < 25 KB).
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { readFileSync, rmSync } from 'node:fs';
import { bundlePage, inBrowser } from '../browser.mjs';
import { row, sample, median, percentile } from '../harness.mjs';
import { routeComplaint, completeComplaint, fallbackRecordNumber } from '../../../src/core/complaint/index.ts';

const N = 100_000;

function records() {
  const concerns = ['service', 'own-rights', 'hq-staff', 'ethics', 'company-rule', undefined];
  const bodies = [undefined, undefined, undefined, 'media', 'court'];
  const out = [];
  for (let i = 0; i < N; i++) {
    out.push({ concern: concerns[i % concerns.length], externalBody: bodies[i % bodies.length], ruleOwner: i % 7 ? '工程管理部' : '', complainant: { type: i % 3 ? 'owner' : 'staff-partner' } });
  }
  return out;
}

/** The same four cases written by hand (what a developer would code without data). */
function handWritten(r) {
  if (r.externalBody) return { unit: 'hr-admin', reason: 'external-body' };
  if (r.concern === 'company-rule') return { unit: 'functional-department', reason: 'company-rule', department: r.ruleOwner || undefined };
  if (r.concern === 'own-rights' || r.concern === 'hq-staff' || r.concern === 'ethics') return { unit: 'hr-admin', reason: 'staff-matter' };
  return { unit: 'service-centre', reason: 'customer-complaint' };
}

/**
 * What a page loads before the element works: the entry and the chunks it imports statically,
 * min+gzip, lit excluded. Lazily imported modules (validators, vocabularies) are split off, as a
 * host's bundler does, instead of being inlined into the entry.
 */
async function staticSize(entry) {
  const outdir = `test/bench/.out/split-${entry.replace(/\W+/g, '-')}`;
  rmSync(outdir, { recursive: true, force: true });
  const r = await build({
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    outdir,
    minify: true,
    format: 'esm',
    tsconfig: 'tsconfig.json',
    external: ['lit', 'lit/*', '@lit/*', '@lit-labs/*'],
    logLevel: 'silent',
    metafile: true,
  });
  const outs = r.metafile.outputs;
  const seen = new Set();
  const walk = (k) => {
    if (seen.has(k)) return;
    seen.add(k);
    for (const i of outs[k].imports) if (i.kind === 'import-statement' && outs[i.path]) walk(i.path);
  };
  walk(Object.keys(outs).find((k) => outs[k].entryPoint === entry));
  return gzipSync(Buffer.concat([...seen].map((k) => readFileSync(k))), { level: 9 }).length / 1024;
}

async function browser(query) {
  const page = await bundlePage('complaint-form-bench', 'test/bench/pages/complaint-form-bench.page.ts');
  const renders = [];
  const keys = [];
  for (let run = 0; run < 5; run++) {
    const r = await inBrowser(`${page}${query}`, () => window.complaintBenchResult);
    renders.push(r.firstRender);
    keys.push(...r.keystrokes);
  }
  renders.sort((a, b) => a - b);
  keys.sort((a, b) => a - b);
  return { render: median(renders), keyMedian: median(keys), keyP95: percentile(keys, 95) };
}

export default async function bench() {
  const data = records();
  const routed = sample(() => {
    for (const r of data) routeComplaint(r);
  }, { iterations: 10, warmup: 2 });
  const hand = sample(() => {
    for (const r of data) handWritten(r);
  }, { iterations: 10, warmup: 2 });
  for (const r of data.slice(0, 1000)) {
    const a = routeComplaint(r);
    const b = handWritten(r);
    if (a.unit !== b.unit || a.reason !== b.reason || a.department !== b.department) throw new Error(`routing differs for ${JSON.stringify(r)}`);
  }
  const full = JSON.parse(readFileSync('schemas/examples/complaint.valid.json', 'utf8'))[0];
  const { recordNo: _r, firstReceiver: _f, meta: _m, ...intake } = full;
  const actor = { id: 'E1001', name: '周敏' };
  const complete = sample(() => {
    for (let i = 0; i < 10_000; i++) completeComplaint(intake, { actor, recordNo: fallbackRecordNumber(intake) });
  }, { iterations: 10, warmup: 2 });
  const perRoute = (median(routed) / N) * 1000;
  const perHand = (median(hand) / N) * 1000;
  const b = 'complaint intake';
  const rows = [
    row(b, 'routeComplaint (JSONLogic table)', perRoute, 'µs/record', `hand-written switch ${perHand.toFixed(3)} µs (${(perRoute / perHand).toFixed(0)}×); target < 10 µs (a keystroke budget is 3 ms)`),
    row(b, 'completeComplaint + fallback number', (median(complete) / 10_000) * 1000, 'µs/record', 'routing, first receiver, meta, number'),
  ];
  const el = await browser('');
  const plain = await browser('?plain');
  rows.push(
    row(b, '<wy-complaint-form> first render', el.render, 'ms', `target < 200 ms; bare <wy-schema-form> ${plain.render.toFixed(0)} ms (${(el.render / plain.render).toFixed(2)}×)`),
    row(b, '<wy-complaint-form> keystroke median', el.keyMedian, 'ms', `target < 3 ms; bare <wy-schema-form> ${plain.keyMedian.toFixed(2)} ms (${(el.keyMedian / plain.keyMedian).toFixed(2)}×)`),
    row(b, '<wy-complaint-form> keystroke p95', el.keyP95, 'ms', `bare <wy-schema-form> ${plain.keyP95.toFixed(2)} ms`),
    row(b, 'components/complaint-form.js (static)', await staticSize('src/components/complaint-form/complaint-form.ts'), 'KB', `min+gzip, lit excluded; <wy-schema-form> alone ${(await staticSize('src/components/schema-form/schema-form.ts')).toFixed(1)} KB; target < 25 KB`),
  );
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { printTable } = await import('../harness.mjs');
  printTable(await bench());
}
