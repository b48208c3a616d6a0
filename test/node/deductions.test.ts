// The deduction rule engine against hand-computed cases, written as data tables: one row per
// rule kind, rounding mode, cap and rating band; invalid rule sets (schema and semantic); the
// example data with the shipped default rules; zh-CN and en.
import { withoutProvenance } from '../../src/core/provenance.js';
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Complaint } from '../../src/generated/types/complaint.js';
import {
  checkDeductionRules,
  computeDeductions,
  deductionGroupTable,
  defaultDeductionRules,
  deductionLinesTable,
  describeInputs,
  DeductionRulesError,
  formatInstant,
  formatPoints,
  parseDeductionRules,
  parseInstant,
  PeriodError,
  resolvePeriod,
  roundUnits,
  ruleLabel,
  type DeductionRules,
} from '../../src/core/deductions/index.js';
import { toCsv } from '../../src/core/export/csv.js';

const read = <T>(f: string): T => JSON.parse(readFileSync(f, 'utf8')) as T;
const defaults = read<DeductionRules>('schemas/deduction-rules.default.json');
const examples = read<Complaint[]>('schemas/examples/complaint.valid.json');
const staffStars = read<DeductionRules[]>('schemas/examples/deduction-rules.valid.json')[1]!;
const broken = read<unknown>('schemas/examples/deduction-rules-broken.json');
const schemaInvalid = read<{ name: string; expect: { path: string; keyword: string }[]; data: unknown }[]>('schemas/examples/deduction-rules.invalid.json');

const L = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const categories = ['management', 'staff', 'efficiency', 'developer', 'dispute', 'other'] as const;

/** A small rule set whose numbers are easy to follow by hand. */
function testRules(patch: Partial<DeductionRules> = {}): DeductionRules {
  return {
    id: 'test',
    version: '1',
    name: L('测试规则', 'Test rules'),
    scope: { kinds: ['complaint'] },
    startingScore: { id: 'start', points: 100 },
    cap: { id: 'cap', points: 10 },
    rounding: { id: 'round', decimals: 1, mode: 'half-up', stage: 'complaint' },
    base: categories.flatMap((category) => [
      { id: `b-${category}-minor`, category, severity: 'minor' as const, points: 1 },
      { id: `b-${category}-serious`, category, severity: 'serious' as const, points: 2.5 },
      { id: `b-${category}-major`, category, severity: 'major' as const, points: 5 },
      { id: `b-${category}-complex`, category, severity: 'complex' as const, points: 4 },
    ]),
    adjustments: [
      { id: 'repeat', label: L('重复', 'Repeat'), when: [{ fact: 'repeat', equals: true }], effect: 'multiply', value: 1.5 },
      { id: 'hq', label: L('总部', 'HQ'), when: [{ fact: 'escalated-to-hq' }], effect: 'add', value: 2 },
      { id: 'media', label: L('媒体', 'Media'), when: [{ fact: 'external-body', in: ['media'] }], effect: 'add', value: 5 },
      { id: 'gov', label: L('政府', 'Government'), when: [{ fact: 'external-body', in: ['police', 'court', 'tax'] }], effect: 'add', value: 3 },
      { id: 'overdue', label: L('超时', 'Overdue'), when: [{ fact: 'reply-overdue' }], effect: 'add', value: 1 },
      { id: 'no-visit', label: L('未回访', 'No visit'), when: [{ fact: 'return-visit-missing' }], effect: 'add', value: 0.5 },
      { id: 'dissatisfied', label: L('不满意', 'Dissatisfied'), when: [{ fact: 'satisfaction', in: ['dissatisfied'] }], effect: 'add', value: 1 },
      { id: 'emergency', label: L('突发', 'Emergency'), when: [{ fact: 'emergency' }], effect: 'multiply', value: 2 },
    ],
    ratings: [
      { id: 'A', label: L('优', 'A'), min: 95, max: 100 },
      { id: 'B', label: L('良', 'B'), min: 90, max: 94.9 },
    ],
    ...patch,
  };
}

let seq = 0;
/** A complaint received in July 2026, valid, replied in time and visited, unless patched. */
function complaint(patch: Partial<Complaint> = {}): Complaint {
  seq++;
  return {
    recordNo: `T-${seq}`,
    kind: 'complaint',
    receivedAt: '2026-07-10T09:00:00+08:00',
    channel: 'phone',
    officeId: 'OF-1',
    complainant: { type: 'owner' },
    category: 'management',
    severity: 'minor',
    subject: 's',
    description: 'd',
    firstReceiver: { id: 'E1', name: '周敏' },
    deadline: '2026-07-12T18:00:00+08:00',
    reply: { at: '2026-07-11T10:00:00+08:00', content: 'ok' },
    validity: 'valid',
    returnVisit: { at: '2026-07-13T10:00:00+08:00', satisfaction: 'satisfied' },
    ...patch,
  };
}
const without = (c: Complaint, ...keys: (keyof Complaint)[]): Complaint => {
  const copy = { ...c } as Record<string, unknown>;
  for (const k of keys) delete copy[k];
  return copy as unknown as Complaint;
};

