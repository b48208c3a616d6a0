import { statsVocab as vocab } from './vocab.js';
import { DEFAULT_STATS_CONFIG, type StatsConfig, type StatsCounter } from './config.js';
import { instant, notLater, parseMonth, periodLength, periodStart, shanghaiMonth, span, monthOfInstant, type MonthSpan, type StatsPeriod } from './period.js';
import type { StatsCompare, StatsFilter, StatsGroupBy, StatsOffice, StatsRow, StatsRowKind, StatsRowLabel, StatsTable } from './table.js';

export interface AggregateOptions {
  /** Management offices in display order, with their regions (schemas/examples/offices.json). Offices met in records but not listed still get a row, labelled with their id. */
  readonly offices?: readonly StatsOffice[];
  /** Rows: `office` (default), `region` → office with subtotals, or `month`. */
  readonly groupBy?: StatsGroupBy;
  /** Reporting period (default `month`): the range is widened to whole periods. */
  readonly period?: StatsPeriod;
  /** Comparison columns: `none` (default), `mom` (环比, previous equal span), `yoy` (同比, a year earlier). */
  readonly compare?: StatsCompare;
  /** First month of the range (`YYYY-MM`, `YYYY-Qn` or `YYYY`). Without from and to: the period of the latest record. */
  readonly from?: string;
  /** Last month of the range, inclusive. */
  readonly to?: string;
  /** Kind / channel / severity / complainant-type filters. */
  readonly filter?: StatsFilter;
  /** Measures, valid and satisfied codes; default schemas/stats-config.schema.json `default`. */
  readonly config?: StatsConfig;
  /**
   * The moment the report is made (ISO string or epoch ms). When given, a record past its
   * deadline with no reply counts as a late reply; without it, only replied records are judged.
   */
  readonly asOf?: string | number;
}

/** Counters stored per office and month after the category counts (`records` is their sum). */
const EXTRA = ['judged', 'valid', 'replyDue', 'repliedOnTime', 'handled', 'visited', 'satisfied'] as const satisfies readonly StatsCounter[];
const CATEGORIES: readonly string[] = vocab.contentCategory.codes;
const NCAT = CATEGORIES.length;
const NC = NCAT + EXTRA.length;
const [JUDGED, VALID, DUE, ON_TIME, HANDLED, VISITED, SATISFIED] = EXTRA.map((_, i) => NCAT + i) as [number, number, number, number, number, number, number];

/** The loose shape read from each record: only fields that carry no personal data. */
interface RecordView {
  readonly officeId?: unknown;
  readonly receivedAt?: unknown;
  readonly category?: unknown;
  readonly kind?: unknown;
  readonly channel?: unknown;
  readonly severity?: unknown;
  readonly complainant?: { readonly type?: unknown } | null;
  readonly validity?: unknown;
  readonly deadline?: unknown;
  readonly reply?: { readonly at?: unknown } | null;
  readonly returnVisit?: { readonly satisfaction?: unknown } | null;
}

const setOf = (codes: readonly string[] | undefined): ReadonlySet<unknown> | null => (codes && codes.length ? new Set<unknown>(codes) : null);

/**
 * Counts per office × month × counter in one Int32Array (office-major, so a new office only
 * appends). Months are a window [lo, lo + months) that grows when the range is not known
 * in advance.
 */
class Cube {
  data: Int32Array;
  constructor(
    public lo: number,
    public months: number,
    public capacity: number,
  ) {
    this.data = new Int32Array(capacity * months * NC);
  }

  growOffices(): void {
    const next = new Int32Array(this.capacity * 2 * this.months * NC);
    next.set(this.data);
    this.data = next;
    this.capacity *= 2;
  }

  growMonths(month: number): void {
    // An empty cube starts a year either side of the first month met.
    const lo = this.months === 0 ? month - 12 : Math.min(this.lo, month - 12);
    const hi = this.months === 0 ? month + 13 : Math.max(this.lo + this.months, month + 13);
    const months = Math.max(hi - lo, this.months * 2);
    const next = new Int32Array(this.capacity * months * NC);
    for (let o = 0; this.months > 0 && o < this.capacity; o++) {
      next.set(this.data.subarray(o * this.months * NC, (o + 1) * this.months * NC), (o * months + (this.lo - lo)) * NC);
    }
    this.data = next;
    this.lo = lo;
    this.months = months;
  }

