// The generated types compile against real data: a typed literal from the examples must type
// check (npm test runs tsc over test/ first), and the value must validate at run time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Complaint, ContentCategory } from '../../src/generated/types/complaint.js';
import { validate } from '../../src/core/validate.js';

const record: Complaint = {
  recordNo: 'SZ-HY-202611-0001',
  kind: 'complaint',
  receivedAt: '2026-11-26T09:30:00+08:00',
  channel: 'phone',
  officeId: 'SZ-HY',
  complainant: { type: 'owner', name: '王女士', phone: '13812345678' },
  category: 'efficiency',
  severity: 'serious',
  subject: '报修三次未上门',
  description: '厨房下水道堵塞，已报修三次。',
  firstReceiver: { id: 'E1001', name: '周敏' },
};

test('a value typed as Complaint validates', () => {
  assert.deepEqual(validate('complaint', record).errors, []);
});

test('the category type is the six-code union', () => {
  const all: Record<ContentCategory, true> = { management: true, staff: true, efficiency: true, developer: true, dispute: true, other: true };
  assert.equal(Object.keys(all).length, 6);
  // @ts-expect-error: not a content category
  const wrong: ContentCategory = 'noise';
  assert.equal(validate('complaint', { ...record, category: wrong }).valid, false);
});