describe('one complaint, one rule kind at a time (hand-computed)', () => {
  const cases: { name: string; c: Complaint; lines: [string, number][]; points: number; status?: string }[] = [
    { name: 'base only', c: complaint(), lines: [['b-management-minor', 1]], points: 1 },
    { name: 'base by category × severity', c: complaint({ category: 'dispute', severity: 'major' }), lines: [['b-dispute-major', 5]], points: 5 },
    { name: 'repeat ×1.5 on 2.5, rounded half-up to one decimal', c: complaint({ severity: 'serious', repeat: true }), lines: [['b-management-serious', 2.5], ['repeat', 1.25], ['round', 0.05]], points: 3.8 },
    { name: 'escalated to HQ +2', c: complaint({ escalatedToHq: true }), lines: [['b-management-minor', 1], ['hq', 2]], points: 3 },
    { name: 'media +5', c: complaint({ externalBody: 'media' }), lines: [['b-management-minor', 1], ['media', 5]], points: 6 },
    { name: 'a government body +3', c: complaint({ externalBody: 'court' }), lines: [['b-management-minor', 1], ['gov', 3]], points: 4 },
    { name: 'a body the rules do not list', c: complaint({ externalBody: 'market-regulator' }), lines: [['b-management-minor', 1]], points: 1 },
    { name: 'reply after the deadline +1', c: complaint({ reply: { at: '2026-07-12T18:00:01+08:00', content: 'x' } }), lines: [['b-management-minor', 1], ['overdue', 1]], points: 2 },
    { name: 'reply exactly at the deadline is in time', c: complaint({ reply: { at: '2026-07-12T18:00:00+08:00', content: 'x' } }), lines: [['b-management-minor', 1]], points: 1 },
    { name: 'deadline in another offset, reply later in UTC', c: complaint({ deadline: '2026-07-12T10:00:00Z', reply: { at: '2026-07-12T18:30:00+08:00', content: 'x' } }), lines: [['b-management-minor', 1], ['overdue', 1]], points: 2 },
    {
      name: 'no reply, deadline passed before the period end: overdue (and no visit is not charged: nothing to visit)',
      c: without(complaint(), 'reply', 'returnVisit'),
      lines: [['b-management-minor', 1], ['overdue', 1]],
      points: 2,
    },
    { name: 'no reply, deadline after the period end: not overdue', c: without(complaint({ deadline: '2026-08-02T18:00:00+08:00' }), 'reply', 'returnVisit'), lines: [['b-management-minor', 1]], points: 1 },
    { name: 'replied, no return visit +0.5', c: without(complaint(), 'returnVisit'), lines: [['b-management-minor', 1], ['no-visit', 0.5]], points: 1.5 },
    { name: 'closed without reply or visit +0.5', c: without(complaint({ closedAt: '2026-07-11T10:00:00+08:00', deadline: '2026-08-20T00:00:00+08:00' }), 'reply', 'returnVisit'), lines: [['b-management-minor', 1], ['no-visit', 0.5]], points: 1.5 },
    { name: 'dissatisfied at the return visit +1', c: complaint({ returnVisit: { at: '2026-07-13T10:00:00+08:00', satisfaction: 'dissatisfied' } }), lines: [['b-management-minor', 1], ['dissatisfied', 1]], points: 2 },
    { name: 'two multipliers add up on the base (×1.5 and ×2 = ×2.5)', c: complaint({ severity: 'major', repeat: true, emergency: true }), lines: [['b-management-major', 5], ['repeat', 2.5], ['emergency', 5]], points: 12.5 },
    {
      name: 'everything at once',
      c: complaint({ severity: 'serious', repeat: true, escalatedToHq: true, externalBody: 'media', reply: { at: '2026-07-13T09:00:00+08:00', content: 'x' }, returnVisit: { at: '2026-07-14T09:00:00+08:00', satisfaction: 'dissatisfied' } }),
      lines: [['b-management-serious', 2.5], ['repeat', 1.25], ['hq', 2], ['media', 5], ['overdue', 1], ['dissatisfied', 1], ['round', 0.05]],
      points: 12.8,
    },
    { name: 'invalid: counted, nothing deducted', c: complaint({ validity: 'invalid', repeat: true }), lines: [], points: 0, status: 'invalid' },
    { name: 'not yet judged: counted, nothing deducted', c: without(complaint({ repeat: true }), 'validity'), lines: [], points: 0, status: 'pending' },
    { name: 'a suggestion is not scored', c: complaint({ kind: 'suggestion' }), lines: [], points: 0, status: 'out-of-scope' },
  ];
  for (const k of cases) {
    test(k.name, () => {
      const r = computeDeductions([k.c], testRules(), { period: '2026-07' });
      const c = r.groups[0]!.complaints[0]!;
      assert.deepEqual(c.lines.map((l) => [l.ruleId, l.points]), k.lines);
      assert.equal(c.points, k.points);
      assert.equal(c.status, k.status ?? 'valid');
      assert.equal(r.groups[0]!.points, k.points);
    });
  }

  test('every line carries its inputs', () => {
    const r = computeDeductions([complaint({ severity: 'serious', repeat: true, reply: { at: '2026-07-13T09:00:00+08:00', content: 'x' } })], testRules(), { period: '2026-07' });
    const [base, repeat, overdue, rounding] = r.groups[0]!.complaints[0]!.lines;
    assert.deepEqual(base!.inputs, { category: 'management', severity: 'serious' });
    assert.deepEqual(repeat!.inputs, { repeat: true, basePoints: 2.5, factor: 1.5 });
    assert.deepEqual(overdue!.inputs, { 'reply-overdue': true, deadline: '2026-07-12T18:00:00+08:00', replyAt: '2026-07-13T09:00:00+08:00', value: 1 });
    assert.deepEqual(rounding!.inputs, { before: 4.75 });
  });

  test('an unanswered overdue line says as of when', () => {
    const r = computeDeductions([without(complaint(), 'reply', 'returnVisit')], testRules(), { period: '2026-07' });
    assert.equal(r.groups[0]!.complaints[0]!.lines[1]!.inputs['asOf'], '2026-08-01T00:00:00+08:00');
    const early = computeDeductions([without(complaint(), 'reply', 'returnVisit')], testRules(), { period: '2026-07', asOf: '2026-07-12T12:00:00+08:00' });
    assert.equal(early.groups[0]!.complaints[0]!.points, 1);
  });
});

