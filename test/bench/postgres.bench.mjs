// PostgreSQL and several processes (issue 13), beside their yardsticks in the same run:
// 1. Commands/s and p50/p99 latency through the HTTP command API, server processes started apart
//    from the clients (test/bench/pages/command-api-server.ts): PostgreSQL with 1 and with 4
//    processes, SQLite with 1; the in-process engine (MemoryStore) as the yardstick. The same
//    complaint lifecycle (start + 8 events) from 16 concurrent clients.
// 2. The statistics cube for 1,000,000 complaint records: complaintStatsSql (GROUP BY in the
//    database) on PostgreSQL and on SQLite beside aggregateComplaints over the same records in
//    memory. Records are generated once (test/support/stats-data.ts) and loaded in bulk.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import Database from 'better-sqlite3';
import { builtinDefinitions, createEngine, MemoryStore } from '../../src/workflow/index.ts';
import { aggregateComplaints } from '../../src/core/stats/index.ts';
import { complaintStatsSql, migratePostgres, SqliteStore } from '../../src/server/index.ts';
import { makeJsonRecords, makeOffices } from '../support/stats-data.ts';
import { startPostgres, withDatabase } from '../support/postgres.mjs';
import { row, median, driveLifecycles, LIFECYCLE, BENCH_RECEPTIONIST, BENCH_SPECIALIST, benchComplaint } from './harness.mjs';

const receptionist = BENCH_RECEPTIONIST;
const specialist = BENCH_SPECIALIST;
const record = benchComplaint;
const INSTANCES = 160;
const CLIENTS = 16;

const drive = (run) => driveLifecycles(INSTANCES, CLIENTS, run);

function startServer(target) {
  const child = fork('test/bench/pages/command-api-server.ts', [target], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
    child.once('message', (m) => resolve({ child, api: `http://127.0.0.1:${m.port}/api/workflow` }));
  });
}

