// The workflow panel's presentation as data (src/workflow/panel-view.ts) and the action forms'
// pure parts (src/workflow/action-defaults.ts): the complaint workflow on the example complaint,
// the shipped per-event UI schema and the example staff list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { scenario, specialist, handler, head, owner, receptionist } from '../support/workflow-panel-fixtures.js';
import { fieldNames, fieldsSchema } from '../../src/workflow/field-schemas.js';
import { refusalText } from '../../src/workflow/messages.js';
import validateUi from '../../src/generated/validators/ui.js';
import validatePerson from '../../src/generated/validators/people.js';
import type { UiSchema } from '../../src/core/form/ui.js';
// Through the public entry (wuye-kit/workflow): the presentation and the pickers are exported there.
import {
  builtinDefinitions,
  panelView,
  auditView,
  eventUiSchema,
  personChoices,
  withPersonChoices,
  withPickers,
  pickerOf,
  pickerChoices,
  contractorChoices,
  type ContractorEntry,
  type PanelView,
  type ActionItemView,
  type StaffMember,
  type Actor,
  type AuditEntry,
  type Snapshot,
  type WorkflowDefinition,
} from '../../src/workflow/index.js';

const read = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as unknown;
const staff = read('schemas/examples/people.json') as StaffMember[];
const eventsUi = read('schemas/workflow-events.ui.json') as UiSchema;
const contractors = read('schemas/examples/contractors.json') as ContractorEntry[];

async function viewAt(step: Parameters<typeof scenario>[0], actor: Actor | undefined, locale: 'zh-CN' | 'en' = 'zh-CN'): Promise<{ view: PanelView; snapshot: Snapshot }> {
  const env = await scenario(step);
  const snapshot = (await env.engine.get(env.id))!;
  const definition = env.engine.definition(snapshot.definitionId);
  const view = panelView({
    definition,
    snapshot,
    actor,
    actions: actor ? await env.engine.availableActions(snapshot, actor) : [],
    clocks: await env.engine.clocks(snapshot, env.now()),
    history: await env.engine.history(env.id),
    locale,
    fieldSchema: (event) => {
      const name = definition?.transitions.find((t) => t.event === event && t.fields)?.fields;
      return name ? fieldsSchema(name) : undefined;
    },
  });
  return { view, snapshot };
}

const items = (v: PanelView): readonly ActionItemView[] => (v.actions.kind === 'list' ? v.actions.items : []);

test('header and steps: the record number, the state, handler and first receiver, the way it came', async () => {
  const { view } = await viewAt('handling', handler);
  assert.equal(view.header.recordNo, 'SZ-BH-202609-0003');
  assert.equal(view.header.state.title, '处理中');
  assert.equal(view.header.handler, '王强');
  assert.equal(view.header.firstReceiver, '郑浩');
  assert.deepEqual(
    view.steps.map((s) => [s.title, s.current]),
    [
      ['已受理', false],
      ['已登记', false],
      ['已派单', false],
      ['处理中', true],
    ],
  );
  const en = (await viewAt('handling', handler, 'en')).view;
  assert.equal(en.header.state.title, 'Being handled');
});

test('actions: enabled ones with their targets; refusals as data with role titles or the unmet condition', async () => {
  const { view } = await viewAt('registered', specialist);
  const list = items(view);
  assert.ok(list.length > 0);
  const dispatch = list.find((i) => i.event === 'dispatch')!;
  assert.equal(dispatch.enabled, true);
  assert.equal(dispatch.fields, 'dispatch');
  assert.equal(dispatch.refusal, undefined);
  const escalate = list.find((i) => i.event === 'escalate')!;
  assert.equal(escalate.enabled, false);
  assert.equal(escalate.refusal?.code, 'role-not-allowed');
  assert.deepEqual(escalate.refusal?.roles.map((r) => r.title), ['客服主任']);
  // In definition order, each event once.
  assert.equal(new Set(list.map((i) => i.event)).size, list.length);

  const byHead = items((await viewAt('registered', head)).view).find((i) => i.event === 'escalate')!;
  assert.equal(byHead.refusal?.code, 'guard-failed');
  assert.ok(byHead.refusal?.unmet, 'the definition says what is missing');
  assert.match(refusalText(byHead.refusal!.refusal, undefined, 'zh-CN'), new RegExp(byHead.refusal!.unmet!));

  const recep = items((await viewAt('handling', receptionist, 'en')).view);
  assert.ok(recep.length > 0 && recep.every((i) => !i.enabled && i.refusal?.code === 'role-not-allowed'));
  assert.ok(recep.every((i) => i.refusal!.roles.every((r) => r.title !== r.id)), 'role titles, not codes');
});

