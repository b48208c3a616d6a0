// Instance data is checked by the properties a change touched (issue 16: no whole-record check per
// event), with the same answer as a whole check: every case below is decided both ways and must agree,
// and refusals carry the whole check's errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startInstance, transition, MemoryStore, createEngine, type Actor, type Snapshot, type WorkflowDefinition } from '../../src/workflow/index.js';
import { validateData, validateDataChange } from '../../src/workflow/data-schemas.js';

const T0 = Date.parse('2026-10-16T09:30:00+08:00');
const actor: Actor = { id: 'E1', name: '周敏', roles: ['clerk'] };
const record = { recordNo: 'SZ-HY-202610-0001', kind: 'complaint', receivedAt: '2026-10-16T09:30:00+08:00', channel: 'phone', officeId: 'SZ-HY', complainant: { type: 'owner', name: '王女士' }, category: 'efficiency', severity: 'serious', subject: '报修三次未上门', description: '厨房下水道堵塞。', firstReceiver: { id: 'E1', name: '周敏' } };

// A definition whose one event writes whatever the payload says where the payload says it.
const def: WorkflowDefinition = {
  id: 'edit', version: 1, title: { 'zh-CN': '编辑', en: 'Edit' }, dataSchema: 'complaint',
  roles: [{ id: 'clerk', title: { 'zh-CN': '文员', en: 'Clerk' } }], initial: 'open',
  states: [{ id: 'open', title: { 'zh-CN': '打开', en: 'Open' } }],
  transitions: [
    { event: 'set', title: { 'zh-CN': '改', en: 'Set' }, from: ['open'], roles: ['clerk'], effects: [{ type: 'merge', value: { var: 'payload' } }] },
    { event: 'drop', title: { 'zh-CN': '删', en: 'Drop' }, from: ['open'], roles: ['clerk'], effects: [{ type: 'unset', path: '/subject' }] },
  ],
};

const CHANGES: Record<string, unknown>[] = [
  { deadline: '2026-10-17T18:00:00+08:00' }, { deadline: 'tomorrow' }, { deadline: 42 },
  { reply: { at: '2026-10-16T10:00:00+08:00', content: '已处理' } }, { reply: { at: 'soon', content: '' } }, { reply: { content: '无时间' } },
  { handler: { id: 'E2', name: '李娜' } }, { handler: { id: '', name: '' } }, { validity: 'valid' }, { validity: 'maybe' },
  { severity: 'minor' }, { severity: 'catastrophic' }, { kind: 'consultation' }, { kind: 'nonsense' },
  { unknownField: 1 }, { subject: '' }, { subject: '新的标题' }, { room: '12 01' }, { room: '1201' }, { emergency: 'yes' }, { emergency: true },
  { relatedRecords: ['A', 'A'] }, { relatedRecords: ['A', 'B'] }, { complainant: { type: 'owner' } }, { complainant: { name: 'x' } },
];

test('a change checked by its properties gets the whole check\'s answer, case by case', () => {
  const start = startInstance(def, { id: 'I1', data: record }, actor, T0);
  assert.ok(start.ok);
  let valid = 0;
  for (const change of CHANGES) {
    const after = { ...start.snapshot.data, ...change };
    const whole = validateData('complaint', after, 'zh-CN');
    const byChange = validateDataChange('complaint', start.snapshot.data, after, 'zh-CN');
    assert.equal(byChange.valid, whole.valid, JSON.stringify(change));
    assert.deepEqual(byChange.errors, whole.errors, JSON.stringify(change));
    if (whole.valid) valid++;
  }
  assert.ok(valid >= 6 && valid <= CHANGES.length - 10, `both kinds are covered (${valid} valid)`);
});

test('transition() refuses a change that leaves invalid data with the whole check\'s errors, and accepts valid ones', () => {
  const start = startInstance(def, { id: 'I1', data: record }, actor, T0);
  assert.ok(start.ok);
  let s: Snapshot = start.snapshot;
  const bad = transition(def, s, { type: 'set', payload: { deadline: 'tomorrow' } }, actor, T0);
  assert.ok(!bad.ok);
  assert.equal(bad.code, 'invalid-effect');
  assert.deepEqual(bad.errors?.map((e) => [e.path, e.keyword]), [['/deadline', 'format']]);
  const unknown = transition(def, s, { type: 'set', payload: { unknownField: 1 } }, actor, T0);
  assert.ok(!unknown.ok && unknown.errors?.some((e) => e.keyword === 'additionalProperties'));
  const dropped = transition(def, s, { type: 'drop' }, actor, T0);
  assert.ok(!dropped.ok && dropped.errors?.some((e) => e.path === '/subject' && e.keyword === 'required'), 'a required property cannot be removed');
  const entangled = transition(def, s, { type: 'set', payload: { severity: 'catastrophic' } }, actor, T0);
  assert.ok(!entangled.ok && entangled.errors?.some((e) => e.path === '/severity'), 'a property the schema\'s if/then reads');
  for (const change of [{ deadline: '2026-10-17T18:00:00+08:00' }, { reply: { at: '2026-10-16T10:00:00+08:00', content: '已处理' } }, { kind: 'consultation' }]) {
    const r = transition(def, s, { type: 'set', payload: change }, actor, T0);
    assert.ok(r.ok, JSON.stringify(r));
    s = r.snapshot;
  }
  // Now a consultation: a change of severity is still checked (the schema's if/then reads kind).
  const r = transition(def, s, { type: 'set', payload: { severity: 'minor' } }, actor, T0);
  assert.ok(r.ok);
});

test('data read back from a store that copies is checked whole again, with the same answers', async () => {
  for (const clone of [false, true]) {
    const engine = createEngine({ definitions: [def], store: new MemoryStore({ clone }), clock: () => T0, check: false });
    assert.ok((await engine.start('edit', { id: 'I1', data: record }, actor)).ok);
    const bad = await engine.send('I1', { type: 'set', payload: { reply: { at: 'soon', content: '' } } }, actor);
    assert.ok(!bad.ok && bad.code === 'invalid-effect', `clone ${clone}`);
    assert.deepEqual(bad.errors?.map((e) => e.path).sort(), ['/reply/at', '/reply/content']);
    assert.ok((await engine.send('I1', { type: 'set', payload: { reply: { at: '2026-10-16T10:00:00+08:00', content: '已处理' } } }, actor)).ok, `clone ${clone}`);
  }
});
