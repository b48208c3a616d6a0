// Several processes on one PostgreSQL. Four child processes each run the workflow engine over
// PostgresStore (test/support/pg-scale-worker.ts) with a 50 ms timer ticker; 50 concurrent
// clients send 2,000 commands (100 starts, 1,900 events) to random processes while every
// instance's three SLA timers fall due; one process is killed with SIGKILL mid-burst (its
// clients retry elsewhere with the same command ids) and restarted. Then: no command lost or
// applied twice, every audit gapless, every timer fired exactly once, the change feed gapless
// and heard across processes (LISTEN/NOTIFY). Apart: a timer lease held by a killed process is
// taken over once it runs out. And the same through HTTP: four server processes each running the
// command API (createWorkflowHandler + toNodeListener) on its own port, with its own ticker.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { fork, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { createEngine, type Actor, type WorkflowDefinition, type AuditEntry } from '../../src/workflow/index.js';
import { PostgresStore } from '../../src/server/postgres-store.js';
import { SCALE_DEFINITION } from '../support/pg-scale-definition.js';
// @ts-expect-error: a plain .mjs helper without types
import { freshDatabase } from '../support/postgres.mjs';

const WORKER = 'test/support/pg-scale-worker.ts';
const HTTP_WORKER = 'test/support/pg-scale-http-worker.ts';
const children = new Set<ChildProcess>();
const closers: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of children) c.kill('SIGKILL');
  for (const close of closers) await close();
});

interface Worker {
  readonly child: ChildProcess;
  alive: boolean;
  readonly pending: Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>;
}

function startWorker(url: string, mode = 'serve', leaseMs = 2000): Promise<Worker> {
  const child = fork(WORKER, [url, mode, String(leaseMs)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.add(child);
  const w: Worker = { child, alive: true, pending: new Map() };
  child.on('exit', () => {
    w.alive = false;
    children.delete(child);
    for (const p of w.pending.values()) p.reject(new Error('worker died'));
    w.pending.clear();
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.on('message', (m: { req?: number; result?: unknown; error?: string; ready?: boolean; claimed?: number }) => {
      if (m.ready || m.claimed !== undefined) {
        (w as Worker & { claimed?: number }).claimed = m.claimed;
        resolve(w);
        return;
      }
      const p = w.pending.get(m.req!);
      if (!p) return;
      w.pending.delete(m.req!);
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve(m.result);
    });
  });
}

let reqs = 0;
function call(w: Worker, cmd: object): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = reqs++;
    w.pending.set(req, { resolve, reject });
    w.child.send({ ...cmd, req }, (err) => {
      if (err) {
        w.pending.delete(req);
        reject(err);
      }
    });
  });
}


/**
 * After a burst with a killed process: waits until every timer has fired, then holds each
 * instance's audit gapless and counted by its snapshot, each timer fired once (breach and
 * escalation always; a warning superseded by a late breach at most once), every one of the 2,000
 * commands applied exactly once. Returns the number of commits (the feed must hold as many).
 */
