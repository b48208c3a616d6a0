// RemoteEngine against the real command API (createWorkflowHandler on SqliteStore, over node:http
// through toNodeListener): the Engine interface as pages use it, the actor from the session only,
// conflicts, refusals, field errors, ETags, retries that never duplicate a command (network
// errors, 502/503/429, answers lost after the commit), non-Latin-1 ids and command ids, and the
// change feed with reconnect and Last-Event-ID.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { ConflictError, RemoteEngine, RemoteEngineError, builtinDefinitions, createEngine, type EngineChange, type RemoteFetch } from '../../src/workflow/index.js';
import { createCalendar, type CalendarData } from '../../src/core/calendar/calendar.js';
import { createWorkflowHandler, toNodeListener, SqliteStore } from '../../src/server/index.js';
import type { Actor } from '../../src/workflow/types.js';

const people = JSON.parse(readFileSync('schemas/examples/people.json', 'utf8')) as (Actor & { office?: string })[];
const person = (id: string): Actor => {
  const p = people.find((x) => x.id === id)!;
  return { id: p.id, name: p.name, roles: p.roles };
};
const RECEPTIONIST = person('E1001');
const SPECIALIST = person('E2001');
const calendar = createCalendar(JSON.parse(readFileSync('schemas/calendars/cn-2026.json', 'utf8')) as CalendarData);
const definitions = Object.values(builtinDefinitions);
const complaint = (JSON.parse(readFileSync('schemas/examples/complaint.valid.json', 'utf8')) as Record<string, unknown>[])[0]!;
const intake = (() => {
  const { handler: _h, deadline: _d, reply: _r, returnVisit: _v, validity: _va, closedAt: _c, ...rest } = complaint;
  return rest;
})();

let server: Server;
let base = '';
let store: SqliteStore;
let handler: ReturnType<typeof createWorkflowHandler>;

