// The engine's hot path (issue 16) keeps its answers: a registered definition is sealed (deeply
// frozen) and what transition() derives from it gives the same results as a fresh, unsealed copy;
// `now` reaches every rule that may read it; the change feed and idempotency of MemoryStore hold;
// clock states keep their fields through every step (they are built field by field, not copied).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinDefinitions, createEngine, MemoryStore, pendingTimers, startInstance, transition, type Actor, type Snapshot, type Timer, type WorkflowDefinition } from '../../src/workflow/index.js';
import { fallbackCalendar } from '../../src/workflow/transition.js';
import { mayRead } from '../../src/workflow/logic.js';

const T0 = Date.parse('2026-10-16T09:30:00+08:00');
const receptionist: Actor = { id: 'E1', name: '周敏', roles: ['receptionist'] };
const specialist: Actor = { id: 'E2', name: '李娜', roles: ['specialist', 'centre-head'] };
const record = { recordNo: 'B-1', kind: 'complaint', receivedAt: '2026-10-16T09:30:00+08:00', channel: 'phone', officeId: 'SZ-HY', complainant: { type: 'owner', name: '王女士' }, category: 'efficiency', severity: 'serious', subject: '报修三次未上门', description: '厨房下水道堵塞。' };
const LIFECYCLE: [string, unknown, Actor][] = [
  ['register', { category: 'efficiency', severity: 'major' }, specialist],
  ['dispatch', { handler: { id: 'E2', name: '李娜' } }, receptionist], // refused: role
  ['dispatch', { handler: { id: 'E2', name: '李娜' } }, specialist],
  ['accept', undefined, specialist],
  ['reply', { at: '2026-10-16T15:00:00+08:00', content: '已安排维修' }, specialist],
  ['visit', { at: '2026-10-17T10:00:00+08:00', satisfaction: 'dissatisfied' }, specialist],
  ['reply', { at: '2026-10-99T15:00:00+08:00', content: 'x' }, specialist], // refused: fields
  ['reply', { at: '2026-10-18T15:00:00+08:00', content: '已更换管道' }, specialist],
  ['visit', { at: '2026-10-19T10:00:00+08:00', satisfaction: 'satisfied' }, specialist],
  ['close', { validity: 'valid' }, specialist],
];

test('createEngine seals what it registers: a registered definition cannot be changed', () => {
  const def = structuredClone(builtinDefinitions['complaint']!) as WorkflowDefinition;
  createEngine({ definitions: [def, builtinDefinitions['move-in']!], store: new MemoryStore() });
  assert.ok(Object.isFrozen(def) && Object.isFrozen(def.transitions) && Object.isFrozen(def.transitions[0]!.effects![0]));
  assert.throws(() => {
    (def.transitions[0] as { to?: string }).to = 'closed';
  }, TypeError);
  assert.ok(Object.isFrozen(builtinDefinitions['move-in']!.transitions[0]), 'the built-in ones too, once an engine registered them');
});

test('a sealed definition gives transition() the same answers as an unsealed copy, refusals included', () => {
  const sealed = builtinDefinitions['complaint']!;
  createEngine({ definitions: [sealed], store: new MemoryStore() });
  const fresh = structuredClone(sealed) as WorkflowDefinition;
  assert.ok(!Object.isFrozen(fresh));
  const run = (def: WorkflowDefinition) => {
    const out: unknown[] = [];
    const s0 = startInstance(def, { id: 'I1', data: record }, receptionist, T0);
    assert.ok(s0.ok);
    let s: Snapshot = s0.snapshot;
    let now = T0;
    for (const [type, payload, actor] of LIFECYCLE) {
      const at = Date.parse((payload as { at?: string } | undefined)?.at ?? '');
      now = Number.isNaN(at) ? now + 60_000 : at + 60_000;
      const r = transition(def, s, { type, payload }, actor, now);
      out.push(r.ok ? { snapshot: r.snapshot, audit: r.audit, effects: r.effects } : { code: r.code, errors: r.errors });
      if (r.ok) s = r.snapshot;
    }
    return { out, last: s };
  };
  const a = run(sealed);
  const b = run(fresh);
  assert.deepEqual(a.out, b.out);
  assert.equal(a.last.state, 'closed');
  assert.equal(a.out.filter((x) => (x as { code?: string }).code).length, 2, 'both refusals seen');
  // `now` reached the close effect: closedAt is the engine's time.
  assert.equal(a.last.data['closedAt'], new Date(Date.parse('2026-10-19T10:00:00+08:00') + 2 * 60_000).toISOString());
});

