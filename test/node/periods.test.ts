// Period presets, comparison ranges and the "what is counted, what is not" explanations of the
// statistics table and the deductions, through the public core entry.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  aggregateComplaints,
  compareRange,
  computeDeductions,
  coverageText,
  deductionCoverage,
  deductionCoverageText,
  defaultDeductionRules,
  presetOf,
  resolvePreset,
  statsCoverage,
} from '../../src/core/index.js';
import type { Complaint } from '../../src/core/index.js';
import examplesJson from '../../schemas/examples/complaint.valid.json' with { type: 'json' };

/** The example records, typed as the records they are (JSON imports widen enums to string). */
const examples = examplesJson as unknown as readonly Complaint[];

const at = (iso: string) => Date.parse(iso);

describe('period presets (Asia/Shanghai)', () => {
  test('this month, last month, this and last quarter, this and last year', () => {
    const now = at('2026-11-30T10:00:00+08:00');
    assert.deepEqual(resolvePreset('this-month', now), { preset: 'this-month', range: { from: '2026-11-01', to: '2026-11-30' }, months: { from: '2026-11', to: '2026-11' }, granularity: 'month' });
    assert.deepEqual(resolvePreset('last-month', now).range, { from: '2026-10-01', to: '2026-10-31' });
    assert.deepEqual(resolvePreset('this-quarter', now).range, { from: '2026-10-01', to: '2026-12-31' });
    assert.deepEqual(resolvePreset('last-quarter', now).range, { from: '2026-07-01', to: '2026-09-30' });
    assert.deepEqual(resolvePreset('this-year', now).months, { from: '2026-01', to: '2026-12' });
    assert.deepEqual(resolvePreset('last-year', now).range, { from: '2025-01-01', to: '2025-12-31' });
  });

  test('the day is Shanghai\'s: 16:30 UTC on 30 November is already December', () => {
    assert.deepEqual(resolvePreset('this-month', at('2026-11-30T16:30:00Z')).range, { from: '2026-12-01', to: '2026-12-31' });
    assert.deepEqual(resolvePreset('last-month', at('2026-01-15T00:00:00+08:00')).range, { from: '2025-12-01', to: '2025-12-31' });
    assert.deepEqual(resolvePreset('this-month', at('2028-02-10T00:00:00+08:00')).range.to, '2028-02-29');
  });

  test('custom and unknown presets are refused; presetOf recognises a range', () => {
    assert.throws(() => resolvePreset('custom', 0), /not a relative period preset/);
    assert.throws(() => resolvePreset('next-week' as never, 0), /not a relative period preset/);
    const now = at('2026-11-30T10:00:00+08:00');
    assert.equal(presetOf({ from: '2026-10-01', to: '2026-12-31' }, now), 'this-quarter');
    assert.equal(presetOf({ from: '2026-10-01', to: '2026-10-15' }, now), 'custom');
  });

  test('comparison ranges: 环比 shifts whole months by their count, other spans by days; 同比 a year back', () => {
    assert.deepEqual(compareRange({ from: '2026-11-01', to: '2026-11-30' }, 'mom'), { from: '2026-10-01', to: '2026-10-31' });
    assert.deepEqual(compareRange({ from: '2026-07-01', to: '2026-09-30' }, 'mom'), { from: '2026-04-01', to: '2026-06-30' });
    assert.deepEqual(compareRange({ from: '2026-08-01', to: '2026-08-15' }, 'mom'), { from: '2026-07-17', to: '2026-07-31' });
    assert.deepEqual(compareRange({ from: '2026-03-01', to: '2026-03-31' }, 'yoy'), { from: '2025-03-01', to: '2025-03-31' });
    assert.deepEqual(compareRange({ from: '2028-02-29', to: '2028-03-05' }, 'yoy'), { from: '2027-02-28', to: '2027-03-05' });
    assert.equal(compareRange({ from: '2026-03-01', to: '2026-03-31' }, 'none'), undefined);
    assert.throws(() => compareRange({ from: '2026-03-31', to: '2026-03-01' }, 'mom'), /not a date range/);
  });
});

describe('what is counted and what is not', () => {
  test('statistics: 36 records over July–October 2026, by kind and validity; none left out', () => {
    const table = aggregateComplaints(examples, { from: '2026-07', to: '2026-10', filter: { kind: [] } }); // every type of feedback
    const c = statsCoverage(examples, table);
    assert.equal(c.counted, table.total.total);
    assert.deepEqual(c.byKind, [
      { kind: 'complaint', count: 27 },
      { kind: 'reasonable-need', count: 3 },
      { kind: 'suggestion', count: 3 },
      { kind: 'consultation', count: 3 },
    ]);
    assert.deepEqual(c.validity, { valid: 21, invalid: 3, pending: 12 });
    assert.deepEqual(c.excluded, { outOfRange: 0, filtered: 0, invalidRecord: 0, invalidDate: 0, unknownCategory: 0 });
  });

  test('statistics: every record given is counted or excluded for one reason', () => {
    const records = [...examples, null, { receivedAt: 'soon', category: 'staff' }, { receivedAt: '2026-08-01T09:00:00+08:00', category: 'weather' }];
    const table = aggregateComplaints(records, { from: '2026-08', to: '2026-08', filter: { kind: ['complaint'] } });
    const c = statsCoverage(records, table);
    const e = c.excluded;
    assert.equal(c.counted + e.outOfRange + e.filtered + e.invalidRecord + e.invalidDate + e.unknownCategory, records.length);
    assert.equal(c.counted, table.total.total);
    assert.equal(e.filtered, 9 + 2); // 9 examples of other kinds, and the two test records without a kind
    assert.equal(e.invalidRecord, 1);
    const en = coverageText(c, 'en');
    assert.match(en.excluded.join(' '), /received outside the selected period/);
    assert.match(en.excluded.join(' '), /11 excluded by the filter/);
    const zh = coverageText(c, 'zh-CN');
    assert.match(zh.counted, /^共 39 条记录，计入本表 \d+ 条/);
  });

  test('deductions: the 9 records not scored are named by kind; valid, invalid and pending add up', () => {
    const result = computeDeductions(examples, defaultDeductionRules, { period: { from: '2026-07-01', to: '2026-10-31' } });
    const c = deductionCoverage(result, examples);
    assert.deepEqual({ counted: c.counted, valid: c.valid, invalid: c.invalid, pending: c.pending }, { counted: 27, valid: 16, invalid: 2, pending: 9 });
    assert.deepEqual(c.outOfScope, [
      { kind: 'reasonable-need', count: 3 },
      { kind: 'suggestion', count: 3 },
      { kind: 'consultation', count: 3 },
    ]);
    const zh = deductionCoverageText(c, 'zh-CN');
    assert.equal(zh.excluded[0], '9 条不是本规则集扣分的类型，不计入：合理需求 3、意见/建议 3、咨询 3。');
    const en = deductionCoverageText(deductionCoverage(computeDeductions(examples, defaultDeductionRules, { period: '2026-08' }), examples), 'en');
    assert.ok(en.excluded.some((x) => /received outside the selected period/.test(x)));
  });
});
