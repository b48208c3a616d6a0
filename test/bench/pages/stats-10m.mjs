// Child process of stats.bench.mjs: 10,000,000 records (built in 1M slices), one aggregation,
// and 1M for the ratio. Prints one JSON line.
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { aggregateComplaints } from '../../../src/core/stats/index.ts';
import { makeJsonRecords } from '../../support/stats-data.ts';

const ids = JSON.parse(readFileSync('schemas/examples/offices.json', 'utf8')).map((o) => o.id);
const all = [];
for (let s = 0; s < 10; s++) for (const r of makeJsonRecords(1_000_000, ids, { seed: s + 1 })) all.push(r);
const one = all.slice(0, 1_000_000);
const time = (recs, n) => {
  const out = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    aggregateComplaints(recs, { groupBy: 'region' });
    out.push(performance.now() - t0);
  }
  return out.sort((a, b) => a - b)[Math.floor(n / 2)];
};
time(one, 2);
const ms1 = time(one, 5);
const ms10 = time(all, 1);
console.log(JSON.stringify({ ms1, ms10, n: all.length }));