describe('rounding', () => {
  // [points, decimals, mode, expected]
  const table: [number, number, 'half-up' | 'half-even' | 'up' | 'down', number][] = [
    [1.25, 1, 'half-up', 1.3], [1.25, 1, 'half-even', 1.2], [1.35, 1, 'half-even', 1.4], [1.25, 1, 'up', 1.3], [1.25, 1, 'down', 1.2],
    [1.21, 1, 'up', 1.3], [1.29, 1, 'down', 1.2], [1.2, 1, 'up', 1.2], [2.5, 0, 'half-even', 2], [3.5, 0, 'half-even', 4], [2.5, 0, 'half-up', 3],
    [2.4999, 0, 'half-up', 2], [0.125, 2, 'half-up', 0.13], [0.125, 2, 'half-even', 0.12], [-1.25, 1, 'half-up', -1.3], [7, 2, 'down', 7],
  ];
  for (const [p, d, mode, want] of table) {
    test(`${p} to ${d} decimals, ${mode} → ${want}`, () => {
      assert.equal(roundUnits(Math.round(p * 10_000), 10 ** (4 - d), mode) / 10_000, want);
    });
  }

  test('stage "group" rounds the office total once and shows the line', () => {
    const rules = testRules({ rounding: { id: 'round', decimals: 0, mode: 'half-even', stage: 'group' }, ratings: [{ id: 'all', label: L('全部', 'All') }], cap: { id: 'cap', points: 10 } });
    // 2.5 + 1.25 (repeat) = 3.75 per complaint, unrounded; two make 7.5 → half-even 8.
    const r = computeDeductions([complaint({ severity: 'serious', repeat: true }), complaint({ severity: 'serious', repeat: true })], rules, { period: '2026-07' });
    const g = r.groups[0]!;
    assert.deepEqual(g.complaints.map((c) => c.points), [3.75, 3.75]);
    assert.equal(g.points, 7.5);
    assert.deepEqual(g.lines.map((l) => [l.ruleId, l.kind, l.points]), [['round', 'rounding', 0.5]]);
    assert.equal(g.deducted, 8);
    assert.equal(g.finalScore, 92);
  });

  test('no floating-point drift: ten complaints of 0.1 make exactly 1, and 0.1 + 0.2 makes 0.3', () => {
    const rules = testRules({
      base: categories.flatMap((category) => (['minor', 'serious', 'major', 'complex'] as const).map((severity, i) => ({ id: `b-${category}-${severity}`, category, severity, points: [0.1, 0.2, 0.3, 0.25][i]! }))),
      rounding: { id: 'round', decimals: 2, mode: 'half-up', stage: 'complaint' },
      ratings: [{ id: 'all', label: L('全部', 'All') }],
    });
    const ten = computeDeductions(Array.from({ length: 10 }, () => complaint()), rules, { period: '2026-07' });
    assert.equal(ten.groups[0]!.deducted, 1);
    assert.equal(ten.groups[0]!.finalScore, 99);
    const two = computeDeductions([complaint(), complaint({ severity: 'serious' })], rules, { period: '2026-07' });
    assert.equal(two.groups[0]!.deducted, 0.3);
    assert.equal(formatPoints(two.groups[0]!.deducted), '0.3');
  });
});