test('a guard that reads now sees it; mayRead is conservative', () => {
  const def: WorkflowDefinition = {
    id: 'timed', version: 1, title: { 'zh-CN': '定时', en: 'Timed' },
    roles: [{ id: 'clerk', title: { 'zh-CN': '文员', en: 'Clerk' } }], initial: 'open',
    states: [{ id: 'open', title: { 'zh-CN': '打开', en: 'Open' } }, { id: 'done', title: { 'zh-CN': '完成', en: 'Done' }, final: true }],
    transitions: [{ event: 'finish', title: { 'zh-CN': '完成', en: 'Finish' }, from: ['open'], to: 'done', roles: ['clerk'], guard: { '<': [{ var: 'now' }, '2026-10-17'] } }],
  };
  const clerk: Actor = { id: 'C', name: 'c', roles: ['clerk'] };
  createEngine({ definitions: [def], store: new MemoryStore(), check: false });
  const s = startInstance(def, { id: 'T1' }, clerk, T0);
  assert.ok(s.ok);
  // JSONLogic "<" compares numbers: an ISO text is NaN, so the guard fails either way unless now is
  // what the rule reads; check the value instead with an "in" on the date prefix.
  const byDate: WorkflowDefinition = { ...def, transitions: [{ ...def.transitions[0]!, guard: { in: ['2026-10-16T', { var: 'now' }] } }] };
  assert.ok(transition(byDate, s.snapshot, { type: 'finish' }, clerk, T0).ok, 'now is the ISO time of the event');
  assert.equal(transition(byDate, s.snapshot, { type: 'finish' }, clerk, T0 + 86_400_000).ok, false);
  assert.equal(mayRead({ var: 'payload.x' }, 'now'), false);
  assert.equal(mayRead({ '==': [{ var: 'now' }, 1] }, 'now'), true);
  assert.equal(mayRead({ var: 'now.length' }, 'now'), true);
  assert.equal(mayRead({ var: '' }, 'now'), true, 'the whole context');
  assert.equal(mayRead({ var: { cat: ['n', 'ow'] } }, 'now'), true, 'a computed name');
  assert.equal(mayRead({ missing: ['now'] }, 'now'), true);
  assert.equal(mayRead({ var: ['payload.x', { var: 'now' }] }, 'now'), true, 'a default that reads it');
});

test('MemoryStore keeps its change feed, idempotency keys and frozen snapshots through the engine', async () => {
  const store = new MemoryStore();
  const engine = createEngine({ definitions: [builtinDefinitions['complaint']!], store, clock: () => T0 + 3600_000 });
  assert.ok((await engine.start('complaint', { id: 'M1', data: record, commandId: 's1' }, receptionist)).ok);
  const r = await engine.send('M1', { type: 'register', payload: { category: 'efficiency', severity: 'serious' }, commandId: 'c1' }, specialist);
  assert.ok(r.ok && !r.duplicate);
  const again = await engine.send('M1', { type: 'register', payload: { category: 'efficiency', severity: 'serious' }, commandId: 'c1' }, specialist);
  assert.ok(again.ok && again.duplicate);
  assert.deepEqual(await store.findCommand('M1', 'c1'), { instanceId: 'M1', version: 2 });
  assert.equal(await store.findCommand('M1', 'nope'), undefined);
  const feed = await store.changes(0);
  assert.deepEqual(feed.map((c) => [c.cursor, c.instanceId, c.version, c.state, c.type]), [[1, 'M1', 1, 'received', 'started'], [2, 'M1', 2, 'registered', 'transition']]);
  assert.equal(await store.lastCursor(), 2);
  assert.deepEqual(await store.changes(1, 5), feed.slice(1));
  const s = (await store.load('M1'))!;
  assert.ok(Object.isFrozen(s) && Object.isFrozen(s.data) && Object.isFrozen(s.clocks));
  assert.throws(() => {
    (s.data as Record<string, unknown>)['subject'] = 'x';
  }, TypeError);
  const h = await store.history('M1');
  assert.ok(h.every((a) => Object.isFrozen(a) && Object.isFrozen(a.effects)));
});

