// The deduction calculator's view models (src/core/deductions/view.ts), pure: the summary rows with
// a comparison period beside them, the effect of what-if facts on a record and its office, and the
// what-if patch that keeps only what differs from the record. On the shipped examples and rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { computeDeductions, defaultDeductionRules, deriveFacts, type DeductionFacts } from '../../src/core/deductions/index.js';
import { deductionRows, locateDeduction, patchFacts, periodSpan, signedPoints, whatIfEffect, WHAT_IF_CHOICES, WHAT_IF_FLAGS } from '../../src/core/deductions/view.js';
import type { Complaint } from '../../src/generated/types/complaint.js';

const complaints = JSON.parse(readFileSync('schemas/examples/complaint.valid.json', 'utf8')) as Complaint[];
const quarter = computeDeductions(complaints, defaultDeductionRules, { period: '2026-Q3' });
const previous = computeDeductions(complaints, defaultDeductionRules, { period: '2026-07' });

test('summary rows: each group with the comparison period’s deduction and the change; totals likewise', () => {
  const { rows, totals } = deductionRows(quarter, previous);
  assert.equal(rows.length, quarter.groups.length);
  for (const r of rows) {
    const before = previous.groups.find((g) => g.key === r.group.key)?.deducted ?? 0;
    assert.equal(r.previous, before);
    assert.equal(r.change, r.group.deducted - before);
  }
  assert.deepEqual(totals, { previous: previous.totals.deducted, change: quarter.totals.deducted - previous.totals.deducted });
  const alone = deductionRows(quarter);
  assert.ok(alone.rows.every((r) => r.previous === null && r.change === null));
  assert.deepEqual(alone.totals, { previous: null, change: null });
});

test('what-if: the record’s points and its office’s deduction, score and rating before and after; the patch keeps only differences', () => {
  const scored = quarter.groups.flatMap((g) => g.complaints).find((c) => c.status === 'valid' && c.points > 0)!;
  assert.ok(scored, 'a valid complaint with points');
  const recorded = deriveFacts(complaints[scored.index]!, Date.parse(quarter.asOf));
  let patch = patchFacts(recorded, {}, 'validity', 'invalid');
  assert.deepEqual(patch, { validity: 'invalid' });
  assert.deepEqual(patchFacts(recorded, patch, 'validity', recorded.validity), {}, 'setting the recorded value back empties the patch');
  const after = computeDeductions(complaints, defaultDeductionRules, { period: '2026-Q3', overrides: new Map([[scored.index, patch as Partial<DeductionFacts>]]) });
  const effect = whatIfEffect(quarter, after, scored.index)!;
  assert.equal(effect.recordNo, scored.recordNo);
  assert.deepEqual([effect.points.before, effect.points.after, effect.points.changed], [scored.points, 0, true]);
  const group = locateDeduction(quarter, scored.index)!.group;
  assert.equal(effect.groupKey, group.key);
  assert.equal(effect.deducted.before, group.deducted);
  assert.ok(effect.deducted.after < effect.deducted.before && effect.finalScore.after > effect.finalScore.before);
  assert.deepEqual(effect.lines, [], 'an invalid complaint has no rule lines');
  const same = whatIfEffect(quarter, quarter, scored.index)!;
  assert.ok(!same.points.changed && !same.deducted.changed && !same.finalScore.changed && !same.rating.changed);
  assert.equal(whatIfEffect(quarter, quarter, 99_999), undefined);
  patch = patchFacts(recorded, {}, 'repeat', !recorded.repeat);
  assert.deepEqual(Object.keys(patch), ['repeat']);
});

test('the what-if facts offered, words for points and periods', () => {
  assert.deepEqual(WHAT_IF_CHOICES.map((c) => c.fact), ['validity', 'category', 'severity', 'external-body', 'satisfaction']);
  assert.equal(WHAT_IF_FLAGS.length, 5);
  assert.deepEqual([signedPoints(2), signedPoints(-1.5), signedPoints(0)], ['+2', '-1.5', '0']);
  assert.equal(periodSpan({ from: '2026-07-01', to: '2026-09-30' }), '2026-07-01 – 2026-09-30');
  assert.equal(periodSpan(null), undefined);
});