describe('cap, final score and rating bands', () => {
  // [points deducted before the cap (as n major complaints of 5 and minor ones of 1), expected deducted, capped, final, band]
  const table: { name: string; majors: number; minors: number; deducted: number; capped: boolean; final: number; band: string }[] = [
    { name: 'nothing deducted', majors: 0, minors: 0, deducted: 0, capped: false, final: 100, band: 'A' },
    { name: 'exactly at the lower edge of A', majors: 1, minors: 0, deducted: 5, capped: false, final: 95, band: 'A' },
    { name: 'just below A', majors: 1, minors: 1, deducted: 6, capped: false, final: 94, band: 'B' },
    { name: 'exactly the cap', majors: 2, minors: 0, deducted: 10, capped: false, final: 90, band: 'B' },
    { name: 'over the cap', majors: 3, minors: 2, deducted: 10, capped: true, final: 90, band: 'B' },
  ];
  for (const k of table) {
    test(k.name, () => {
      const list = [...Array.from({ length: k.majors }, () => complaint({ severity: 'major' })), ...Array.from({ length: k.minors }, () => complaint())];
      const r = computeDeductions(list, testRules(), { period: '2026-07' });
      const g = r.groups[0];
      if (!list.length) {
        assert.equal(r.groups.length, 0);
        return;
      }
      assert.equal(g!.deducted, k.deducted);
      assert.equal(g!.capped, k.capped);
      assert.equal(g!.finalScore, k.final);
      assert.equal(g!.rating?.ruleId, k.band);
      if (k.capped) {
        assert.deepEqual(g!.lines, [{ ruleId: 'cap', kind: 'cap', points: -7, inputs: { raw: 17, cap: 10 } }]);
      }
    });
  }

  test('without a cap the score falls below every band only if the bands allow it (open lowest band)', () => {
    const rules = testRules({ ratings: [{ id: 'A', label: L('优', 'A'), min: 95 }, { id: 'C', label: L('差', 'C'), max: 94.9 }] });
    delete (rules as { cap?: unknown }).cap;
    const r = computeDeductions(Array.from({ length: 30 }, () => complaint({ severity: 'major' })), rules, { period: '2026-07' });
    assert.equal(r.groups[0]!.finalScore, -50);
    assert.equal(r.groups[0]!.rating?.ruleId, 'C');
    assert.equal(r.groups[0]!.cap, null);
  });
});

describe('groups, periods and counts', () => {
  test('counts per office: valid, invalid, pending counted; out-of-scope apart; other periods left out', () => {
    const list = [
      complaint({ officeId: 'B' }),
      complaint({ officeId: 'A', validity: 'invalid' }),
      without(complaint({ officeId: 'A' }), 'validity'),
      complaint({ officeId: 'A', kind: 'consultation' }),
      complaint({ officeId: 'A', receivedAt: '2026-08-01T00:00:00+08:00' }),
      complaint({ officeId: 'A', receivedAt: '2026-06-30T23:59:59+08:00' }),
      complaint({ officeId: 'A', receivedAt: '2026-06-30T16:00:00Z' }),
    ];
    const r = computeDeductions(list, testRules(), { period: '2026-07' });
    assert.deepEqual(r.groups.map((g) => [g.key, g.counted, g.valid, g.invalid, g.pending, g.outOfScope]), [['A', 3, 1, 1, 1, 1], ['B', 1, 1, 0, 0, 0]]);
    assert.equal(r.totals.outOfPeriod, 2);
    assert.deepEqual(r.period, { from: '2026-07-01', to: '2026-07-31' });
  });

  test('group by handler and by first receiver', () => {
    const list = [complaint({ handler: { id: 'H1', name: '林涛' } }), complaint({ handler: { id: 'H2', name: '黄佳' }, severity: 'major' }), complaint()];
    const byHandler = computeDeductions(list, testRules(), { period: '2026-07', groupBy: 'handler' });
    assert.deepEqual(byHandler.groups.map((g) => [g.key, g.name ?? null, g.deducted]), [['', null, 1], ['H1', '林涛', 1], ['H2', '黄佳', 5]]);
    const byFirst = computeDeductions(list, testRules(), { period: '2026-07', groupBy: 'first-receiver' });
    assert.deepEqual(byFirst.groups.map((g) => [g.key, g.name, g.deducted]), [['E1', '周敏', 7]]);
  });

  test('unreadable records are listed, not guessed', () => {
    const r = computeDeductions(
      [complaint({ receivedAt: 'yesterday' }), complaint({ officeId: '' }), complaint({ category: 'noise' as never }), null as never, complaint({ severity: 'grave' as never })],
      testRules(),
      { period: '2026-07' },
    );
    assert.deepEqual(r.unreadable.map((u) => u.path), ['/receivedAt', '/officeId', '/category', '', '/severity']);
    assert.equal(r.groups.length, 0);
  });

  test('periods in every written form', () => {
    const table: [string | { from: string; to: string }, string, string][] = [
      ['2026', '2026-01-01', '2026-12-31'], ['2026-02', '2026-02-01', '2026-02-28'], ['2024-02', '2024-02-01', '2024-02-29'],
      ['2026-Q3', '2026-07-01', '2026-09-30'], ['2026-q4', '2026-10-01', '2026-12-31'], ['2026-07-01/2026-07-15', '2026-07-01', '2026-07-15'],
      ['2026-07-09', '2026-07-09', '2026-07-09'], [{ from: '2026-01-01', to: '2026-03-31' }, '2026-01-01', '2026-03-31'],
    ];
    for (const [input, from, to] of table) assert.deepEqual([resolvePeriod(input).from, resolvePeriod(input).to], [from, to], JSON.stringify(input));
    for (const bad of ['2026-13', '2026-Q5', 'July', '2026-02-30', '2026-07-31/2026-07-01', { from: '2026-07-01' }]) {
      assert.throws(() => resolvePeriod(bad as never), PeriodError, JSON.stringify(bad));
    }
    assert.throws(() => computeDeductions([], testRules(), { period: 'soon' }), PeriodError);
  });

  test('deterministic: same input, same result; input order does not change the totals', () => {
    const a = computeDeductions(examples, defaults, { period: '2026-Q3' });
    assert.deepEqual(computeDeductions(examples, defaults, { period: '2026-Q3' }), a);
    const b = computeDeductions([...examples].reverse(), defaults, { period: '2026-Q3' });
    assert.deepEqual(b.groups.map((g) => [g.key, g.deducted, g.finalScore]), a.groups.map((g) => [g.key, g.deducted, g.finalScore]));
  });

  test('"what if": overriding facts of one record by index changes only that record, and says so', () => {
    const list = [complaint(), complaint({ officeId: 'OF-2' })];
    const r = computeDeductions(list, testRules(), { period: '2026-07', overrides: new Map([[0, { severity: 'major' as const, repeat: true }]]) });
    const c = r.groups[0]!.complaints[0]!;
    assert.deepEqual(c.overridden, ['severity', 'repeat']);
    assert.equal(c.points, 7.5);
    assert.equal(r.groups[1]!.deducted, 1);
    const pending = computeDeductions([without(complaint(), 'validity')], testRules(), { period: '2026-07', overrides: { 0: { validity: 'valid' } } });
    assert.equal(pending.groups[0]!.complaints[0]!.status, 'valid');
    assert.equal(list[0]!.severity, 'minor', 'the input is not changed');
  });
});

