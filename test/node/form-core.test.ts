// The schema-form engine on data: normalisation, conditions, UI rules, validation.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  normalizeSchema,
  FormEngine,
  checkUiSchema,
  buildLayout,
  validateForm,
  shippedValidator,
  compileAtRuntime,
  loadShippedRefs,
  FormSchemaError,
  type JsonSchema,
} from '../../src/core/form/index.js';

const shippedRefs = await loadShippedRefs();
const complaintSchema = JSON.parse(readFileSync('schemas/complaint.schema.json', 'utf8')) as JsonSchema;
const examples = JSON.parse(readFileSync('schemas/examples/complaint.valid.json', 'utf8')) as Record<string, unknown>[];

const throwsAt = (fn: () => unknown, source: string, pointer: string, reason: RegExp) =>
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof FormSchemaError, String(e));
    assert.equal(e.source, source);
    assert.equal(e.pointer, pointer);
    assert.match(e.reason, reason);
    return true;
  });

describe('normalizeSchema', () => {
  test('resolves local and vocabulary $refs of the shipped complaint schema, with zh-CN/en option labels', () => {
    const m = normalizeSchema(complaintSchema, { refs: shippedRefs });
    const category = m.byPath.get('/category')!;
    assert.equal(category.options!.length, 6);
    assert.deepEqual(category.options![1], { value: 'staff', label: { 'zh-CN': '人员素质类', en: 'Staff conduct and competence' } });
    assert.deepEqual(category.label, { 'zh-CN': '投诉分类', en: 'Content category' });
    const phone = m.byPath.get('/complainant/phone')!;
    assert.equal(phone.type, 'string');
    assert.ok(m.byPath.get('/complainant')!.children!.some((c) => c.key === 'anonymous'));
    assert.equal(m.byPath.get('/attachments/*/name')!.required, true);
    assert.equal(m.byPath.get('/relatedRecords')!.type, 'array');
  });

  test('merges allOf (properties, required, stricter bounds)', () => {
    const m = normalizeSchema({
      type: 'object',
      allOf: [
        { properties: { a: { type: 'string', maxLength: 10 } }, required: ['a'] },
        { properties: { a: { maxLength: 5 }, b: { type: 'number' } }, required: ['b'] },
      ],
    });
    assert.equal(m.byPath.get('/a')!.schema.maxLength, 5);
    assert.equal(m.byPath.get('/a')!.required, true);
    assert.equal(m.byPath.get('/b')!.required, true);
  });

  test('oneOf with const and titles becomes options; arrays of enums become multi-selects', () => {
    const m = normalizeSchema({
      type: 'object',
      properties: {
        tone: { oneOf: [{ const: 'a', title: 'Alpha' }, { const: 'b', 'x-label': { 'zh-CN': '乙', en: 'Beta' } }] },
        tags: { type: 'array', items: { enum: ['x', 'y'] } },
      },
    });
    assert.deepEqual(m.byPath.get('/tone')!.options, [{ value: 'a', label: 'Alpha' }, { value: 'b', label: { 'zh-CN': '乙', en: 'Beta' } }]);
    assert.equal(m.byPath.get('/tags')!.multiple, true);
  });

  test('if/then/else adds conditional fields and requirements', () => {
    const m = normalizeSchema({
      type: 'object',
      properties: { repeat: { type: 'boolean' } },
      if: { properties: { repeat: { const: true } }, required: ['repeat'] },
      then: { properties: { earlier: { type: 'string' } }, required: ['earlier'] },
      else: { properties: { why: { type: 'string' } } },
    });
    const e = new FormEngine(m, {}, {});
    assert.equal(e.stateOf('/earlier').visible, false);
    assert.equal(e.stateOf('/why').visible, true);
    const r = e.set('/repeat', true);
    assert.equal(r.states.get('/earlier')?.visible, true);
    assert.equal(e.stateOf('/earlier').required, true);
    assert.equal(e.stateOf('/why').visible, false);
  });

  test('dependencies (names and schemas) require and add fields', () => {
    const m = normalizeSchema({
      type: 'object',
      properties: { phone: { type: 'string' }, ext: { type: 'string' } },
      dependencies: { ext: ['phone'], phone: { properties: { callTime: { type: 'string' } } } },
    });
    const e = new FormEngine(m, {}, {});
    assert.equal(e.stateOf('/phone').required, false);
    assert.equal(e.stateOf('/callTime').visible, false);
    e.set('/ext', '801');
    assert.equal(e.stateOf('/phone').required, true);
    e.set('/phone', '13812345678');
    assert.equal(e.stateOf('/callTime').visible, true);
  });

  test('fills defaults without overwriting values', () => {
    const e = new FormEngine(normalizeSchema(complaintSchema, { refs: shippedRefs }), {}, { emergency: true });
    assert.equal(e.value['emergency'], true);
    assert.equal(e.value['repeat'], false);
  });

  test('bad schemas name the JSON pointer of the problem', () => {
    throwsAt(() => normalizeSchema('nope'), 'schema', '', /JSON object/);
    throwsAt(() => normalizeSchema({ type: 'string' }), 'schema', '', /root must be an object/);
    throwsAt(() => normalizeSchema({ type: 'object', properties: { a: { type: 'text' } } }), 'schema', '/properties/a/type', /unknown type "text"/);
    throwsAt(() => normalizeSchema({ type: 'object', properties: { a: { $ref: '#/definitions/missing' } } }), 'schema', '/properties/a/$ref', /cannot resolve/);
    throwsAt(() => normalizeSchema({ type: 'object', properties: { a: { $ref: 'other.json' } } }), 'schema', '/properties/a/$ref', /no schema with \$id/);
    // A missing other document is named, so a form can load the shipped vocabularies and build again.
    assert.throws(
      () => normalizeSchema({ type: 'object', properties: { a: { $ref: 'https://wuye-kit.dev/schemas/vocab/severity.json' } } }),
      (e: unknown) => e instanceof FormSchemaError && e.missingRef === 'https://wuye-kit.dev/schemas/vocab/severity.json',
    );
    assert.throws(
      () => normalizeSchema({ type: 'object', properties: { a: { $ref: '#/definitions/missing' } } }),
      (e: unknown) => e instanceof FormSchemaError && e.missingRef === undefined,
    );
    throwsAt(() => normalizeSchema({ type: 'object', properties: { a: { type: 'array' } } }), 'schema', '/properties/a', /needs "items"/);
    throwsAt(() => normalizeSchema({ type: 'object', properties: { a: { $ref: '#/properties/a' } } }), 'schema', '/properties/a', /\$ref cycle/);
  });
});

