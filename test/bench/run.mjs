#!/usr/bin/env node
// npm run bench: runs every test/bench/*.bench.mjs (each default-exports an async function that
// returns rows) on the built dist/, prints one table, and writes test/bench/results/latest.json.
// Pass names to run a subset: `npm run bench -- validate size`.
import { readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { printTable } from './harness.mjs';

const only = process.argv.slice(2);
const files = readdirSync('test/bench')
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();
const rows = [];
for (const f of files) {
  process.stderr.write(`bench: ${f}…\n`);
  const mod = await import(`./${f}`);
  rows.push(...(await mod.default()));
}
console.log(`\nwuye-kit benchmarks — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}\n`);
printTable(rows);
mkdirSync('test/bench/results', { recursive: true });
writeFileSync('test/bench/results/latest.json', JSON.stringify({ node: process.version, date: new Date().toISOString(), rows }, null, 2));
