import { defectVocab as vocab } from './vocab.js';
import { isOverdue } from './time.js';
import type { Defect, DefectStatus, HouseLocation, Trade } from './types.js';

/** What the list shows. Every criterion is optional; all given ones must hold. */
export interface DefectFilter {
  readonly status?: DefectStatus | 'not-closed';
  readonly location?: HouseLocation;
  readonly trade?: Trade;
  /** A contractor id; `''` selects the unassigned. */
  readonly contractorId?: string;
  readonly overdueOnly?: boolean;
  /** Words that must appear in the description or id (case-insensitive). */
  readonly text?: string;
}

export type DefectGroupBy = 'none' | 'status' | 'location' | 'trade' | 'contractor';

export interface DefectGroup {
  /** The code grouped on (`''` for unassigned contractor, or for `none`). */
  readonly key: string;
  readonly items: readonly Defect[];
}

/** The defects matching `filter`, in their original order. */
export function filterDefects(items: readonly Defect[], filter: DefectFilter, now: string | number | { getTime(): number }): Defect[] {
  const text = filter.text?.trim().toLowerCase();
  const nowMs = typeof now === 'string' ? Date.parse(now) : typeof now === 'number' ? now : now.getTime();
  return items.filter(
    (d) =>
      (!filter.status || (filter.status === 'not-closed' ? d.status !== 'closed' : d.status === filter.status)) &&
      (!filter.location || d.location === filter.location) &&
      (!filter.trade || d.trade === filter.trade) &&
      (filter.contractorId === undefined || (d.contractorId ?? '') === filter.contractorId) &&
      (!filter.overdueOnly || isOverdue(d, nowMs)) &&
      (!text || d.description.toLowerCase().includes(text) || d.id.toLowerCase().includes(text)),
  );
}

const ORDER: Readonly<Record<Exclude<DefectGroupBy, 'none' | 'contractor'>, ReadonlyMap<string, number>>> = {
  status: new Map(vocab.defectStatus.codes.map((c, i) => [c, i])),
  location: new Map(vocab.houseLocation.codes.map((c, i) => [c, i])),
  trade: new Map(vocab.trade.codes.map((c, i) => [c, i])),
};

/**
 * Groups defects for the list: vocabulary order for status/location/trade; contractors in the
 * order given (unknown ids after, unassigned last). Empty groups are left out.
 */
export function groupDefects(items: readonly Defect[], by: DefectGroupBy, contractorOrder: readonly string[] = []): DefectGroup[] {
  if (by === 'none') return [{ key: '', items }];
  const groups = new Map<string, Defect[]>();
  for (const d of items) {
    const key = by === 'contractor' ? (d.contractorId ?? '') : d[by];
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(d);
  }
  const rank =
    by === 'contractor'
      ? (k: string) => (k === '' ? Number.MAX_SAFE_INTEGER : contractorOrder.includes(k) ? contractorOrder.indexOf(k) : Number.MAX_SAFE_INTEGER - 1)
      : (k: string) => ORDER[by].get(k) ?? Number.MAX_SAFE_INTEGER;
  return [...groups].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)).map(([key, g]) => ({ key, items: g }));
}
