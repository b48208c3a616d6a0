// The precompiled complaint validator in headless Chromium: 100,000 records, median of 10 runs.
import { inBrowser } from './browser.mjs';
import { row } from './harness.mjs';

export default async function bench() {
  const ms = await inBrowser('test/bench/pages/blank.html', async () => {
    const { validateComplaint } = await import('/dist/generated/validators/complaint.js');
    const valid = await (await fetch('/schemas/examples/complaint.valid.json')).json();
    const records = Array.from({ length: 100_000 }, (_, i) => ({ ...valid[i % valid.length], recordNo: `B-${i}` }));
    const runs = [];
    for (let r = 0; r < 13; r++) {
      const t0 = performance.now();
      let ok = 0;
      for (const rec of records) if (validateComplaint(rec)) ok++;
      if (ok !== records.length) throw new Error('invalid');
      if (r >= 3) runs.push(performance.now() - t0);
    }
    return runs.sort((a, b) => a - b)[5];
  });
  return [row('validate 100k complaints', 'precompiled, in Chromium', ms, 'ms', `${Math.round(100_000 / (ms / 1000)).toLocaleString('en-US')} records/s`)];
}