async function overHttp(targets) {
  const servers = await Promise.all(targets.map(startServer));
  const ids = [];
  const post = async (i, path, user, body) => {
    const res = await fetch(`${servers[i % servers.length].api}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-bench-user': user }, body: JSON.stringify(body) });
    const json = await res.json();
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  try {
    return await drive(async (i, k) => {
      if (k < 0) {
        ids[i] = (await post(i, '/instances', 'r', { definitionId: 'complaint', data: record(i), commandId: `s-${i}` })).snapshot.id;
        return;
      }
      const [type, payload] = LIFECYCLE[k];
      // Each instance's commands go to a process of its own choosing, round robin over instances.
      await post(i + k, `/instances/${encodeURIComponent(ids[i])}/events`, 's', { type, ...(payload ? { payload } : {}), commandId: `c-${k}` });
    });
  } finally {
    for (const s of servers) {
      s.child.removeAllListeners('exit');
      s.child.kill();
    }
  }
}

async function commandsBench(cluster, dir) {
  const rows = [];
  const admin = new pg.Client(cluster.url);
  await admin.connect();
  await admin.query('CREATE DATABASE bench_http_1');
  await admin.query('CREATE DATABASE bench_http_4');
  await admin.end();

  const engine = createEngine({ definitions: [builtinDefinitions.complaint], store: new MemoryStore() });
  const eids = [];
  const yard = await drive(async (i, k) => {
    if (k < 0) {
      eids[i] = (await engine.start('complaint', { data: record(i), commandId: `s-${i}` }, receptionist)).snapshot.id;
      return;
    }
    const [type, payload] = LIFECYCLE[k];
    const r = await engine.send(eids[i], { type, payload, commandId: `c-${k}` }, specialist);
    if (!r.ok) throw new Error(`${type}: ${r.code}`);
  });
  const sqlite = await overHttp([join(dir, 'http.sqlite')]);
  const pg1 = await overHttp([withDatabase(cluster.url, 'bench_http_1')]);
  const url4 = withDatabase(cluster.url, 'bench_http_4');
  await migratePostgres(new pg.Pool({ connectionString: url4, max: 1 })); // migrate once before four processes race to
  const pg4 = await overHttp([url4, url4, url4, url4]);
  const note = (r) => `${(r.perSecond / yard.perSecond).toFixed(3)}× the in-process engine; p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms`;
  rows.push(row('postgres', `in-process engine, MemoryStore, ${CLIENTS} clients (yardstick)`, yard.perSecond, 'commands/s', `p50 ${yard.p50.toFixed(2)} ms, p99 ${yard.p99.toFixed(2)} ms`));
  rows.push(row('postgres', `HTTP command API, SQLite, 1 process`, sqlite.perSecond, 'commands/s', note(sqlite)));
  rows.push(row('postgres', `HTTP command API, PostgreSQL, 1 process`, pg1.perSecond, 'commands/s', `${(pg1.perSecond / sqlite.perSecond).toFixed(2)}× SQLite; ${note(pg1)}`));
  rows.push(row('postgres', `HTTP command API, PostgreSQL, 4 processes`, pg4.perSecond, 'commands/s', `${(pg4.perSecond / pg1.perSecond).toFixed(2)}× 1 process; ${note(pg4)}`));
  return rows;
}

async function statsBench(cluster, dir) {
  const N = Number(process.env.WY_BENCH_STATS_N ?? 1_000_000);
  const offices = makeOffices(300);
  const records = makeJsonRecords(N, offices.map((o) => o.id));
  const admin = new pg.Client(cluster.url);
  await admin.connect();
  await admin.query('CREATE DATABASE bench_stats');
  await admin.end();
  const pool = new pg.Pool({ connectionString: withDatabase(cluster.url, 'bench_stats'), max: 2 });
  await migratePostgres(pool);
  const sqliteStore = new SqliteStore({ file: join(dir, 'stats.sqlite') });
  await sqliteStore.migrate();
  const db = new Database(join(dir, 'stats.sqlite'));
  const insert = db.prepare(`INSERT INTO wy_instances (id, definition_id, state, version, last_seq, updated_at, snapshot) VALUES (?, 'complaint', 'closed', 1, 1, 0, ?)`);
  const CHUNK = 25_000;
  for (let i = 0; i < N; i += CHUNK) {
    const part = records.slice(i, i + CHUNK);
    const text = JSON.stringify(part.map((data, j) => ({ id: `S${i + j}`, data })));
    await pool.query(
      `INSERT INTO wy_instances (id, definition_id, version, state, updated_at, last_seq, snapshot)
       SELECT s->>'id', 'complaint', 1, 'closed', 0, 1, s FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(s, o) ORDER BY o`,
      [text],
    );
    db.transaction(() => part.forEach((data, j) => insert.run(`S${i + j}`, JSON.stringify({ id: `S${i + j}`, data }))))();
  }
  await pool.query('VACUUM ANALYZE wy_instances');
  const options = { offices, from: '2025-01', to: '2026-12' };
  const time = async (fn, runs) => {
    const out = [];
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      await fn();
      out.push(performance.now() - t0);
    }
    return median(out.sort((a, b) => a - b));
  };
  const inMemory = await time(() => aggregateComplaints(records, options), 5);
  let fromPg;
  const onPg = await time(async () => (fromPg = await complaintStatsSql({ postgres: pool }, options)), 1);
  const onSqlite = await time(() => complaintStatsSql({ sqlite: db }, options), 1);
  const same = JSON.stringify(fromPg) === JSON.stringify(aggregateComplaints(records, options));
  await pool.end();
  db.close();
  await sqliteStore.close();
  return [
    row('postgres', `statistics cube, ${N.toLocaleString('en-US')} records, aggregateComplaints in memory (yardstick)`, inMemory, 'ms', 'records already in the process'),
    row('postgres', `statistics cube, ${N.toLocaleString('en-US')} records, complaintStatsSql on PostgreSQL`, onPg, 'ms', `${(onPg / inMemory).toFixed(1)}× in memory; nothing leaves the database${same ? '; equal to the yardstick' : '; NOT EQUAL'}`),
    row('postgres', `statistics cube, ${N.toLocaleString('en-US')} records, complaintStatsSql on SQLite`, onSqlite, 'ms', `${(onSqlite / inMemory).toFixed(1)}× in memory`),
  ];
}

export default async function postgresBench() {
  const cluster = await startPostgres();
  const dir = mkdtempSync(join(tmpdir(), 'wy-bench-pg-'));
  try {
    return [...(await commandsBench(cluster, dir)), ...(await statsBench(cluster, dir))];
  } finally {
    cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
