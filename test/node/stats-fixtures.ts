// Hand-made records for the statistics tests; every expected number in stats*.test.ts was
// worked out by hand from this list (see the comments on each record).
import type { StatsOffice } from '../../src/core/stats/index.js';

export const offices: StatsOffice[] = [
  { id: 'A', name: { 'zh-CN': '甲管理处', en: 'Office A' }, region: 'r1', regionName: { 'zh-CN': '一区', en: 'Region 1' } },
  { id: 'B', name: { 'zh-CN': '乙管理处', en: 'Office B' }, region: 'r1', regionName: { 'zh-CN': '一区', en: 'Region 1' } },
  { id: 'C', name: { 'zh-CN': '丙管理处', en: 'Office C' }, region: 'r2', regionName: { 'zh-CN': '二区', en: 'Region 2' } },
];

const base = { kind: 'complaint', channel: 'visit', severity: 'minor', complainant: { type: 'owner', name: '王女士', phone: '13123456780' } };
const reply = (at: string) => ({ at, by: { id: 'E1', name: '林涛' }, content: '已处理' });
const visit = (satisfaction: string) => ({ at: '2026-07-28T10:00:00+08:00', satisfaction, by: { id: 'E3', name: '郑浩' } });

export const records: unknown[] = [
  // 1. A, July, management; valid; replied on time; satisfied
  { ...base, recordNo: 'R1', officeId: 'A', receivedAt: '2026-07-01T00:30:00+08:00', category: 'management', validity: 'valid', deadline: '2026-07-03T18:00:00+08:00', reply: reply('2026-07-02T10:00:00+08:00'), returnVisit: visit('satisfied') },
  // 2. A, 2026-06-30 17:00 UTC = 2026-07-01 01:00 in Shanghai → July; staff; invalid; late reply; dissatisfied
  { ...base, recordNo: 'R2', officeId: 'A', receivedAt: '2026-06-30T17:00:00Z', category: 'staff', validity: 'invalid', deadline: '2026-07-03T18:00:00+08:00', reply: reply('2026-07-05T09:00:00+08:00'), returnVisit: visit('dissatisfied') },
  // 3. A, last minute of July; management; invalid; no deadline, no reply
  { ...base, recordNo: 'R3', officeId: 'A', receivedAt: '2026-07-31T23:59:00+08:00', category: 'management', validity: 'invalid' },
  // 4. B, 2026-07-31 16:00 UTC = 2026-08-01 00:00 in Shanghai → August; staff
  { ...base, recordNo: 'R4', officeId: 'B', receivedAt: '2026-07-31T16:00:00Z', category: 'staff' },
  // 5. B, July; efficiency; valid; on time; basically satisfied
  { ...base, recordNo: 'R5', officeId: 'B', receivedAt: '2026-07-15T10:00:00+08:00', category: 'efficiency', validity: 'valid', deadline: '2026-07-17T18:00:00+08:00', reply: reply('2026-07-17T18:00:00+08:00'), returnVisit: visit('basically-satisfied') },
  // 6. B, 10:00 at UTC−5 = 23:00 in Shanghai, still 20 July; dispute; valid; late (reply at a different offset); no visit
  { ...base, recordNo: 'R6', officeId: 'B', receivedAt: '2026-07-20T10:00:00-05:00', category: 'dispute', validity: 'valid', deadline: '2026-07-22T18:00:00+08:00', reply: reply('2026-07-22T11:00:00Z') },
  // 7. C, July; developer; valid; on time; satisfied; channel phone
  { ...base, recordNo: 'R7', officeId: 'C', channel: 'phone', receivedAt: '2026-07-10T09:00:00+08:00', category: 'developer', validity: 'valid', deadline: '2026-07-12T18:00:00+08:00', reply: reply('2026-07-11T09:00:00+08:00'), returnVisit: visit('satisfied') },
  // 8. C, June (the previous month); management; severity major
  { ...base, recordNo: 'R8', officeId: 'C', severity: 'major', receivedAt: '2026-06-15T09:00:00+08:00', category: 'management' },
  // 9. A, July a year earlier; management
  { ...base, recordNo: 'R9', officeId: 'A', receivedAt: '2025-07-05T09:00:00+08:00', category: 'management' },
  // 10. an office not in the list, July; other
  { ...base, recordNo: 'R10', officeId: 'X', receivedAt: '2026-07-08T09:00:00+08:00', category: 'other' },
  // 11. A, July; a suggestion (kind filter), by phone; management; complainant staff-partner
  { ...base, recordNo: 'R11', officeId: 'A', kind: 'suggestion', channel: 'phone', complainant: { type: 'staff-partner' }, receivedAt: '2026-07-09T09:00:00+08:00', category: 'management' },
  // 12–14. cannot be counted
  { ...base, recordNo: 'R12', officeId: 'A', receivedAt: 'yesterday', category: 'management' },
  { ...base, recordNo: 'R13', officeId: 'A', receivedAt: '2026-07-09T09:00:00+08:00', category: 'nonsense' },
  null,
];
