// Parent and child instances (issue 14): a project move-in starts one move-in-house instance per
// house, sees their states, counts them, and waits until every house is done; 产权 likewise per
// customer. Stored v1 instances of the changed definitions continue under v2 (migrations).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  builtinDefinitions,
  CHILDREN_RESUME_AFTER_MS,
  childrenOf,
  createEngine,
  MemoryStore,
  parentOf,
  pendingStarts,
  recordChild,
  startInstanceId,
  transition,
  type Actor,
  type Commit,
  type Snapshot,
  type SendResult,
  type WorkflowStore,
} from '../../src/workflow/index.js';
import { SqliteStore } from '../../src/server/index.js';
import { createCalendar, type CalendarData } from '../../src/core/calendar/index.js';

const calendar = createCalendar(['cn-2025', 'cn-2026'].map((y) => JSON.parse(readFileSync(`schemas/calendars/${y}.json`, 'utf8')) as CalendarData));
const T0 = Date.parse('2026-10-16T09:30:00+08:00');
const specialist: Actor = { id: 'E2001', name: '李娜', roles: ['specialist'] };
const head: Actor = { id: 'E9001', name: '陈主任', roles: ['centre-head'] };
const owner: Actor = { id: 'O1', name: '业主', roles: ['owner'] };
const contractor: Actor = { id: 'K1', name: '施工方', roles: ['contractor'] };
const customer: Actor = { id: 'U1', name: '王女士', roles: ['customer'] };

function setup(store: WorkflowStore = new MemoryStore()) {
  let n = 0;
  const engine = createEngine({ definitions: Object.values(builtinDefinitions), store, clock: () => T0, calendar, newId: () => `i${++n}` });
  return { engine, store };
}
/** Puts a snapshot written by an earlier version into the store, with its start entry. */
async function seed(store: WorkflowStore, s: Snapshot) {
  const snapshot = { ...s, version: 1, auditCount: 1 };
  const start = { instanceId: s.id, seq: 1, at: s.createdAt, kind: 'start' as const, event: 'start', from: null, to: s.state, actor: { id: 'E', name: 'E', roles: [] }, effects: [], definitionVersion: s.definitionVersion };
  await store.commit({ instanceId: s.id, expectedVersion: 0, snapshot, audit: [start], timers: [] });
}
function ok(r: SendResult, what: string): Snapshot {
  assert.ok(r.ok, `${what}: ${JSON.stringify(r)}`);
  return r.snapshot;
}
const houses = [{ building: '1', unit: '1', room: '101', owner: '张' }, { building: '1', unit: '1', room: '102', owner: '李' }, { building: '2', unit: '1', room: '201', owner: '王' }];

async function projectReady(engine: ReturnType<typeof setup>['engine']) {
  ok(await engine.start('move-in', { id: 'P1' }, specialist), 'start');
  ok(await engine.send('P1', { type: 'plan', payload: { from: '2026-11-01', to: '2026-11-30' } }, specialist), 'plan');
  ok(await engine.send('P1', { type: 'assess-risk', payload: { level: 'low' } }, specialist), 'assess');
  ok(await engine.send('P1', { type: 'prepare' }, specialist), 'prepare');
}

async function houseToTheEnd(engine: ReturnType<typeof setup>['engine'], id: string, refuseOnce = false) {
  ok(await engine.send(id, { type: 'generate-list', payload: { count: 2 } }, specialist), 'generate-list');
  ok(await engine.send(id, { type: 'notify-owner' }, specialist), 'notify-owner');
  if (refuseOnce) {
    ok(await engine.send(id, { type: 'close-problems', payload: { closed: 2, open: 0 } }, contractor), 'close');
    ok(await engine.send(id, { type: 'owner-decision', payload: { accepted: false, reason: '墙面空鼓' } }, owner), 'refuse');
    ok(await engine.send(id, { type: 'record-problems' }, specialist), 'record again');
    ok(await engine.send(id, { type: 'generate-list', payload: { count: 1 } }, specialist), 'generate-list again');
    ok(await engine.send(id, { type: 'notify-owner' }, specialist), 'notify again');
  }
  ok(await engine.send(id, { type: 'close-problems', payload: { closed: 1, open: 1 } }, contractor), 'close, one left');
  ok(await engine.send(id, { type: 'close-problems', payload: { closed: 1, open: 0 } }, contractor), 'close the rest');
  ok(await engine.send(id, { type: 'owner-decision', payload: { accepted: true } }, owner), 'accept');
  return ok(await engine.send(id, { type: 'register-progress', payload: { note: '已交钥匙', done: true } }, specialist), 'register');
}

