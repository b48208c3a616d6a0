// The store contract (runStoreConformance) against MemoryStore and HttpStore on the reference
// REST server (better-sqlite3, 127.0.0.1), a deliberately broken store that must fail it, and
// HttpStore behind a proxy that fails (500/503/429), hangs, answers after committing, and
// forwards twice: nothing lost, nothing duplicated.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  builtinDefinitions,
  ConflictError,
  createEngine,
  HttpStore,
  HttpStoreError,
  MemoryStore,
  runStoreConformance,
  type Commit,
  type CommitResult,
  type WorkflowStore,
  type Actor,
} from '../../src/workflow/index.js';
// @ts-expect-error: a plain .mjs test helper without types
import { startReferenceServer, startFaultyProxy } from '../support/reference-server.mjs';

interface Server {
  url: string;
  stats: { requests: number; commits: number };
  close(): Promise<void>;
}
interface Proxy {
  url: string;
  log: { n: number; method: string; url: string; action: string }[];
  close(): Promise<void>;
}

const servers: { close(): Promise<void> }[] = [];
after(async () => {
  for (const s of servers.reverse()) await s.close();
});
const server = async (): Promise<Server> => {
  const s = (await startReferenceServer()) as Server;
  servers.push(s);
  return s;
};
const proxy = async (target: string, plan: (req: { method: string; url: string }, n: number) => unknown): Promise<Proxy> => {
  const p = (await startFaultyProxy(target, plan)) as Proxy;
  servers.push(p);
  return p;
};
const noSleep = async () => {};

function assertConformant(report: Awaited<ReturnType<typeof runStoreConformance>>) {
  assert.deepEqual(report.cases.filter((c) => !c.ok), [], 'every conformance case passes');
  assert.ok(report.passed >= 9);
}

test('MemoryStore passes the store conformance suite', async () => {
  assertConformant(await runStoreConformance(() => new MemoryStore()));
});

test('HttpStore on the reference REST server (SQLite) passes the store conformance suite', async () => {
  const s = await server();
  assertConformant(await runStoreConformance(() => new HttpStore({ baseUrl: s.url, sleep: noSleep })));
});

test('the suite fails a store that overwrites stale writes and forgets idempotency keys', async () => {
  class Sloppy extends MemoryStore {
    override async commit(c: Commit): Promise<CommitResult> {
      const current = (await this.load(c.instanceId))?.version ?? 0;
      const fixed = { ...c, expectedVersion: current, idempotencyKey: undefined } as Commit;
      const audit = (await this.history(c.instanceId)).length;
      return super.commit({ ...fixed, audit: fixed.audit.map((a, i) => ({ ...a, seq: audit + i + 1 })), snapshot: { ...fixed.snapshot, version: current + 1 } });
    }
  }
  const report = await runStoreConformance(() => new Sloppy());
  const failed = report.cases.filter((c) => !c.ok).map((c) => c.name);
  for (const name of ['a stale write is a conflict and never overwrites', 'the same idempotency key twice has one effect', 'a refused commit leaves nothing behind (atomic)']) {
    assert.ok(failed.includes(name), `expected "${name}" to fail; failed: ${failed.join(' | ')}`);
  }
  const throwing = await runStoreConformance(() => {
    throw new Error('cannot connect');
  });
  assert.equal(throwing.passed, 0);
  assert.match(throwing.cases[0]!.error!, /cannot connect/);
});

const actor: Actor = { id: 'E1001', name: '周敏', roles: ['receptionist', 'specialist'] };
const record = (n: number) => ({
  recordNo: `H-${n}`, kind: 'complaint', receivedAt: '2026-10-16T09:30:00+08:00', channel: 'phone', officeId: 'SZ-HY',
  complainant: { type: 'owner' }, category: 'efficiency', severity: 'serious', subject: '漏水', description: '楼上漏水',
});

test('HttpStore retries 500, 503 and 429 (honouring Retry-After) and commits once', async () => {
  const s = await server();
  const waits: number[] = [];
  const faults = [{ status: 500 }, { status: 503 }, { status: 429, headers: { 'retry-after': '2' } }];
  let post = 0;
  const p = await proxy(s.url, (req) => (req.method === 'POST' && post < 3 ? faults[post++]! : 'pass'));
  const store = new HttpStore({ baseUrl: p.url, sleep: async (ms) => void waits.push(ms), random: () => 0.5, backoffMs: 100 });
  const engine = createEngine({ definitions: [builtinDefinitions['complaint']!], store });
  const r = await engine.start('complaint', { id: 'H1', data: record(1), commandId: 'start-H1' }, actor);
  assert.ok(r.ok && !r.duplicate);
  assert.deepEqual(waits, [50, 100, 2000], 'jittered backoff, then the server’s Retry-After');
  assert.equal((await store.history('H1')).length, 1);
});