test('clock states keep every field through start, warning, pause, resume and stop (built field by field, not copied)', async () => {
  const H = 3600_000;
  let now = T0;
  const handler: Actor = { id: 'E3', name: '陈工', roles: ['specialist'] };
  const store = new MemoryStore();
  const engine = createEngine({ definitions: [builtinDefinitions['complaint']!], store, clock: () => now });
  const reply = async () => (await store.load('K1'))!.clocks['reply']!;
  const keys = (o: object) => Object.keys(o).sort();
  assert.ok((await engine.start('complaint', { id: 'K1', data: record }, receptionist)).ok);
  assert.deepEqual(await reply(), { status: 'idle', epoch: 0, elapsedMs: 0, limitMs: 24 * H, escalations: 0 });
  assert.ok((await engine.send('K1', { type: 'register', payload: { category: 'efficiency', severity: 'serious' } }, specialist)).ok);
  assert.deepEqual(await reply(), { status: 'running', epoch: 1, elapsedMs: 0, limitMs: 24 * H, escalations: 0, runningSince: T0, startedAt: T0 });
  assert.ok((await engine.send('K1', { type: 'dispatch', payload: { handler: { id: handler.id, name: handler.name } } }, specialist)).ok);
  assert.ok((await engine.send('K1', { type: 'accept' }, handler)).ok);
  // The warning (at 75 % of the limit) fires: warnedAt is added, nothing else changes.
  now = T0 + 19 * H;
  assert.equal((await engine.tick()).fired, 1, "the reply clock's warning (the close clock warns at 80 % of 7 days: not yet)");
  const warned = await reply();
  assert.equal(warned.warnedAt, T0 + 18 * H);
  assert.deepEqual(keys(warned), ['elapsedMs', 'epoch', 'escalations', 'limitMs', 'runningSince', 'startedAt', 'status', 'warnedAt']);
  // Paused: the run is measured, runningSince goes, startedAt and warnedAt stay.
  now = T0 + 20 * H;
  assert.ok((await engine.send('K1', { type: 'suspend', payload: { reason: '等待业主在家' } }, handler)).ok);
  assert.deepEqual(await reply(), { status: 'paused', epoch: 1, elapsedMs: 20 * H, limitMs: 24 * H, escalations: 0, startedAt: T0, warnedAt: T0 + 18 * H });
  // Resumed: a new epoch (new timer ids), a new run, the elapsed time kept.
  now = T0 + 21 * H;
  assert.ok((await engine.send('K1', { type: 'resume' }, handler)).ok);
  assert.deepEqual(await reply(), { status: 'running', epoch: 2, elapsedMs: 20 * H, limitMs: 24 * H, escalations: 0, runningSince: T0 + 21 * H, startedAt: T0, warnedAt: T0 + 18 * H });
  // Stopped by the reply: stoppedAt added, runningSince gone, the rest kept.
  now = T0 + 22 * H;
  assert.ok((await engine.send('K1', { type: 'reply', payload: { at: '2026-10-17T07:00:00+08:00', content: '已安排维修' } }, handler)).ok);
  assert.deepEqual(await reply(), { status: 'stopped', epoch: 2, elapsedMs: 21 * H, limitMs: 24 * H, escalations: 0, startedAt: T0, stoppedAt: T0 + 22 * H, warnedAt: T0 + 18 * H });
  assert.deepEqual([...new Set((await store.timers('K1')).map((t) => t.clock))], ['close'], 'a stopped clock has no timers');
  assert.ok(Object.isFrozen(await reply()), 'frozen by MemoryStore like the rest of the snapshot');
});

test('the timers the engine commits after each step are the pending timers of its snapshot, a clock that did not change keeping its own', async () => {
  const H = 3600_000;
  let now = T0;
  const store = new MemoryStore();
  const def = builtinDefinitions['complaint']!;
  const engine = createEngine({ definitions: [def], store, clock: () => now });
  const byDue = (a: Timer, b: Timer) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  let before: readonly Timer[] = [];
  let clocksBefore: Snapshot['clocks'] = {};
  let kept = 0;
  // `reuse`: the step was a send right after another send (a timer firing, or the first send
  // after it, works the timers out afresh: the same list, new objects).
  const check = async (label: string, reuse = false) => {
    const s = (await store.load('T1'))!;
    const stored = await store.timers('T1');
    assert.deepEqual(stored, pendingTimers(def, s, fallbackCalendar()).sort(byDue), label);
    // A timer of a clock whose state did not change is the very object committed before.
    for (const t of stored) {
      if (!reuse || s.clocks[t.clock] !== clocksBefore[t.clock]) continue;
      assert.equal(t, before.find((b) => b.id === t.id), `${label}: ${t.id} kept`);
      kept++;
    }
    before = stored;
    clocksBefore = s.clocks;
  };
  assert.ok((await engine.start('complaint', { id: 'T1', data: record }, receptionist)).ok);
  await check('start');
  const steps: [string, unknown][] = [
    ['register', { category: 'efficiency', severity: 'serious' }],
    ['dispatch', { handler: { id: 'E2', name: '李娜' } }],
    ['accept', undefined],
    ['suspend', { reason: '等待业主在家' }],
    ['resume', undefined],
    ['reply', { at: '2026-10-17T07:00:00+08:00', content: '已安排维修' }],
    ['visit', { at: '2026-10-17T08:00:00+08:00', satisfaction: 'dissatisfied' }],
    ['reply', { at: '2026-10-17T09:00:00+08:00', content: '已更换管道' }],
    ['visit', { at: '2026-10-17T10:00:00+08:00', satisfaction: 'satisfied' }],
    ['close', { validity: 'valid' }],
  ];
  for (const [type, payload] of steps) {
    const at = (payload as { at?: string } | undefined)?.at;
    now = at === undefined ? now + H : Date.parse(at) + 60_000;
    const r = await engine.send('T1', { type, payload }, specialist);
    assert.ok(r.ok, `${type}: ${r.ok ? '' : r.code}`);
    await check(type, type !== 'register' && type !== 'suspend');
    if (type === 'accept') {
      // The reply clock warns (75 % of its limit): its timers change, the close clock's stay.
      now = T0 + 19 * H;
      assert.equal((await engine.tick()).fired, 1);
      await check('warning');
    }
  }
  assert.deepEqual(before, [], 'closed: nothing pending');
  assert.ok(kept >= 8, `timers kept: ${kept}`);
});
