// The workflow runtime on MemoryStore: the pure transition(), the engine, clocks and timers across
// a restart, idempotency and conflicts, migrations, the definition linter and the built-in flows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  builtinDefinitions,
  checkDefinition,
  ConflictError,
  createEngine,
  DefinitionError,
  fieldsSchema,
  MemoryStore,
  MigrationError,
  refusalMessage,
  clockLevelLabel,
  transition,
  startInstance,
  startInstanceId,
  type Actor,
  type Snapshot,
  type WorkflowDefinition,
  type WorkflowStore,
} from '../../src/workflow/index.js';
import { createCalendar, type CalendarData } from '../../src/core/calendar/index.js';

const complaintDef = builtinDefinitions['complaint']!;
const calendar = createCalendar(['cn-2025', 'cn-2026'].map((y) => JSON.parse(readFileSync(`schemas/calendars/${y}.json`, 'utf8')) as CalendarData));
const T0 = Date.parse('2026-10-16T09:30:00+08:00'); // a Friday, working time
const H = 3_600_000;

const receptionist: Actor = { id: 'E1001', name: '周敏', roles: ['receptionist'] };
const specialist: Actor = { id: 'E2001', name: '李娜', roles: ['specialist'] };
const handler: Actor = { id: 'E3001', name: '王强', roles: ['specialist'] };
const head: Actor = { id: 'E9001', name: '陈主任', roles: ['centre-head'] };
const owner: Actor = { id: 'O1', name: '业主', roles: ['owner'] };

const complaint = (over: Record<string, unknown> = {}) => ({
  recordNo: 'SZ-HY-202610-0001',
  kind: 'complaint',
  receivedAt: '2026-10-16T09:30:00+08:00',
  channel: 'phone',
  officeId: 'SZ-HY',
  complainant: { type: 'owner', name: '王女士', phone: '13812345678' },
  category: 'efficiency',
  severity: 'serious',
  subject: '报修三次未上门',
  description: '厨房下水道堵塞，已报修三次。',
  ...over,
});

function setup(store = new MemoryStore(), start = T0) {
  let now = start;
  const engine = createEngine({ definitions: Object.values(builtinDefinitions), store, clock: () => now, calendar });
  return { engine, store, advance: (ms: number) => (now += ms), set: (t: number) => (now = t), now: () => now };
}

