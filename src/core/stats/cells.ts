// The statistics table from counts made elsewhere (SQL GROUP BY cells plus leftover records).
import { CATEGORIES, DUE, HANDLED, JUDGED, NC, ON_TIME, SATISFIED, VALID, VISITED } from './cube.js';
import { countRecords, finishTable, newCounting } from './count.js';
import { resolveOptions, type AggregateOptions } from './options.js';
import type { StatsTable } from './table.js';

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