  /** Adds office `o`'s counters over months [m0, m1] into `out`. */
  addSpan(out: Float64Array, o: number, m0: number, m1: number): void {
    const a = Math.max(m0, this.lo);
    const b = Math.min(m1, this.lo + this.months - 1);
    const d = this.data;
    for (let m = a; m <= b; m++) {
      const base = (o * this.months + m - this.lo) * NC;
      for (let c = 0; c < NC; c++) out[c]! += d[base + c]!;
    }
  }
}

/**
 * The complaint classification statistics table (顾客投诉分类统计表) as data: rows by office,
 * region → office or month; columns the six content categories, total and share; ratio
 * measures computed as ratio of sums at every level; comparison with the previous period or
 * the same period last year. One pass over the records into typed-array counters (office ids
 * interned to small integers, months read from the timestamp's characters in Asia/Shanghai
 * time); everything after that works on the small office × month cube.
 *
 * Only office, time, category, kind, channel, severity, complainant type, validity, deadline,
 * reply time and satisfaction are read: no personal data can reach the table.
 */
export function aggregateComplaints(records: ArrayLike<unknown>, options: AggregateOptions = {}): StatsTable {
  const r = resolveOptions(options);
  const counting = newCounting(r, options.offices ?? []);
  countRecords(records, r, counting);
  return finishTable(counting, r, options, records.length);
}

/**
 * The filter a table applies. The categories classify complaints: without a kind filter only
 * `config.countKinds` (投诉) count; `kind: []` counts every kind. The table records it.
 */
export function statsFilterOf(options: AggregateOptions): StatsFilter {
  const config = options.config ?? DEFAULT_STATS_CONFIG;
  const given = options.filter ?? {};
  return given.kind === undefined ? { ...given, kind: config.countKinds ?? ['complaint'] } : given;
}

/** The options of aggregateComplaints, checked and resolved to month indexes. */
interface Resolved {
  readonly groupBy: StatsGroupBy;
  readonly period: StatsPeriod;
  readonly compare: StatsCompare;
  readonly config: StatsConfig;
  readonly filter: StatsFilter;
  readonly len: number;
  readonly fromM: number | undefined;
  readonly toM: number | undefined;
  readonly bounded: boolean;
  /** Months before `fromM` the comparison needs. */
  readonly back: number;
  /** `asOf` in epoch ms, or NaN. */
  readonly asOfMs: number;
}

function resolveOptions(options: AggregateOptions): Resolved {
  const groupBy = options.groupBy ?? 'office';
  const period = options.period ?? 'month';
  const compare = options.compare ?? 'none';
  const config = options.config ?? DEFAULT_STATS_CONFIG;
  const filter = statsFilterOf(options);
  if (!['office', 'region', 'month'].includes(groupBy)) throw new RangeError(`groupBy must be office, region or month, not "${String(groupBy)}"`);
  if (!['month', 'quarter', 'year'].includes(period)) throw new RangeError(`period must be month, quarter or year, not "${String(period)}"`);
  if (!['none', 'mom', 'yoy'].includes(compare)) throw new RangeError(`compare must be none, mom or yoy, not "${String(compare)}"`);
  const len = periodLength(period);

  // The range, when the caller fixed it: widened to whole periods.
  let fromM = options.from ? periodStart(parseMonth(options.from), period) : undefined;
  let toM = options.to ? periodStart(parseMonth(options.to, true), period) + len - 1 : undefined;
  if (fromM !== undefined && toM === undefined) toM = fromM + len - 1;
  if (toM !== undefined && fromM === undefined) fromM = periodStart(toM, period);
  if (fromM !== undefined && toM !== undefined && toM < fromM) throw new RangeError(`the range ends (${options.to}) before it starts (${options.from})`);
  const bounded = fromM !== undefined && toM !== undefined;
  const back = compare === 'mom' && bounded ? toM! - fromM! + 1 : compare === 'yoy' ? 12 : 0;
  const asOfMs = options.asOf === undefined ? Number.NaN : typeof options.asOf === 'number' ? options.asOf : instant(options.asOf);
  return { groupBy, period, compare, config, filter, len, fromM, toM, bounded, back, asOfMs };
}