/** The store, each method answering a turn later (as a store on disk or over the network does). */
function answersLater(store: WorkflowStore): WorkflowStore {
  return new Proxy(store, {
    get(target, key) {
      const v = Reflect.get(target, key, target) as unknown;
      if (typeof v !== 'function') return v;
      return async (...args: unknown[]) => {
        await new Promise((r) => setImmediate(r));
        return (v as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

async function registered(env = setup(), over: Record<string, unknown> = {}) {
  const s = await env.engine.start('complaint', { id: 'C1', data: complaint(over) }, receptionist);
  assert.ok(s.ok, JSON.stringify(s));
  const r = await env.engine.send('C1', { type: 'register', payload: { category: 'efficiency', severity: (over['severity'] as string) ?? 'serious' } }, receptionist);
  assert.ok(r.ok, JSON.stringify(r));
  return env;
}

// Times of the day the complaint came in (T0): a reply or visit may not be in the future (time rules).
const visit = (satisfaction: string) => ({ type: 'visit', payload: { at: '2026-10-16T09:30:00+08:00', satisfaction } });
const reply = { type: 'reply', payload: { at: '2026-10-16T09:30:00+08:00', content: '已安排维修，明日上门。' } };

test('a complaint runs receive → register → dispatch → handle → reply → return visit → close', async () => {
  const env = await registered();
  const { engine } = env;
  assert.ok((await engine.send('C1', { type: 'dispatch', payload: { handler: { id: handler.id, name: handler.name } } }, specialist)).ok);
  assert.ok((await engine.send('C1', { type: 'accept' }, handler)).ok);
  assert.ok((await engine.send('C1', reply, handler)).ok);
  assert.ok((await engine.send('C1', visit('satisfied'), specialist)).ok);
  const closed = await engine.send('C1', { type: 'close', payload: { validity: 'valid' } }, specialist);
  assert.ok(closed.ok);
  assert.equal(closed.snapshot.state, 'closed');
  assert.equal(closed.snapshot.data['validity'], 'valid');
  assert.deepEqual((closed.snapshot.data['reply'] as { content: string }).content, '已安排维修，明日上门。');
  const h = await engine.history('C1');
  assert.deepEqual(h.map((a) => a.event), ['start', 'register', 'dispatch', 'accept', 'reply', 'visit', 'close']);
  assert.deepEqual(h.map((a) => a.seq), [1, 2, 3, 4, 5, 6, 7]);
  assert.deepEqual(await engine.availableActions('C1', specialist), [], 'nothing to do once closed');
  assert.deepEqual(await env.store.timers('C1'), [], 'no timer left once closed');
  const clocks = await engine.clocks('C1');
  assert.deepEqual(clocks.map((c) => [c.id, c.status, c.level]), [['reply', 'stopped', 'met'], ['close', 'stopped', 'met']]);
});

test('首问负责制: the first receiver is set at intake and never changes; a transfer changes the handler only', async () => {
  const env = await registered();
  const { engine } = env;
  let s = (await engine.get('C1'))!;
  assert.deepEqual(s.firstReceiver, { id: 'E1001', name: '周敏' });
  assert.deepEqual(s.data['firstReceiver'], { id: 'E1001', name: '周敏' }, 'written into the record at intake');
  await engine.send('C1', { type: 'dispatch', payload: { handler: { id: handler.id, name: handler.name } } }, specialist);
  const t = await engine.send('C1', { type: 'transfer', payload: { handler: { id: 'E3002', name: '赵磊' }, reason: '专业对口' } }, head);
  assert.ok(t.ok);
  s = t.snapshot;
  assert.equal(s.state, 'dispatched', 'a transfer stays in its state');
  assert.deepEqual(s.handler, { id: 'E3002', name: '赵磊' });
  assert.deepEqual(s.data['handler'], { id: 'E3002', name: '赵磊' });
  assert.deepEqual(s.firstReceiver, { id: 'E1001', name: '周敏' });
  assert.deepEqual(s.data['firstReceiver'], { id: 'E1001', name: '周敏' });

  // A definition that tries to overwrite the first receiver is refused at run time.
  const hostile: WorkflowDefinition = {
    ...complaintDef,
    transitions: [...complaintDef.transitions, { event: 'steal', title: { 'zh-CN': '改首问', en: 'Steal' }, from: ['dispatched'], roles: ['specialist'], effects: [{ type: 'set', path: '/firstReceiver', value: { var: 'actor' } }] }],
  };
  const r = transition(hostile, s, { type: 'steal' }, specialist, T0);
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.code, 'immutable-field');
  const m = transition(hostile, s, { type: 'steal' }, specialist, T0);
  assert.ok(!m.ok);
});

test('transition() refuses with a reason code: role, state, guard, fields, unknown event, final state', async () => {
  const env = await registered();
  const s = (await env.engine.get('C1'))!;
  const code = (r: ReturnType<typeof transition>) => (r.ok ? 'ok' : r.code);
  assert.equal(code(transition(complaintDef, s, { type: 'dispatch', payload: { handler: { id: 'x', name: 'y' } } }, owner, T0)), 'role-not-allowed');
  assert.equal(code(transition(complaintDef, s, { type: 'reply', payload: reply.payload }, specialist, T0)), 'not-allowed-in-state');
  assert.equal(code(transition(complaintDef, s, { type: 'fly' }, specialist, T0)), 'unknown-event');
  assert.equal(code(transition(complaintDef, s, { type: 'dispatch' }, specialist, T0)), 'missing-fields');
  const missing = transition(complaintDef, s, { type: 'dispatch', payload: {} }, specialist, T0);
  assert.equal(code(missing), 'missing-fields');
  assert.deepEqual(!missing.ok && missing.errors?.map((e) => [e.path, e.keyword]), [['/handler', 'required']]);
  const invalid = transition(complaintDef, s, { type: 'dispatch', payload: { handler: { id: '', name: 'y' } } }, specialist, T0);
  assert.equal(code(invalid), 'invalid-fields');
  assert.deepEqual(!invalid.ok && invalid.errors?.map((e) => [e.path, e.keyword]), [['/handler/id', 'minLength']]);
  // Reporting to HQ is the customer-service head's, for a major complaint or an emergency (WI/KF 岗位职责 13).
  assert.equal(code(transition(complaintDef, s, { type: 'escalate' }, specialist, T0)), 'role-not-allowed');
  assert.equal(code(transition(complaintDef, s, { type: 'escalate' }, head, T0)), 'guard-failed');
  // accept is for the handler (or the centre head).
  const d = await env.engine.send('C1', { type: 'dispatch', payload: { handler: { id: handler.id, name: handler.name } } }, specialist);
  assert.ok(d.ok);
  assert.equal(code(transition(complaintDef, d.snapshot, { type: 'accept' }, specialist, T0)), 'guard-failed');
  assert.equal(code(transition(complaintDef, d.snapshot, { type: 'accept' }, head, T0)), 'ok');
  const dismissed = transition(complaintDef, s, { type: 'dismiss', payload: { reason: '非物业责任' } }, specialist, T0);
  assert.ok(dismissed.ok);
  assert.equal(code(transition(complaintDef, dismissed.snapshot, { type: 'register', payload: { category: 'other', severity: 'minor' } }, specialist, T0)), 'final-state');
  // Nothing was stored by the refusals.
  assert.equal((await env.engine.history('C1')).length, 3);
  assert.equal(refusalMessage('role-not-allowed', 'zh-CN'), '您的角色无权执行此操作');
  assert.equal(refusalMessage('role-not-allowed', 'en'), 'Your role may not take this action');
  assert.equal(!missing.ok && transition(complaintDef, s, { type: 'dispatch', payload: {} }, specialist, T0, { locale: 'en' }).ok, false);
});

test('a major complaint goes to the customer-service head at registration; the head reports it to HQ', async () => {
  const env = setup();
  await env.engine.start('complaint', { id: 'C1', data: complaint({ severity: 'major' }) }, receptionist);
  const r = await env.engine.send('C1', { type: 'register', payload: { category: 'management', severity: 'major' } }, receptionist);
  assert.ok(r.ok);
  const notified = r.effects.filter((e) => e.type === 'notify').map((e) => (e as { role: string }).role);
  assert.deepEqual(notified, ['specialist', 'centre-head']);
  assert.notEqual(r.snapshot.data['escalatedToHq'], true, 'not reported to HQ by itself');
  const actions = await env.engine.availableActions('C1', head);
  assert.equal(actions.find((a) => a.event === 'escalate')?.enabled, true);
  const e = await env.engine.send('C1', { type: 'escalate' }, head);
  assert.ok(e.ok);
  assert.equal(e.snapshot.data['escalatedToHq'], true);
  assert.deepEqual(e.effects.filter((x) => x.type === 'notify').map((x) => (x as { role: string }).role), ['hq-manager']);
  assert.equal((await env.engine.availableActions('C1', head)).find((a) => a.event === 'escalate')?.enabled, false, 'already reported');
});

test('complex and repeat complaints go to the customer-service head and stay in the office', async () => {
  for (const extra of [{ severity: 'complex' }, { severity: 'minor', repeat: true }]) {
    const env = setup();
    await env.engine.start('complaint', { id: 'C1', data: complaint({ severity: 'minor' }) }, receptionist);
    const r = await env.engine.send('C1', { type: 'register', payload: { category: 'management', ...extra } }, receptionist);
    assert.ok(r.ok, JSON.stringify(r));
    assert.deepEqual(r.effects.filter((x) => x.type === 'notify').map((x) => (x as { role: string }).role), ['specialist', 'centre-head'], JSON.stringify(extra));
    assert.equal((await env.engine.availableActions('C1', head)).find((a) => a.event === 'escalate')?.enabled, false, JSON.stringify(extra));
  }
});

test('forward notifies the unit routing chose: HR/admin, the specialist subsidiary or the functional department', async () => {
  const units: [string, string][] = [['hr-admin', 'hr-admin'], ['professional-company', 'specialist-subsidiary'], ['functional-department', 'functional-department']];
  for (const [unit, role] of units) {
    const env = await registered();
    const r = await env.engine.send('C1', { type: 'forward', payload: { unit, reason: 'WI/KF-007 四(三)' } }, specialist);
    assert.ok(r.ok, JSON.stringify(r));
    assert.deepEqual(r.effects.filter((x) => x.type === 'notify').map((x) => (x as { role: string }).role), [role], unit);
  }
});

test('a dissatisfied return visit reopens the complaint, and the reply clock starts again', async () => {
  const env = await registered();
  const { engine } = env;
  await engine.send('C1', { type: 'dispatch', payload: { handler: { id: handler.id, name: handler.name } } }, specialist);
  await engine.send('C1', { type: 'accept' }, handler);
  await engine.send('C1', reply, handler);
  env.advance(H);
  const v = await engine.send('C1', visit('dissatisfied'), specialist);
  assert.ok(v.ok);
  assert.equal(v.snapshot.state, 'handling');
  assert.equal(v.snapshot.clocks['reply']?.status, 'running');
  assert.equal(v.snapshot.clocks['reply']?.epoch, 2);
  assert.equal(v.snapshot.clocks['reply']?.elapsedMs, 0);
  assert.ok(v.effects.some((e) => e.type === 'notify' && e.role === 'centre-head'));
});

test('availableActions lists what the actor may do, with labels and a self-contained field schema', async () => {
  const env = await registered();
  const actions = await env.engine.availableActions('C1', specialist);
  assert.deepEqual(actions.map((a) => [a.event, a.enabled]), [['dispatch', true], ['forward', true], ['dismiss', true]]);
  const dispatch = actions[0]!;
  assert.deepEqual(dispatch.title, { 'zh-CN': '派单', en: 'Dispatch' });
  assert.equal(dispatch.fields, 'dispatch');
  const schema = dispatch.schema as { required: string[]; properties: Record<string, { 'x-label'?: unknown; $ref?: string }> };
  assert.deepEqual(schema.required, ['handler']);
  assert.deepEqual(schema.properties['handler']?.['x-label'], { 'zh-CN': '处理人', en: 'Handler' });
  assert.equal(JSON.stringify(schema).includes('$ref'), false, 'references are inlined');
  const forward = fieldsSchema('forward') as { properties: { unit: { enum: string[]; 'x-labels': Record<string, { 'zh-CN': string }> } } };
  assert.deepEqual(forward.properties.unit.enum, ['service-centre', 'hr-admin', 'functional-department', 'professional-company']);
  assert.ok(forward.properties.unit['x-labels']['hr-admin']?.['zh-CN']);
  assert.deepEqual(await env.engine.availableActions('C1', owner), [], 'an owner has no complaint actions');
});

test('the same command twice has one effect; a stale command is a conflict and overwrites nothing', async () => {
  const env = await registered();
  const { engine } = env;
  const cmd = { type: 'dispatch', payload: { handler: { id: handler.id, name: handler.name } }, commandId: 'cmd-dispatch-0001' };
  const first = await engine.send('C1', cmd, specialist);
  const second = await engine.send('C1', cmd, specialist);
  assert.ok(first.ok && second.ok);
  assert.equal(first.duplicate, false);
  assert.equal(second.duplicate, true);
  assert.equal(second.snapshot.version, first.snapshot.version);
  assert.equal((await engine.history('C1')).filter((a) => a.event === 'dispatch').length, 1);

  // The user saw version 2; the instance is at 3 now.
  await assert.rejects(
    engine.send('C1', { type: 'transfer', payload: { handler: { id: 'E7', name: '孙' }, reason: 'x' }, expectedVersion: 2 }, head),
    (err: unknown) => err instanceof ConflictError && err.expectedVersion === 2 && err.actualVersion === 3,
  );
  assert.deepEqual((await engine.get('C1'))!.handler, { id: handler.id, name: handler.name });

  // Two engines racing on a store that answers later (as SQLite, PostgreSQL and IndexedDB do): one
  // commit wins, the other gets a conflict. (MemoryStore itself reads and commits at once, so two
  // commands on it apply one after the other: see "MemoryStore applies racing commands in turn".)
  const later = answersLater(env.store);
  const one = createEngine({ definitions: [complaintDef], store: later, clock: env.now, calendar });
  const other = createEngine({ definitions: [complaintDef], store: later, clock: env.now, calendar });
  await Promise.all([one.get('C1'), other.get('C1')]); // both engines ready, so their two commands read the same version
  const results = await Promise.allSettled([
    one.send('C1', { type: 'accept' }, head),
    other.send('C1', { type: 'transfer', payload: { handler: { id: 'E7', name: '孙' }, reason: 'x' } }, head),
  ]);
  const ok = results.filter((r) => r.status === 'fulfilled');
  assert.equal(ok.length, 1);
  const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
  assert.ok(lost.reason instanceof ConflictError);
  const h = await engine.history('C1');
  assert.deepEqual(h.map((a) => a.seq), h.map((_, i) => i + 1), 'history stays gap-free');

  // Starting twice with the same command creates one instance: without an id, the instance id is
  // derived from (definition, actor, command id), so the retry lands on the same instance.
  const a = await engine.start('complaint', { data: complaint({ recordNo: 'C2' }), commandId: 'start-C2' }, receptionist);
  const b = await engine.start('complaint', { data: complaint({ recordNo: 'C2' }), commandId: 'start-C2' }, receptionist);
  assert.ok(a.ok && b.ok, 'both starts accepted');
  assert.equal(a.duplicate, false);
  assert.equal(b.duplicate, true);
  assert.equal(b.snapshot.id, a.snapshot.id);
  assert.equal(a.snapshot.id, startInstanceId('complaint', receptionist.id, 'start-C2'));
  assert.match(a.snapshot.id, /^wf-[0-9a-f]{32}$/);
  // Another actor with the same command id starts another instance (keys are not global).
  const c = await engine.start('complaint', { data: complaint({ recordNo: 'C3' }), commandId: 'start-C2' }, specialist);
  assert.ok(c.ok, 'third start accepted');
  assert.equal(c.duplicate, false);
  assert.notEqual(c.snapshot.id, a.snapshot.id);
  // Keys are scoped per instance: the same key sent to another instance is a new command there.
  const d = await engine.send(a.snapshot.id, { type: 'register', payload: { category: 'efficiency', severity: 'serious' }, commandId: cmd.commandId }, receptionist);
  assert.ok(d.ok, 'the key replayed on another instance is accepted there');
  assert.equal(d.duplicate, false);
  assert.equal(d.snapshot.id, a.snapshot.id);
  assert.equal(d.snapshot.state, 'registered');
});

test('SLA clocks: business time skips nights and holidays, pauses while on hold, reads out both remainders', async () => {
  // Registered Wednesday 30 Sept 17:00: one working hour that day, then the National Day week.
  const env = setup(new MemoryStore(), Date.parse('2026-09-30T17:00:00+08:00'));
  await registered(env);
  let [reply] = await env.engine.clocks('C1');
  assert.equal(reply?.time, 'business');
  assert.equal(reply?.limitMs, 7.5 * H);
  assert.equal(reply?.dueAt, Date.parse('2026-10-08T17:00:00+08:00'), 'P1D business = 7.5 working hours: 1 h on 30 Sept, 6.5 h on 8 Oct');
  assert.equal(reply?.businessRemainingMs, 7.5 * H);
  assert.equal(reply?.calendarRemainingMs, Date.parse('2026-10-08T17:00:00+08:00') - env.now());
  env.set(Date.parse('2026-10-05T12:00:00+08:00'));
  [reply] = await env.engine.clocks('C1');
  assert.equal(reply?.businessRemainingMs, 6.5 * H, 'holidays do not count');
  assert.equal(reply?.level, 'ok');

  await env.engine.send('C1', { type: 'dispatch', payload: { handler: { id: handler.id, name: handler.name } } }, specialist);
  await env.engine.send('C1', { type: 'accept' }, handler);
  env.set(Date.parse('2026-10-08T10:00:00+08:00'));
  await env.engine.send('C1', { type: 'suspend', payload: { reason: '等待业主在家' } }, handler);
  [reply] = await env.engine.clocks('C1');
  assert.equal(reply?.status, 'paused');
  assert.equal(reply?.businessRemainingMs, 5.5 * H);
  assert.equal(reply?.calendarRemainingMs, null, 'undefined while paused');
  assert.deepEqual([...new Set((await env.store.timers('C1')).map((t) => t.clock))], ['close'], 'a paused clock has no timers');
  assert.equal(clockLevelLabel(reply!, 'zh-CN'), '已暂停');
  env.set(Date.parse('2026-10-12T09:00:00+08:00'));
  await env.engine.send('C1', { type: 'resume' }, handler);
  [reply] = await env.engine.clocks('C1');
  assert.equal(reply?.dueAt, Date.parse('2026-10-12T16:00:00+08:00'), '5.5 h left after the pause');
});

test('timers are stored deadlines: after a restart, tick(now) fires every overdue one exactly once', async () => {
  const store = new MemoryStore();
  const env = await registered(setup(store));
  // The process dies. Eight days later (calendar) a new engine over the same store ticks.
  const later = T0 + 8 * 24 * H;
  const fresh = createEngine({ definitions: Object.values(builtinDefinitions), store, clock: () => later, calendar });
  const t1 = await fresh.tick();
  const h = await fresh.history('C1');
  const timerEvents = h.filter((a) => a.kind === 'timer').map((a) => a.event);
  assert.deepEqual(timerEvents.sort(), [
    'breach:close',
    'breach:reply',
    'escalation:close',
    'escalation:reply',
    'escalation:reply',
    'escalation:reply',
    'warning:close',
    'warning:reply',
  ].sort());
  assert.equal(t1.fired, 8);
  const roles = t1.effects.map((e) => `${e.type}:${'role' in e ? e.role : ''}`);
  assert.ok(roles.includes('reassign:centre-head'));
  assert.ok(roles.includes('notify:hq-manager'));
  assert.equal((await fresh.get('C1'))!.handlerRole, 'centre-head');
  // Ticking again, or from a second engine, fires nothing more.
  const t2 = await fresh.tick();
  const t3 = await env.engine.tick(later);
  assert.equal(t2.fired + t3.fired, 0);
  const [reply] = await fresh.clocks('C1', later);
  assert.equal(reply?.level, 'overdue');
  assert.equal(reply?.escalations, 3);
  assert.ok(reply!.businessRemainingMs! < 0 && reply!.calendarRemainingMs! < 0);
  assert.deepEqual(h.map((a) => a.seq), h.map((_, i) => i + 1));
});

test('two engines ticking the same store at once fire each timer once', async () => {
  const store = new MemoryStore();
  await registered(setup(store));
  const later = T0 + 8 * 24 * H;
  const a = createEngine({ definitions: [complaintDef], store, clock: () => later, calendar });
  const b = createEngine({ definitions: [complaintDef], store, clock: () => later, calendar });
  const [ra, rb] = await Promise.all([a.tick(), b.tick()]);
  assert.equal(ra.fired + rb.fired, 8);
  assert.equal((await store.history('C1')).filter((x) => x.kind === 'timer').length, 8);
});

test('subscribe reports each committed change; a throwing listener does not break the engine', async () => {
  const env = setup();
  const seen: string[] = [];
  const errors: unknown[] = [];
  const engine = createEngine({ definitions: [complaintDef], store: env.store, clock: env.now, calendar, onListenerError: (e) => errors.push(e) });
  const off = engine.subscribe((c) => seen.push(`${c.type}:${c.snapshot.state}`), { instanceId: 'C1' });
  engine.subscribe(() => {
    throw new Error('bad listener');
  });
  await engine.start('complaint', { id: 'C1', data: complaint() }, receptionist);
  await engine.start('complaint', { id: 'C9', data: complaint({ recordNo: 'C9' }) }, receptionist);
  await engine.send('C1', { type: 'register', payload: { category: 'other', severity: 'minor' } }, receptionist);
  off();
  await engine.send('C1', { type: 'dismiss', payload: { reason: 'x' } }, specialist);
  assert.deepEqual(seen, ['started:received', 'transition:registered']);
  assert.equal(errors.length, 4);
});

test('hostile text stays data; __proto__ keys are dropped, not followed', async () => {
  const env = setup();
  const evil = '<img src=x onerror=alert(1)>{{constructor.constructor("alert(1)")()}}';
  const s = await env.engine.start('complaint', { id: 'C1', data: complaint({ subject: evil }) }, receptionist);
  assert.ok(s.ok);
  assert.equal(s.snapshot.data['subject'], evil);
  const payload = JSON.parse('{"category":"other","severity":"minor","__proto__":{"polluted":true}}');
  const r = await env.engine.send('C1', { type: 'register', payload }, receptionist);
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(Object.hasOwn(r.snapshot.data, '__proto__'), false);
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  // A guard cannot read through the prototype either.
  const def: WorkflowDefinition = {
    ...complaintDef,
    transitions: [...complaintDef.transitions, { event: 'probe', title: { 'zh-CN': '探', en: 'Probe' }, from: ['registered'], roles: ['specialist'], guard: { var: 'data.__proto__.constructor' } }],
  };
  const probe = transition(def, r.snapshot, { type: 'probe' }, specialist, T0);
  assert.equal(!probe.ok && probe.code, 'guard-failed');
});

test('bad input at start is refused with field errors and nothing is stored', async () => {
  const env = setup();
  const r = await env.engine.start('complaint', { id: 'C1', data: complaint({ channel: 'pigeon', subject: '' }) }, receptionist);
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.code, 'invalid-fields');
  assert.ok(!r.ok && r.errors?.some((e) => e.path === '/channel' && e.keyword === 'enum'));
  assert.equal(await env.engine.get('C1'), undefined);
  const o = await env.engine.start('complaint', { id: 'C1', data: complaint() }, owner);
  assert.equal(!o.ok && o.code, 'role-not-allowed');
  await assert.rejects(env.engine.start('nope', {}, receptionist), /No workflow definition nope/);
  await assert.rejects(env.engine.send('missing', { type: 'register' }, receptionist), /No workflow instance missing/);
});

test('loading an instance under a newer definition runs the declared migration and audits it', async () => {
  const store = new MemoryStore();
  const v1 = setup(store);
  await registered(v1);
  await v1.engine.send('C1', { type: 'dispatch', payload: { handler: { id: handler.id, name: handler.name } } }, specialist);
  const renamed = (id: string) => (id === 'dispatched' ? 'assigned' : id);
  const vn = complaintDef.version;
  const v2: WorkflowDefinition = {
    ...complaintDef,
    version: vn + 1,
    states: complaintDef.states.map((s) => ({ ...s, id: renamed(s.id) })),
    transitions: complaintDef.transitions.map((t) => ({ ...t, from: t.from.map(renamed), ...(t.to ? { to: renamed(t.to) } : {}) })),
    migrations: [...(complaintDef.migrations ?? []), { from: vn, states: { dispatched: 'assigned' }, data: [{ type: 'set', path: '/project', value: '华苑' }] }],
  };
  const engine2 = createEngine({ definitions: [v2], store, clock: v1.now, calendar });
  const s = (await engine2.get('C1'))!;
  assert.equal(s.state, 'assigned');
  assert.equal(s.definitionVersion, vn + 1);
  assert.equal(s.data['project'], '华苑');
  const h = await engine2.history('C1');
  const m = h[h.length - 1]!;
  assert.equal(m.kind, 'migration');
  assert.equal(m.note, `complaint@${vn} -> complaint@${vn + 1}`);
  assert.ok((await engine2.send('C1', { type: 'accept' }, handler)).ok);
  // Loading again does not migrate twice.
  assert.equal((await engine2.history('C1')).filter((a) => a.kind === 'migration').length, 1);

  // Without a declared migration the instance is not silently reinterpreted.
  const store3 = new MemoryStore();
  await registered(setup(store3));
  const v3 = { ...complaintDef, version: vn + 2 };
  const engine3 = createEngine({ definitions: [v3], store: store3, clock: v1.now, calendar });
  await assert.rejects(engine3.get('C1'), MigrationError);
  assert.equal((await store3.load('C1'))!.definitionVersion, vn, 'nothing written');
});

test('checkDefinition finds unknown targets, undeclared roles, unreachable and dead-end states', () => {
  for (const def of Object.values(builtinDefinitions)) {
    const r = checkDefinition(def);
    assert.deepEqual(r.problems, [], def.id);
  }
  const broken = {
    ...complaintDef,
    states: [...complaintDef.states, { id: 'limbo', title: { 'zh-CN': '悬', en: 'Limbo' } }],
    transitions: [
      ...complaintDef.transitions,
      { event: 'jump', title: { 'zh-CN': '跳', en: 'Jump' }, from: ['received'], to: 'nowhere', roles: ['janitor'], guard: { eval: 'x' }, fields: 'no-such-fields' },
    ],
  };
  const r = checkDefinition(broken);
  assert.equal(r.ok, false);
  const codes = r.problems.map((p) => `${p.code} ${p.path}`);
  for (const expected of [
    'unknown-state /transitions/13/to',
    'unknown-role /transitions/13/roles/0',
    'unknown-operator /transitions/13/guard',
    'unknown-fields /transitions/13/fields',
    'unreachable-state /states/9',
    'dead-end-state /states/9',
  ]) {
    assert.ok(codes.includes(expected), `${expected} in ${JSON.stringify(codes)}`);
  }
  assert.throws(() => createEngine({ definitions: [broken as WorkflowDefinition], store: new MemoryStore() }), DefinitionError);
  const schemaBad = checkDefinition({ id: 'x' });
  assert.equal(schemaBad.ok, false);
  assert.equal(schemaBad.problems[0]?.code, 'schema');
});

test('every built-in definition runs start to finish on its happy path', async () => {
  const env = setup();
  const run = async (def: string, steps: [string, Actor, unknown?][], data?: unknown) => {
    const s = await env.engine.start(def, { id: `${def}-1`, ...(data ? { data } : {}) }, specialist);
    assert.ok(s.ok, `${def} start: ${JSON.stringify(s)}`);
    let last: Snapshot = s.snapshot;
    for (const [type, actor, payload] of steps) {
      const r = await env.engine.send(`${def}-1`, { type, ...(payload !== undefined ? { payload } : {}) }, actor);
      assert.ok(r.ok, `${def} ${type}: ${JSON.stringify(r)}`);
      last = r.snapshot;
    }
    assert.equal(env.engine.definition(def)!.states.find((x) => x.id === last.state)?.final, true, `${def} ends final, in ${last.state}`);
  };
  const contractor: Actor = { id: 'K1', name: '施工方', roles: ['contractor'] };
  await run('internal-inspection', [
    ['generate-list', specialist, { count: 3 }],
    ['dispatch-list', specialist],
    ['report-fixed', contractor],
    ['recheck', specialist, { closed: 2, open: 1 }],
    ['report-fixed', contractor],
    ['recheck', specialist, { closed: 1, open: 0 }],
    ['summarise', specialist, { text: '三处问题均已整改' }],
  ]);
  // The project-level 入伙 and 产权 instances start per-house (per-customer) children:
  // test/node/workflow-children.test.ts. Here each child definition on its own.
  await run('move-in-house', [
    ['generate-list', specialist, { count: 1 }],
    ['notify-owner', specialist],
    ['close-problems', contractor, { closed: 1, open: 0 }],
    ['owner-decision', owner, { accepted: false, reason: '墙面空鼓' }],
    ['record-problems', specialist],
    ['generate-list', specialist, { count: 1 }],
    ['notify-owner', specialist],
    ['close-problems', contractor, { closed: 1, open: 0 }],
    ['owner-decision', owner, { accepted: true }],
    ['register-progress', specialist, { note: '已交钥匙', done: true }],
  ], { room: '1201' });
  await run('property-rights-owner', [
    ['record-progress', specialist, { note: '资料已送登记中心' }],
    ['record-progress', specialist, { note: '已出证', done: true }],
    ['hand-over', specialist],
  ], { owner: '王女士', room: '1201' });
  await run('key-milestone-review', [
    ['set-milestones', specialist, { nodes: [{ id: 'M1', name: '主体封顶', due: '2026-12-01' }] }],
    ['complete-milestone', specialist, { id: 'M1', completedOn: '2026-11-28', last: true }],
  ]);
  await run('customer-appeal', [
    ['receive', receptionist],
    ['check', specialist],
    ['new-problem', specialist, { subject: '电梯异响', category: 'management' }],
    ['dispatch', specialist, { handler: { id: 'K1', name: '施工方' } }],
    ['accept', contractor],
    ['reply', contractor, { at: '2026-10-17T10:00:00+08:00', content: '已更换导轨' }],
    ['visit', specialist, { at: '2026-10-18T10:00:00+08:00', satisfaction: 'satisfied' }],
  ]);
  // The pure start function agrees with the engine.
  const direct = startInstance(builtinDefinitions['move-in']!, { id: 'x' }, owner, T0);
  assert.equal(!direct.ok && direct.code, 'role-not-allowed');
});

test('MemoryStore applies racing commands in turn: each reads and commits at once, so neither conflicts', async () => {
  const env = await registered();
  await env.engine.send('C1', { type: 'dispatch', payload: { handler: { id: handler.id, name: handler.name } } }, head);
  const other = createEngine({ definitions: [complaintDef], store: env.store, clock: env.now, calendar });
  await other.get('C1');
  const [a, b] = await Promise.all([
    env.engine.send('C1', { type: 'accept' }, head),
    other.send('C1', { type: 'transfer', payload: { handler: { id: 'E7', name: '孙' }, reason: 'x' } }, head),
  ]);
  assert.ok(a.ok && b.ok, JSON.stringify([a, b]));
  assert.deepEqual([a.snapshot.version, b.snapshot.version], [4, 5], 'the second read what the first committed');
  const h = await env.engine.history('C1');
  assert.deepEqual(h.map((x) => x.event).slice(-2), ['accept', 'transfer']);
  assert.deepEqual(h.map((x) => x.seq), h.map((_, i) => i + 1), 'history stays gap-free');
});

test('a wrapper or subclass of MemoryStore is called through its own methods (nothing bypasses a commit it watches)', async () => {
  const commits: string[] = [];
  class Watched extends MemoryStore {
    override async commit(c: Parameters<MemoryStore['commit']>[0]) {
      commits.push(c.audit.map((x) => x.event).join());
      return super.commit(c);
    }
  }
  const env = await registered(setup(new Watched()));
  await env.engine.send('C1', { type: 'dispatch', payload: { handler: { id: handler.id, name: handler.name } } }, head);
  assert.deepEqual(commits, ['start', 'register', 'dispatch']);
});
