// The one pass over the records into the cube, and settling the range before the table is built.
import { CATEGORIES, Cube, DUE, HANDLED, JUDGED, NC, NCAT, ON_TIME, SATISFIED, VALID, VISITED } from './cube.js';
import { buildTable } from './build-table.js';
import type { AggregateOptions, Resolved } from './options.js';
import { instant, notLater, periodStart, shanghaiMonth, monthOfInstant } from './period.js';
import type { StatsOffice, StatsTable } from './table.js';

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

/** Counts in progress: the cube, the offices interned so far, what was skipped. */
export interface Counting {
  readonly cube: Cube;
  /** Office key (the record's `officeId` value) → index in `officeIds`. */
  readonly officeIndex: Map<unknown, number>;
  readonly officeIds: string[];
  /** Per office: the index of the record that interned it (-1 for listed offices). */
  readonly firstAt: number[];
  readonly skipped: { invalidRecord: number; invalidDate: number; unknownCategory: number };
}

export function newCounting(r: Resolved, offices: readonly StatsOffice[]): Counting {
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
export function countRecords(records: ArrayLike<unknown>, r: Resolved, counting: Counting): void {
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
export function finishTable(counting: Counting, r: Resolved, options: AggregateOptions, recordCount: number): StatsTable {
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
