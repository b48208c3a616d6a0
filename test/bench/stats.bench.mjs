// aggregateComplaints over 1,000,000 complaint records (office × category × month, ratio-of-sums
// rates), side by side with a straightforward hand-written loop and a lodash-style
// groupBy/countBy written with reduce (lodash itself is not installed), all on the same data;
// then 10,000,000 records in a child process with a larger heap, to show the cost is linear.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { aggregateComplaints } from '../../src/core/stats/index.ts';
import { makeJsonRecords } from '../support/stats-data.ts';
import { row, sample, median } from './harness.mjs';

const N = 1_000_000;
const offices = JSON.parse(readFileSync('schemas/examples/offices.json', 'utf8'));
const ids = offices.map((o) => o.id);
const CATS = ['management', 'staff', 'efficiency', 'developer', 'dispute', 'other'];
const SATISFIED = new Set(['satisfied', 'basically-satisfied']);

/** What one would write by hand: Date per record, a string key, a Map of objects. */
export function handLoop(records) {
  const cells = new Map();
  for (const r of records) {
    const d = new Date(Date.parse(r.receivedAt) + 8 * 3600_000);
    const key = `${r.officeId}|${d.getUTCFullYear()}-${d.getUTCMonth() + 1}`;
    let c = cells.get(key);
    if (!c) cells.set(key, (c = { counts: Object.fromEntries(CATS.map((k) => [k, 0])), judged: 0, valid: 0, due: 0, onTime: 0, handled: 0, visited: 0, satisfied: 0 }));
    c.counts[r.category]++;
    if (r.validity) {
      c.judged++;
      if (r.validity === 'valid') c.valid++;
    }
    if (r.deadline && r.reply) {
      c.due++;
      if (Date.parse(r.reply.at) <= Date.parse(r.deadline)) c.onTime++;
    }
    if (r.reply || r.returnVisit) c.handled++;
    if (r.returnVisit) {
      c.visited++;
      if (SATISFIED.has(r.returnVisit.satisfaction)) c.satisfied++;
    }
  }
  return cells;
}

/** lodash-style: groupBy(office|month) then countBy(category) per group, with reduce. */
export function groupByCountBy(records) {
  const monthKey = (r) => {
    const d = new Date(Date.parse(r.receivedAt) + 8 * 3600_000);
    return `${r.officeId}|${d.getUTCFullYear()}-${d.getUTCMonth() + 1}`;
  };
  const groups = records.reduce((acc, r) => {
    const k = monthKey(r);
    (acc[k] ||= []).push(r);
    return acc;
  }, {});
  return Object.fromEntries(
    Object.entries(groups).map(([k, rs]) => [
      k,
      {
        counts: rs.reduce((acc, r) => ({ ...acc, [r.category]: (acc[r.category] ?? 0) + 1 }), {}),
        valid: rs.filter((r) => r.validity === 'valid').length / (rs.filter((r) => r.validity).length || 1),
        satisfied: rs.filter((r) => r.returnVisit && SATISFIED.has(r.returnVisit.satisfaction)).length,
      },
    ]),
  );
}

export default async function bench() {
  const records = makeJsonRecords(N, ids);
  const opts = { offices, groupBy: 'region', period: 'month' };
  // Same answer from both before timing: total complaints in the latest month.
  const t = aggregateComplaints(records, opts);
  const hand = handLoop(records);
  let handTotal = 0;
  const [y, m] = t.range.from.split('-').map(Number);
  for (const [k, c] of hand) if (k.endsWith(`|${y}-${m}`)) handTotal += Object.values(c.counts).reduce((a, b) => a + b, 0);
  if (handTotal !== t.total.total) throw new Error(`hand loop ${handTotal} ≠ aggregateComplaints ${t.total.total}`);

  const ours = median(sample(() => aggregateComplaints(records, opts), { iterations: 11, warmup: 3 }));
  const compared = median(sample(() => aggregateComplaints(records, { ...opts, compare: 'yoy', period: 'quarter' }), { iterations: 5, warmup: 1 }));
  const loop = median(sample(() => handLoop(records), { iterations: 5, warmup: 1 }));
  const lodash = median(sample(() => groupByCountBy(records), { iterations: 3, warmup: 1 }));

  const rows = [
    row('aggregateComplaints 1M', 'one pass, typed-array counters', ours, 'ms', `target ≤ 100 ms (design), ≤ 250 ms (issue); ${Math.round(N / (ours / 1000)).toLocaleString('en-US')} records/s`),
    row('aggregateComplaints 1M', 'quarter, with 同比 comparison', compared, 'ms', ''),
    row('aggregateComplaints 1M', 'hand-written loop (Date, Map)', loop, 'ms', `ratio ${(loop / ours).toFixed(1)}× ours (goal ≥ 2×)`),
    row('aggregateComplaints 1M', 'groupBy + countBy (reduce)', lodash, 'ms', `ratio ${(lodash / ours).toFixed(1)}× ours`),
  ];

  // 10M in a child with room for ten million objects; the 1M figure from the same process for the ratio.
  const child = spawnSync(process.execPath, ['--max-old-space-size=12000', '--import', 'tsx', 'test/bench/pages/stats-10m.mjs'], { encoding: 'utf8', timeout: 600_000 });
  if (child.status === 0) {
    const r = JSON.parse(child.stdout.trim().split('\n').at(-1));
    rows.push(
      row('aggregateComplaints 10M', '10,000,000 records', r.ms10, 'ms', `${(r.ms10 / r.ms1).toFixed(1)}× the 1M run in the same process (${r.ms1.toFixed(0)} ms): linear is 10×`),
    );
  } else rows.push(row('aggregateComplaints 10M', 'failed', Number.NaN, 'ms', (child.stderr || String(child.error)).slice(0, 200)));
  return rows;
}