test('actions: an owner is not shown the steps; without an actor view only; a closed complaint has ended', async () => {
  assert.equal((await viewAt('handling', owner)).view.actions.kind, 'none');
  assert.equal((await viewAt('handling', undefined)).view.actions.kind, 'view-only');
  assert.equal((await viewAt('closed', specialist)).view.actions.kind, 'final');
});

test('clock cards: a stopped clock says what it took and nothing about time left or due', async () => {
  const running = (await viewAt('handling', handler)).view.clocks;
  assert.ok(running.some((c) => !c.stopped && c.dueAt !== null && c.calendarRemainingMs !== null));
  const closed = (await viewAt('closed', specialist)).view.clocks;
  const stopped = closed.filter((c) => c.stopped);
  assert.ok(stopped.length > 0);
  for (const c of stopped) {
    assert.equal(c.dueAt, null);
    assert.equal(c.businessRemainingMs, null);
    assert.equal(c.calendarRemainingMs, null);
    assert.equal(typeof c.tookMs, 'number');
    assert.equal(c.lateByMs === undefined, c.level === 'met');
  }
  const overdue = (await viewAt('overdue', handler)).view.clocks.find((c) => c.level === 'overdue')!;
  assert.ok(overdue.escalations > 0 && overdue.ratio === 1);
  const paused = (await viewAt('suspended', handler)).view.clocks;
  assert.ok(paused.some((c) => c.look === 'paused'));
});

test('audit lines: role titles never codes, the system for timers, labelled data, effects as data', async () => {
  const { view } = await viewAt('overdue', handler);
  const start = view.audit[0]!;
  assert.deepEqual(start.what, { kind: 'start' });
  assert.deepEqual(start.roles, ['前台接待']);
  assert.equal(start.from, null);
  const dispatch = view.audit.find((a) => a.what.kind === 'event' && a.what.title === '派单')!;
  assert.deepEqual(dispatch.roles, ['客服专员']);
  assert.deepEqual(
    dispatch.payload.map((p) => [p.key, p.label]),
    [
      ['handler', '处理人'],
      ['note', '备注'],
    ],
  );
  assert.ok(dispatch.effects.some((e) => e.type === 'assign' && e.name === '王强'));
  const timer = view.audit.find((a) => a.kind === 'timer')!;
  assert.equal(timer.actor, null);
  assert.deepEqual(timer.roles, []);
  assert.equal(timer.what.kind, 'timer');
});

test('every event-field definition has its UI schema in schemas/workflow-events.ui.json, valid, pointing at its own fields', () => {
  assert.equal(validateUi(eventsUi), true, JSON.stringify(validateUi.errors));
  for (const name of fieldNames()) {
    const ui = eventUiSchema(eventsUi, name);
    assert.ok(ui?.groups?.length, `${name} has a group`);
    const props = Object.keys((fieldsSchema(name)['properties'] as Record<string, unknown> | undefined) ?? {});
    const shown = ui!.groups!.flatMap((g) => g.fields);
    assert.deepEqual([...shown].sort(), props.map((p) => `/${p}`).sort(), `${name}: every field once, no stray pointer`);
    for (const p of Object.keys(ui!.fields ?? {})) assert.ok(props.includes(p.slice(1)), `${name}: ${p}`);
  }
  // Person fields are pickers.
  assert.equal(eventUiSchema(eventsUi, 'dispatch')!.fields!['/handler']!.widget, 'select');
  assert.equal(eventUiSchema(eventsUi, 'reply')!.fields!['/by']!.widget, 'select');
  assert.equal(eventUiSchema(eventsUi, 'no-such-fields'), undefined);
});

test('the example staff list validates person by person against schemas/people.schema.json; a bad person is refused', () => {
  for (const p of staff) assert.equal(validatePerson(p), true, `${p.id}: ${JSON.stringify(validatePerson.errors)}`);
  assert.equal(validatePerson({ id: 'X', name: 'Y' }), false, 'roles are required');
  assert.equal(validatePerson({ id: 'X', name: 'Y', roles: ['Bad Role'] }), false);
});