describe('the shipped default rules on the example data (hand-checked)', () => {
  test('the default and every valid example rule set check', () => {
    assert.deepEqual(checkDeductionRules(defaults).errors, []);
    assert.deepEqual(defaultDeductionRules, withoutProvenance(defaults), 'the generated module is the shipped JSON, without the provenance notes');
    assert.deepEqual(checkDeductionRules(staffStars).errors, []);
    assert.equal(defaults.isDefault, true, 'the default is marked as an example to replace');
  });

  test('quarter 3: per office', () => {
    const r = computeDeductions(examples, defaults, { period: '2026-Q3' });
    // SZ-LJ: 0002 staff·minor 1; 0014 efficiency·minor 1; 0022 staff·major 6 + repeat 3 + HQ 2 + media 5 + late 1 = 17;
    // 0026 dispute·minor 0; 0034 efficiency·minor 1 + repeat 0.5 = 1.5. Total 20.5 → 79.5, two stars.
    assert.deepEqual(
      r.groups.map((g) => [g.key, g.counted, g.valid, g.pending, g.outOfScope, g.deducted, g.finalScore, g.rating?.ruleId]),
      [
        ['SZ-BH', 8, 5, 3, 1, 9.5, 90.5, 'stars-4'],
        ['SZ-HY', 7, 5, 2, 2, 10.5, 89.5, 'stars-3'],
        ['SZ-LJ', 6, 5, 1, 3, 20.5, 79.5, 'stars-2'],
      ],
    );
    const lj = r.groups.find((g) => g.key === 'SZ-LJ')!.complaints.find((c) => c.recordNo === 'SZ-LJ-202608-0022')!;
    assert.deepEqual(lj.lines.map((l) => [l.ruleId, l.points]), [['base-staff-major', 6], ['repeat-x1.5', 3], ['hq-plus-2', 2], ['media-plus-5', 5], ['overdue-plus-1', 1]]);
  });

  test('the cap shows when an office exceeds it', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ ...examples.find((c) => c.recordNo === 'SZ-LJ-202608-0022')!, recordNo: `X-${i}` }));
    const g = computeDeductions(many, defaults, { period: '2026-08' }).groups[0]!;
    assert.equal(g.points, 204);
    assert.deepEqual(g.lines, [{ ruleId: 'cap-40', kind: 'cap', points: -164, inputs: { raw: 204, cap: 40 } }]);
    assert.equal(g.finalScore, 60);
    assert.equal(g.rating?.ruleId, 'stars-1');
  });

  test('the staff rule set groups by handler, rounds the total, counts reasonable needs', () => {
    const r = computeDeductions(examples, staffStars, { period: '2026-Q3', groupBy: 'handler' });
    assert.ok(r.groups.every((g) => Number.isInteger(g.deducted)));
    const needs = r.groups.flatMap((g) => g.complaints).filter((c) => examples[c.index]!.kind === 'reasonable-need');
    assert.ok(needs.length > 0 && needs.every((c) => c.status !== 'out-of-scope'));
    assert.equal(r.groupBy, 'handler');
  });
});