test('a project move-in starts one instance per house, sees their states and counts them', async () => {
  const { engine } = setup();
  await projectReady(engine);
  const r = await engine.send('P1', { type: 'start-houses', payload: { houses } }, specialist);
  assert.ok(r.ok);
  assert.equal(r.snapshot.state, 'handing-over');
  assert.equal(r.children?.length, 3);
  const kids = r.children!.map((c) => ok(c, 'child'));
  assert.deepEqual(kids.map((k) => [k.definitionId, k.state, k.data['room']]), [['move-in-house', 'recording', '101'], ['move-in-house', 'recording', '102'], ['move-in-house', 'recording', '201']]);
  assert.deepEqual(parentOf(kids[0]!), { id: 'P1', definition: 'move-in' });
  const p = (await engine.get('P1'))!;
  const sum = childrenOf(p);
  assert.deepEqual([sum.total, sum.done, sum.open, sum.byState], [3, 0, 3, { recording: 3 }]);
  // The parent's own history says which child moved where, as the system.
  const h = await engine.history('P1');
  assert.deepEqual(h.filter((e) => e.event === 'child-update').map((e) => e.actor.id), ['system', 'system', 'system']);

  // The per-house order is the manual's: 7 通知业主现场验收 → 8 关闭问题 → 9 是否收房.
  const id = kids[0]!.id;
  ok(await engine.send(id, { type: 'generate-list', payload: { count: 1 } }, specialist), 'generate-list');
  ok(await engine.send(id, { type: 'notify-owner' }, specialist), 'notify-owner');
  const early = await engine.send(id, { type: 'owner-decision', payload: { accepted: true } }, owner);
  assert.equal(!early.ok && early.code, 'not-allowed-in-state', 'the owner decides after the problems are closed');
  assert.deepEqual(childrenOf((await engine.get('P1'))!).byState, { recording: 2, 'owner-notified': 1 });
});

test('the project waits until every house is done, then moves on by itself to the summary', async () => {
  const { engine } = setup();
  await projectReady(engine);
  const r = await engine.send('P1', { type: 'start-houses', payload: { houses: houses.slice(0, 2) } }, specialist);
  const [a, b] = (r.ok ? r.children! : []).map((c) => ok(c, 'child'));
  // More houses later, in the same wait.
  const more = await engine.send('P1', { type: 'add-houses', payload: { houses: [houses[2]!] } }, specialist);
  assert.equal(more.ok && more.children?.length, 1);
  const c = ok(more.ok ? more.children![0]! : more, 'added');
  assert.equal((await engine.send('P1', { type: 'summarise', payload: { text: '早' } }, head)).ok, false, 'no summary while houses are open');
  const finish = await engine.send('P1', { type: 'finish-houses' }, head);
  assert.equal(!finish.ok && finish.code, 'guard-failed', 'cannot confirm while houses are open');
  await houseToTheEnd(engine, a!.id, true);
  await houseToTheEnd(engine, b!.id);
  assert.equal((await engine.get('P1'))!.state, 'handing-over');
  await houseToTheEnd(engine, c.id);
  const p = (await engine.get('P1'))!;
  assert.equal(p.state, 'houses-done');
  assert.deepEqual([childrenOf(p).total, childrenOf(p).done, childrenOf(p).open], [3, 3, 0]);
  const s = ok(await engine.send('P1', { type: 'summarise', payload: { text: '三户入伙完成' } }, specialist), 'summarise');
  assert.equal(s.state, 'summarised');
});