describe('UI rules (JSONLogic)', () => {
  const model = normalizeSchema(complaintSchema, { refs: shippedRefs });
  const ui = checkUiSchema(
    {
      rules: [
        { effect: 'require', target: '/relatedRecords', when: { '==': [{ var: 'repeat' }, true] } },
        { effect: 'show', target: '/relatedRecords', when: { var: 'repeat' } },
        { effect: 'show', target: ['/ruleDocument', '/ruleOwner'], when: { '==': [{ var: 'concern' }, 'company-rule'] } },
        { effect: 'disable', target: '/escalatedToHq', when: { '==': [{ var: 'severity' }, 'minor'] } },
        { effect: 'compute', target: '/subject', when: { var: 'description' }, value: { substr: [{ var: 'description' }, 0, 10] } },
      ],
      notices: [{ id: 'escalate', tone: 'danger', when: { or: [{ '==': [{ var: 'severity' }, 'major'] }, { var: 'emergency' }] }, text: { 'zh-CN': '需上报', en: 'Escalate' } }],
      fields: { '/ruleOwner': { keep: false } },
    },
    model,
  );

  test('show/require follow the data; only dependent fields are reported', () => {
    const e = new FormEngine(model, ui, {});
    assert.equal(e.stateOf('/relatedRecords').visible, false);
    const r = e.set('/repeat', true);
    assert.deepEqual([...r.states.keys()].sort(), ['/relatedRecords']);
    assert.deepEqual(e.stateOf('/relatedRecords'), { visible: true, enabled: true, required: true });
    const unrelated = e.set('/room', '1201');
    assert.equal(unrelated.states.size, 0, 'a change nothing depends on touches no other field');
  });

  test('disable and notices', () => {
    const e = new FormEngine(model, ui, { severity: 'minor' });
    assert.equal(e.stateOf('/escalatedToHq').enabled, false);
    assert.deepEqual(e.activeNotices(), []);
    const r = e.set('/severity', 'major');
    assert.equal(e.stateOf('/escalatedToHq').enabled, true);
    assert.equal(r.noticesChanged, true);
    assert.deepEqual(e.activeNotices().map((n) => n.id), ['escalate']);
  });

  test('compute writes the target and reports it as changed', () => {
    const e = new FormEngine(model, ui, {});
    const r = e.set('/description', '电梯停运两天无人处理，老人上下楼困难');
    assert.ok(r.values.has('/subject'));
    assert.equal(e.value['subject'], '电梯停运两天无人处理');
  });

  test('hidden fields are left out of the submitted value', () => {
    const e = new FormEngine(model, ui, { concern: 'company-rule', ruleOwner: '工程品质部', repeat: false, relatedRecords: ['X-1'] });
    assert.equal(e.submittableValue()['ruleOwner'], '工程品质部');
    e.set('/concern', 'service');
    assert.equal(e.submittableValue()['ruleOwner'], undefined);
    assert.equal(e.submittableValue()['relatedRecords'], undefined);
  });

  test('a __proto__ key in a value is ignored', () => {
    const e = new FormEngine(model, ui, JSON.parse('{"__proto__": {"polluted": 1}, "room": "101"}'));
    assert.equal(Object.hasOwn(e.value, '__proto__'), false);
    e.set('/__proto__/polluted', 2);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });

  test('bad UI schemas name the pointer inside the UI schema', () => {
    throwsAt(() => checkUiSchema({ rules: [{ effect: 'explode', target: '/room' }] }, model), 'uiSchema', '/rules/0/effect', /allowed values/);
    throwsAt(() => checkUiSchema({ groups: [{ id: 'g', fields: ['/nope'] }] }, model), 'uiSchema', '/groups/0/fields/0', /no field "\/nope"/);
    throwsAt(() => new FormEngine(model, { rules: [{ effect: 'show', target: '/room', when: { eval: ['x'] } }] }), 'uiSchema', '/rules/0/when', /unknown JSONLogic operator "eval"/);
    throwsAt(() => new FormEngine(model, { rules: [{ effect: 'show', target: '/room', when: { var: '__proto__.x' } }] }), 'uiSchema', '/rules/0/when/var', /not allowed/);
    throwsAt(() => new FormEngine(model, { rules: [{ effect: 'show', target: '/room', when: { method: [{ var: 'x' }, 'toString'] } }] }), 'uiSchema', '/rules/0/when', /"method" operator is not allowed/);
  });

  test('layout puts fields no group mentions into a last group', () => {
    const layout = buildLayout(model, { groups: [{ id: 'who', fields: ['/complainant/phone', '/kind'] }] });
    assert.equal(layout.wizard, false);
    const last = layout.steps[0]!.groups.at(-1)!;
    assert.ok(last.fields.includes('/channel'));
    assert.ok(!last.fields.includes('/complainant'), 'a group listing /complainant/phone covers /complainant');
  });
});