test('pickers: the staff of the record office who take part in the workflow (HQ too), the current value kept', async () => {
  const { snapshot } = await viewAt('registered', specialist);
  const env = await scenario('registered');
  const def = env.engine.definition('complaint')!;
  assert.equal(snapshot.data['officeId'], 'SZ-BH');
  const choices = personChoices(staff, snapshot, def);
  assert.deepEqual(
    choices.map((c) => c.value),
    [
      { id: 'E2301', name: '刘洋' },
      { id: 'E1302', name: '黄丽' },
      { id: 'H0001', name: '王峰' },
    ],
  );
  assert.deepEqual(choices[0]!.label, { 'zh-CN': '刘洋 · 客服专员', en: 'Liu Yang · Specialist' });
  // Contractors take no part in a complaint; other offices' staff are not offered.
  assert.ok(!choices.some((c) => c.value.id === 'C-TJ01' || c.value.id === 'E2001'));
  const withCurrent = personChoices(staff, snapshot, def, { id: 'E3001', name: '王强' });
  assert.deepEqual(withCurrent[0], { value: { id: 'E3001', name: '王强' }, label: { 'zh-CN': '王强（E3001）', en: '王强 (E3001)' } });
  assert.equal(personChoices([], snapshot, def).length, 0);

  const ui = eventUiSchema(eventsUi, 'dispatch');
  const schema = withPersonChoices(fieldsSchema('dispatch'), ui, () => choices);
  const handlerProp = (schema['properties'] as Record<string, Record<string, unknown>>)['handler']!;
  assert.deepEqual(
    (handlerProp['oneOf'] as { const: unknown }[]).map((o) => o.const),
    choices.map((c) => c.value),
  );
  // No choices: the schema is left alone (the form asks for an ID and a name).
  assert.equal(withPersonChoices(fieldsSchema('dispatch'), ui, () => []), fieldsSchema('dispatch'));
});

test('per-field pickers: 派单 picks its handler from the staff and its repair contractor from the contractors, filters by roles, trades and office', async () => {
  const { snapshot } = await viewAt('registered', specialist);
  const env = await scenario('registered');
  const def = env.engine.definition('complaint')!;
  const ui = eventUiSchema(eventsUi, 'dispatch');
  // The shipped UI schema says which list each field picks from; a select person field without a picker picks staff.
  assert.deepEqual(pickerOf(ui, '/contractor'), { reference: 'contractors' });
  assert.deepEqual(pickerOf(ui, '/handler'), { reference: 'staff' });
  assert.equal(pickerOf(ui, '/note'), undefined);

  const all = pickerChoices({ reference: 'contractors' }, { staff, contractors }, snapshot, def);
  assert.deepEqual(all.map((c) => c.value.id), ['C-TJ01', 'C-MC02', 'C-SD03', 'C-ZS04', 'C-SB05']);
  // The record keeps the Chinese name; the label follows the interface language.
  assert.deepEqual(all[1], { value: { id: 'C-MC02', name: '华安门窗工程有限公司' }, label: { 'zh-CN': '华安门窗工程有限公司', en: "Hua'an Doors & Windows Co." } });
  // Trades narrow the list; a current value outside the list stays first.
  assert.deepEqual(contractorChoices(contractors, undefined, { trades: ['plumbing', 'waterproofing'] }).map((c) => c.value.id), ['C-TJ01', 'C-SD03']);
  assert.deepEqual(contractorChoices(contractors, { id: 'X9', name: '临时维修队' }, { trades: ['equipment'] }).map((c) => c.value.id), ['X9', 'C-SB05']);
  // Roles and office narrow the staff: inspectors of any office.
  const inspectors = pickerChoices({ reference: 'staff', filter: { roles: ['inspector'], office: 'any' } }, { staff }, snapshot, def);
  assert.deepEqual(inspectors.map((c) => c.value.id), ['E2001', 'E3001', 'E2002', 'E2101', 'E2301']);
  const here = pickerChoices({ reference: 'staff', filter: { roles: ['inspector'] } }, { staff }, snapshot, def);
  assert.deepEqual(here.map((c) => c.value.id), ['E2301']);
  // No list: no choices (the field is typed).
  assert.equal(pickerChoices({ reference: 'contractors' }, { staff }, snapshot, def).length, 0);
  assert.equal(pickerChoices({ reference: 'staff' }, undefined, snapshot, def).length, 0);

  const schema = withPickers(fieldsSchema('dispatch'), ui, (_p, picker) => pickerChoices(picker, { staff, contractors }, snapshot, def));
  const props = schema['properties'] as Record<string, Record<string, unknown>>;
  assert.deepEqual((props['contractor']!['oneOf'] as { const: unknown }[]).map((o) => o.const), all.map((c) => c.value));
  assert.deepEqual((props['handler']!['oneOf'] as { const: { id: string } }[]).map((o) => o.const.id), ['E2301', 'E1302', 'H0001']);
  assert.equal(props['deadline']!['oneOf'], undefined);
  // The staff-only helper leaves the contractor field typed.
  const staffOnly = withPersonChoices(fieldsSchema('dispatch'), ui, () => personChoices(staff, snapshot, def));
  assert.equal((staffOnly['properties'] as Record<string, Record<string, unknown>>)['contractor']!['oneOf'], undefined);
});

