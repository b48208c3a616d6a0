// wuye-kit/server: commands per second and per-command latency (p50/p99) through the HTTP command
// API (node:http + toNodeListener + createWorkflowHandler, SqliteStore on a temp file, fetch from
// the same process) beside the yardstick: the in-process engine on the same SqliteStore, same
// complaint lifecycle (start + 8 events). Sequential (one client) and 8 concurrent clients. A bare
// node:http server answering the same number of JSON POSTs gives the transport's own floor here.
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinDefinitions, createEngine } from '../../src/workflow/index.ts';
import { createWorkflowHandler, SqliteStore, toNodeListener } from '../../src/server/index.ts';
import { row, driveLifecycles, LIFECYCLE, BENCH_RECEPTIONIST, BENCH_SPECIALIST, benchComplaint } from './harness.mjs';

const def = builtinDefinitions.complaint;
const receptionist = BENCH_RECEPTIONIST;
const specialist = BENCH_SPECIALIST;
const record = benchComplaint;

async function freshStore(dir, name) {
  const store = new SqliteStore({ file: join(dir, `${name}.sqlite`) });
  await store.migrate();
  return store;
}

const drive = driveLifecycles;

export default async function serverBench() {
  const dir = mkdtempSync(join(tmpdir(), 'wy-bench-server-'));
  const rows = [];
  try {
    const INSTANCES = 60;
    for (const clients of [1, 8]) {
      // Yardstick: the engine in process on SQLite.
      const store = await freshStore(dir, `engine-${clients}`);
      const engine = createEngine({ definitions: [def], store });
      const ids = [];
      const inProcess = await drive(INSTANCES, clients, async (i, k) => {
        if (k < 0) {
          const r = await engine.start('complaint', { data: record(i), commandId: `s-${i}` }, receptionist);
          ids[i] = r.snapshot.id;
          return;
        }
        const [type, payload] = LIFECYCLE[k];
        const r = await engine.send(ids[i], { type, payload, commandId: `c-${k}` }, specialist);
        if (!r.ok) throw new Error(`${type}: ${r.code}`);
      });
      await store.close();

      // Through HTTP: the same commands as JSON requests with a session header.
      const apiStore = await freshStore(dir, `http-${clients}`);
      const people = { r: receptionist, s: specialist };
      const handler = createWorkflowHandler({ definitions: [def], store: apiStore, authenticate: (req) => people[req.headers.get('x-bench-user')] ?? null });
      const server = createServer(toNodeListener(handler));
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      const api = `http://127.0.0.1:${server.address().port}/api/workflow`;
      const hids = [];
      const post = async (path, user, body) => {
        const res = await fetch(`${api}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-bench-user': user }, body: JSON.stringify(body) });
        const json = await res.json();
        if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
        return json;
      };
      const http = await drive(INSTANCES, clients, async (i, k) => {
        if (k < 0) {
          hids[i] = (await post('/instances', 'r', { definitionId: 'complaint', data: record(i), commandId: `s-${i}` })).snapshot.id;
          return;
        }
        const [type, payload] = LIFECYCLE[k];
        await post(`/instances/${encodeURIComponent(hids[i])}/events`, 's', { type, ...(payload ? { payload } : {}), commandId: `c-${k}` });
      });
      await handler.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await apiStore.close();

      // The floor: a bare node:http server reading a JSON body and answering 2 KB of JSON.
      const answer = JSON.stringify({ pad: 'x'.repeat(2000) });
      const bare = createServer((req, res) => {
        req.resume();
        req.on('end', () => {
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
          res.end(answer);
        });
      });
      await new Promise((resolve) => bare.listen(0, '127.0.0.1', resolve));
      const bareUrl = `http://127.0.0.1:${bare.address().port}/`;
      const floor = await drive(INSTANCES, clients, async (i, k) => {
        const res = await fetch(bareUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'x', i, k }) });
        await res.text();
      });
      bare.closeAllConnections();
      await new Promise((resolve) => bare.close(resolve));

      const label = clients === 1 ? '1 client' : `${clients} clients`;
      rows.push(row('server', `bare node:http JSON round trip, ${label} (transport floor)`, floor.perSecond, 'requests/s', `p50 ${floor.p50.toFixed(2)} ms, p99 ${floor.p99.toFixed(2)} ms`));
      rows.push(row('server', `in-process engine on SQLite, ${label} (yardstick)`, inProcess.perSecond, 'commands/s', `p50 ${inProcess.p50.toFixed(2)} ms, p99 ${inProcess.p99.toFixed(2)} ms`));
      rows.push(row('server', `HTTP command API on SQLite, ${label}`, http.perSecond, 'commands/s', `${(http.perSecond / inProcess.perSecond).toFixed(2)}× the engine, ${(http.perSecond / floor.perSecond).toFixed(2)}× the bare round trip; p50 ${http.p50.toFixed(2)} ms, p99 ${http.p99.toFixed(2)} ms (answers include actions + clocks)`));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