describe('invalid rule sets: which rule, which field', () => {
  for (const c of schemaInvalid) {
    test(`schema: ${c.name}`, () => {
      const { valid, errors } = checkDeductionRules(c.data, { locale: 'en' });
      assert.equal(valid, false);
      for (const e of c.expect) assert.ok(errors.some((x) => x.path === e.path && x.keyword === e.keyword), `${e.keyword} at ${e.path}: ${JSON.stringify(errors)}`);
    });
  }

  test('a schema error inside a rule names the rule', () => {
    const c = schemaInvalid.find((x) => x.name === 'negative base points')!;
    const [e] = checkDeductionRules(c.data, { locale: 'en' }).errors;
    assert.equal(e!.ruleId, 'base-management-minor');
    assert.equal(e!.message, 'Rule “base-management-minor”: Base points · Points must be at least 0');
    assert.equal(checkDeductionRules(c.data).errors[0]!.message, '规则「base-management-minor」：基础扣分·扣分不能小于 0');
  });

  test('semantic problems of the broken example, each with its path, keyword and rule', () => {
    const { errors } = checkDeductionRules(broken, { locale: 'en' });
    assert.deepEqual(
      errors.map((e) => [e.path, e.keyword, e.ruleId ?? null]),
      [
        ['/adjustments/3/id', 'duplicate-id', 'repeat-x2'],
        ['/base/17/points', 'precision', 'staff-management-minor-again'],
        ['/base/17', 'base-duplicate', 'staff-management-minor-again'],
        ['/base', 'base-missing', null],
        ['/adjustments/1/when/0/in', 'condition-in', 'emergency-plus-1'],
        ['/adjustments/2/when/0/in/0', 'condition-code', 'major-dissatisfied-plus-2'],
        ['/ratings/2', 'band-overlap', 'three'],
        ['/ratings/3', 'band-gap', 'two'],
      ].map(([p, k, r]) => [p, k, r]),
    );
  });

  test('a condition that does not fit its fact is explained with operator words of each language (issue 15)', () => {
    const base = structuredClone(defaults) as unknown as { adjustments: { when: Record<string, unknown>[] }[] };
    const cases: [Record<string, unknown>, string, string, string][] = [
      [{ fact: 'emergency', in: ['yes'] }, 'condition-in', '“Emergency” is a yes/no fact: use equals, not in', '「突发事件」是“是/否”事实，条件请用“等于”，不要用“属于”'],
      [{ fact: 'external-body', equals: true, in: ['media'] }, 'condition-equals', '“Media or government body” is a code: list the codes with in, not equals', '「外部机构介入」是代码事实，请用“属于”列出代码，不要用“等于”'],
      [{ fact: 'external-body' }, 'condition-missing-in', '“Media or government body” needs the codes listed with in', '「外部机构介入」需要用“属于”列出代码'],
    ];
    // The Chinese operator words are the rule-set schema's own labels of those keys.
    const schema = read<{ definitions: { condition: { properties: Record<'equals' | 'in', { 'x-label': Record<'zh-CN' | 'en', string> }> } } }>('schemas/deduction-rules.schema.json');
    const props = schema.definitions.condition.properties;
    assert.deepEqual([props.equals['x-label']['zh-CN'], props.in['x-label']['zh-CN']], ['等于', '属于']);
    for (const [when, keyword, en, zh] of cases) {
      const rules = structuredClone(base);
      rules.adjustments[0]!.when = [when];
      const pick = (locale: 'en' | 'zh-CN') => checkDeductionRules(rules, { locale }).errors.find((e) => e.keyword === keyword)!.message.replace(/^[^：:]*[：:]\s?/, '');
      assert.equal(pick('en'), en);
      assert.equal(pick('zh-CN'), zh);
      assert.doesNotMatch(pick('zh-CN'), /[A-Za-z]/, 'no Latin letters in the Chinese message');
    }
  });

  const bandCases: { name: string; patch: Partial<DeductionRules>; keyword: string; en: string; zh: string }[] = [
    {
      name: 'overlap',
      patch: { ratings: [{ id: 'A', label: L('优', 'A'), min: 94, max: 100 }, { id: 'B', label: L('良', 'B'), min: 90, max: 94 }] },
      keyword: 'band-overlap',
      en: 'Rule “B”: Ratings “B” and “A” overlap (94 points falls in both)',
      zh: '规则「B」：评级「B」与「A」的分数段重叠（94 分同时属于两者）',
    },
    {
      name: 'gap',
      patch: { ratings: [{ id: 'A', label: L('优', 'A'), min: 95, max: 100 }, { id: 'B', label: L('良', 'B'), min: 90, max: 94.5 }] },
      keyword: 'band-gap',
      en: 'Rule “B”: Ratings “A” and “B” leave a gap: 94.6 to 94.9 points has no rating',
      zh: '规则「B」：评级「A」与「B」之间有空档：94.6 至 94.9 分没有评级',
    },
    {
      name: 'top below the starting score',
      patch: { ratings: [{ id: 'A', label: L('优', 'A'), min: 95, max: 99.9 }, { id: 'B', label: L('良', 'B'), min: 90, max: 94.9 }] },
      keyword: 'band-coverage',
      en: 'Rule “A”: The highest rating ends at 99.9, below the starting score 100',
      zh: '规则「A」：最高的评级只到 99.9 分，低于起始分 100',
    },
    {
      name: 'bottom above the lowest possible score',
      patch: { ratings: [{ id: 'A', label: L('优', 'A'), min: 95, max: 100 }, { id: 'B', label: L('良', 'B'), min: 91, max: 94.9 }] },
      keyword: 'band-coverage',
      en: 'Rule “B”: The lowest rating starts at 91, but a score can fall to 90',
      zh: '规则「B」：最低的评级从 91 分起，而最低可能得分为 90',
    },
    {
      name: 'min above max',
      patch: { ratings: [{ id: 'A', label: L('优', 'A'), min: 100, max: 90 }] },
      keyword: 'band-order',
      en: 'Rule “A”: Rating “A” starts at 100, above its end 90',
      zh: '规则「A」：评级「A」的最低分 100 大于最高分 90',
    },
    {
      name: 'limit off the rounding grid',
      patch: { ratings: [{ id: 'A', label: L('优', 'A'), min: 95.05, max: 100 }, { id: 'B', label: L('良', 'B'), min: 90, max: 95 }] },
      keyword: 'grid',
      en: 'Rule “A”: Rating bands · From (inclusive) must be a multiple of 0.1 (the rounding rule keeps 1 decimals)',
      zh: '规则「A」：评级分段·最低分（含）必须是 0.1 的整数倍（舍入规则保留 1 位小数）',
    },
  ];
  for (const k of bandCases) {
    test(`rating bands: ${k.name} (zh-CN and en)`, () => {
      const rules = testRules(k.patch);
      const en = checkDeductionRules(rules, { locale: 'en' }).errors;
      assert.deepEqual(en.map((e) => e.keyword), [k.keyword]);
      assert.equal(en[0]!.message, k.en);
      assert.equal(checkDeductionRules(rules).errors[0]!.message, k.zh);
      assert.throws(() => computeDeductions([complaint()], rules), (err: unknown) => err instanceof DeductionRulesError && err.errors[0]!.keyword === k.keyword);
    });
  }

  test('pasted text: JSON syntax, __proto__ keys, not an object', () => {
    const bad = parseDeductionRules('{ "id": ', { locale: 'en' });
    assert.equal(bad.valid, false);
    assert.equal(bad.errors[0]!.keyword, 'json');
    assert.match(bad.errors[0]!.message, /^The rule set is not valid JSON: /);
    const proto = parseDeductionRules(JSON.stringify(defaults).replace('{', '{"__proto__":{"polluted":1},'));
    assert.equal(proto.valid, true);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    assert.equal(Object.hasOwn(proto.rules!, '__proto__'), false);
    assert.equal(parseDeductionRules('[]').errors[0]!.message, '规则集必须是一个 JSON 对象');
    assert.equal(checkDeductionRules(null).valid, false);
  });
});

