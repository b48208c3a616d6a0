// Engine fixes made for the server (issue 17, "fix on the way"): tick() reports and skips an
// instance it cannot load and pages past stale timers; payloads are bounded per event; a guard
// has a JSONLogic evaluation budget (refused at run time, flagged by checkDefinition); idempotency
// keys are scoped per instance.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  builtinDefinitions,
  checkDefinition,
  createEngine,
  LOGIC_BUDGET,
  MAX_PAYLOAD_BYTES,
  MemoryStore,
  type Actor,
  type Snapshot,
  type Timer,
  type WorkflowDefinition,
} from '../../src/workflow/index.js';

const complaintDef = builtinDefinitions['complaint']!;
const T0 = Date.parse('2026-10-16T09:30:00+08:00');
const DAY = 86_400_000;
const receptionist: Actor = { id: 'E1001', name: '周敏', roles: ['receptionist'] };
const specialist: Actor = { id: 'E2001', name: '李娜', roles: ['specialist'] };
const record = (n: number) => ({
  recordNo: `SZ-HY-202610-${String(n).padStart(4, '0')}`, kind: 'complaint', receivedAt: '2026-10-16T09:30:00+08:00', channel: 'phone', officeId: 'SZ-HY',
  complainant: { type: 'owner', name: '王女士', phone: '13812345678' }, category: 'efficiency', severity: 'serious', subject: '报修未上门', description: '厨房下水道堵塞。',
});

async function registeredInstance(engine: ReturnType<typeof createEngine>, id: string, n = 1) {
  assert.ok((await engine.start('complaint', { id, data: record(n) }, receptionist)).ok);
  const r = await engine.send(id, { type: 'register', payload: { category: 'efficiency', severity: 'serious' } }, receptionist);
  assert.ok(r.ok, JSON.stringify(r));
  return r.snapshot;
}

/** Writes a commit by hand (as a broken import or an old release might have left the store). */
async function forge(store: MemoryStore, snapshot: Snapshot, timers: Timer[]) {
  const next = { ...snapshot, version: snapshot.version + 1, auditCount: snapshot.auditCount + 1 };
  await store.commit({
    instanceId: snapshot.id,
    expectedVersion: snapshot.version,
    snapshot: next,
    audit: [{ instanceId: snapshot.id, seq: next.auditCount, at: T0, kind: 'transition', event: 'import', from: snapshot.state, to: snapshot.state, actor: { id: 'x', name: 'x', roles: [] }, effects: [], definitionVersion: snapshot.definitionVersion }],
    timers,
  });
  return next;
}

test('tick() reports and skips an instance whose definition is unknown, and fires everyone else', async () => {
  const store = new MemoryStore();
  const old = createEngine({ definitions: [complaintDef, { ...builtinDefinitions['customer-appeal']!, id: 'retired' }], store, clock: () => T0 });
  await registeredInstance(old, 'OK-1');
  const orphan = await old.start('retired', { id: 'ORPHAN', data: {} }, specialist);
  assert.ok(orphan.ok, JSON.stringify(orphan));
  await forge(store, orphan.snapshot, [{ id: 'breach', instanceId: 'ORPHAN', clock: 'x', kind: 'breach', dueAt: 0 }]);
  const errors: unknown[] = [];
  const engine = createEngine({ definitions: [complaintDef], store, clock: () => T0 + 30 * DAY, onError: (e) => errors.push(e) });
  const first = await engine.tick();
  assert.ok(first.fired >= 2, `OK-1's overdue timers fired (${first.fired})`);
  assert.equal(first.failed, 1);
  assert.equal(first.problems[0]!.instanceId, 'ORPHAN');
  assert.match(first.problems[0]!.error, /UnknownDefinitionError: No workflow definition retired/);
  assert.equal(errors.length, 1);
  // The next tick is not blocked either: nothing left to fire, the orphan reported again.
  const second = await engine.tick();
  assert.equal(second.fired, 0);
  assert.equal(second.failed, 1);
  assert.equal((await store.load('ORPHAN'))!.version, 2, 'the orphan is left as it was');
});

test('tick() skips a corrupt row (a load that throws) and fires the rest', async () => {
  class Corrupt extends MemoryStore {
    broken = false;
    override async load(id: string): Promise<Snapshot | undefined> {
      if (this.broken && id === 'BAD') throw new SyntaxError('Unexpected token } in JSON at position 17');
      return super.load(id);
    }
  }
  const store = new Corrupt();
  const engine = createEngine({ definitions: [complaintDef], store, clock: () => T0 });
  const bad = await registeredInstance(engine, 'BAD', 1);
  await registeredInstance(engine, 'GOOD', 2);
  assert.ok((await store.timers(bad.id)).length > 0);
  store.broken = true;
  const later = createEngine({ definitions: [complaintDef], store, clock: () => T0 + 30 * DAY });
  const r = await later.tick();
  assert.ok(r.fired >= 2);
  assert.ok(r.failed >= 1);
  assert.ok(r.problems.every((p) => p.instanceId === 'BAD' && p.error.startsWith('SyntaxError')));
  assert.equal((await store.history('GOOD')).filter((a) => a.kind === 'timer').length, r.fired);
});