describe('validateForm', async () => {
  const model = normalizeSchema(complaintSchema, { refs: shippedRefs });
  const validator = (await shippedValidator(complaintSchema))!;

  test('uses the precompiled validator for a shipped schema; a valid example has no errors', () => {
    assert.ok(validator);
    const e = new FormEngine(model, {}, examples[0]);
    assert.deepEqual(validateForm(e, validator, 'zh-CN'), []);
  });

  test('messages name the field in zh-CN and en; rule-required fields are checked', () => {
    const ui = { rules: [{ effect: 'require' as const, target: '/room', when: { var: 'repeat' } }] };
    const e = new FormEngine(model, ui, { ...examples[0], room: undefined, repeat: true, complainant: { type: 'owner', phone: '123' } });
    const zh = validateForm(e, validator, 'zh-CN');
    assert.ok(zh.some((x) => x.path === '/complainant/phone' && x.message === '投诉人·联系电话的格式不正确'), JSON.stringify(zh));
    assert.ok(zh.some((x) => x.path === '/room' && x.message === '房号为必填项'));
    const en = validateForm(e, validator, 'en');
    assert.ok(en.some((x) => x.path === '/room' && x.message === 'Room is required'));
  });

  test('a custom schema given at run time is interpreted (no compilation, no eval) and validates', async () => {
    const custom: JsonSchema = { type: 'object', required: ['n'], properties: { n: { type: 'integer', minimum: 1, title: 'Count' } } };
    const v = await compileAtRuntime(custom);
    const e = new FormEngine(normalizeSchema(custom), {}, { n: 0 });
    assert.deepEqual(validateForm(e, v, 'en').map((x) => x.message), ['Count must be at least 1']);
    assert.equal(await shippedValidator(custom), undefined);
  });
});