describe('explanations and CSV (zh-CN and en)', () => {
  const r = computeDeductions(examples, defaults, { period: '2026-Q3' });

  test('rule names and inputs read in both languages', () => {
    assert.equal(ruleLabel(defaults, 'base-staff-major', 'zh-CN'), '人员素质类·重大');
    assert.equal(ruleLabel(defaults, 'base-staff-major', 'en'), 'Staff conduct and competence·Major');
    assert.equal(ruleLabel(defaults, 'round-1dp', 'en'), 'Rounding (1 decimals, Round half up)');
    assert.equal(ruleLabel(defaults, 'cap-40', 'zh-CN'), '扣分封顶');
    const late = r.groups.flatMap((g) => g.complaints).find((c) => c.recordNo === 'SZ-HY-202607-0001')!.lines.find((l) => l.ruleId === 'overdue-plus-1')!;
    assert.equal(describeInputs(late.inputs, 'zh-CN'), '超时答复：是；处理时限：2026-07-03 18:00；答复时间：2026-07-04 16:30；加扣分：1');
    assert.equal(describeInputs(late.inputs, 'en'), 'Reply past its time limit: yes; Deadline: 2026-07-03 18:00; Replied at: 2026-07-04 16:30; Points added: 1');
  });

  test('the office table as CSV, with and without BOM', () => {
    const names: Record<string, string> = { 'SZ-HY': '华苑管理处' };
    const table = deductionGroupTable(r, { locale: 'zh-CN', rules: defaults, nameOf: (k) => names[k] });
    const csv = toCsv(table);
    assert.ok(csv.startsWith('\uFEFF编号,管理处,期间,投诉数,有效,无效,待判定,不计入,扣分合计,封顶,实扣分,起始分,最终得分,评级,规则集\r\n'));
    assert.ok(csv.includes('SZ-HY,华苑管理处,2026-07-01/2026-09-30,7,5,0,2,2,10.5,40,10.5,100,89.5,三星,wuye-default@2026.1\r\n'));
    assert.ok(!toCsv(deductionGroupTable(r, { locale: 'en', rules: defaults }), { bom: false }).startsWith('\uFEFF'));
  });

  test('the explanation lines as CSV: every point names its rule; records without points say why', () => {
    const table = deductionLinesTable(r, { locale: 'en', rules: defaults });
    assert.deepEqual(table.columns, ['ID', 'Management office', 'Record number', 'Status', 'Rule ID', 'Rule', 'Points', 'Inputs']);
    const pointRows = table.rows.filter((row) => typeof row[6] === 'number' && row[6] !== 0);
    assert.ok(pointRows.every((row) => typeof row[4] === 'string' && row[4] !== ''));
    const sum = (key: string) => table.rows.filter((row) => row[0] === key && row[2] !== '').reduce((s, row) => s + Math.round(Number(row[6] || 0) * 100), 0) / 100;
    for (const g of r.groups) assert.equal(sum(g.key), g.points, g.key);
    assert.ok(table.rows.some((row) => row[3] === 'Validity not yet judged, counted, no points yet' && row[6] === 0));
    assert.ok(table.rows.some((row) => row[4] === 'stars-2' && row[7] === 'Final score: 79.5'));
  });
});