async function assertConsistentAfterBurst(url: string, admin: PostgresStore, ids: readonly string[]): Promise<number> {
  const client = new pg.Client(url);
  await client.connect();
  closers.push(() => client.end());
  // Every instance's three timers fall due 0.5, 1 and 2 s after its start: wait until none is left.
  for (let i = 0; i < 120; i++) {
    if (Number((await client.query('SELECT count(*) AS n FROM wy_timers')).rows[0].n) === 0) break;
    await sleep(250);
  }
  assert.equal(Number((await client.query('SELECT count(*) AS n FROM wy_timers')).rows[0].n), 0, 'every timer fired');

  const commandsSeen = new Map<string, number>();
  let timerFirings = 0;
  let commits = 0;
  for (const id of ids) {
    const h: AuditEntry[] = await admin.history(id);
    assert.deepEqual(h.map((a) => a.seq), h.map((_, i) => i + 1), `audit of ${id} is gapless`);
    const snap = (await admin.load(id))!;
    assert.equal(snap.auditCount, h.length, `${id}: the snapshot counts its audit`);
    commits += snap.version;
    const timers = h.filter((a) => a.kind === 'timer').map((a) => a.note);
    assert.equal(new Set(timers).size, timers.length, `${id}: no timer fired twice (${timers.join(', ')})`);
    // Breach and escalation always fire; a warning whose tick came after the breach is superseded
    // by it (the engine's rule for a late warning), so it fires at most once.
    assert.ok(timers.includes(`${id}/sla/1/breach`) && timers.includes(`${id}/sla/1/escalation/0`), `${id}: breach and escalation fired (${timers.join(', ')})`);
    timerFirings += timers.length;
    for (const a of h) if (a.kind !== 'timer' && a.commandId) commandsSeen.set(a.commandId, (commandsSeen.get(a.commandId) ?? 0) + 1);
  }
  assert.equal(commandsSeen.size, 2000, 'every command applied (0 lost)');
  assert.deepEqual([...commandsSeen.values()].filter((n) => n !== 1), [], 'no command applied twice');
  assert.ok(timerFirings >= 200 && timerFirings <= 300, `${timerFirings} firings: every breach and escalation, each warning at most once`);
  return commits;
}

test('4 processes, 50 clients, 2,000 commands, timers falling due, one process killed mid-burst: nothing lost, nothing twice', { timeout: 300_000 }, async () => {
  const url = (await freshDatabase('scale')) as string;
  const admin = new PostgresStore({ connectionString: url });
  closers.push(() => admin.close());
  await admin.migrate();
  await admin.listening();
  const heard: number[] = [];
  admin.watch((cursor) => heard.push(cursor));

  const workers = await Promise.all([0, 1, 2, 3].map(() => startWorker(url)));
  let retries = 0;
  /** A client: sends to a random live process; when that process dies or errs, the same command goes to another. */
  async function send(cmd: { kind: 'start' | 'send'; instanceId: string; commandId: string; event?: string }) {
    for (let attempt = 0; attempt < 30; attempt++) {
      const live = workers.filter((w) => w.alive);
      const w = live[Math.floor(Math.random() * live.length)]!;
      try {
        const r = (await call(w, cmd)) as { ok: boolean; code?: string };
        assert.ok(r.ok, `command refused: ${JSON.stringify(r)}`);
        return r;
      } catch (err) {
        if (err instanceof assert.AssertionError) throw err;
        retries++;
        await sleep(20);
      }
    }
    throw new Error(`command ${cmd.commandId} failed 30 times`);
  }
  async function clients<T>(items: T[], run: (item: T) => Promise<unknown>) {
    let next = 0;
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        while (next < items.length) await run(items[next++]!);
      }),
    );
  }

  const INSTANCES = 100;
  const ids = Array.from({ length: INSTANCES }, (_, i) => `T-${i}`);
  await clients(ids, (id) => send({ kind: 'start', instanceId: id, commandId: `start-${id}` }));
  const notes = Array.from({ length: 2000 - INSTANCES }, (_, k) => ({ kind: 'send' as const, instanceId: ids[k % INSTANCES]!, commandId: `note-${k}`, event: 'note' }));
  let acked = 0;
  let killedWithPending = -1;
  let restarted: Promise<Worker> | undefined;
  await clients(notes, async (cmd) => {
    await send(cmd);
    acked++;
    // Mid-burst, at an instant the process holds commands: replies come over IPC in batches, so
    // right after one it may momentarily hold none (seen once the engine got faster).
    if (acked >= 600 && acked < 1200 && killedWithPending < 0 && workers[1]!.pending.size > 0) {
      killedWithPending = workers[1]!.pending.size;
      workers[1]!.child.kill('SIGKILL');
    }
    if (acked === 1300) restarted = startWorker(url).then((w) => (workers[1] = w));
  });
  await restarted;
  assert.ok(killedWithPending > 0, `the process was killed with commands in flight (${killedWithPending})`);
  // A reply the dead process had already written may still arrive after the kill, so not every
  // command it held needs a retry; but the kill must have cost some (else it proved nothing).
  assert.ok(retries >= 1, `the clients retried what the dead process held (${retries} retries, ${killedWithPending} in flight)`);

  const commits = await assertConsistentAfterBurst(url, admin, ids);

  // The change feed: one entry per commit, cursors 1..N in commit order, heard in this process.
  const last = await admin.lastCursor();
  assert.equal(last, commits, 'one change per commit');
  const feed = [];
  for (let after = 0; after < last; ) {
    const page = await admin.changes(after, 1000);
    feed.push(...page);
    after = page[page.length - 1]!.cursor;
  }
  assert.deepEqual(feed.map((c) => c.cursor), feed.map((_, i) => i + 1), 'cursors are gapless');
  const versions = new Map<string, number>();
  for (const c of feed) {
    assert.equal(c.version, (versions.get(c.instanceId) ?? 0) + 1, `feed of ${c.instanceId} in version order`);
    versions.set(c.instanceId, c.version);
  }
  for (let i = 0; i < 40 && Math.max(0, ...heard) < last; i++) await sleep(50);
  assert.equal(Math.max(...heard), last, 'LISTEN/NOTIFY woke this process for the other processes’ commits');
});

