// Shared benchmark helpers: timing with warm-up, medians and percentiles, table printing.
import { performance } from 'node:perf_hooks';

/** Runs fn `iterations` times after `warmup` runs; returns the sorted samples in ms. */
export function sample(fn, { iterations = 20, warmup = 3 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const out = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out.sort((a, b) => a - b);
}

export const median = (sorted) => sorted[Math.floor(sorted.length / 2)];
export const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** A result row: bench name, measure, value, unit, and an optional note (target, ratio). */
export function row(bench, measure, value, unit, note = '') {
  return { bench, measure, value, unit, note };
}

export function fmt(v) {
  if (typeof v !== 'number') return String(v);
  if (Math.abs(v) >= 1000) return Math.round(v).toLocaleString('en-US');
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

export function printTable(rows) {
  const cols = ['bench', 'measure', 'value', 'unit', 'note'];
  const cells = rows.map((r) => cols.map((c) => (c === 'value' ? fmt(r[c]) : String(r[c] ?? ''))));
  const width = cols.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i].length)));
  const line = (vals) => `| ${vals.map((v, i) => (i === 2 ? v.padStart(width[i]) : v.padEnd(width[i]))).join(' | ')} |`;
  console.log(line(cols));
  console.log(`|${width.map((w, i) => (i === 2 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`);
  for (const r of cells) console.log(line(r));
}
