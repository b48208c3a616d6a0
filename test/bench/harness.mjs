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

// ── The complaint lifecycle the command benchmarks drive (server, postgres; workflow may too) ──

/** The two people of the lifecycle: a receptionist starts, a specialist (and centre head) does the rest. */
export const BENCH_RECEPTIONIST = { id: 'E1', name: '周敏', roles: ['receptionist'] };
export const BENCH_SPECIALIST = { id: 'E2', name: '李娜', roles: ['specialist', 'centre-head'] };

/** The complaint record of instance `n`. */
export const benchComplaint = (n) => ({
  recordNo: `B-${n}`, kind: 'complaint', receivedAt: '2026-10-16T09:30:00+08:00', channel: 'phone', officeId: 'SZ-HY',
  complainant: { type: 'owner', name: '王女士' }, category: 'efficiency', severity: 'serious', subject: '报修三次未上门', description: '厨房下水道堵塞，已报修三次。',
});

/** The 8 events after the start, with their payloads: one visit dissatisfied, so the reply repeats. */
export const LIFECYCLE = [
  ['register', { category: 'efficiency', severity: 'serious' }],
  ['dispatch', { handler: { id: 'E2', name: '李娜' } }],
  ['accept'],
  ['reply', { at: '2026-10-16T15:00:00+08:00', content: '已安排维修' }],
  ['visit', { at: '2026-10-17T10:00:00+08:00', satisfaction: 'dissatisfied' }],
  ['reply', { at: '2026-10-18T15:00:00+08:00', content: '已更换管道' }],
  ['visit', { at: '2026-10-19T10:00:00+08:00', satisfaction: 'satisfied' }],
  ['close', { validity: 'valid' }],
];

/**
 * Runs `instances` lifecycles from `clients` concurrent workers: `run(i, k)` does one command of
 * instance `i` (`k = -1` the start, then the index in LIFECYCLE). Returns commands per second and
 * the p50/p99 latency of one command in ms.
 */
export async function driveLifecycles(instances, clients, run) {
  const latencies = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < instances; i = next++) {
        for (let k = -1; k < LIFECYCLE.length; k++) {
          const s = performance.now();
          await run(i, k);
          latencies.push(performance.now() - s);
        }
      }
    }),
  );
  const ms = performance.now() - t0;
  latencies.sort((a, b) => a - b);
  return { perSecond: (latencies.length / ms) * 1000, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}