before(async () => {
  store = new SqliteStore({ file: ':memory:' });
  await store.migrate();
  // The test host's session: a header naming a demo person (a real host reads its own cookie or token).
  handler = createWorkflowHandler({
    definitions,
    store,
    calendar,
    authenticate: (request: Request) => {
      const id = request.headers.get('x-test-user');
      return id ? person(id) : null;
    },
  });
  const listener = toNodeListener(handler);
  server = createServer(listener);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/workflow`;
});
after(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
  await handler.close?.();
  await store.close?.();
});

/** A fetch that records what it sends and what comes back. */
function recording(inner: RemoteFetch = fetch as unknown as RemoteFetch) {
  const log: { method: string; url: string; headers: Record<string, string>; status: number | 'error' }[] = [];
  const f: RemoteFetch = async (url, init) => {
    try {
      const res = await inner(url, init);
      log.push({ method: init.method, url, headers: init.headers, status: res.status });
      return res;
    } catch (err) {
      log.push({ method: init.method, url, headers: init.headers, status: 'error' });
      throw err;
    }
  };
  return { f, log };
}

const remote = (user: Actor | undefined, extra: Partial<ConstructorParameters<typeof RemoteEngine>[0]> = {}) =>
  new RemoteEngine({ baseUrl: base, headers: user ? { 'x-test-user': user.id } : {}, backoffMs: 5, sleep: () => new Promise((r) => setTimeout(r, 5)), ...extra });

async function started(engine: RemoteEngine, key = `k-${Math.random()}`) {
  const r = await engine.start('complaint', { data: { ...intake, recordNo: `SZ-HY-202611-${Math.floor(Math.random() * 9000 + 1000)}` }, commandId: key }, RECEPTIONIST);
  assert.equal(r.ok, true, JSON.stringify(r));
  if (!r.ok) throw new Error('not started');
  return r.snapshot;
}

test('ready() loads the server\'s definitions; definition() is synchronous afterwards', async () => {
  const engine = remote(RECEPTIONIST);
  assert.equal(engine.definition('complaint'), undefined);
  await engine.ready();
  assert.equal(engine.definition('complaint')?.id, 'complaint');
  assert.deepEqual(engine.definitions().map((d) => d.id).sort(), definitions.map((d) => d.id).sort());
});

test('start, get, send, history and availableActions work as on the embedded engine; the actions are the session actor\'s', async () => {
  const reception = remote(RECEPTIONIST);
  // The page's record names someone else as first receiver: the server sets the signed-in person.
  const s0 = await reception.start('complaint', { data: { ...intake, recordNo: 'SZ-HY-202611-6001', firstReceiver: { id: 'H0001', name: '王峰' } }, commandId: 'fr-1' }, RECEPTIONIST);
  assert.equal(s0.ok, true, JSON.stringify(s0));
  if (!s0.ok) return;
  const snap = s0.snapshot;
  assert.equal(snap.state, 'received');
  assert.deepEqual(snap.firstReceiver, { id: RECEPTIONIST.id, name: RECEPTIONIST.name }, 'the first receiver is the session actor');
  assert.deepEqual(snap.data['firstReceiver'], { id: RECEPTIONIST.id, name: RECEPTIONIST.name });
  assert.deepEqual((await reception.get(snap.id))?.id, snap.id);
  const r = await reception.send(snap.id, { type: 'register', payload: { category: 'management', severity: 'minor', emergency: false, repeat: false }, expectedVersion: snap.version }, RECEPTIONIST);
  assert.equal(r.ok, true, JSON.stringify(r));
  const history = await reception.history(snap.id);
  assert.equal(history.length, 2);
  assert.equal(history[1]!.event, 'register');
  assert.equal(history[1]!.actor.id, RECEPTIONIST.id);
  // The receptionist may not dispatch; the specialist may. Each sees its own actions.
  const seenByReception = await reception.availableActions(snap.id, RECEPTIONIST);
  const seenBySpecialist = await remote(SPECIALIST).availableActions(snap.id, SPECIALIST);
  assert.ok(!seenByReception.some((a) => a.event === 'dispatch' && a.enabled));
  assert.ok(seenBySpecialist.some((a) => a.event === 'dispatch'));
  assert.equal(await reception.get('no-such-instance'), undefined);
});

test('the actor argument is never sent: a receptionist claiming to be a specialist is refused by the server (403 → Refusal)', async () => {
  const reception = remote(RECEPTIONIST);
  const snap = await started(reception);
  await reception.send(snap.id, { type: 'register', payload: { category: 'management', severity: 'minor', emergency: false, repeat: false } }, RECEPTIONIST);
  const r = await reception.send(snap.id, { type: 'dispatch', payload: { handler: { id: 'E2001', name: '林涛' } } }, SPECIALIST);
  assert.equal(r.ok, false);
  if (!r.ok) assert.equal(r.code, 'role-not-allowed');
  assert.equal((await reception.get(snap.id))?.state, 'registered');
});

test('field errors come back as a Refusal with paths (422), an oversized payload as payload-too-large (413); nothing changes', async () => {
  const reception = remote(RECEPTIONIST);
  const snap = await started(reception);
  const r = await reception.send(snap.id, { type: 'register', payload: { category: 'no-such-category', severity: 'minor', emergency: false, repeat: false } }, RECEPTIONIST);
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.match(r.code, /invalid-fields|missing-fields/);
    assert.ok(r.errors?.some((e) => e.path.includes('category')), JSON.stringify(r.errors));
  }
  const big = await reception.send(snap.id, { type: 'register', payload: { category: 'management', severity: 'minor', emergency: false, repeat: false, note: 'x'.repeat(100_000) } }, RECEPTIONIST);
  assert.equal(big.ok, false);
  if (!big.ok) assert.match(big.code, /payload-too-large|invalid-fields/);
  assert.equal((await reception.get(snap.id))?.version, snap.version);
});

test('a stale expectedVersion is a ConflictError with the current version (409); the command is not applied', async () => {
  const reception = remote(RECEPTIONIST);
  const snap = await started(reception);
  const payload = { category: 'management', severity: 'minor', emergency: false, repeat: false };
  assert.equal((await reception.send(snap.id, { type: 'register', payload, expectedVersion: snap.version }, RECEPTIONIST)).ok, true);
  await assert.rejects(
    reception.send(snap.id, { type: 'register', payload, expectedVersion: snap.version }, RECEPTIONIST),
    (err: unknown) => err instanceof ConflictError && err.actualVersion === snap.version + 1,
  );
  assert.equal((await reception.history(snap.id)).length, 2);
});

test('get() revalidates with If-None-Match: an unchanged instance answers 304 from the cached view', async () => {
  const { f, log } = recording();
  const engine = remote(RECEPTIONIST, { fetch: f });
  const snap = await started(engine);
  await engine.get(snap.id);
  await engine.get(snap.id);
  const gets = log.filter((l) => l.method === 'GET' && l.url.endsWith(`/instances/${snap.id}`));
  assert.ok(gets.length >= 2);
  assert.equal(gets.at(-1)!.headers['if-none-match'], `"${snap.version}"`);
  assert.equal(gets.at(-1)!.status, 304);
  // availableActions/clocks on the snapshot just read need no more requests.
  const before = log.length;
  await engine.availableActions(snap, RECEPTIONIST);
  await engine.clocks(snap);
  assert.equal(log.length, before);
});

test('retries on network errors, 502, 503 and 429, and after an answer lost past the commit: each command applies exactly once', async () => {
  // Each plan entry is one attempt: 'net' throws before the request, '503'/'502'/'429' answer
  // without reaching the server, 'lost' reaches the server (which commits) and then fails.
  let plan: string[] = [];
  const faulty: RemoteFetch = async (url, init) => {
    const step = plan.shift();
    if (step === 'net') throw new TypeError('fetch failed');
    if (step === '503' || step === '502' || step === '429') {
      return new Response('{}', { status: Number(step), headers: step === '429' ? { 'retry-after': '0' } : {} }) as unknown as ReturnType<RemoteFetch> extends Promise<infer R> ? R : never;
    }
    const res = await (fetch as unknown as RemoteFetch)(url, init);
    if (step === 'lost') {
      await res.text();
      throw new TypeError('socket hang up');
    }
    return res;
  };
  const { f, log } = recording(faulty);
  const engine = remote(RECEPTIONIST, { fetch: f, retries: 5 });
  await engine.ready();
  plan = ['lost', 'net', '503'];
  const s = await engine.start('complaint', { data: { ...intake, recordNo: 'SZ-HY-202611-7001' } }, RECEPTIONIST);
  assert.equal(s.ok, true);
  if (!s.ok) return;
  assert.equal(s.duplicate, false, 'our own retry is not reported as a duplicate');
  const listed = await engine.list({ definition: 'complaint', limit: 200 });
  const mine = [];
  for (const item of listed.items) {
    const v = await engine.get(item.id);
    if ((v?.data as { recordNo?: string }).recordNo === 'SZ-HY-202611-7001') mine.push(item.id);
  }
  assert.deepEqual(mine, [s.snapshot.id], 'one instance, though the start reached the server twice');

  plan = ['502', 'lost', '429', 'lost'];
  const r = await engine.send(s.snapshot.id, { type: 'register', payload: { category: 'management', severity: 'minor', emergency: false, repeat: false } }, RECEPTIONIST);
  assert.equal(r.ok, true, JSON.stringify(r));
  const history = await engine.history(s.snapshot.id);
  assert.deepEqual(history.map((h) => h.event).filter((e) => e === 'register'), ['register'], 'registered once');
  const posts = log.filter((l) => l.method === 'POST');
  assert.ok(posts.length >= 9, `attempts were made (${posts.length})`);
  // Every attempt of one command carried the same command id: the server saw one command.
  assert.equal(new Set(history.map((h) => h.commandId)).size, history.length);

  // Out of retries: a clear error, nothing applied.
  plan = ['503', '503', '503', '503', '503', '503'];
  await assert.rejects(engine.send(s.snapshot.id, { type: 'dispatch', payload: {} }, RECEPTIONIST), (err: unknown) => err instanceof RemoteEngineError && err.status === 503 && err.attempts === 6);
  assert.equal((await engine.history(s.snapshot.id)).length, 2);
});

test('non-Latin-1 instance ids and command ids work (encoded in paths, UTF-8 in bodies)', async () => {
  // An instance with a Chinese id, a slash and a space, started on the same store by a server-side engine.
  const local = createEngine({ definitions, store, calendar });
  const id = '投诉/华苑 2026·甲';
  const s0 = await local.start('complaint', { id, data: { ...intake, recordNo: 'SZ-HY-202611-8001' }, commandId: 'seed-中文' }, RECEPTIONIST);
  assert.equal(s0.ok, true, JSON.stringify(s0));
  const engine = remote(RECEPTIONIST);
  assert.equal((await engine.get(id))?.id, id);
  const r = await engine.send(id, { type: 'register', payload: { category: 'management', severity: 'minor', emergency: false, repeat: false }, commandId: '命令：登记·一' }, RECEPTIONIST);
  assert.equal(r.ok, true, JSON.stringify(r));
  const again = await engine.send(id, { type: 'register', payload: { category: 'management', severity: 'minor', emergency: false, repeat: false }, commandId: '命令：登记·一' }, RECEPTIONIST);
  assert.equal(again.ok && again.duplicate, true, 'the same command id is a duplicate');
  const history = await engine.history(id);
  assert.equal(history.at(-1)!.commandId, '命令：登记·一');
  assert.equal(history.length, 2);
});

test('no session: a RemoteEngineError with status 401', async () => {
  const engine = remote(undefined);
  await assert.rejects(engine.start('complaint', { data: intake }, RECEPTIONIST), (err: unknown) => err instanceof RemoteEngineError && err.status === 401);
});

test('subscribe(): another person\'s change arrives through the feed, also after the connection drops (Last-Event-ID)', async () => {
  const reception = remote(RECEPTIONIST);
  const snap = await started(reception);
  const { f, log } = recording();
  const watcher = remote(SPECIALIST, { fetch: f });
  await watcher.ready();
  const changes: EngineChange[] = [];
  let wake: () => void = () => undefined;
  const stop = watcher.subscribe((c) => {
    changes.push(c);
    wake();
  }, { instanceId: snap.id });
  const next = (n: number) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no change ${n} within 10 s (got ${changes.length})`)), 10_000);
      wake = () => {
        if (changes.length >= n) {
          clearTimeout(timer);
          resolve();
        }
      };
      wake();
    });
  await new Promise((r) => setTimeout(r, 300)); // the feed is open
  await reception.send(snap.id, { type: 'register', payload: { category: 'management', severity: 'minor', emergency: false, repeat: false } }, RECEPTIONIST);
  await next(1);
  assert.equal(changes[0]!.instanceId, snap.id);
  assert.equal(changes[0]!.snapshot.state, 'registered');

  // Drop every open connection (the feed among them): the watcher reconnects and resumes.
  server.closeAllConnections();
  await new Promise((r) => setTimeout(r, 100));
  await remote(SPECIALIST).send(snap.id, { type: 'dispatch', payload: { handler: { id: 'E2001', name: '林涛' } } }, SPECIALIST);
  await next(2);
  assert.equal(changes[1]!.snapshot.state, 'dispatched');
  const feeds = log.filter((l) => l.url.endsWith('/feed'));
  assert.ok(feeds.length >= 2, 'the feed was opened again');
  assert.ok(feeds.at(-1)!.headers['last-event-id'], 'and resumed after the last event seen');
  stop();
});