test('tick() pages past 600 stale timers due at time 0 and fires the real overdue ones', async () => {
  const store = new MemoryStore();
  const engine = createEngine({ definitions: [complaintDef], store, clock: () => T0 });
  const snap = await registeredInstance(engine, 'C1');
  const real = await store.timers('C1');
  const stale: Timer[] = Array.from({ length: 600 }, (_, i) => ({ id: `stale-${String(i).padStart(3, '0')}`, instanceId: 'C1', clock: 'reply', kind: 'breach', dueAt: 0 }));
  await forge(store, snap, [...stale, ...real]);
  const later = createEngine({ definitions: [complaintDef], store, clock: () => T0 + 30 * DAY });
  const r = await later.tick();
  assert.ok(r.fired >= real.length, `fired ${r.fired}, real timers ${real.length}`);
  assert.equal(r.failed, 0);
  assert.ok(r.skipped >= 600);
  const clocks = await later.clocks('C1');
  assert.ok(clocks.every((c) => c.level === 'overdue'), 'both clocks breached');
});

test('an event payload over the bound is refused and stores nothing; start data too', async () => {
  const store = new MemoryStore();
  const engine = createEngine({ definitions: [complaintDef], store, clock: () => T0 });
  await registeredInstance(engine, 'C1');
  const before = await store.history('C1');
  // `accept` takes no fields: its payload was stored in the audit as it came.
  const big = { note: '水'.repeat(Math.ceil(MAX_PAYLOAD_BYTES / 3) + 10) };
  await engine.send('C1', { type: 'dispatch', payload: { handler: { id: 'E3001', name: '王强' } } }, specialist);
  const r = await engine.send('C1', { type: 'accept', payload: big }, { id: 'E3001', name: '王强', roles: ['specialist'] });
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.code, 'payload-too-large');
  assert.match(!r.ok ? r.message : '', /over the limit of 65536/);
  assert.equal((await store.history('C1')).length, before.length + 1, 'only the dispatch was stored');
  const s = await engine.start('complaint', { id: 'C2', data: { ...record(2), description: 'x'.repeat(MAX_PAYLOAD_BYTES) } }, receptionist);
  assert.equal(!s.ok && s.code, 'payload-too-large');
  assert.equal(await store.load('C2'), undefined);
  // A host may set another bound.
  const small = createEngine({ definitions: [complaintDef], store: new MemoryStore(), clock: () => T0, maxPayloadBytes: 100 });
  const t = await small.start('complaint', { id: 'C3', data: record(3) }, receptionist);
  assert.equal(!t.ok && t.code, 'payload-too-large');
});

/** A guard of about 3 KB that needs 300³ = 27 M evaluations. */
const heavyGuard = (() => {
  const list = Array.from({ length: 300 }, (_, i) => i);
  return { some: [list, { some: [list, { some: [list, { '==': [{ var: '' }, -1] }] }] }] };
})();

function withGuard(guard: unknown): WorkflowDefinition {
  const transitions = complaintDef.transitions.map((t) => (t.event === 'register' ? { ...t, guard } : t));
  return { ...complaintDef, transitions };
}

test('a guard over its JSONLogic budget is flagged by checkDefinition and refused at run time', async () => {
  assert.ok(JSON.stringify(heavyGuard).length < 4000);
  const report = checkDefinition(withGuard(heavyGuard));
  assert.equal(report.ok, false);
  const p = report.problems.find((x) => x.code === 'logic-budget');
  assert.ok(p, JSON.stringify(report.problems));
  assert.match(p.path, /^\/transitions\/\d+\/guard$/);
  assert.match(p.message, new RegExp(`over the budget of ${LOGIC_BUDGET}`));
  // Shipped definitions stay within the budget.
  for (const d of Object.values(builtinDefinitions)) assert.ok(!checkDefinition(d).problems.some((x) => x.code === 'logic-budget'), d.id);

  // A host that skips the linter still cannot be blocked: the budget stops evaluation.
  const store = new MemoryStore();
  const engine = createEngine({ definitions: [withGuard(heavyGuard)], store, clock: () => T0, check: false });
  assert.ok((await engine.start('complaint', { id: 'C1', data: record(1) }, receptionist)).ok);
  const actions = await engine.availableActions('C1', receptionist);
  const register = actions.find((a) => a.event === 'register');
  assert.equal(register?.enabled, false);
  assert.equal(register?.reason, 'logic-budget');
  const r = await engine.send('C1', { type: 'register', payload: { category: 'efficiency', severity: 'serious' } }, receptionist);
  assert.equal(!r.ok && r.code, 'logic-budget');
  assert.equal((await store.load('C1'))!.state, 'received');
});
