// Complaint intake core (src/core/complaint): routing for the four cases of WI/KF-007 as data,
// the first-receiver rule, the record-number fallback, completing an intake; and the shipped
// complaint, service-record and emergency-record schemas with their examples and UI schemas.
import { withoutProvenance } from '../../src/core/provenance.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { validate } from '../../src/core/validate.js';
import { FormEngine, normalizeSchema, checkUiSchema, type JsonSchema, type UiSchema } from '../../src/core/form/index.js';
import { vocabById } from '../../src/generated/schemas/vocab/index.js';
const shippedRefs = vocabById as Record<string, JsonSchema>;
import {
  routeComplaint,
  routingComputeRules,
  checkRoutingRules,
  defaultRoutingRules,
  RoutingRulesError,
  firstReceiverFor,
  withFirstReceiver,
  fallbackRecordNumber,
  localIso,
  startIntake,
  completeComplaint,
} from '../../src/core/complaint/index.js';

const read = (f: string) => JSON.parse(readFileSync(f, 'utf8'));
const valid = read('schemas/examples/complaint.valid.json')[0] as Record<string, unknown>;
const actor = { id: 'E1001', name: '周敏', roles: ['receptionist'] };

test('routing case 1: a customer complaint stays with the customer-service centre', () => {
  const d = routeComplaint({ ...valid, concern: 'service', complainant: { type: 'owner' } });
  assert.equal(d.unit, 'service-centre');
  assert.equal(d.reason, 'customer-complaint');
  assert.equal(d.unitLabel['zh-CN'], '客服中心');
  assert.equal(d.unitLabel.en, 'Customer-service centre');
  assert.equal(d.rule, 'customer');
  // Nothing said about the concern: still the customer-service centre.
  assert.equal(routeComplaint({}).unit, 'service-centre');
});

test('routing case 2: employee rights, HQ staff attitude, ethics or law go to HR/admin', () => {
  for (const concern of ['own-rights', 'hq-staff', 'ethics']) {
    const d = routeComplaint({ complainant: { type: 'staff-partner' }, concern });
    assert.equal(d.unit, 'hr-admin', concern);
    assert.equal(d.reason, 'staff-matter');
    assert.equal(d.reasonLabel['zh-CN'].startsWith('员工维权'), true);
    assert.ok(d.reasonLabel.en.length > 0);
  }
});

test('routing case 3: company rules go to the functional department that owns the document', () => {
  const d = routeComplaint({ concern: 'company-rule', ruleDocument: 'WI/KF-012 装修管理规定', ruleOwner: ' 工程管理部 ' });
  assert.equal(d.unit, 'functional-department');
  assert.equal(d.reason, 'company-rule');
  assert.equal(d.department, '工程管理部');
  assert.equal(routeComplaint({ concern: 'company-rule' }).department, undefined);
});

test('routing case 4: media and government bodies go to HR/admin, before anything else', () => {
  for (const body of ['media', 'police', 'court', 'market-regulator', 'tax', 'government-other']) {
    const d = routeComplaint({ concern: 'company-rule', ruleOwner: '法务部', externalBody: body });
    assert.equal(d.unit, 'hr-admin', body);
    assert.equal(d.reason, 'external-body');
    assert.equal(d.department, undefined);
  }
});

test('routing never throws on odd input and ignores prototype keys', () => {
  for (const odd of [null, undefined, 42, 'x', [], JSON.parse('{"__proto__": {"concern": "ethics"}}')]) {
    assert.equal(routeComplaint(odd).unit, 'service-centre');
  }
});

test('the UI compute rules route exactly like routeComplaint (same data, one source)', () => {
  const schema = read('schemas/complaint.schema.json') as JsonSchema;
  const ui = read('schemas/complaint.ui.json') as UiSchema;
  const model = normalizeSchema(schema, { refs: shippedRefs });
  const withRules = { ...ui, rules: [...(ui.rules ?? []), ...routingComputeRules()] } as UiSchema;
  checkUiSchema(withRules, model);
  const cases = [
    {},
    { concern: 'service' },
    { concern: 'ethics' },
    { concern: 'company-rule', ruleOwner: '法务部' },
    { concern: 'company-rule' },
    { externalBody: 'media', concern: 'own-rights' },
  ];
  for (const c of cases) {
    const engine = new FormEngine(model, withRules, c);
    const routing = engine.value['routing'] as Record<string, unknown>;
    const d = routeComplaint(c);
    assert.equal(routing['unit'], d.unit, JSON.stringify(c));
    assert.equal(routing['reason'], d.reason, JSON.stringify(c));
    assert.equal(routing['department'] || undefined, d.department, JSON.stringify(c));
    // The routing field shows (with its notice) only when someone other than the centre owns it.
    assert.equal(engine.isHidden('/routing'), d.unit === 'service-centre', JSON.stringify(c));
  }
  // Typing changes the routing live.
  const engine = new FormEngine(model, withRules, {});
  engine.set('/concern', 'hq-staff');
  assert.equal((engine.value['routing'] as Record<string, unknown>)['unit'], 'hr-admin');
  assert.deepEqual(engine.activeNotices().map((n) => n.id), ['routing-elsewhere']);
  engine.set('/concern', 'service');
  assert.equal((engine.value['routing'] as Record<string, unknown>)['unit'], 'service-centre');
  assert.deepEqual(engine.activeNotices(), []);
});