test('a timer lease held by a process killed before firing is taken over when it runs out, and each timer fires once', { timeout: 120_000 }, async () => {
  const url = (await freshDatabase('lease')) as string;
  const store = new PostgresStore({ connectionString: url, timerLeaseMs: 1500 });
  closers.push(() => store.close());
  await store.migrate();
  const engine = createEngine({ definitions: [SCALE_DEFINITION as WorkflowDefinition], store });
  const actor: Actor = { id: 'E1', name: '周敏', roles: ['agent'] };
  for (let i = 0; i < 20; i++) assert.ok((await engine.start(SCALE_DEFINITION.id, { id: `L-${i}` }, actor)).ok);
  await sleep(1200); // warnings (0.5 s) and breaches (1 s) are due

  const holder = (await startWorker(url, 'claim', 1500)) as Worker & { claimed?: number };
  assert.equal(holder.claimed, 40, 'the other process claimed every due timer');
  holder.child.kill('SIGKILL');
  await new Promise((r) => (holder.alive ? holder.child.once('exit', r) : r(null)));
  assert.equal((await engine.tick()).fired, 0, 'while the dead process’s lease runs, its timers are left alone');

  await sleep(2000); // the lease has run out; the escalations (2 s) are due too
  const t = await engine.tick();
  assert.equal(t.fired, 60, 'the lease was taken over: warnings, breaches and escalations fired');
  assert.equal((await engine.tick()).fired, 0, 'and nothing fires twice');
  for (let i = 0; i < 20; i++) {
    const notes = (await store.history(`L-${i}`)).filter((a) => a.kind === 'timer').map((a) => a.note);
    assert.equal(notes.length, 3);
    assert.equal(new Set(notes).size, 3);
  }
});

interface HttpWorker {
  readonly child: ChildProcess;
  readonly base: string;
  alive: boolean;
}

function startHttpWorker(url: string): Promise<HttpWorker> {
  const child = fork(HTTP_WORKER, [url, '2000'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.add(child);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`HTTP worker exited before it listened (${code})`)));
    child.once('message', (m: { port: number }) => {
      const w: HttpWorker = { child, base: `http://127.0.0.1:${m.port}/api/workflow`, alive: true };
      child.on('exit', () => {
        w.alive = false;
        children.delete(child);
      });
      resolve(w);
    });
  });
}