/** Counts in progress: the cube, the offices interned so far, what was skipped. */
interface Counting {
  readonly cube: Cube;
  /** Office key (the record's `officeId` value) → index in `officeIds`. */
  readonly officeIndex: Map<unknown, number>;
  readonly officeIds: string[];
  /** Per office: the index of the record that interned it (-1 for listed offices). */
  readonly firstAt: number[];
  readonly skipped: { invalidRecord: number; invalidDate: number; unknownCategory: number };
}

function newCounting(r: Resolved, offices: readonly StatsOffice[]): Counting {
  // Offices interned to 0..n-1 in display order; unknown ones are appended as met.
  const officeIndex = new Map<unknown, number>();
  const officeIds: string[] = [];
  for (const o of offices) {
    if (o && typeof o.id === 'string' && o.id !== '__proto__' && !officeIndex.has(o.id)) {
      officeIndex.set(o.id, officeIds.length);
      officeIds.push(o.id);
    }
  }
  const cap = Math.max(4, officeIds.length + 1);
  const cube = r.bounded ? new Cube(r.fromM! - r.back, r.toM! - r.fromM! + 1 + r.back, cap) : new Cube(0, 0, cap);
  return { cube, officeIndex, officeIds, firstAt: officeIds.map(() => -1), skipped: { invalidRecord: 0, invalidDate: 0, unknownCategory: 0 } };
}

/** The one pass over the records into `counting` (the hot loop). */
function countRecords(records: ArrayLike<unknown>, r: Resolved, counting: Counting): void {
  const { config, filter, bounded, asOfMs } = r;
  const { cube, officeIndex, officeIds, firstAt, skipped } = counting;
  const catIndex = new Map<unknown, number>(CATEGORIES.map((c, i) => [c, i]));
  const validSet = new Set<unknown>(config.validCodes);
  const satisfiedSet = new Set<unknown>(config.satisfiedCodes);
  const fKind = setOf(filter.kind), fChannel = setOf(filter.channel), fSeverity = setOf(filter.severity), fType = setOf(filter.complainantType);
  const filtering = fKind !== null || fChannel !== null || fSeverity !== null || fType !== null;

  let data = cube.data, lo = cube.lo, months = cube.months, capacity = cube.capacity;
  let lastOid: unknown = undefined, lastOi = -1;
  let invalidRecord = 0, invalidDate = 0, unknownCategory = 0;

  const n = records.length;
  for (let i = 0; i < n; i++) {
    const r = records[i] as RecordView | null;
    if (r === null || typeof r !== 'object') {
      invalidRecord++;
      continue;
    }
    if (filtering) {
      if (fKind !== null && !fKind.has(r.kind)) continue;
      if (fChannel !== null && !fChannel.has(r.channel)) continue;
      if (fSeverity !== null && !fSeverity.has(r.severity)) continue;
      if (fType !== null && !fType.has(r.complainant?.type)) continue;
    }
    const m = shanghaiMonth(r.receivedAt);
    if (m < 0) {
      invalidDate++;
      continue;
    }
    const cat = catIndex.get(r.category);
    if (cat === undefined) {
      unknownCategory++;
      continue;
    }
    if (m < lo || m >= lo + months) {
      if (bounded) continue;
      cube.growMonths(m);
      data = cube.data;
      lo = cube.lo;
      months = cube.months;
    }
    const oid = r.officeId;
    let o: number;
    if (oid === lastOid) o = lastOi;
    else {
      let found = officeIndex.get(oid);
      if (found === undefined) {
        found = officeIds.length;
        officeIndex.set(oid, found);
        officeIds.push(String(oid));
        firstAt.push(i);
        if (found >= capacity) {
          cube.growOffices();
          data = cube.data;
          capacity = cube.capacity;
        }
      }
      o = found;
      lastOid = oid;
      lastOi = found;
    }
    const b = (o * months + m - lo) * NC;
    data[b + cat]!++;
    const validity = r.validity;
    if (validity != null) {
      data[b + JUDGED]!++;
      if (validSet.has(validity)) data[b + VALID]!++;
    }
    const reply = r.reply;
    const replied = reply != null && typeof reply === 'object';
    const deadline = r.deadline;
    if (typeof deadline === 'string') {
      if (replied) {
        const at = reply.at;
        data[b + DUE]!++;
        if (typeof at === 'string' && notLater(at, deadline)) data[b + ON_TIME]!++;
      } else if (asOfMs === asOfMs && instant(deadline) < asOfMs) data[b + DUE]!++;
    }
    const visit = r.returnVisit;
    if (visit != null && typeof visit === 'object') {
      data[b + HANDLED]!++;
      data[b + VISITED]!++;
      if (satisfiedSet.has(visit.satisfaction)) data[b + SATISFIED]!++;
    } else if (replied) data[b + HANDLED]!++;
  }
  skipped.invalidRecord += invalidRecord;
  skipped.invalidDate += invalidDate;
  skipped.unknownCategory += unknownCategory;
}