test('产权: the project lists the customers who settled all amounts due and tracks one instance each', async () => {
  const { engine } = setup();
  ok(await engine.start('property-rights', { id: 'R1' }, specialist), 'start');
  const step2 = builtinDefinitions['property-rights']!.transitions.find((t) => t.event === 'list-customers')!;
  assert.equal(step2.title['zh-CN'], '获取已缴清款项的客户名单');
  ok(await engine.send('R1', { type: 'set-parameters', payload: { from: '2026-11-01', to: '2027-01-31' } }, specialist), 'set');
  const r = await engine.send('R1', { type: 'list-customers', payload: { customers: [{ owner: '王女士', room: '1201' }, { owner: '赵先生', room: '1202' }] } }, specialist);
  assert.ok(r.ok);
  const kids = r.children!.map((k) => ok(k, 'child'));
  for (const k of kids) {
    ok(await engine.send(k.id, { type: 'record-progress', payload: { note: '已出证', done: true } }, specialist), 'issued');
    ok(await engine.send(k.id, { type: 'hand-over' }, customer), 'collected');
  }
  const p = (await engine.get('R1'))!;
  assert.equal(p.state, 'done');
  assert.deepEqual(childrenOf(p).byState, { collected: 2 });
});

test('starting children is idempotent, and a record that claims a parent it was not started by changes nothing', async () => {
  const { engine } = setup();
  await projectReady(engine);
  const cmd = { type: 'start-houses', payload: { houses: houses.slice(0, 1) }, commandId: 'start-houses-0001' };
  const first = await engine.send('P1', cmd, specialist);
  const again = await engine.send('P1', cmd, specialist);
  assert.ok(first.ok && again.ok && again.duplicate);
  assert.equal(childrenOf((await engine.get('P1'))!).total, 1);
  // A house instance started by hand with a forged parent link: the project ignores it.
  const forged = ok(await engine.start('move-in-house', { id: 'F1', data: { room: '999', parent: { id: 'P1', definition: 'move-in' } } }, specialist), 'forged');
  ok(await engine.send(forged.id, { type: 'generate-list', payload: { count: 0 } }, specialist), 'forged moves');
  assert.equal(childrenOf((await engine.get('P1'))!).total, 1);
  assert.equal(childrenOf((await engine.get('P1'))!).items['F1'], undefined);
});

test('recordChild is pure: the same state again changes nothing; the wait ends only when all are final', () => {
  const def = builtinDefinitions['move-in']!;
  const childDef = builtinDefinitions['move-in-house']!;
  const parent: Snapshot = {
    id: 'P', definitionId: 'move-in', definitionVersion: def.version, state: 'handing-over', version: 5, data: {},
    firstReceiver: { id: 'E', name: 'E' }, clocks: {}, createdAt: T0, updatedAt: T0, auditCount: 5,
  };
  const child = (id: string, state: string, version = 1): Snapshot => ({ ...parent, id, definitionId: 'move-in-house', definitionVersion: 1, state, version, data: { parent: { id: 'P', definition: 'move-in' } } });
  assert.equal(recordChild(def, parent, child('a', 'recording'), childDef, T0, calendar), undefined, 'unknown and not just started');
  const one = recordChild(def, parent, child('a', 'recording'), childDef, T0, calendar, true)!;
  const two = recordChild(def, one.snapshot, child('b', 'recording'), childDef, T0, calendar, true)!;
  assert.equal(recordChild(def, two.snapshot, child('a', 'recording', 2), childDef, T0, calendar), undefined);
  const aDone = recordChild(def, two.snapshot, child('a', 'registered', 9), childDef, T0, calendar)!;
  assert.equal(aDone.snapshot.state, 'handing-over');
  const bDone = recordChild(def, aDone.snapshot, child('b', 'registered', 9), childDef, T0, calendar)!;
  assert.equal(bDone.snapshot.state, 'houses-done');
  assert.equal(bDone.audit.from, 'handing-over');
  assert.equal(bDone.audit.to, 'houses-done');
  assert.equal(parent.state, 'handing-over', 'inputs are not changed');
  // A start-children effect is data the pure transition() returns.
  const prepared = { ...parent, state: 'prepared' };
  const t = transition(def, prepared, { type: 'start-houses', payload: { houses: houses.slice(0, 2) } }, specialist, T0);
  assert.ok(t.ok);
  assert.deepEqual(t.effects, [{ type: 'start-children', definition: 'move-in-house', inputs: houses.slice(0, 2) }]);
});

