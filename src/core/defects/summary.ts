import { defectVocab as vocab } from './vocab.js';
import { rejectionCount } from './transitions.js';
import { ageInDays, isOverdue } from './time.js';
import type { Defect, DefectSeverity, DefectStatus, HouseLocation, Trade } from './types.js';

/** One count of a breakdown: the code and how many defects have it (zero rows kept, vocabulary order). */
export interface DefectCount<K extends string = string> {
  readonly key: K;
  readonly count: number;
  /** Of those, how many are closed. */
  readonly closed: number;
  /** Of those, how many are overdue. */
  readonly overdue: number;
}

/** One ageing bucket: open (not closed) defects whose age in days is within [min, max]. */
export interface AgeingBucket {
  readonly min: number;
  /** `undefined` for the last, open-ended bucket. */
  readonly max?: number;
  readonly count: number;
}

/** The inspection summary (验房总结 / 入伙总结) as data. */
export interface DefectSummary {
  readonly total: number;
  readonly closed: number;
  /** closed / total; 0 when there is nothing. */
  readonly closureRate: number;
  readonly open: number;
  readonly overdue: number;
  /** Defects that failed at least one re-inspection. */
  readonly rejectedOnce: number;
  /** Re-inspections that failed, in all. */
  readonly rejections: number;
  readonly unassigned: number;
  readonly byStatus: readonly DefectCount<DefectStatus>[];
  readonly bySeverity: readonly DefectCount<DefectSeverity>[];
  readonly byTrade: readonly DefectCount<Trade>[];
  readonly byLocation: readonly DefectCount<HouseLocation>[];
  /** Per contractor id; `''` collects the unassigned. Ordered by count, descending. */
  readonly byContractor: readonly DefectCount[];
  readonly ageing: readonly AgeingBucket[];
}

export interface SummaryOptions {
  /** The moment overdue and ageing are measured against. */
  readonly now: string | number | { getTime(): number };
  /** Upper bounds (days, inclusive) of the ageing buckets; default [7, 14, 30] → 0–7, 8–14, 15–30, 31+. */
  readonly ageingDays?: readonly number[];
}

type Tally = { count: number; closed: number; overdue: number };

function breakdown<K extends string>(codes: readonly K[], tally: Map<string, Tally>): DefectCount<K>[] {
  const rows = codes.map((key) => ({ key, ...(tally.get(key) ?? { count: 0, closed: 0, overdue: 0 }) }));
  // A code no longer in the vocabulary still counts (old data): append it rather than lose it.
  for (const [key, t] of tally) if (!codes.includes(key as K)) rows.push({ key: key as K, ...t });
  return rows;
}

/**
 * Counts by trade, location, severity, status and contractor; closure rate; overdue; ageing of
 * what is still open. One pass over the items.
 */
export function summariseDefects(items: readonly Defect[], options: SummaryOptions): DefectSummary {
  const now = options.now;
  const bounds = [...(options.ageingDays ?? [7, 14, 30])].sort((a, b) => a - b);
  const ageing = new Array<number>(bounds.length + 1).fill(0);
  const tallies = { status: new Map<string, Tally>(), severity: new Map<string, Tally>(), trade: new Map<string, Tally>(), location: new Map<string, Tally>(), contractor: new Map<string, Tally>() };
  let closed = 0, overdue = 0, rejectedOnce = 0, rejections = 0, unassigned = 0;
  const bump = (map: Map<string, Tally>, key: string, isClosed: boolean, isOver: boolean) => {
    let t = map.get(key);
    if (!t) map.set(key, (t = { count: 0, closed: 0, overdue: 0 }));
    t.count++;
    if (isClosed) t.closed++;
    if (isOver) t.overdue++;
  };
  for (const item of items) {
    const isClosed = item.status === 'closed';
    const isOver = isOverdue(item, now);
    if (isClosed) closed++;
    if (isOver) overdue++;
    if (!item.contractorId) unassigned++;
    const r = rejectionCount(item);
    rejections += r;
    if (r > 0) rejectedOnce++;
    bump(tallies.status, item.status, isClosed, isOver);
    bump(tallies.severity, item.severity, isClosed, isOver);
    bump(tallies.trade, item.trade, isClosed, isOver);
    bump(tallies.location, item.location, isClosed, isOver);
    bump(tallies.contractor, item.contractorId ?? '', isClosed, isOver);
    if (!isClosed) {
      const age = ageInDays(item, now);
      let b = bounds.findIndex((max) => age <= max);
      if (b < 0) b = bounds.length;
      ageing[b]!++;
    }
  }
  const total = items.length;
  return {
    total,
    closed,
    closureRate: total ? closed / total : 0,
    open: total - closed,
    overdue,
    rejectedOnce,
    rejections,
    unassigned,
    byStatus: breakdown(vocab.defectStatus.codes, tallies.status),
    bySeverity: breakdown(vocab.defectSeverity.codes, tallies.severity),
    byTrade: breakdown(vocab.trade.codes, tallies.trade),
    byLocation: breakdown(vocab.houseLocation.codes, tallies.location),
    byContractor: [...tallies.contractor].map(([key, t]) => ({ key, ...t })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
    ageing: ageing.map((count, i) => ({ min: i === 0 ? 0 : bounds[i - 1]! + 1, ...(i < bounds.length ? { max: bounds[i]! } : {}), count })),
  };
}