/** Settles a range that was not fixed, then builds the table. */
function finishTable(counting: Counting, r: Resolved, options: AggregateOptions, recordCount: number): StatsTable {
  const { cube, officeIds } = counting;
  let { fromM, toM } = r;
  // Without a fixed range: the period of the latest month with data (or of asOf, or of 1970-01).
  if (!r.bounded) {
    const { data, lo, months } = cube;
    let latest = -1;
    for (let o = 0; o < officeIds.length; o++) {
      for (let m = months - 1; m > latest - lo; m--) {
        const base = (o * months + m) * NC;
        let any = 0;
        for (let c = 0; c < NCAT; c++) any |= data[base + c]!;
        if (any) {
          latest = lo + m;
          break;
        }
      }
    }
    if (latest < 0) latest = r.asOfMs === r.asOfMs ? monthOfInstant(r.asOfMs) : 1970 * 12;
    fromM ??= periodStart(toM ?? latest, r.period);
    toM ??= fromM + r.len - 1;
  }

  return buildTable(cube, officeIds, {
    groupBy: r.groupBy,
    period: r.period,
    compare: r.compare,
    config: r.config,
    filter: r.filter,
    from: fromM!,
    to: toM!,
    offices: options.offices ?? [],
    skipped: { ...counting.skipped },
    recordCount,
  });
}

/**
 * One group of records counted elsewhere (a database `GROUP BY office, month, category`): how
 * many records, and the counters they add, as `aggregateComplaints` would count them one by one.
 */
export interface StatsCell {
  readonly officeId: string;
  /** Month index `year * 12 + month - 1` in Asia/Shanghai time, or -1 for records without a valid time. */
  readonly month: number;
  /** The records' category code; anything that is not one of the vocabulary's codes counts as unknown. */
  readonly category: unknown;
  readonly records: number;
  readonly judged: number;
  readonly valid: number;
  readonly replyDue: number;
  readonly repliedOnTime: number;
  readonly handled: number;
  readonly visited: number;
  readonly satisfied: number;
  /** Position of the group's first record in the record order (orders offices not listed in `offices`). */
  readonly first: number;
}

/** What `aggregateCells` aggregates: counted cells, plus records left to count one by one. */
export interface StatsCellInput {
  /** Cells of records that already passed the filter (see `StatsCell`). */
  readonly cells: Iterable<StatsCell>;
  /** Records the counter could not classify: counted here exactly as aggregateComplaints counts them. */
  readonly records?: ArrayLike<unknown>;
  /** Position of each of `records` in the record order. */
  readonly positions?: ArrayLike<number>;
  /** Every record considered (the table's `recordCount`). */
  readonly recordCount: number;
}

