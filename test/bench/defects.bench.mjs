// Defect checklist: the pure core in Node (summary, filter, problem list, batch parsing over
// 1,000 defects — one checklist — and 100,000 — a whole project) and <wy-defect-checklist> in
// headless Chromium (render and filter 1,000 defects in the virtualised list; the print view's
// plain tables of the same 1,000 for comparison). Medians.
import { readFileSync } from 'node:fs';
import { row, sample, median } from './harness.mjs';
import { bundlePage, inBrowser } from './browser.mjs';
import { summariseDefects, filterDefects, problemList, parseBatch } from '../../src/core/defects/index.ts';
import { makeDefects, NOW } from '../support/defect-fixtures.ts';

export default async function bench() {
  const rows = [];
  const config = JSON.parse(readFileSync('schemas/common-problems.json', 'utf8'));
  const contractors = JSON.parse(readFileSync('schemas/examples/contractors.json', 'utf8'));
  for (const n of [1_000, 100_000]) {
    const items = makeDefects(n);
    const iterations = n > 10_000 ? 10 : 50;
    const s = median(sample(() => summariseDefects(items, { now: NOW }), { iterations }));
    rows.push(row(`defects core, ${n.toLocaleString('en-US')} items`, 'summariseDefects', s, 'ms', `${Math.round(n / (s / 1000)).toLocaleString('en-US')} items/s`));
    const f = median(sample(() => filterDefects(items, { status: 'not-closed', trade: 'plumbing', overdueOnly: true }, NOW), { iterations }));
    rows.push(row(`defects core, ${n.toLocaleString('en-US')} items`, 'filterDefects (3 criteria)', f, 'ms'));
    const p = median(sample(() => problemList(items, { contractors, now: NOW }), { iterations }));
    rows.push(row(`defects core, ${n.toLocaleString('en-US')} items`, 'problemList', p, 'ms'));
  }
  const text = Array.from({ length: 1000 }, (_, i) => (i % 3 ? `${i + 1}. 墙面空鼓` : `厨房/给排水：水槽下渗水 ${i} [严重]`)).join('\n');
  const b = median(sample(() => parseBatch(text, { location: 'living-room', trade: 'civil', config }), { iterations: 50 }));
  rows.push(row('defects core, 1,000 lines', 'parseBatch', b, 'ms'));

  const page = await bundlePage('defect-bench', 'test/bench/pages/defect-bench.page.ts');
  const r = await inBrowser(page, () => window.runDefectBench(1000, 15));
  const TARGET_RENDER = 100;
  const TARGET_FILTER = 50;
  rows.push(row('<wy-defect-checklist> 1,000 items', 'render list (virtualised) until laid out and next frame', r.render, 'ms', `target ≤ ${TARGET_RENDER} ms (${(r.render / TARGET_RENDER).toFixed(2)}× target); ${r.rows} rows in the DOM`));
  rows.push(row('<wy-defect-checklist> 1,000 items', 'filter change: update (no frame wait)', r.filterSync, 'ms', `one frame is 16.7 ms (${(r.filterSync / 16.7).toFixed(2)}× a frame)`));
  rows.push(row('<wy-defect-checklist> 1,000 items', 'filter change until laid out and next frame', r.filter, 'ms', `target ≤ ${TARGET_FILTER} ms (${(r.filter / TARGET_FILTER).toFixed(2)}× target)`));
  rows.push(row('<wy-defect-checklist> 1,000 items', 'print view (1,000 table rows, not virtualised), same measure', r.renderPrint, 'ms', `${(r.renderPrint / r.render).toFixed(1)}× the virtualised list`));
  return rows;
}
