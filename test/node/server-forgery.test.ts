// The forgery suite of issue 17 against a real wuye-kit/server (node:http on 127.0.0.1, SQLite):
// every attack is refused with the right status and leaves the data unchanged.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, complaintRecord, PEOPLE, type TestServer } from '../support/workflow-api.js';

let s: TestServer;
let id: string;
before(async () => {
  s = await startTestServer();
  const r = await s.call('reception', 'POST', '/instances', { definitionId: 'complaint', data: complaintRecord(1), commandId: 'start-1' });
  assert.equal(r.status, 201, r.text);
  id = r.json.snapshot.id;
  const reg = await s.call('reception', 'POST', `/instances/${encodeURIComponent(id)}/events`, { type: 'register', payload: { category: 'efficiency', severity: 'serious' } });
  assert.equal(reg.status, 200, reg.text);
});
after(() => s.close());

const path = () => `/instances/${encodeURIComponent(id)}`;

/** Everything the store holds about the instance, to prove an attack changed nothing. */
async function state() {
  return { snapshot: await s.store.load(id), history: await s.store.history(id), timers: await s.store.timers(id), cursor: await s.store.lastCursor() };
}

async function unchanged(attack: () => Promise<void>) {
  const before = await state();
  await attack();
  assert.deepEqual(await state(), before, 'the attack left the data unchanged');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read field by field and asserted
const isError = (r: { json: any }, code: string) => {
  assert.equal(r.json?.error?.code, code, JSON.stringify(r.json));
  assert.equal(typeof r.json.error.message, 'string');
  assert.doesNotMatch(r.json.error.message, /SQLITE|sqlite|at .*\.ts:\d+|TypeError|SyntaxError/);
};

test('no session: 401 on every route, nothing written', async () => {
  await unchanged(async () => {
    for (const [method, p, body] of [
      ['GET', '/definitions'],
      ['GET', '/instances'],
      ['POST', '/instances', { definitionId: 'complaint', data: complaintRecord(2) }],
      ['GET', path()],
      ['POST', `${path()}/events`, { type: 'dispatch', payload: { handler: { id: 'E3001', name: '王强' } } }],
      ['GET', `${path()}/history`],
      ['GET', '/feed'],
    ] as const) {
      const r = await s.call(null, method, p, body);
      assert.equal(r.status, 401, `${method} ${p}`);
      isError(r, 'unauthenticated');
    }
  });
});

test('wrong role: a receptionist cannot dispatch, even by calling the API by hand', async () => {
  await unchanged(async () => {
    const r = await s.call('reception', 'POST', `${path()}/events`, { type: 'dispatch', payload: { handler: { id: 'E1001', name: '周敏' } } });
    assert.equal(r.status, 403);
    isError(r, 'role-not-allowed');
  });
  // …and the actions the receptionist is shown do not include it.
  const v = await s.call('reception', 'GET', path());
  assert.ok(!v.json.actions.some((a: { event: string }) => a.event === 'dispatch'));
});

test('an actor in the body is refused (422), never used', async () => {
  await unchanged(async () => {
    const r = await s.call('reception', 'POST', `${path()}/events`, { type: 'dispatch', payload: { handler: { id: 'E1001', name: '周敏' } }, actor: { id: 'HQ', name: '总部', roles: ['specialist', 'centre-head'] } });
    assert.equal(r.status, 422);
    isError(r, 'invalid');
    assert.deepEqual(r.json.error.fields, [{ path: '/actor', message: 'is not accepted from a client' }]);
    const start = await s.call('reception', 'POST', '/instances', { definitionId: 'complaint', data: complaintRecord(3), actor: PEOPLE['specialist'] });
    assert.equal(start.status, 422);
  });
});

test('a first receiver (or handler) in start data is refused; the signed-in starter is the first receiver', async () => {
  const before = await s.store.lastCursor();
  const r = await s.call('reception', 'POST', '/instances', { definitionId: 'complaint', data: { ...complaintRecord(4), firstReceiver: { id: 'HQ', name: '总部' } } });
  assert.equal(r.status, 422);
  isError(r, 'invalid');
  assert.deepEqual(r.json.error.fields.map((f: { path: string }) => f.path), ['/data/firstReceiver']);
  const h = await s.call('reception', 'POST', '/instances', { definitionId: 'complaint', data: { ...complaintRecord(4), handler: { id: 'E3001', name: '王强' } } });
  assert.equal(h.status, 422);
  assert.equal(await s.store.lastCursor(), before, 'nothing was committed');
  const ok = await s.call('reception', 'POST', '/instances', { definitionId: 'complaint', data: complaintRecord(4) });
  assert.equal(ok.status, 201);
  assert.deepEqual(ok.json.snapshot.firstReceiver, { id: 'E1001', name: '周敏' });
});

test('a foreign instance (authorize): another office can neither read, act on, nor see it listed', async () => {
  await unchanged(async () => {
    const read = await s.call('foreign', 'GET', path());
    assert.equal(read.status, 403);
    isError(read, 'forbidden');
    const send = await s.call('foreign', 'POST', `${path()}/events`, { type: 'dispatch', payload: { handler: { id: 'E7001', name: '赵磊' } } });
    assert.equal(send.status, 403);
    isError(send, 'forbidden');
    const hist = await s.call('foreign', 'GET', `${path()}/history`);
    assert.equal(hist.status, 403);
    const list = await s.call('foreign', 'GET', '/instances');
    assert.equal(list.status, 200);
    assert.deepEqual(list.json.items, []);
  });
});

test('client-supplied time, version, audit and timers are refused (422), never stored', async () => {
  await unchanged(async () => {
    for (const extra of [{ at: 0 }, { now: Date.parse('2026-10-13T09:30:00+08:00') }, { version: 99 }, { audit: [] }, { timers: [] }, { snapshot: { state: 'closed' } }, { state: 'closed' }]) {
      const r = await s.call('specialist', 'POST', `${path()}/events`, { type: 'dispatch', payload: { handler: { id: 'E3001', name: '王强' } }, ...extra });
      assert.equal(r.status, 422, JSON.stringify(extra));
      isError(r, 'invalid');
    }
    // Versions must be integers: a string version or a bad If-Match is refused, not stored.
    for (const v of ['2', 2.5, -1, null]) {
      const r = await s.call('specialist', 'POST', `${path()}/events`, { type: 'dispatch', payload: { handler: { id: 'E3001', name: '王强' } }, expectedVersion: v });
      assert.equal(r.status, 422, JSON.stringify(v));
    }
    const bad = await s.call('specialist', 'POST', `${path()}/events`, { type: 'dispatch', payload: { handler: { id: 'E3001', name: '王强' } } }, { 'if-match': 'v2' });
    assert.equal(bad.status, 422);
    // A Date header does not move the server's clock.
    const stale = await s.call('specialist', 'POST', `${path()}/events`, { type: 'dispatch', payload: { handler: { id: 'E3001', name: '王强' } }, expectedVersion: 1 });
    assert.equal(stale.status, 409);
    isError(stale, 'conflict');
    assert.equal(stale.json.error.currentVersion, 2);
  });
  const r = await s.call('specialist', 'POST', `${path()}/events`, { type: 'dispatch', payload: { handler: { id: 'E3001', name: '王强' } }, expectedVersion: 2 }, { date: 'Tue, 13 Oct 2026 01:30:00 GMT' });
  assert.equal(r.status, 200, r.text);
  const last = (await s.store.history(id)).at(-1)!;
  assert.equal(last.at, s.now, 'the audit entry carries server time');
  assert.deepEqual(last.actor, { id: 'E2001', name: '李娜', roles: ['specialist'] });
});

test('a key replayed on another instance is a new command there, never a duplicate of the first', async () => {
  const other = await s.call('reception', 'POST', '/instances', { definitionId: 'complaint', data: complaintRecord(5) });
  assert.equal(other.status, 201);
  const otherPath = `/instances/${encodeURIComponent(other.json.snapshot.id)}`;
  const first = await s.call('reception', 'POST', `${otherPath}/events`, { type: 'register', payload: { category: 'other', severity: 'minor' }, commandId: 'shared-key' });
  assert.equal(first.status, 200);
  assert.equal(first.json.duplicate, false);
  const third = await s.call('reception', 'POST', '/instances', { definitionId: 'complaint', data: complaintRecord(6) });
  const thirdPath = `/instances/${encodeURIComponent(third.json.snapshot.id)}`;
  const replay = await s.call('reception', 'POST', `${thirdPath}/events`, { type: 'register', payload: { category: 'efficiency', severity: 'serious' }, commandId: 'shared-key' });
  assert.equal(replay.status, 200);
  assert.equal(replay.json.duplicate, false);
  assert.equal(replay.json.snapshot.id, third.json.snapshot.id, 'the answer is the third instance, not the other one');
  assert.equal(replay.json.snapshot.state, 'registered');
  const again = await s.call('reception', 'POST', `${thirdPath}/events`, { type: 'register', payload: { category: 'efficiency', severity: 'serious' }, commandId: 'shared-key' });
  assert.equal(again.json.duplicate, true);
});

test('text/plain (415) and a foreign Origin (403) are refused; the same origin is allowed', async () => {
  await unchanged(async () => {
    const body = JSON.stringify({ type: 'dispatch', payload: { handler: { id: 'E3001', name: '王强' } } });
    const plain = await s.call('specialist', 'POST', `${path()}/events`, body, { 'content-type': 'text/plain' });
    assert.equal(plain.status, 415);
    isError(plain, 'unsupported-media-type');
    const form = await s.call('specialist', 'POST', `${path()}/events`, 'type=dispatch', { 'content-type': 'application/x-www-form-urlencoded' });
    assert.equal(form.status, 415);
    const foreign = await s.call('specialist', 'POST', `${path()}/events`, body, { origin: 'https://evil.example' });
    assert.equal(foreign.status, 403);
    isError(foreign, 'origin');
    const foreignRead = await s.call('specialist', 'GET', path(), undefined, { origin: 'https://evil.example' });
    assert.equal(foreignRead.status, 403);
    const malformed = await s.call('specialist', 'POST', `${path()}/events`, '{"type": "dispatch",', {});
    assert.equal(malformed.status, 400);
    isError(malformed, 'malformed');
    const huge = await s.call('specialist', 'POST', `${path()}/events`, JSON.stringify({ type: 'transfer', payload: { note: 'x'.repeat(300 * 1024) } }));
    assert.equal(huge.status, 413);
    const payload = await s.call('specialist', 'POST', `${path()}/events`, JSON.stringify({ type: 'transfer', payload: { note: 'x'.repeat(100 * 1024) } }));
    assert.equal(payload.status, 413, 'over the per-event payload bound');
  });
  const same = await s.call('specialist', 'GET', path(), undefined, { origin: s.url });
  assert.equal(same.status, 200);
});

test('the old snapshot-upload path /commits is not served (404)', async () => {
  await unchanged(async () => {
    const snap = await s.store.load(id);
    const r = await s.call('specialist', 'POST', `${path()}/commits`, { instanceId: id, expectedVersion: snap!.version, snapshot: { ...snap, state: 'closed', version: snap!.version + 1 }, audit: [], timers: [] });
    assert.equal(r.status, 404);
    isError(r, 'not-found');
    const unknown = await s.call('specialist', 'GET', '/instances/no-such-instance');
    assert.equal(unknown.status, 404);
    const def = await s.call('specialist', 'POST', '/instances', { definitionId: 'no-such-definition' });
    assert.equal(def.status, 404);
    isError(def, 'unknown-definition');
  });
});