/**
 * The statistics table from counts made elsewhere — what `aggregateComplaints(records, options)`
 * returns when `cells` are the records' groups (with the filter applied) and `records` the rest,
 * in one record order. wuye-kit/server's `complaintStatsSql` fills the cells with SQL GROUP BY.
 */
export function aggregateCells(input: StatsCellInput, options: AggregateOptions = {}): StatsTable {
  const r = resolveOptions(options);
  // The records left over, counted apart (every office they meet is interned there).
  const rest = newCounting(r, []);
  const restRecords = input.records ?? [];
  countRecords(restRecords, r, rest);
  const positions = input.positions;
  if (restRecords.length && (!positions || positions.length !== restRecords.length)) throw new RangeError('aggregateCells: records need a position each');

  const final = newCounting(r, options.offices ?? []);
  const catIndex = new Map<unknown, number>(CATEGORIES.map((c, i) => [c, i]));
  const { cube } = final;
  const inWindow = (m: number) => !r.bounded || (m >= cube.lo && m < cube.lo + cube.months);
  const cells: StatsCell[] = [];
  // Offices not listed, ordered by the first record that counted for them.
  const firstOf = new Map<unknown, number>();
  const meet = (key: unknown, pos: number) => {
    if (final.officeIndex.has(key)) return;
    const seen = firstOf.get(key);
    if (seen === undefined || pos < seen) firstOf.set(key, pos);
  };
  for (const c of input.cells) {
    if (!(c.records > 0)) continue;
    if (c.month < 0) final.skipped.invalidDate += c.records;
    else if (!catIndex.has(c.category)) final.skipped.unknownCategory += c.records;
    else if (inWindow(c.month)) {
      cells.push(c);
      meet(c.officeId, c.first);
    }
  }
  for (const [key, k] of rest.officeIndex) meet(key, positions![rest.firstAt[k]!]!);
  for (const [key] of [...firstOf].sort((a, b) => a[1] - b[1])) {
    final.officeIndex.set(key, final.officeIds.length);
    final.officeIds.push(String(key));
    final.firstAt.push(firstOf.get(key)!);
    if (final.officeIds.length > cube.capacity) cube.growOffices();
  }
  // Months: a window that holds every cell and every month the leftovers reached.
  if (!r.bounded) {
    for (const c of cells) if (c.month < cube.lo || c.month >= cube.lo + cube.months) cube.growMonths(c.month);
    if (rest.cube.months > 0) {
      if (rest.cube.lo < cube.lo || cube.months === 0) cube.growMonths(rest.cube.lo);
      const top = rest.cube.lo + rest.cube.months - 1;
      if (top >= cube.lo + cube.months) cube.growMonths(top);
    }
  }
  const { data, lo, months } = cube;
  for (const c of cells) {
    const b = (final.officeIndex.get(c.officeId)! * months + c.month - lo) * NC;
    data[b + catIndex.get(c.category)!]! += c.records;
    data[b + JUDGED]! += c.judged;
    data[b + VALID]! += c.valid;
    data[b + DUE]! += c.replyDue;
    data[b + ON_TIME]! += c.repliedOnTime;
    data[b + HANDLED]! += c.handled;
    data[b + VISITED]! += c.visited;
    data[b + SATISFIED]! += c.satisfied;
  }
  for (const [key, k] of rest.officeIndex) {
    const o = final.officeIndex.get(key)!;
    for (let m = 0; m < rest.cube.months; m++) {
      const month = rest.cube.lo + m;
      const from = (k * rest.cube.months + m) * NC;
      const to = (o * months + month - lo) * NC;
      for (let c = 0; c < NC; c++) data[to + c]! += rest.cube.data[from + c]!;
    }
  }
  final.skipped.invalidRecord += rest.skipped.invalidRecord;
  final.skipped.invalidDate += rest.skipped.invalidDate;
  final.skipped.unknownCategory += rest.skipped.unknownCategory;
  return finishTable(final, r, options, input.recordCount);
}

interface BuildContext {
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

function buildTable(cube: Cube, officeIds: readonly string[], ctx: BuildContext): StatsTable {
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