test('HttpStore does not retry other 4xx, and surfaces 409/412 as a conflict', async () => {
  const s = await server();
  let calls = 0;
  const p = await proxy(s.url, () => (calls++, { status: 400 }));
  const store = new HttpStore({ baseUrl: p.url, sleep: noSleep });
  await assert.rejects(store.load('x'), (err: unknown) => err instanceof HttpStoreError && err.status === 400 && err.attempts === 1);
  assert.equal(calls, 1);
  const direct = new HttpStore({ baseUrl: s.url, sleep: noSleep });
  const engine = createEngine({ definitions: [builtinDefinitions['complaint']!], store: direct });
  await engine.start('complaint', { id: 'H2', data: record(2) }, actor);
  const snap = (await direct.load('H2'))!;
  await engine.send('H2', { type: 'register', payload: { category: 'other', severity: 'minor' } }, actor);
  // A second writer still holding version 1: If-Match fails → 412 → ConflictError.
  await assert.rejects(
    direct.commit({ instanceId: 'H2', expectedVersion: 1, snapshot: { ...snap, version: 2, state: 'stale' }, audit: [], timers: [] }),
    (err: unknown) => err instanceof ConflictError && err.actualVersion === 2,
  );
  assert.equal((await direct.load('H2'))!.state, 'registered');
});

test('HttpStore times out a hanging backend, retries, and gives up with a clear error after the last attempt', async () => {
  const s = await server();
  let n = 0;
  const p = await proxy(s.url, () => (n++ < 1 ? 'hang' : 'pass'));
  const store = new HttpStore({ baseUrl: p.url, sleep: noSleep, timeoutMs: 150 });
  assert.equal(await store.load('nothing-here'), undefined, 'the retry after the timeout answered');
  const dead = await proxy(s.url, () => 'hang');
  const hopeless = new HttpStore({ baseUrl: dead.url, sleep: noSleep, timeoutMs: 100, retries: 2 });
  await assert.rejects(hopeless.load('x'), (err: unknown) => err instanceof HttpStoreError && err.status === 0 && err.attempts === 3 && /timed out/.test(err.message));
});

test('a commit whose answer is lost (503 or timeout after the write) is retried without a duplicate', async () => {
  const s = await server();
  let posts = 0;
  const p = await proxy(s.url, (req) => {
    if (req.method !== 'POST') return 'pass';
    posts++;
    return posts === 2 ? 'commit-then-fail' : posts === 4 ? 'commit-then-hang' : 'pass';
  });
  const store = new HttpStore({ baseUrl: p.url, sleep: noSleep, timeoutMs: 300 });
  const engine = createEngine({ definitions: [builtinDefinitions['complaint']!], store });
  const events: string[] = [];
  engine.subscribe((c) => events.push(c.type));
  assert.ok((await engine.start('complaint', { id: 'H3', data: record(3), commandId: 'c-start' }, actor)).ok);
  const reg = await engine.send('H3', { type: 'register', payload: { category: 'other', severity: 'minor' }, commandId: 'c-register' }, actor);
  assert.ok(reg.ok);
  assert.equal(reg.duplicate, false, 'the retry found its own first attempt: committed, not a duplicate');
  const dis = await engine.send('H3', { type: 'dismiss', payload: { reason: '非物业责任' }, commandId: 'c-dismiss' }, actor);
  assert.ok(dis.ok && !dis.duplicate);
  const h = await new HttpStore({ baseUrl: s.url }).history('H3');
  assert.deepEqual(h.map((a) => a.event), ['start', 'register', 'dismiss'], 'nothing lost, nothing twice');
  assert.deepEqual(events, ['started', 'transition', 'transition']);
});

test('a proxy that delivers every request twice changes nothing: each command commits once', async () => {
  const s = await server();
  const p = await proxy(s.url, (req) => (req.method === 'POST' ? 'twice' : 'pass'));
  const store = new HttpStore({ baseUrl: p.url, sleep: noSleep });
  const engine = createEngine({ definitions: [builtinDefinitions['complaint']!], store });
  assert.ok((await engine.start('complaint', { id: 'H4', data: record(4), commandId: 'd-start' }, actor)).ok);
  const r = await engine.send('H4', { type: 'register', payload: { category: 'other', severity: 'minor' }, commandId: 'd-register' }, actor);
  assert.ok(r.ok && !r.duplicate);
  // Commits without a command id get a store-made key, so the echo is harmless too.
  assert.ok((await engine.send('H4', { type: 'dismiss', payload: { reason: 'x' } }, actor)).ok);
  const h = await store.history('H4');
  assert.deepEqual(h.map((a) => a.seq), [1, 2, 3]);
  assert.equal(s.stats.commits, 6, 'the backend saw every commit twice');
});

test('an engine over HttpStore restarts and fires overdue timers exactly once, even with two engines', async () => {
  const s = await server();
  const T0 = Date.parse('2026-10-16T09:30:00+08:00');
  const mk = (store: WorkflowStore, now: number) => createEngine({ definitions: [builtinDefinitions['complaint']!], store, clock: () => now });
  const first = mk(new HttpStore({ baseUrl: s.url }), T0);
  await first.start('complaint', { id: 'H5', data: record(5) }, actor);
  await first.send('H5', { type: 'register', payload: { category: 'other', severity: 'minor' } }, actor);
  const later = T0 + 10 * 86_400_000;
  let n = 0;
  const flaky = await proxy(s.url, () => (n++ % 5 === 3 ? { status: 503 } : 'pass'));
  const [a, b] = await Promise.all([mk(new HttpStore({ baseUrl: flaky.url, sleep: noSleep }), later).tick(), mk(new HttpStore({ baseUrl: s.url }), later).tick()]);
  const timerEntries = (await new HttpStore({ baseUrl: s.url }).history('H5')).filter((x) => x.kind === 'timer');
  assert.equal(a.fired + b.fired, timerEntries.length);
  assert.equal(new Set(timerEntries.map((x) => x.note)).size, timerEntries.length, 'no timer fired twice');
  assert.ok(timerEntries.length >= 6);
});