test('a picker in a UI schema is checked by schemas/ui.schema.json: a list it does not know, a bad trade or a stray key is refused', () => {
  const at = (picker: unknown) => ({ fields: { '/x': { widget: 'select', picker } } });
  assert.equal(validateUi(at({ reference: 'contractors', filter: { trades: ['plumbing'] } })), true, JSON.stringify(validateUi.errors));
  assert.equal(validateUi(at({ reference: 'staff', filter: { roles: ['specialist'], office: 'any' } })), true, JSON.stringify(validateUi.errors));
  assert.equal(validateUi(at({ reference: 'suppliers' })), false);
  assert.equal(validateUi(at({ reference: 'contractors', filter: { trades: ['plumbin'] } })), false);
  assert.equal(validateUi(at({ reference: 'staff', filter: { office: 'mine' } })), false);
  assert.equal(validateUi(at({ reference: 'staff', sort: 'name' })), false);
  assert.equal(validateUi(at({ filter: {} })), false);
});

test('a complaint replied late and closed: the reply clock card says missed, what it took and by how much', async () => {
  const { view } = await viewAt('closed-late', specialist);
  const missed = view.clocks.filter((c) => c.level === 'missed');
  assert.ok(missed.length > 0, JSON.stringify(view.clocks.map((c) => c.level)));
  for (const c of missed) {
    assert.equal(c.stopped, true);
    assert.ok((c.lateByMs ?? 0) > 0);
    assert.equal(c.dueAt, null);
  }
  assert.equal(view.actions.kind, 'final');
});

test('audit lines about child instances: worded with the child definition and state titles, no codes or payload keys, zh-CN and en', () => {
  const defs = builtinDefinitions as Record<string, WorkflowDefinition>;
  const system = { id: 'system', name: '系统', roles: [] };
  const base = { instanceId: 'MI-1', at: Date.parse('2026-12-01T10:00:00+08:00'), kind: 'transition' as const, actor: system, effects: [], definitionVersion: 1 };
  const history: AuditEntry[] = [
    { ...base, seq: 5, event: 'children-started', from: 'houses', to: 'houses', payload: { of: 4, started: 3, refused: 0 }, commandId: 'children:4' },
    { ...base, seq: 6, event: 'child-update', from: 'houses', to: 'houses', payload: { child: 'H-101', definition: 'move-in-house', state: 'listed', final: false }, commandId: 'child:H-101:2' },
    { ...base, seq: 7, event: 'child-update', from: 'houses', to: 'houses', payload: { child: 'H-101', definition: 'move-in-house', state: 'registered', final: true }, commandId: 'child:H-101:9' },
  ] as unknown as AuditEntry[];
  const of = (id: string) => defs[id];
  const zh = auditView(history, defs['move-in'], 'zh-CN', undefined, of);
  assert.deepEqual(zh.map((x) => (x.what.kind === 'event' ? x.what.title : x.what.kind)), ['已开始子流程 3 个', '子流程「入伙服务（每户）」H-101：问题清单已生成', '子流程「入伙服务（每户）」H-101已结束：入伙进程已登记']);
  assert.deepEqual(zh.map((x) => x.payload.length), [0, 0, 0]);
  const en = auditView(history, defs['move-in'], 'en', undefined, of);
  assert.deepEqual(en.map((x) => (x.what.kind === 'event' ? x.what.title : x.what.kind)), ['3 sub-processes started', 'Sub-process “Move-in service (one house)” H-101: Problem list generated', 'Sub-process “Move-in service (one house)” H-101 ended: Move-in progress registered']);
  // A refused start is said; an unknown child definition falls back to its id, never throws.
  const more = auditView([{ ...history[0]!, payload: { of: 4, started: 2, refused: 1 } }, { ...history[1]!, payload: { child: 'X', definition: 'gone', state: 's', final: false } }] as AuditEntry[], undefined, 'zh-CN');
  assert.deepEqual(more.map((x) => (x.what.kind === 'event' ? x.what.title : '')), ['已开始子流程 2 个，1 个未能开始', '子流程「gone」X：s']);
});
