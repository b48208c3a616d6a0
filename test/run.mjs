#!/usr/bin/env node
// npm test: (gen runs first, as pretest) build, type check (browser and no-DOM configs), lint,
// Node tests, the host-consumer suite, browser tests. Prints `Tests: N passed, N failed, N skipped` as its last line and
// exits non-zero if anything failed. A failing stage (type check, lint, build) counts as one
// failed test so the closing line never hides it.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgres } from './support/postgres.mjs';

const total = { passed: 0, failed: 0, skipped: 0 };
const failedStages = [];
const tmp = mkdtempSync(join(tmpdir(), 'wy-test-'));
const bin = (name) => join('node_modules', '.bin', name);

function stage(name, cmd, args, env = {}) {
  console.log(`\n── ${name} ──`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) failedStages.push(name);
  return r.status === 0;
}

function counted(name, cmd, args) {
  const file = join(tmp, `${name}.json`);
  const ok = stage(name, cmd, args, { WY_COUNT_FILE: file });
  let counts;
  try {
    counts = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    counts = { passed: 0, failed: 1, skipped: 0 }; // the runner died before reporting
  }
  if (!ok && counts.failed === 0) counts.failed = 1;
  for (const k of Object.keys(total)) total[k] += counts[k] ?? 0;
}

const only = process.argv.slice(2);
const want = (s) => only.length === 0 || only.includes(s);

// Build first: tests that hold the shipped package (test/node/shipped.test.ts, dist.test.ts) and
// the type check of those tests need dist/, and a fresh clone has none.
if (want('build') && !stage('build', process.execPath, ['.scripts/build.mjs'])) total.failed++;
if (want('typecheck')) {
  if (!stage('type check', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit'])) total.failed++;
  if (!stage('type check (no DOM: src/core, src/workflow)', bin('tsc'), ['-p', 'tsconfig.core.json'])) total.failed++;
}
if (want('lint') && !stage('lint', bin('eslint'), ['.', '--max-warnings=0'])) total.failed++;
if (want('node')) {
  // One throwaway PostgreSQL cluster for every node test file (they read WY_PG_URL); reuses a
  // WY_PG_URL already set. Missing binaries fail the run with what to install: never a skip.
  let cluster;
  try {
    cluster = await startPostgres({ log: true });
    process.env.WY_PG_URL = cluster.url;
  } catch (err) {
    console.error(`\n── PostgreSQL ──\n${err.message}`);
    failedStages.push('PostgreSQL for the node tests');
    total.failed++;
  }
  const stopCluster = () => cluster?.stop();
  process.on('exit', stopCluster);
  counted('node tests', process.execPath, [
    '--import', 'tsx', '--test',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=./test/support/node-counting-reporter.mjs', '--test-reporter-destination=stdout',
    ...readdirSync('test/node').filter((f) => f.endsWith('.test.ts')).map((f) => join('test/node', f)),
  ]);
  stopCluster();
}
// The host-consumer suite (test/host/): npm pack of a fresh copy of the tree, installed into a
// throwaway host, imported, bundled and type-checked as a host team would.
if (want('host')) {
  counted('host tests', process.execPath, [
    '--import', 'tsx', '--test',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=./test/support/node-counting-reporter.mjs', '--test-reporter-destination=stdout',
    'test/host/host.test.ts',
  ]);
}
if (want('browser')) counted('browser tests', bin('web-test-runner'), []);

rmSync(tmp, { recursive: true, force: true });
if (failedStages.length) console.log(`\nFailed: ${failedStages.join(', ')}`);
console.log(`Tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 || failedStages.length ? 1 : 0);
