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

// transition() tells the change check which top-level keys its effects wrote; only those are
// compared. The answers must be those of the whole check, for every kind of effect that writes.
const writer: WorkflowDefinition = {
  ...def,
  id: 'writer',
  handler: '/handler',
  transitions: [
    ...def.transitions,
    { event: 'put', title: { 'zh-CN': '设', en: 'Put' }, from: ['open'], roles: ['clerk'], effects: [{ type: 'set', path: '/deadline', value: { var: 'payload.deadline' } }, { type: 'set', path: '/reply', value: { var: 'payload.reply' } }] },
    { event: 'nest', title: { 'zh-CN': '嵌', en: 'Nest' }, from: ['open'], roles: ['clerk'], effects: [{ type: 'merge', path: '/complainant', value: { var: 'payload' } }] },
    { event: 'give', title: { 'zh-CN': '派', en: 'Give' }, from: ['open'], roles: ['clerk'], effects: [{ type: 'assign', value: { var: 'payload' } }] },
    { event: 'odd', title: { 'zh-CN': '怪', en: 'Odd' }, from: ['open'], roles: ['clerk'], effects: [{ type: 'merge', value: { var: 'payload' } }, { type: 'unset', path: '/severity' }] },
  ],
};

test('the change check by the keys the effects wrote gives the whole check\'s answer, for set, unset, merge (root, nested, odd keys) and assign', () => {
  const start = startInstance(writer, { id: 'W1', data: record }, actor, T0);
  assert.ok(start.ok);
  const cases: [string, unknown][] = [
    ...CHANGES.map((c): [string, unknown] => ['set', c]),
    ['drop', undefined],
    ['put', { deadline: '2026-10-17T18:00:00+08:00', reply: { at: '2026-10-16T10:00:00+08:00', content: '已处理' } }],
    ['put', { deadline: 'tomorrow', reply: { at: '2026-10-16T10:00:00+08:00', content: '已处理' } }],
    ['put', { deadline: '2026-10-17T18:00:00+08:00', reply: { content: '' } }],
    ['nest', { name: '李先生' }], ['nest', { name: 42 }], ['nest', { type: 'tenant' }], ['nest', { extra: true }],
    ['give', { id: 'E2', name: '李娜' }], ['give', { id: 'E2', name: '' }],
    ['odd', { 'a/b': 1 }], ['odd', { 'a~b': 'x' }], ['odd', { category: 'efficiency' }],
  ];
  let valid = 0;
  for (const [type, payload] of cases) {
    const label = `${type} ${JSON.stringify(payload)}`;
    // The engine's way (the data before is known to be valid: the change is checked by what the effects wrote) …
    const byKeys = transition(writer, start.snapshot, { type, payload }, actor, T0, {}, { dataValid: true });
    // … and the whole check of the same result.
    const plain = transition(writer, start.snapshot, { type, payload }, actor, T0, {}, { dataValid: false });
    assert.equal(byKeys.ok, plain.ok, label);
    if (!byKeys.ok && !plain.ok) assert.deepEqual(byKeys.errors, plain.errors, label);
    if (byKeys.ok && plain.ok) {
      assert.deepEqual(byKeys.snapshot.data, plain.snapshot.data, label);
      assert.equal(validateData('complaint', byKeys.snapshot.data, 'zh-CN').valid, true, label);
      valid++;
    }
  }
  assert.ok(valid >= 8 && valid <= cases.length - 10, `both kinds are covered (${valid} valid of ${cases.length})`);
});

test('an invalid value in a key no effect writes is still refused when the data does not come from the engine\'s own last commit', async () => {
  // A store that hands back a forged snapshot (what a tampered database row would be): the data has
  // a severity outside the vocabulary, and the next event writes only /deadline.
  class ForgingStore extends MemoryStore {
    override async load(id: string) {
      const s = await super.load(id);
      return s && { ...s, data: { ...s.data, severity: 'catastrophic' } };
    }
  }
  const store = new ForgingStore();
  const engine = createEngine({ definitions: [writer], store, clock: () => T0, check: false });
  assert.ok((await engine.start('writer', { id: 'F1', data: record }, actor)).ok);
  const r = await engine.send('F1', { type: 'set', payload: { deadline: '2026-10-17T18:00:00+08:00' } }, actor);
  assert.ok(!r.ok && r.code === 'invalid-effect', JSON.stringify(r));
  assert.ok(r.errors?.some((e) => e.path === '/severity'), 'the error names the forged key, which no effect wrote');
  // The same event on data the engine committed itself is accepted (checked by the key it wrote).
  const honest = createEngine({ definitions: [writer], store: new MemoryStore(), clock: () => T0, check: false });
  assert.ok((await honest.start('writer', { id: 'F1', data: record }, actor)).ok);
  assert.ok((await honest.send('F1', { type: 'set', payload: { deadline: '2026-10-17T18:00:00+08:00' } }, actor)).ok);
});
