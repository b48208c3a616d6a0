// The complaint form's model as pure functions (src/core/complaint/form.ts, form-data.ts),
// through `wuye-kit/core`: what <wy-complaint-form> hands its inner form — the schema with the
// host's offices, the intake and read layouts, the intake validator — asserted as data, with
// the shipped schema, layout, guide and examples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  loadComplaintFormData,
  complaintFormSchema,
  intakeUiSchema,
  readUiSchema,
  intakeValidator,
  recordProblems,
  usableOffices,
  ELEMENT_FIELDS,
  defaultRoutingRules,
  routingComputeRules,
  routingReasons,
  checkUiSchema,
  normalizeSchema,
  loadShippedRefs,
  FormEngine,
  type JsonSchema,
  type IntakeOffice,
} from '../../src/core/index.js';

type Rec = Record<string, unknown>;
const offices = JSON.parse(readFileSync('schemas/examples/offices.json', 'utf8')) as IntakeOffice[];
const examples = JSON.parse(readFileSync('schemas/examples/complaint.valid.json', 'utf8')) as Rec[];
const full = examples[0]!;
const titles = { record: { 'zh-CN': '登记信息', en: 'Registration' }, handling: { 'zh-CN': '处理与回访', en: 'Handling and return visit' } };

test('the form data loads once: shipped schema, layout, guide and validator', async () => {
  const d = await loadComplaintFormData();
  assert.equal(d.schema.$id, 'https://wuye-kit.dev/schemas/complaint.schema.json');
  assert.ok(d.ui.fields?.['/kind']);
  assert.ok(d.guide.notes.length > 0);
  assert.equal(d.validator(full), true, JSON.stringify(d.validator.errors));
  assert.equal(await loadComplaintFormData(), d, 'later callers share the loaded data');
  assert.equal(d.schema['$comment' as keyof JsonSchema], undefined, 'run-time modules carry no $comment');
});

test('complaintFormSchema: the offices become the office options with their labels; the input is not changed', async () => {
  const { schema } = await loadComplaintFormData();
  const before = JSON.stringify(schema);
  const s = complaintFormSchema(schema, offices, {});
  const office = s.properties!['officeId']!;
  assert.deepEqual(office.enum, offices.map((o) => o.id));
  assert.deepEqual(office['x-labels']!['SZ-HY'], { 'zh-CN': '华苑管理处', en: 'Huayuan Office' });
  assert.equal(JSON.stringify(schema), before, 'the shipped schema is left as it was');
  assert.equal(s.$id, schema.$id);
  const reason = s.definitions!['routing']!.properties!['reason']!;
  assert.deepEqual(reason.enum, routingReasons.map((r) => r.code));
  assert.deepEqual(reason['x-labels']![routingReasons[0]!.code], routingReasons[0]!.label);
});

test('complaintFormSchema: an office or reason outside the lists stays an option, labelled with itself; prototype keys never do', async () => {
  const { schema } = await loadComplaintFormData();
  const s = complaintFormSchema(schema, offices, { officeId: 'OLD-1', routing: { reason: 'typed by a person' } });
  assert.ok(s.properties!['officeId']!.enum!.includes('OLD-1'));
  assert.deepEqual(s.properties!['officeId']!['x-labels']!['OLD-1'], { 'zh-CN': 'OLD-1', en: 'OLD-1' });
  assert.ok(s.definitions!['routing']!.properties!['reason']!.enum!.includes('typed by a person'));
  const hostile = complaintFormSchema(schema, offices, { officeId: '__proto__', routing: { reason: 'constructor' } });
  assert.ok(!hostile.properties!['officeId']!.enum!.includes('__proto__'));
  assert.ok(!hostile.definitions!['routing']!.properties!['reason']!.enum!.includes('constructor'));
  const none = complaintFormSchema(schema, [], {});
  assert.deepEqual(none.properties!['officeId'], schema.properties!['officeId'], 'without offices the field is as shipped');
});

