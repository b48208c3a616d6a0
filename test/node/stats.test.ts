import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  aggregateComplaints,
  cellValue,
  DEFAULT_STATS_CONFIG,
  formatMonth,
  parseMonth,
  shanghaiMonth,
  sortStatsTable,
  statsCellFilter,
  statsColumns,
  statsCsvTable,
  statsRecordMatcher,
  statsSheet,
  statsToCsv,
  statsToXlsx,
  countsToward,
  rowText,
  type StatsRow,
  type StatsTable,
} from '../../src/core/stats/index.js';
import { validate } from '../../src/core/validate.js';
import { offices, records } from './stats-fixtures.js';

const row = (t: StatsTable, key: string): StatsRow => {
  const r = t.rows.find((x) => x.key === key);
  assert.ok(r, `row ${key}`);
  return r;
};
const rates = (r: StatsRow) => Object.fromEntries(r.measures.map((m) => [m.id, m.rate]));
const M = (y: number, m: number) => y * 12 + m - 1;

describe('shanghaiMonth: months in Asia/Shanghai (UTC+8) by arithmetic', () => {
  test('month boundaries around midnight in Shanghai', () => {
    assert.equal(shanghaiMonth('2026-06-30T16:00:00Z'), M(2026, 7));
    assert.equal(shanghaiMonth('2026-06-30T15:59:59Z'), M(2026, 6));
    assert.equal(shanghaiMonth('2026-06-30T16:00:00.000Z'), M(2026, 7));
    assert.equal(shanghaiMonth('2026-12-31T16:00:00+00:00'), M(2027, 1));
    assert.equal(shanghaiMonth('2026-03-01T00:30:00+09:00'), M(2026, 2));
    assert.equal(shanghaiMonth('2024-02-29T20:00:00-04:00'), M(2024, 3));
    assert.equal(shanghaiMonth('2023-02-28T20:00:00-04:00'), M(2023, 3));
    assert.equal(shanghaiMonth('2026-07-31T23:59:59+08:00'), M(2026, 7));
  });

  test('not a date-time gives -1', () => {
    for (const bad of ['yesterday', '', '2026-13-01T00:00:00+08:00', undefined, 42, null]) assert.equal(shanghaiMonth(bad), -1, String(bad));
  });

  test('agrees with Date for any instant and offset', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.integer({ min: -12 * 4, max: 14 * 4 }), fc.boolean(), (ms, quarterHours, ms3) => {
        const offset = quarterHours * 15;
        const local = new Date(ms + offset * 60_000).toISOString().slice(0, ms3 ? 23 : 19);
        const sign = offset < 0 ? '-' : '+';
        const abs = Math.abs(offset);
        const iso = `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
        const sh = new Date(ms + 8 * 3_600_000);
        assert.equal(shanghaiMonth(iso), sh.getUTCFullYear() * 12 + sh.getUTCMonth(), iso);
      }),
      { numRuns: 2000 },
    );
  });

  test('months parse and print', () => {
    assert.equal(parseMonth('2026-07'), M(2026, 7));
    assert.equal(parseMonth('2026-Q3'), M(2026, 7));
    assert.equal(parseMonth('2026-Q3', true), M(2026, 9));
    assert.equal(parseMonth('2026', true), M(2026, 12));
    assert.equal(formatMonth(M(2026, 7)), '2026-07');
    assert.throws(() => parseMonth('July'), /not a month/);
  });
});

/** The fixture's hand-computed figures count every type of feedback (R11 is a suggestion). */
const ALL_KINDS = { kind: [] as string[] };

test('by default the table counts complaints only (kind = 投诉): the suggestion R11 is left out', () => {
  const all = aggregateComplaints(records, { offices, from: '2026-07', filter: ALL_KINDS });
  const def = aggregateComplaints(records, { offices, from: '2026-07' });
  assert.deepEqual(def.filter.kind, ['complaint']);
  assert.equal(def.total.total, all.total.total - 1);
  assert.deepEqual(def.rows.find((r) => r.key === 'office:A')!.counts, [2, 1, 0, 0, 0, 0]);
  // Other kinds by filter.
  assert.equal(aggregateComplaints(records, { from: '2026-07', filter: { kind: ['suggestion'] } }).total.total, 1);
});

describe('aggregateComplaints: hand-computed fixture', () => {
  const july = aggregateComplaints(records, { filter: ALL_KINDS, offices, from: '2026-07' });

  test('counts per office and category, unknown office kept, nothing lost', () => {
    assert.deepEqual(july.range, { from: '2026-07', to: '2026-07' });
    assert.deepEqual(july.categories, ['management', 'staff', 'efficiency', 'developer', 'dispute', 'other']);
    assert.deepEqual(july.rows.map((r) => r.key), ['office:A', 'office:B', 'office:C', 'office:X', 'total']);
    assert.deepEqual(row(july, 'office:A').counts, [3, 1, 0, 0, 0, 0]);
    assert.deepEqual(row(july, 'office:B').counts, [0, 0, 1, 0, 1, 0]); // R4 went to August
    assert.deepEqual(row(july, 'office:C').counts, [0, 0, 0, 1, 0, 0]);
    assert.deepEqual(row(july, 'office:X').counts, [0, 0, 0, 0, 0, 1]);
    assert.deepEqual(row(july, 'office:X').label, { type: 'office', id: 'X', name: 'X' });
    assert.deepEqual(july.total.counts, [3, 1, 1, 1, 1, 1]);
    assert.equal(july.total.total, 8);
    assert.equal(row(july, 'office:A').share, 4 / 8);
    assert.equal(july.total.share, 1);
    assert.deepEqual(july.skipped, { invalidRecord: 1, invalidDate: 1, unknownCategory: 1 });
    assert.equal(july.recordCount, records.length);
  });

  test('ratio measures per row', () => {
    assert.deepEqual(rates(row(july, 'office:A')), { validRate: 1 / 3, onTimeRate: 1 / 2, returnVisitRate: 1, satisfactionRate: 1 / 2 });
    assert.deepEqual(rates(row(july, 'office:B')), { validRate: 1, onTimeRate: 1 / 2, returnVisitRate: 1 / 2, satisfactionRate: 1 });
    assert.deepEqual(rates(row(july, 'office:C')), { validRate: 1, onTimeRate: 1, returnVisitRate: 1, satisfactionRate: 1 });
    assert.deepEqual(rates(row(july, 'office:X')), { validRate: null, onTimeRate: null, returnVisitRate: null, satisfactionRate: null });
  });

  test('rate subtotals are ratios of sums, never means of ratios', () => {
    const t = aggregateComplaints(records, { filter: ALL_KINDS, offices, groupBy: 'region', from: '2026-07' });
    assert.deepEqual(t.rows.map((r) => `${r.kind}:${r.key}`), [
      'group:region:r1', 'detail:office:A', 'detail:office:B', 'subtotal:subtotal:region:r1',
      'group:region:r2', 'detail:office:C', 'subtotal:subtotal:region:r2',
      'group:region:', 'detail:office:X', 'subtotal:subtotal:region:',
      'total:total',
    ]);
    const r1 = row(t, 'subtotal:region:r1');
    assert.equal(r1.total, 6);
    const valid = r1.measures.find((m) => m.id === 'validRate')!;
    assert.deepEqual([valid.numerator, valid.denominator, valid.rate], [3, 5, 3 / 5]); // mean of ratios would be (1/3 + 1) / 2
    const sat = r1.measures.find((m) => m.id === 'satisfactionRate')!;
    assert.deepEqual([sat.numerator, sat.denominator, sat.rate], [2, 3, 2 / 3]); // not (1/2 + 1) / 2
    assert.equal(rates(t.total).validRate, 4 / 6);
    assert.equal(r1.share, 6 / 8);
    assert.deepEqual(row(t, 'region:').label, { type: 'region', id: null, name: null });
    assert.equal(rowText(row(t, 'subtotal:region:r1'), 'zh-CN'), '一区 小计');
    assert.equal(rowText(row(t, 'region:'), 'en'), 'No region');
  });

  test('previous period (环比) and same period last year (同比) as Δ and Δ%', () => {
    const mom = aggregateComplaints(records, { filter: ALL_KINDS, offices, from: '2026-07', compare: 'mom' });
    assert.deepEqual(mom.compareRange, { from: '2026-06', to: '2026-06' });
    assert.deepEqual(row(mom, 'office:C').previous, { span: { from: '2026-06', to: '2026-06' }, counts: [1, 0, 0, 0, 0, 0], total: 1, delta: 0, deltaPct: 0 });
    assert.equal(row(mom, 'office:A').previous!.deltaPct, null); // nothing to compare with
    assert.deepEqual([mom.total.previous!.total, mom.total.previous!.delta, mom.total.previous!.deltaPct], [1, 7, 7]);
    const yoy = aggregateComplaints(records, { filter: ALL_KINDS, offices, from: '2026-07', compare: 'yoy' });
    assert.deepEqual(yoy.compareRange, { from: '2025-07', to: '2025-07' });
    assert.deepEqual([row(yoy, 'office:A').previous!.total, row(yoy, 'office:A').previous!.delta, row(yoy, 'office:A').previous!.deltaPct], [1, 3, 3]);
    const cols = statsColumns(yoy).map((c) => c.key);
    assert.deepEqual(cols.slice(6, 11), ['total', 'share', 'previous', 'delta', 'deltaPct']);
    assert.ok(!statsColumns(july).some((c) => c.kind === 'previous'));
  });

  test('a quarter by month: empty month, a category with no complaints, quarter subtotal', () => {
    const t = aggregateComplaints(records, { filter: ALL_KINDS, offices, groupBy: 'month', period: 'quarter', from: '2026-08' });
    assert.deepEqual(t.range, { from: '2026-07', to: '2026-09' }); // widened to the whole quarter
    assert.deepEqual(t.rows.map((r) => r.key), ['period:2026-07', 'month:2026-07', 'month:2026-08', 'month:2026-09', 'subtotal:period:2026-07', 'total']);
    assert.deepEqual(row(t, 'month:2026-08').counts, [0, 1, 0, 0, 0, 0]);
    assert.deepEqual(row(t, 'month:2026-09').counts, [0, 0, 0, 0, 0, 0]);
    assert.equal(row(t, 'month:2026-09').share, 0);
    assert.deepEqual(rates(row(t, 'month:2026-09')), { validRate: null, onTimeRate: null, returnVisitRate: null, satisfactionRate: null });
    assert.equal(row(t, 'subtotal:period:2026-07').total, 9);
    assert.equal(t.total.total, 9);
    const q = aggregateComplaints(records, { filter: ALL_KINDS, groupBy: 'month', period: 'quarter', from: '2026-07', compare: 'mom' });
    assert.deepEqual(q.compareRange, { from: '2026-04', to: '2026-06' });
    assert.equal(q.total.previous!.total, 1);
    assert.deepEqual(row(q, 'month:2026-07').previous!.span, { from: '2026-06', to: '2026-06' });
  });

  test('an empty period still lists every office, with zeros', () => {
    const t = aggregateComplaints(records, { filter: ALL_KINDS, offices, from: '2030-01' });
    assert.deepEqual(t.rows.map((r) => [r.key, r.total, r.share]), [['office:A', 0, null], ['office:B', 0, null], ['office:C', 0, null], ['total', 0, null]]);
    const none = aggregateComplaints([], { filter: ALL_KINDS, offices, groupBy: 'region' });
    assert.equal(none.total.total, 0);
  });

  test('filters by kind, channel, severity and complainant type', () => {
    assert.equal(aggregateComplaints(records, { from: '2026-07', filter: { kind: ['complaint'] } }).total.total, 7);
    // Without a kind filter only complaints count: the suggestion R11 (by phone) is left out.
    assert.equal(aggregateComplaints(records, { from: '2026-07', filter: { channel: ['phone'] } }).total.total, 1);
    assert.equal(aggregateComplaints(records, { from: '2026-07', filter: { channel: ['phone'], kind: [] } }).total.total, 2);
    assert.equal(aggregateComplaints(records, { from: '2026-06', filter: { severity: ['major'] } }).total.total, 1);
    assert.equal(aggregateComplaints(records, { from: '2026-07', filter: { complainantType: ['staff-partner'], kind: ['suggestion'] } }).total.total, 1);
    assert.equal(aggregateComplaints(records, { from: '2026-07', filter: { kind: [] } }).total.total, 8);
  });

  test('without a range: the period of the latest record', () => {
    const t = aggregateComplaints(records, { filter: ALL_KINDS, offices, period: 'quarter' });
    assert.deepEqual(t.range, { from: '2026-07', to: '2026-09' });
    assert.equal(t.total.total, 9);
  });

  test('asOf counts an overdue record without a reply as late', () => {
    const overdue = [{ ...(records[0] as object), reply: undefined, returnVisit: undefined }];
    const before = aggregateComplaints(overdue, { filter: ALL_KINDS, from: '2026-07' });
    const after = aggregateComplaints(overdue, { filter: ALL_KINDS, from: '2026-07', asOf: '2026-07-10T00:00:00+08:00' });
    assert.equal(before.total.measures.find((m) => m.id === 'onTimeRate')!.rate, null);
    assert.equal(after.total.measures.find((m) => m.id === 'onTimeRate')!.rate, 0);
  });

  test('bad options are clear errors', () => {
    assert.throws(() => aggregateComplaints(records, { from: '2026-07', to: '2026-01' }), /ends/);
    assert.throws(() => aggregateComplaints(records, { from: 'July' }), /not a month/);
    assert.throws(() => aggregateComplaints(records, { groupBy: 'team' as never }), /groupBy/);
  });

  test('no personal data reaches the table', () => {
    const t = aggregateComplaints(records, { filter: ALL_KINDS, offices, groupBy: 'region', from: '2026-07', compare: 'yoy' });
    const text = JSON.stringify(t) + statsToCsv(t);
    for (const pii of ['王女士', '13123456780', '林涛', '郑浩', 'R1']) assert.ok(!text.includes(pii), pii);
  });

  test('__proto__ as an office id is an ordinary unknown office', () => {
    const t = aggregateComplaints([{ ...(records[0] as object), officeId: '__proto__' }], { offices: [{ id: '__proto__', name: 'x' }], from: '2026-07' });
    assert.deepEqual(t.rows.map((r) => r.key), ['office:__proto__', 'total']);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });
});

describe('drill-down: every cell filter finds exactly the records counted', () => {
  for (const groupBy of ['office', 'region', 'month'] as const) {
    test(groupBy, () => {
      const t = aggregateComplaints(records, { filter: ALL_KINDS, offices, groupBy, period: 'quarter', from: '2026-07', compare: 'mom' });
      for (const r of t.rows) {
        for (const c of statsColumns(t)) {
          const f = statsCellFilter(t, r, c);
          if (c.kind === 'delta' || c.kind === 'deltaPct') {
            assert.equal(f, undefined);
            continue;
          }
          const found = records.filter(statsRecordMatcher(f!));
          if (c.kind === 'measure') {
            const m = r.measures[c.index]!;
            const def = DEFAULT_STATS_CONFIG.measures[c.index]!;
            assert.equal(found.length, m.denominator, `${r.key} ${c.key}`);
            assert.equal(found.filter((x) => countsToward(def.numerator, x)).length, m.numerator, `${r.key} ${c.key} numerator`);
          } else if (c.kind === 'previous') assert.equal(found.length, r.previous!.total, `${r.key} previous`);
          else if (c.kind === 'share') assert.equal(found.length, r.total);
          else assert.equal(found.length, cellValue(r, c), `${r.key} ${c.key}`);
          assert.ok(!JSON.stringify(f).includes('王女士'));
        }
      }
    });
  }
});

describe('sorting', () => {
  test('detail rows sort inside their group, groups by subtotal, total stays last', () => {
    const t = aggregateComplaints(records, { filter: ALL_KINDS, offices, groupBy: 'region', from: '2026-07' });
    const asc = sortStatsTable(t, { key: 'total', direction: 'ascending' });
    assert.deepEqual(asc.rows.map((r) => r.key), [
      'region:r2', 'office:C', 'subtotal:region:r2', 'region:', 'office:X', 'subtotal:region:',
      'region:r1', 'office:B', 'office:A', 'subtotal:region:r1', 'total',
    ]);
    const desc = sortStatsTable(aggregateComplaints(records, { filter: ALL_KINDS, offices, from: '2026-07' }), { key: 'category:management', direction: 'descending' });
    assert.equal(desc.rows[0]!.key, 'office:A');
    assert.equal(desc.rows.at(-1)!.key, 'total');
    const byRate = sortStatsTable(aggregateComplaints(records, { filter: ALL_KINDS, offices, from: '2026-07' }), { key: 'measure:validRate', direction: 'descending' });
    assert.deepEqual(byRate.rows.map((r) => r.key), ['office:B', 'office:C', 'office:A', 'office:X', 'total']); // empty rate last
    const byName = sortStatsTable(aggregateComplaints(records, { filter: ALL_KINDS, offices, from: '2026-07' }), { key: 'label', direction: 'ascending' }, 'en');
    assert.deepEqual(byName.rows.map((r) => r.key), ['office:A', 'office:B', 'office:C', 'office:X', 'total']);
    assert.throws(() => sortStatsTable(t, { key: 'nope', direction: 'ascending' }), /no column/);
  });
});

describe('exports', () => {
  const t = aggregateComplaints(records, { filter: ALL_KINDS, offices, groupBy: 'region', from: '2026-07', compare: 'mom' });

  test('CSV: BOM, headings, group rows, percentages as numbers', () => {
    const csv = statsToCsv(t);
    assert.ok(csv.startsWith('\uFEFF区域 / 管理处,管理责任类,人员素质类,工作效率类,地产相关类,业户纠纷类,其他类,合计,占比 (%),上期,增减,增减% (%),有效投诉率 (%),按时答复率 (%),回访率 (%),满意率 (%)\r\n'));
    const lines = csv.split('\r\n');
    assert.equal(lines[1], '一区');
    assert.equal(lines[2], '甲管理处,3,1,0,0,0,0,4,50,0,4,,33.3,50,100,50');
    assert.equal(lines[4], '一区 小计,3,1,1,0,1,0,6,75,0,6,,60,50,75,66.7');
    assert.equal(lines.at(-2), '合计,3,1,1,1,1,1,8,100,1,7,700,66.7,60,80,75');
    assert.ok(!statsToCsv(t, { bom: false }).startsWith('\uFEFF'));
    assert.ok(statsToCsv(t, { locale: 'en' }).startsWith('\uFEFFRegion / office,Management responsibility,'));
    const bytes = Buffer.from(csv, 'utf8');
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  });

  test('CSV: hostile office names are quoted and cannot become formulas', () => {
    const hostile = [
      { id: 'A', name: '=HYPERLINK("http://evil","点我")' },
      { id: 'B', name: '+1,2\n3' },
      { id: 'C', name: '@SUM(A1)' },
    ];
    const csv = statsCsvTable(aggregateComplaints(records, { filter: ALL_KINDS, offices: hostile, from: '2026-07' }));
    assert.deepEqual(csv.rows.slice(0, 3).map((r) => r[0]), ['=HYPERLINK("http://evil","点我")', '+1,2\n3', '@SUM(A1)']);
    const text = statsToCsv(aggregateComplaints(records, { filter: ALL_KINDS, offices: hostile, from: '2026-07' }), { bom: false });
    const body = text.split('\r\n').slice(1);
    assert.ok(body[0]!.startsWith(`"'=HYPERLINK(""http://evil"",""点我"")",`), body[0]);
    assert.ok(text.includes(`\r\n"'+1,2\n3",`));
    assert.ok(body.some((l) => l.startsWith(`'@SUM(A1),`)));
  });

  test('XLSX sheet: merged group headings, merged group rows, bold subtotals, % formats', () => {
    const sheet = statsSheet(t, { reportingUnit: '总部客服中心', signatures: { preparedBy: '周敏' } });
    const [title, meta, head1, head2] = sheet.rows;
    assert.equal(title![0]!.value, '顾客投诉分类统计表');
    assert.equal(title![0]!.columnSpan, 16);
    // No document number or version configured (the default): no label printed with nothing after it.
    assert.equal(String(meta![0]!.value), '填报单位: 总部客服中心    统计期间: 2026年7月');
    const numbered = statsSheet(t, { form: { ...DEFAULT_STATS_CONFIG.form, documentNo: 'MR-003KF', version: 'A/0' } }).rows[1]!;
    assert.equal(String(numbered[0]!.value), '文件编号: MR-003KF    版本/状态: A/0    填报单位:     统计期间: 2026年7月');
    assert.deepEqual(head1!.filter(Boolean).map((c) => [c!.value, c!.columnSpan ?? c!.rowSpan]), [
      ['区域 / 管理处', 2], ['按内容分类', 6], ['合计', 2], ['占比', 2], ['环比', 3], ['比率指标', 4],
    ]);
    assert.deepEqual(head2!.filter(Boolean).map((c) => c!.value).slice(0, 2), ['管理责任类', '人员素质类']);
    const group = sheet.rows[4]!;
    assert.deepEqual([group[0]!.value, group[0]!.columnSpan, group.length], ['一区', 16, 16]);
    const subtotal = sheet.rows.find((r) => r[0]?.value === '一区 小计')!;
    assert.equal(subtotal[0]!.fontWeight, 'bold');
    assert.deepEqual([subtotal[12]!.value, subtotal[12]!.format], [0.6, '0.0%']);
    assert.match(String(sheet.rows.at(-1)![0]!.value), /制表人: 周敏 .*批准人: ________/);
    for (const r of sheet.rows) assert.equal(r.length, 16);
  });

  test('XLSX file: a zip written by write-excel-file, loaded on demand', async () => {
    const blob = await statsToXlsx(t, { locale: 'en' });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 2)], [0x50, 0x4b]); // "PK"
    assert.match(blob.type, /spreadsheetml/);
  });
});

test('the shipped stats configuration validates against its schema', () => {
  const r = validate('stats-config', DEFAULT_STATS_CONFIG);
  assert.deepEqual(r.errors, []);
  const bad = validate('stats-config', { ...DEFAULT_STATS_CONFIG, measures: [{ id: 'x', label: { 'zh-CN': 'x', en: 'x' }, numerator: 'names', denominator: 'records' }] });
  assert.equal(bad.valid, false);
  assert.ok(bad.errors.some((e) => e.path === '/measures/0/numerator'));
});
