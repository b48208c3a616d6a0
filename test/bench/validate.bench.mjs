// Validating 100,000 complaint records: the precompiled standalone validator (what wuye-kit
// ships) against Ajv compiling the same schema at run time (what a configurator's edited schema
// costs), side by side on the same data.
import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { validateComplaint } from '../../dist/generated/validators/complaint.js';
import { row, sample, median } from './harness.mjs';

const N = 100_000;

export default async function bench() {
  const valid = JSON.parse(readFileSync('schemas/examples/complaint.valid.json', 'utf8'));
  const invalid = JSON.parse(readFileSync('schemas/examples/complaint.invalid.json', 'utf8')).map((c) => c.data);
  // 90 % valid, 10 % invalid, each a distinct object (no hidden-class sharing tricks).
  const records = Array.from({ length: N }, (_, i) =>
    structuredClone(i % 10 === 9 ? invalid[i % invalid.length] : { ...valid[i % valid.length], recordNo: `B-${i}` }),
  );

  const t0 = performance.now();
  const ajv = new Ajv({ allErrors: true, strict: false, messages: false });
  addFormats(ajv, ['date-time']);
  for (const f of readdirSync('schemas/vocab')) ajv.addSchema(JSON.parse(readFileSync(`schemas/vocab/${f}`, 'utf8')));
  const runtime = ajv.compile(JSON.parse(readFileSync('schemas/complaint.schema.json', 'utf8')));
  const compileMs = performance.now() - t0;

  const run = (fn) => () => {
    let ok = 0;
    for (let i = 0; i < N; i++) if (fn(records[i])) ok++;
    if (ok !== N - N / 10) throw new Error(`expected ${N - N / 10} valid, got ${ok}`);
  };
  const pre = median(sample(run(validateComplaint), { iterations: 15 }));
  const rt = median(sample(run(runtime), { iterations: 15 }));
  return [
    row('validate 100k complaints', 'precompiled (shipped)', pre, 'ms', `${Math.round(N / (pre / 1000)).toLocaleString('en-US')} records/s`),
    row('validate 100k complaints', 'ajv.compile at run time', rt, 'ms', `${Math.round(N / (rt / 1000)).toLocaleString('en-US')} records/s; ratio ${(rt / pre).toFixed(2)}× precompiled`),
    row('validate 100k complaints', 'ajv.compile cost (once)', compileMs, 'ms', 'needs unsafe-eval in a browser; precompiled: 0'),
  ];
}
