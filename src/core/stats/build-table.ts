// The cube turned into the table: rows per office, region or month, subtotals, measures, comparison.
import type { Cube} from './cube.js';
import { CATEGORIES, DUE, HANDLED, JUDGED, NC, NCAT, ON_TIME, SATISFIED, VALID, VISITED } from './cube.js';
import type { StatsConfig, StatsCounter } from './config.js';
import { periodLength, span, type MonthSpan, type StatsPeriod } from './period.js';
import type { StatsCompare, StatsFilter, StatsGroupBy, StatsOffice, StatsRow, StatsRowKind, StatsRowLabel, StatsTable } from './table.js';

export interface BuildContext {
  readonly groupBy: StatsGroupBy;
  readonly period: StatsPeriod;
  readonly compare: StatsCompare;
  readonly config: StatsConfig;
  readonly filter: StatsFilter;
  readonly from: number;
  readonly to: number;
  readonly offices: readonly StatsOffice[];
  readonly skipped: StatsTable['skipped'];
  readonly recordCount: number;
}

export function buildTable(cube: Cube, officeIds: readonly string[], ctx: BuildContext): StatsTable {
  const { from, to, compare, period, config } = ctx;
  const nOffices = officeIds.length;
  const shiftFor = (spanLength: number) => (compare === 'mom' ? spanLength : compare === 'yoy' ? 12 : 0);

  const officeVec = (o: number, m0: number, m1: number) => {
    const v = new Float64Array(NC);
    cube.addSpan(v, o, m0, m1);
    return v;
  };
  const allVec = (m0: number, m1: number) => {
    const v = new Float64Array(NC);
    for (let o = 0; o < nOffices; o++) cube.addSpan(v, o, m0, m1);
    return v;
  };
  const add = (a: Float64Array, b: Float64Array) => {
    for (let c = 0; c < NC; c++) a[c]! += b[c]!;
    return a;
  };

  const grand = allVec(from, to);
  const grandTotal = sumCats(grand);

  interface Draft {
    key: string;
    kind: StatsRowKind;
    group?: string;
    label: StatsRowLabel;
    m0: number;
    m1: number;
    officeIds?: readonly string[];
    vec: Float64Array;
    prev?: Float64Array;
  }
  const drafts: Draft[] = [];

  const byId = new Map<string, StatsOffice>();
  for (const o of ctx.offices) if (o && typeof o.id === 'string' && !byId.has(o.id)) byId.set(o.id, o);
  const officeLabel = (id: string): StatsRowLabel => ({ type: 'office', id, name: byId.get(id)?.name ?? id });
  const withPrev = (d: Draft, prev: () => Float64Array) => (compare === 'none' ? d : { ...d, prev: prev() });

  if (ctx.groupBy === 'office' || ctx.groupBy === 'region') {
    const s = shiftFor(to - from + 1);
    const rowOf = (o: number, group?: string): Draft =>
      withPrev(
        { key: `office:${officeIds[o]!}`, kind: 'detail', ...(group ? { group } : {}), label: officeLabel(officeIds[o]!), m0: from, m1: to, officeIds: [officeIds[o]!], vec: officeVec(o, from, to) },
        () => officeVec(o, from - s, to - s),
      );
    if (ctx.groupBy === 'office') {
      for (let o = 0; o < nOffices; o++) drafts.push(rowOf(o));
    } else {
      // Regions in the order their first office is listed; offices without a region last.
      const regions = new Map<string | null, number[]>();
      for (let o = 0; o < nOffices; o++) {
        const region = byId.get(officeIds[o]!)?.region ?? null;
        if (region !== null && !regions.has(region)) regions.set(region, []);
      }
      for (let o = 0; o < nOffices; o++) {
        const region = byId.get(officeIds[o]!)?.region ?? null;
        if (!regions.has(region)) regions.set(region, []);
        regions.get(region)!.push(o);
      }
      for (const [region, members] of regions) {
        const groupKey = `region:${region ?? ''}`;
        const rows = members.map((o) => rowOf(o, groupKey));
        const vec = new Float64Array(NC);
        const prev = compare === 'none' ? undefined : new Float64Array(NC);
        for (const r of rows) {
          add(vec, r.vec);
          if (prev) add(prev, r.prev!);
        }
        const firstOffice = region === null ? undefined : ctx.offices.find((x) => x.region === region);
        const label: StatsRowLabel = { type: 'region', id: region, name: firstOffice?.regionName ?? region };
        const ids = members.map((o) => officeIds[o]!);
        const common = { label, m0: from, m1: to, officeIds: ids, vec, ...(prev ? { prev } : {}) };
        drafts.push({ key: groupKey, kind: 'group', group: groupKey, ...common });
        drafts.push(...rows);
        drafts.push({ key: `subtotal:${groupKey}`, kind: 'subtotal', group: groupKey, ...common });
      }
    }
  } else {
    const monthRow = (m: number, group?: string): Draft =>
      withPrev(
        { key: `month:${span(m, m).from}`, kind: 'detail', ...(group ? { group } : {}), label: { type: 'period', period: 'month', month: span(m, m).from }, m0: m, m1: m, vec: allVec(m, m) },
        () => allVec(m - shiftFor(1), m - shiftFor(1)),
      );
    if (period === 'month') {
      for (let m = from; m <= to; m++) drafts.push(monthRow(m));
    } else {
      const len = periodLength(period);
      for (let p = from; p <= to; p += len) {
        const groupKey = `period:${span(p, p).from}`;
        const label: StatsRowLabel = { type: 'period', period, month: span(p, p).from };
        const s = shiftFor(len);
        const common = { label, m0: p, m1: p + len - 1, vec: allVec(p, p + len - 1), ...(compare === 'none' ? {} : { prev: allVec(p - s, p + len - 1 - s) }) };
        drafts.push({ key: groupKey, kind: 'group', group: groupKey, ...common });
        for (let m = p; m < p + len; m++) drafts.push(monthRow(m, groupKey));
        drafts.push({ key: `subtotal:${groupKey}`, kind: 'subtotal', group: groupKey, ...common });
      }
    }
  }
  const s = shiftFor(to - from + 1);
  drafts.push({ key: 'total', kind: 'total', label: { type: 'total' }, m0: from, m1: to, vec: grand, ...(compare === 'none' ? {} : { prev: allVec(from - s, to - s) }) });

  const finish = (d: Draft): StatsRow => {
    const counts = Array.from(d.vec.subarray(0, NCAT));
    const total = sumCats(d.vec);
    const counters = {
      records: total,
      judged: d.vec[JUDGED]!,
      valid: d.vec[VALID]!,
      replyDue: d.vec[DUE]!,
      repliedOnTime: d.vec[ON_TIME]!,
      handled: d.vec[HANDLED]!,
      visited: d.vec[VISITED]!,
      satisfied: d.vec[SATISFIED]!,
    } satisfies Record<StatsCounter, number>;
    const measures = config.measures.map((m) => {
      const numerator = counters[m.numerator] ?? 0;
      const denominator = counters[m.denominator] ?? 0;
      return { id: m.id, numerator, denominator, rate: denominator > 0 ? numerator / denominator : null };
    });
    const row: StatsRow = {
      key: d.key,
      kind: d.kind,
      ...(d.group ? { group: d.group } : {}),
      label: d.label,
      span: span(d.m0, d.m1),
      ...(d.officeIds ? { officeIds: d.officeIds } : {}),
      counts,
      total,
      share: grandTotal > 0 ? total / grandTotal : null,
      counters,
      measures,
      ...(d.prev ? { previous: comparison(d.prev, total, shiftedSpan(d.m0, d.m1, compare)) } : {}),
    };
    return row;
  };
  const rows = drafts.map(finish);
  const totalRow = rows[rows.length - 1]!;
  return {
    groupBy: ctx.groupBy,
    period,
    compare,
    range: span(from, to),
    ...(totalRow.previous ? { compareRange: totalRow.previous.span } : {}),
    categories: CATEGORIES,
    measures: config.measures,
    filter: ctx.filter,
    rows,
    total: totalRow,
    skipped: ctx.skipped,
    recordCount: ctx.recordCount,
  };
}

function sumCats(v: Float64Array): number {
  let t = 0;
  for (let c = 0; c < NCAT; c++) t += v[c]!;
  return t;
}

function shiftedSpan(m0: number, m1: number, compare: StatsCompare): MonthSpan {
  const s = compare === 'mom' ? m1 - m0 + 1 : 12;
  return span(m0 - s, m1 - s);
}

function comparison(prev: Float64Array, total: number, prevSpan: MonthSpan) {
  const prevTotal = sumCats(prev);
  const delta = total - prevTotal;
  return { span: prevSpan, counts: Array.from(prev.subarray(0, NCAT)), total: prevTotal, delta, deltaPct: prevTotal > 0 ? delta / prevTotal : null };
}