test('a v1 move-in instance (one instance mixing project and house steps) continues under v2', async () => {
  const store = new MemoryStore();
  const v1: Snapshot = {
    id: 'M1', definitionId: 'move-in', definitionVersion: 1, state: 'owner-notified', version: 6,
    data: { plan: { from: '2026-11-01', to: '2026-11-30' }, risk: { level: 'minor' }, problemCount: 2 },
    firstReceiver: { id: 'E2001', name: '李娜' }, clocks: { 'owner-response': { status: 'running', epoch: 1, elapsedMs: 0, runningSince: T0 - 3_600_000, limitMs: 7 * 86_400_000, escalations: 0 } },
    createdAt: T0 - 86_400_000, updatedAt: T0 - 3_600_000, auditCount: 6,
  };
  await seed(store, v1);
  const { engine } = setup(store);
  const s = (await engine.get('M1'))!;
  assert.equal(s.definitionVersion, 2);
  assert.equal(s.state, 'handing-over');
  assert.equal(s.data['problemCount'], 2, 'data kept');
  assert.deepEqual(Object.keys(s.clocks), [], 'v1 clocks that v2 does not have are dropped');
  const h = await engine.history('M1');
  assert.equal(h.at(-1)!.kind, 'migration');
  assert.equal(h.at(-1)!.note, 'move-in@1 -> move-in@2');
  // It goes on: the head confirms the house work, then the summary.
  ok(await engine.send('M1', { type: 'finish-houses' }, head), 'finish-houses');
  assert.equal(ok(await engine.send('M1', { type: 'summarise', payload: { text: '完成' } }, specialist), 'summarise').state, 'summarised');
});

test('v1 instances of the other changed definitions continue under v2', async () => {
  const store = new MemoryStore();
  const base = { version: 3, data: {}, firstReceiver: { id: 'E', name: 'E' }, clocks: {}, createdAt: T0, updatedAt: T0, auditCount: 3 };
  const v1s: [string, string, string][] = [
    ['property-rights', 'issued', 'in-progress'],
    ['key-milestone-review', 'reviewing', 'completed'],
    ['customer-appeal', 'checking', 'checking'],
    ['complaint', 'forwarded', 'forwarded'],
  ];
  for (const [def, state] of v1s) {
    // A stored complaint carries its record (the complaint definition validates data on migration).
    const data = def === 'complaint' ? (JSON.parse(readFileSync('schemas/examples/complaint.valid.json', 'utf8')) as Record<string, unknown>[])[0]! : {};
    await seed(store, { ...base, id: `${def}-1`, definitionId: def, definitionVersion: 1, state, data });
  }
  const { engine } = setup(store);
  for (const [def, , to] of v1s) {
    const s = (await engine.get(`${def}-1`))!;
    assert.equal(s.definitionVersion, builtinDefinitions[def]!.version, def);
    assert.equal(s.state, to, def);
  }
});

// --- A crash between the parent's commit and its children's start (issue 14) -------------------

class Crash extends Error {
  override readonly name = 'Crash';
}