test('through HTTP: 4 server processes (createWorkflowHandler on node:http, each ticking), 50 clients, 2,000 commands, timers falling due, one process killed with SIGKILL mid-burst and restarted: nothing lost, nothing twice', { timeout: 300_000 }, async () => {
  const url = (await freshDatabase('scalehttp')) as string;
  const admin = new PostgresStore({ connectionString: url });
  closers.push(() => admin.close());
  await admin.migrate();
  const workers = await Promise.all([0, 1, 2, 3].map(() => startHttpWorker(url)));
  let retries = 0;
  let inFlight = new Map<HttpWorker, number>();
  /** A client: POSTs to a random live process; a dropped connection, a 409 or a 5xx is retried (same command id) on another. */
  async function post(path: string, body: object, agent: number): Promise<{ snapshot: { id: string; version: number }; duplicate: boolean }> {
    for (let attempt = 0; attempt < 40; attempt++) {
      const live = workers.filter((w) => w.alive);
      const w = live[Math.floor(Math.random() * live.length)]!;
      inFlight.set(w, (inFlight.get(w) ?? 0) + 1);
      try {
        const r = await fetch(`${w.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer agent-${agent}` }, body: JSON.stringify(body) });
        const answer = (await r.json()) as { snapshot: { id: string; version: number }; duplicate: boolean; error?: { code: string } };
        if (r.status === 200 || r.status === 201) return answer;
        assert.ok(r.status === 409 || r.status >= 500, `command refused: ${r.status} ${JSON.stringify(answer)}`);
      } catch (err) {
        if (err instanceof assert.AssertionError) throw err;
      } finally {
        inFlight.set(w, inFlight.get(w)! - 1);
      }
      retries++;
      await sleep(10 + Math.random() * 20);
    }
    throw new Error(`command to ${path} failed 40 times`);
  }
  async function clients<T>(items: T[], run: (item: T, agent: number) => Promise<unknown>) {
    let next = 0;
    await Promise.all(
      Array.from({ length: 50 }, async (_, agent) => {
        while (next < items.length) await run(items[next++]!, agent);
      }),
    );
  }

  const INSTANCES = 100;
  const ids: string[] = [];
  await clients(Array.from({ length: INSTANCES }, (_, i) => i), async (i, agent) => {
    const r = await post('/instances', { definitionId: SCALE_DEFINITION.id, data: {}, commandId: `start-${i}` }, agent);
    ids[i] = r.snapshot.id;
  });
  assert.equal(new Set(ids).size, INSTANCES, 'one instance per start command');
  const notes = Array.from({ length: 2000 - INSTANCES }, (_, k) => ({ id: ids[k % INSTANCES]!, commandId: `note-${k}` }));
  let acked = 0;
  let killedWithPending = -1;
  let restarted: Promise<unknown> | undefined;
  await clients(notes, async (n, agent) => {
    await post(`/instances/${encodeURIComponent(n.id)}/events`, { type: 'note', commandId: n.commandId }, agent);
    acked++;
    // Mid-burst, at an instant the process holds requests (see the test above).
    if (acked >= 600 && acked < 1200 && killedWithPending < 0 && (inFlight.get(workers[1]!) ?? 0) > 0) {
      killedWithPending = inFlight.get(workers[1]!)!;
      workers[1]!.child.kill('SIGKILL');
    }
    if (acked === 1300) restarted = startHttpWorker(url).then((w) => (workers[1] = w));
  });
  await restarted;
  assert.ok(killedWithPending > 0, `the process was killed with requests in flight (${killedWithPending})`);
  // A reply the dead process had already written may still arrive after the kill, so not every
  // command it held needs a retry; but the kill must have cost some (else it proved nothing).
  assert.ok(retries >= 1, `the clients retried what the dead process held (${retries} retries, ${killedWithPending} in flight)`);
  inFlight = new Map();

  const commits = await assertConsistentAfterBurst(url, admin, ids);
  assert.equal(await admin.lastCursor(), commits, 'one change per commit');
  for (const w of workers) w.child.kill('SIGKILL');
});