test('checkRoutingRules refuses a bad table with the pointer of the problem', () => {
  const base = withoutProvenance(read('schemas/complaint-routing.json'));
  assert.deepEqual(checkRoutingRules(base), defaultRoutingRules);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- mutating parsed JSON in place
  const bad = (mut: (d: Record<string, any>) => void) => {
    const d = structuredClone(base);
    mut(d);
    return () => checkRoutingRules(d);
  };
  assert.throws(bad((d) => (d.rules[0].unit = 'legal')), (e: unknown) => e instanceof RoutingRulesError && e.pointer === '/rules/0/unit');
  assert.throws(bad((d) => (d.rules[1].reason = 'because')), (e: unknown) => e instanceof RoutingRulesError && e.pointer === '/rules/1/reason');
  assert.throws(bad((d) => (d.rules[0].when = { method: [{ var: 'x' }, 'toString'] })), (e: unknown) => e instanceof RoutingRulesError && e.pointer === '/rules/0/when');
  assert.throws(bad((d) => (d.rules[0].when = { var: '__proto__.x' })), RoutingRulesError);
  assert.throws(bad((d) => (d.rules[1].departmentFrom = '__proto__.x')), (e: unknown) => e instanceof RoutingRulesError && e.pointer === '/rules/1/departmentFrom');
  assert.throws(bad((d) => (d.rules[2].id = d.rules[0].id)), /duplicate/);
  assert.throws(bad((d) => delete d.otherwise), (e: unknown) => e instanceof RoutingRulesError && e.pointer === '/otherwise');
  assert.throws(() => checkRoutingRules(null), RoutingRulesError);
});

test('a routing table is data: another table routes differently without code changes', () => {
  const rules = checkRoutingRules({
    version: 2,
    rules: [{ id: 'partners', when: { '==': [{ var: 'complainant.type' }, 'staff-partner'] }, unit: 'professional-company', reason: 'staff-matter' }],
    otherwise: { id: 'rest', unit: 'service-centre', reason: 'customer-complaint' },
  });
  assert.equal(routeComplaint({ complainant: { type: 'staff-partner' } }, rules).unit, 'professional-company');
  assert.equal(routeComplaint({ complainant: { type: 'owner' } }, rules).rule, 'rest');
});

test('first receiver: from the actor, and a record that has one keeps it', () => {
  assert.deepEqual(firstReceiverFor({}, actor), { id: 'E1001', name: '周敏' });
  assert.deepEqual(firstReceiverFor({ firstReceiver: { id: 'E9', name: '林涛' } }, actor), { id: 'E9', name: '林涛' });
  assert.equal(firstReceiverFor({}, undefined), undefined);
  assert.equal(firstReceiverFor({}, { id: '', name: 'x' }), undefined);
  const kept = { firstReceiver: { id: 'E9', name: '林涛' } };
  assert.equal(withFirstReceiver(kept, actor), kept);
  assert.deepEqual(withFirstReceiver({ subject: 's' }, actor), { subject: 's', firstReceiver: { id: 'E1001', name: '周敏' } });
});

test('record-number fallback: office + yyyymm of receivedAt + L + 6 characters, valid for the schema', () => {
  let i = 0;
  const random = () => [1, 2, 3, 10, 35, 0][i++ % 6]!;
  assert.equal(fallbackRecordNumber({ officeId: 'SZ-HY', receivedAt: '2026-07-31T23:30:00+08:00' }, { random }), 'SZ-HY-202607-L123AZ0');
  assert.match(fallbackRecordNumber({ officeId: '华苑 管理处', receivedAt: 'x' }, { now: new Date('2026-12-31T20:00:00Z') }), /^WY-202701-L[0-9A-Z]{6}$/);
  assert.match(fallbackRecordNumber({}), /^WY-\d{6}-L[0-9A-Z]{6}$/);
  const many = new Set(Array.from({ length: 2000 }, () => fallbackRecordNumber({ officeId: 'SZ-HY' })));
  assert.equal(many.size, 2000);
  const r = validate('complaint', { ...valid, recordNo: fallbackRecordNumber({ officeId: '../<x>', receivedAt: valid['receivedAt'] }) });
  assert.deepEqual(r.errors, []);
});

test('localIso writes wall-clock time at an offset', () => {
  assert.equal(localIso(new Date('2026-07-01T00:00:00.123Z')), '2026-07-01T08:00:00+08:00');
  assert.equal(localIso(new Date('2026-07-01T00:00:00Z'), '-0530'), '2026-06-30T18:30:00-05:30');
});