/** The store as a process sees it until it dies: the first commit `when` accepts throws instead (nothing written). */
function dying(store: WorkflowStore, when: (c: Commit) => boolean): WorkflowStore {
  let alive = true;
  return new Proxy(store, {
    get(target, key) {
      if (key === 'commit') {
        return async (c: Commit) => {
          if (alive && when(c)) {
            alive = false;
            throw new Crash(`the process died before committing ${c.instanceId}`);
          }
          return target.commit(c);
        };
      }
      const v = Reflect.get(target, key, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

const START = { type: 'start-houses', payload: { houses }, commandId: 'start-houses-crash' };
const childIds = houses.map((_, j) => startInstanceId('move-in-house', specialist.id, `${START.commandId}:child:0:${j}`));

/** Runs a project up to start-houses on a store that dies at `when`; returns what survived. */
async function crashDuring(store: WorkflowStore, when: (c: Commit) => boolean) {
  const { engine } = setup(dying(store, when));
  await projectReady(engine);
  await assert.rejects(engine.send('P1', START, specialist), Crash);
}

/** A restarted process: a new engine over the same data; tick() resumes what the crash left. */
async function resumeAndCheck(store: WorkflowStore, expectStartedBefore: number) {
  const { engine } = setup(store);
  const p = (await engine.get('P1'))!;
  assert.equal(p.state, 'handing-over', 'the parent committed its change');
  assert.equal(pendingStarts(p).length, 1, 'and the intent to start the houses with it');
  assert.equal(childrenOf(p).total, expectStartedBefore);
  assert.ok((await store.timers('P1')).some((t) => t.kind === 'children'), 'a children timer is stored');
  const early = await engine.tick(T0 + 1_000);
  assert.equal(early.fired, 0, 'not due while the live engine would still be at work');
  const r = await engine.tick(T0 + CHILDREN_RESUME_AFTER_MS);
  assert.deepEqual([r.fired, r.failed], [1, 0], JSON.stringify(r.problems));
  const after = (await engine.get('P1'))!;
  assert.equal(pendingStarts(after).length, 0, 'the intent is cleared');
  assert.deepEqual(Object.keys(childrenOf(after).items).sort(), [...childIds].sort(), 'every house runs, under the ids a live start gives');
  assert.deepEqual(childrenOf(after).byState, { recording: 3 });
  for (const id of childIds) assert.deepEqual(parentOf((await engine.get(id))!), { id: 'P1', definition: 'move-in' });
  assert.ok(!(await store.timers('P1')).some((t) => t.kind === 'children'), 'the timer is gone');
  const done = (await engine.history('P1')).filter((e) => e.event === 'children-started');
  assert.deepEqual(done.map((e) => e.payload), [{ of: pendingStarts(p)[0]!.seq, started: 3, refused: 0 }]);
  assert.equal((await engine.tick(T0 + 2 * CHILDREN_RESUME_AFTER_MS)).fired, 0, 'a second tick has nothing to do');
  // The project goes on as if nothing had happened.
  for (const id of childIds) await houseToTheEnd(engine, id);
  assert.equal((await engine.get('P1'))!.state, 'houses-done');
}

const firstChild = (c: Commit) => c.snapshot.definitionId === 'move-in-house';
let parentNews = 0;
const secondChildNews = (c: Commit) => c.instanceId === 'P1' && c.audit[0]?.event === 'child-update' && ++parentNews === 2;

test('a live start of children records and clears its intent: no timer is left behind', async () => {
  const { engine, store } = setup();
  await projectReady(engine);
  const r = await engine.send('P1', START, specialist);
  assert.ok(r.ok && r.children?.length === 3);
  const p = (await engine.get('P1'))!;
  assert.deepEqual([pendingStarts(p).length, childrenOf(p).total], [0, 3]);
  assert.deepEqual((await store.timers('P1')).filter((t) => t.kind === 'children'), []);
  assert.deepEqual((await engine.history('P1')).at(-1)!.payload, { of: r.audit[0]!.seq, started: 3, refused: 0 });
});

test('MemoryStore: the process dies after the parent commit, before any house starts; tick() starts them', async () => {
  const store = new MemoryStore();
  await crashDuring(store, firstChild);
  assert.equal((await store.load(childIds[0]!)), undefined, 'no house was started');
  await resumeAndCheck(store, 0);
});

test('MemoryStore: the process dies after a house started but before the project heard of it; tick() joins it and starts the rest', async () => {
  const store = new MemoryStore();
  parentNews = 0;
  await crashDuring(store, secondChildNews);
  assert.ok(await store.load(childIds[1]!), 'the second house was started');
  assert.equal(await store.load(childIds[2]!), undefined, 'the third was not');
  await resumeAndCheck(store, 1);
});

test('SQLite: the same crash and resume across two store connections (a real restart)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wy-children-'));
  try {
    const file = join(dir, 'workflow.sqlite');
    const before = new SqliteStore({ file });
    await before.migrate();
    await crashDuring(before, firstChild);
    await before.close();
    const after = new SqliteStore({ file });
    await after.migrate();
    await resumeAndCheck(after, 0);
    await after.close();

    const file2 = join(dir, 'workflow-2.sqlite');
    const b2 = new SqliteStore({ file: file2 });
    await b2.migrate();
    parentNews = 0;
    await crashDuring(b2, secondChildNews);
    await b2.close();
    const a2 = new SqliteStore({ file: file2 });
    await a2.migrate();
    await resumeAndCheck(a2, 1);
    await a2.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