test('usableOffices drops entries without a usable id', () => {
  const list = usableOffices([offices[0]!, { id: '', name: 'x' }, { id: '__proto__', name: 'y' }, null, undefined, { id: 'A', name: 'A' }]);
  assert.deepEqual(list.map((o) => o.id), ['SZ-HY', 'A']);
  assert.deepEqual(usableOffices(undefined), []);
});

test('intakeUiSchema: the manual as help and notices, routing compute rules, the office fixes the project', async () => {
  const { ui, intake } = await loadComplaintFormData();
  const u = intakeUiSchema(ui, intake, offices, defaultRoutingRules);
  assert.deepEqual(u.fields!['/kind']!.help, intake.kindHelp);
  assert.deepEqual(u.fields!['/category']!.help, intake.categoryHelp);
  assert.equal(u.fields!['/officeId']!.widget, 'select');
  assert.equal(intakeUiSchema(ui, intake, [], defaultRoutingRules).fields!['/officeId']!.widget, 'text');
  const ids = (u.rules ?? []).map((r) => r.id);
  for (const r of routingComputeRules(defaultRoutingRules)) assert.ok(ids.includes(r.id), `routing rule ${r.id}`);
  assert.ok(ids.includes('office-project') && ids.includes('office-project-fixed'));
  assert.equal(u.notices!.length, (ui.notices ?? []).length + intake.notices.length);
  // A valid UI schema for the built data schema, and its rules as the form runs them.
  const { schema } = await loadComplaintFormData();
  const model = normalizeSchema(complaintFormSchema(schema, offices, {}), { refs: await loadShippedRefs() });
  assert.doesNotThrow(() => checkUiSchema(u, model));
  const engine = new FormEngine(model, u, {});
  assert.equal(engine.stateOf('/project').enabled, true);
  engine.set('/officeId', 'SZ-HY');
  assert.equal((engine.value as Rec)['project'], '华苑花园', 'choosing an office fills its project');
  assert.equal(engine.stateOf('/project').enabled, false, 'and locks it');
});

test('readUiSchema: registration first, the hidden workflow fields shown in a last group, meta never; routing always shown', async () => {
  const { ui } = await loadComplaintFormData();
  const r = readUiSchema(ui, titles);
  assert.equal(r.groups![0]!.id, 'record');
  assert.deepEqual(r.groups![0]!.fields, ELEMENT_FIELDS);
  assert.deepEqual(r.groups![0]!.title, titles.record);
  const last = r.groups![r.groups!.length - 1]!;
  assert.equal(last.id, 'handling');
  assert.deepEqual(last.fields, ['/handler', '/deadline', '/reply', '/validity', '/returnVisit', '/closedAt']);
  assert.equal(r.fields!['/handler']!.widget, undefined);
  assert.equal(r.fields!['/meta']!.widget, 'hidden');
  const show = (r.rules ?? []).find((x) => x.effect === 'show' && x.target === '/routing');
  assert.deepEqual(show?.when, { '!!': [{ var: 'routing.unit' }] });
  const { schema } = await loadComplaintFormData();
  const model = normalizeSchema(schema, { refs: await loadShippedRefs() });
  assert.doesNotThrow(() => checkUiSchema(r, model));
});

test('intakeValidator asks only for what the user gives; recordProblems checks the complete record and names the field', async () => {
  const { validator, schema } = await loadComplaintFormData();
  const { recordNo: _r, firstReceiver: _f, ...typed } = full;
  const check = intakeValidator(validator);
  assert.equal(check(typed), true, JSON.stringify(check.errors));
  assert.equal(check({ ...typed, phone: undefined, complainant: {} }), false);
  assert.ok(check.errors?.length);
  assert.equal(validator(typed), false, 'the shipped validator itself still wants the element-filled fields');
  assert.deepEqual(recordProblems(validator, schema, full, 'zh-CN'), []);
  const zh = recordProblems(validator, schema, typed, 'zh-CN');
  const en = recordProblems(validator, schema, typed, 'en');
  assert.ok(zh.some((m) => m.includes('记录编号')), zh.join(' | '));
  assert.ok(en.some((m) => /record number/i.test(m)), en.join(' | '));
});