test('startIntake fills first receiver, receivedAt, kind and an idempotency key once', () => {
  const now = new Date('2026-07-01T01:02:03Z');
  const v = startIntake(undefined, { actor, now, newKey: () => 'key-00000001' });
  assert.deepEqual(v, { firstReceiver: { id: 'E1001', name: '周敏' }, receivedAt: '2026-07-01T09:02:03+08:00', kind: 'complaint', meta: { idempotencyKey: 'key-00000001' } });
  assert.equal(startIntake(v, { actor: { id: 'E2', name: '别人' }, newKey: () => 'other-key-1' }), v);
});

test('completeComplaint: record number, routing and meta; the result validates; gaps are reported', () => {
  const { recordNo: _r, firstReceiver: _f, meta: _m, routing: _x, ...draft } = valid;
  const now = new Date('2026-07-01T01:00:00Z');
  const { record, gaps } = completeComplaint({ ...draft, concern: 'ethics' }, { actor, now, recordNo: 'SZ-HY-202607-0099', newKey: () => 'key-12345678' });
  assert.deepEqual(gaps, []);
  assert.equal(record['recordNo'], 'SZ-HY-202607-0099');
  assert.deepEqual(record['firstReceiver'], { id: 'E1001', name: '周敏' });
  assert.deepEqual(record['routing'], { unit: 'hr-admin', reason: 'staff-matter' });
  assert.deepEqual(record['meta'], { idempotencyKey: 'key-12345678', createdAt: '2026-07-01T09:00:00+08:00' });
  assert.deepEqual(validate('complaint', record).errors, []);
  // Saving again keeps the number, the first receiver, the key and createdAt.
  const again = completeComplaint(record, { actor: { id: 'E7', name: '后来者' }, now: new Date('2026-07-02T00:00:00Z'), recordNo: 'OTHER-1' }).record;
  assert.equal(again['recordNo'], 'SZ-HY-202607-0099');
  assert.deepEqual(again['firstReceiver'], { id: 'E1001', name: '周敏' });
  assert.deepEqual(again['meta'], { idempotencyKey: 'key-12345678', createdAt: '2026-07-01T09:00:00+08:00', updatedAt: '2026-07-02T08:00:00+08:00' });
  assert.deepEqual(completeComplaint(draft, {}).gaps, ['recordNo', 'firstReceiver']);
});

for (const name of ['complaint', 'service-record', 'emergency-record']) {
  test(`${name}: valid examples validate, invalid ones fail where they say (zh-CN and en)`, () => {
    const good = read(`schemas/examples/${name}.valid.json`) as unknown[];
    assert.ok(good.length >= 2);
    for (const [i, r] of good.entries()) assert.deepEqual(validate(name, r).errors, [], `${name}[${i}]`);
    const bad = read(`schemas/examples/${name}.invalid.json`) as { name: string; expect: { path: string; keyword: string }[]; data: unknown }[];
    assert.ok(bad.length >= 8);
    for (const c of bad) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const r = validate(name, c.data, { locale });
        assert.equal(r.valid, false, c.name);
        for (const e of c.expect) assert.ok(r.errors.some((x) => x.path === e.path && x.keyword === e.keyword), `${name}: ${c.name}: ${JSON.stringify(r.errors)}`);
      }
    }
  });

  test(`${name}: every property has an x-label, records forbid extra properties, and its UI schema fits`, () => {
    const schema = read(`schemas/${name}.schema.json`) as JsonSchema;
    const walk = (s: JsonSchema, at: string) => {
      if (s.properties) {
        assert.equal(s.additionalProperties, false, `${at} additionalProperties`);
        for (const [k, p] of Object.entries(s.properties)) {
          assert.ok(p['x-label'] || (p.$ref && p.$ref.startsWith('#/definitions/') && (schema.definitions![p.$ref.slice(14)] as JsonSchema)['x-label']), `${at}/${k} has no x-label`);
          walk(p, `${at}/${k}`);
        }
      }
    };
    walk(schema, '');
    for (const [k, d] of Object.entries(schema.definitions ?? {})) walk(d as JsonSchema, `#/definitions/${k}`);
    const model = normalizeSchema(schema, { refs: shippedRefs });
    const ui = read(`schemas/${name}.ui.json`);
    assert.doesNotThrow(() => checkUiSchema(ui, model));
    // No invented number printed as the manual's: its record forms MR-001KF…MR-004KF are not paired with titles.
    assert.equal(ui.document.number, '');
    assert.ok(ui.document.title['zh-CN'] && ui.document.title.en);
  });
}

test('two different paper forms never share a title', () => {
  const titles = ['complaint', 'service-record', 'emergency-record'].map((n) => read(`schemas/${n}.ui.json`).document.title['zh-CN']);
  assert.equal(new Set(titles).size, titles.length, titles.join(', '));
});