describe('properties (fast-check)', async () => {
  const fc = await import('fast-check');

  test('parseInstant agrees with Date.parse on RFC 3339 text with any offset', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-02T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        (d, offset) => {
          const text = formatInstant(Math.floor(d.getTime() / 1000) * 1000, offset);
          return parseInstant(text) === Date.parse(text);
        },
      ),
      { numRuns: 2000 },
    );
    for (const bad of ['2026-02-30T00:00:00+08:00', '2026-07-01 08:00', '2026-07-01T24:00:00Z', '2026-07-01T08:00:00+8:00', '2026-07-01T08:00:00', '']) {
      assert.ok(Number.isNaN(parseInstant(bad)), bad);
    }
    assert.equal(parseInstant('2026-07-01T08:00:00.5Z'), Date.parse('2026-07-01T08:00:00.500Z'));
  });

  test('every point is explained: lines add up to each record, records to the office, cap and score follow', () => {
    const facts = fc.record({
      severity: fc.constantFrom('minor' as const, 'serious' as const, 'major' as const),
      category: fc.constantFrom(...categories),
      validity: fc.constantFrom('valid' as const, 'invalid' as const, undefined),
      repeat: fc.boolean(),
      escalatedToHq: fc.boolean(),
      emergency: fc.boolean(),
      externalBody: fc.constantFrom('media' as const, 'court' as const, undefined),
      officeId: fc.constantFrom('A', 'B', 'C'),
    });
    fc.assert(
      fc.property(fc.array(facts, { maxLength: 40 }), fc.constantFrom(0, 1, 2), fc.constantFrom('half-up' as const, 'half-even' as const, 'up' as const, 'down' as const), (list, decimals, mode) => {
        const rules = testRules({ rounding: { id: 'round', decimals, mode, stage: 'complaint' }, cap: { id: 'cap', points: 20 }, ratings: [{ id: 'all', label: L('全部', 'All') }] });
        const records = list.map((f) => {
          const c = complaint(f as Partial<Complaint>);
          return f.validity === undefined ? without(c, 'validity') : c;
        });
        const r = computeDeductions(records, rules, { period: '2026-07' });
        const h = (x: number) => Math.round(x * 100);
        for (const g of r.groups) {
          let sum = 0;
          for (const c of g.complaints) {
            assert.equal(c.lines.reduce((s, l) => s + h(l.points), 0), h(c.points));
            assert.equal(h(c.points) % 10 ** (2 - decimals), 0);
            sum += h(c.points);
          }
          assert.equal(sum, h(g.points));
          assert.equal(h(g.deducted), Math.min(sum, 2000));
          assert.equal(g.capped, sum > 2000);
          assert.equal(h(g.finalScore), 10_000 - h(g.deducted));
        }
      }),
      { numRuns: 300 },
    );
  });
});
