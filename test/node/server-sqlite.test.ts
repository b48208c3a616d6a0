// SqliteStore (wuye-kit/server): the store conformance suite, versioned migrations, two stores on
// one file (as two processes would be), per-instance timer ids and keys against the attacks of
// issue 17, and a corrupt row that tick() and list() skip.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../src/server/index.js';
import { builtinDefinitions, ConflictError, createEngine, runStoreConformance, type Actor } from '../../src/workflow/index.js';

const dir = mkdtempSync(join(tmpdir(), 'wy-sqlite-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = () => join(dir, `t${n++}.sqlite`);
const open = async (f = file()) => {
  const s = new SqliteStore({ file: f });
  await s.migrate();
  return s;
};
const T0 = Date.parse('2026-10-16T09:30:00+08:00');
const DAY = 86_400_000;
const receptionist: Actor = { id: 'E1001', name: '周敏', roles: ['receptionist'] };
const record = {
  recordNo: 'SZ-HY-202610-0001', kind: 'complaint', receivedAt: '2026-10-16T09:30:00+08:00', channel: 'phone', officeId: 'SZ-HY',
  complainant: { type: 'owner', name: '王女士', phone: '13812345678' }, category: 'efficiency', severity: 'serious', subject: '报修未上门', description: '厨房下水道堵塞。',
};
const complaint = builtinDefinitions['complaint']!;

test('SqliteStore passes the store conformance suite, change feed and list included', async () => {
  const report = await runStoreConformance(() => open());
  assert.deepEqual(report.cases.filter((c) => !c.ok), []);
  assert.equal(report.skipped, 0);
  assert.ok(report.passed >= 14);
  const memory = await runStoreConformance(() => open(':memory:'));
  assert.equal(memory.failed, 0);
});

test('migrate() creates versioned tables once; a second call and a second store change nothing', async () => {
  const f = file();
  const a = new SqliteStore({ file: f });
  await assert.rejects(a.load('x'), /call `await store.migrate\(\)` first/);
  assert.deepEqual(await a.migrate(), [1]);
  assert.deepEqual(await a.migrate(), []);
  assert.equal(await a.schemaVersion(), 1);
  const b = new SqliteStore({ file: f });
  assert.deepEqual(await b.migrate(), []);
  const rows = b.database.prepare('SELECT version, name FROM wy_migrations').all() as { version: number; name: string }[];
  assert.deepEqual(rows.map((r) => r.version), [1]);
  await a.close();
  await b.close();
  assert.throws(() => new SqliteStore({} as never), TypeError);
});

test('two stores on one file: one command wins, the other gets a conflict; timers fire once', async () => {
  const f = file();
  const s1 = await open(f);
  const s2 = await open(f);
  const e1 = createEngine({ definitions: [complaint], store: s1, clock: () => T0 });
  const e2 = createEngine({ definitions: [complaint], store: s2, clock: () => T0 });
  assert.ok((await e1.start('complaint', { id: 'C1', data: record }, receptionist)).ok);
  const results = await Promise.allSettled([
    e1.send('C1', { type: 'register', payload: { category: 'efficiency', severity: 'serious' }, expectedVersion: 1 }, receptionist),
    e2.send('C1', { type: 'register', payload: { category: 'other', severity: 'minor' }, expectedVersion: 1 }, receptionist),
  ]);
  const won = results.filter((r) => r.status === 'fulfilled' && r.value.ok);
  const conflicts = results.filter((r) => r.status === 'rejected' && r.reason instanceof ConflictError);
  assert.equal(won.length + conflicts.length, 2, JSON.stringify(results));
  assert.equal(won.length, 1);
  assert.equal(conflicts.length, 1);
  const later1 = createEngine({ definitions: [complaint], store: s1, clock: () => T0 + 30 * DAY });
  const later2 = createEngine({ definitions: [complaint], store: s2, clock: () => T0 + 30 * DAY });
  const [t1, t2] = await Promise.all([later1.tick(), later2.tick()]);
  const h = await s1.history('C1');
  assert.equal(h.filter((a) => a.kind === 'timer').length, t1.fired + t2.fired, 'each timer fired once');
  assert.deepEqual(h.map((a) => a.seq), h.map((_, i) => i + 1));
  await s1.close();
  await s2.close();
});

test('a timer id or key planted on another instance does not block or answer for the victim', async () => {
  const store = await open();
  const engine = createEngine({ definitions: [complaint], store, clock: () => T0 });
  assert.ok((await engine.start('complaint', { id: 'VICTIM', data: record, commandId: 'k-start' }, receptionist)).ok);
  assert.ok((await engine.send('VICTIM', { type: 'register', payload: { category: 'efficiency', severity: 'serious' }, commandId: 'k-register' }, receptionist)).ok);
  const victimTimers = await store.timers('VICTIM');
  assert.ok(victimTimers.length > 0);
  // The attacker's instance carries timers with the victim's ids and records the victim's keys.
  const a = await engine.start('complaint', { id: 'ATTACKER', data: { ...record, recordNo: 'X' }, commandId: 'k-register' }, receptionist);
  assert.ok(a.ok);
  const snap = a.snapshot;
  await store.commit({
    instanceId: 'ATTACKER', expectedVersion: 1, snapshot: { ...snap, version: 2, auditCount: 2 },
    audit: [{ instanceId: 'ATTACKER', seq: 2, at: T0, kind: 'transition', event: 'x', from: 'received', to: 'received', actor: receptionist, effects: [], definitionVersion: 1 }],
    timers: victimTimers.map((t) => ({ ...t, instanceId: 'ATTACKER', dueAt: t.dueAt + 1 })), idempotencyKey: 'k-victim-next',
  });
  const r = await engine.send('VICTIM', { type: 'dispatch', payload: { handler: { id: 'E3001', name: '王强' } }, commandId: 'k-victim-next' }, { id: 'E2001', name: '李娜', roles: ['specialist'] });
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.duplicate, false, 'the key recorded on another instance is not a duplicate here');
  assert.equal(r.snapshot.state, 'dispatched');
  assert.ok((await store.timers('VICTIM')).length > 0);
  await store.close();
});

test('a corrupt row is skipped by tick() and list(), and reported', async () => {
  const reported: string[] = [];
  const store = new SqliteStore({ file: file(), onError: (_e, c) => reported.push(c.instanceId) });
  await store.migrate();
  const engine = createEngine({ definitions: [complaint], store, clock: () => T0 });
  for (const id of ['A', 'B']) {
    assert.ok((await engine.start('complaint', { id, data: { ...record, recordNo: id } }, receptionist)).ok);
    assert.ok((await engine.send(id, { type: 'register', payload: { category: 'efficiency', severity: 'serious' } }, receptionist)).ok);
  }
  store.database.prepare("UPDATE wy_instances SET snapshot = '{broken' WHERE id = 'A'").run();
  const later = createEngine({ definitions: [complaint], store, clock: () => T0 + 30 * DAY });
  const r = await later.tick();
  assert.ok(r.fired >= 1);
  assert.ok(r.failed >= 1);
  assert.ok(r.problems.every((p) => p.instanceId === 'A'));
  const list = await store.list({});
  assert.deepEqual(list.map((s) => s.id), ['B']);
  assert.deepEqual(reported, ['A']);
  await store.close();
});
