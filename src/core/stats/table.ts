import type { Localized } from '../i18n/locale.js';
import type { StatsCounter, StatsMeasure } from './config.js';
import type { MonthSpan, StatsPeriod } from './period.js';

/** How rows are grouped: offices; regions → offices; or months (grouped by quarter/year when the period is longer). */
export type StatsGroupBy = 'office' | 'region' | 'month';
/** Comparison column: none, previous period (环比), same period last year (同比). */
export type StatsCompare = 'none' | 'mom' | 'yoy';

/** A management office as the table needs it (schemas/examples/offices.json has this shape). */
export interface StatsOffice {
  readonly id: string;
  readonly name: string | Localized;
  readonly region?: string;
  readonly regionName?: string | Localized;
}

/**
 * Which records count: each list keeps the records whose code is in it; absent or empty keeps all —
 * except `kind`: absent counts the config's `countKinds` (complaints only, by default), empty counts every kind.
 */
export interface StatsFilter {
  readonly kind?: readonly string[];
  readonly channel?: readonly string[];
  readonly severity?: readonly string[];
  readonly complainantType?: readonly string[];
}

/** What a row is about, as data; the view words it in the reader's language. */
export type StatsRowLabel =
  | { readonly type: 'office'; readonly id: string; readonly name: string | Localized }
  | { readonly type: 'region'; readonly id: string | null; readonly name: string | Localized | null }
  | { readonly type: 'period'; readonly period: StatsPeriod; readonly month: string }
  | { readonly type: 'total' };

export type StatsRowKind = 'group' | 'detail' | 'subtotal' | 'total';

/** A ratio measure on one row: ratio of the summed counters, never a mean of ratios. */
export interface StatsMeasureValue {
  readonly id: string;
  readonly numerator: number;
  readonly denominator: number;
  /** numerator ÷ denominator, or null when the denominator is 0. */
  readonly rate: number | null;
}

/** The comparison of a row with the same row in an earlier span. */
export interface StatsComparison {
  readonly span: MonthSpan;
  readonly counts: readonly number[];
  readonly total: number;
  /** total − previous total. */
  readonly delta: number;
  /** delta ÷ previous total, or null when the previous total is 0. */
  readonly deltaPct: number | null;
}

/**
 * One row of the table. Group rows head a group (label only in the view, same numbers as the
 * subtotal); subtotal rows close it; the total row is last.
 */
export interface StatsRow {
  /** Unique and stable: `office:SZ-HY`, `region:south`, `subtotal:region:south`, `month:2026-07`, `total`. */
  readonly key: string;
  readonly kind: StatsRowKind;
  /** Key of the group row this row belongs to, if any. */
  readonly group?: string;
  readonly label: StatsRowLabel;
  /** Months the row counts. */
  readonly span: MonthSpan;
  /** Offices the row counts; absent means every office. */
  readonly officeIds?: readonly string[];
  /** Complaints per content category, in `table.categories` order. */
  readonly counts: readonly number[];
  readonly total: number;
  /** total ÷ grand total, or null when the grand total is 0. */
  readonly share: number | null;
  readonly counters: Readonly<Record<StatsCounter, number>>;
  /** In `table.measures` order. */
  readonly measures: readonly StatsMeasureValue[];
  readonly previous?: StatsComparison;
}

/** Records that were given but could not be counted (nothing is dropped silently). */
export interface StatsSkipped {
  /** Not an object. */
  readonly invalidRecord: number;
  /** `receivedAt` missing or not a date-time. */
  readonly invalidDate: number;
  /** `category` not one of the six content categories. */
  readonly unknownCategory: number;
}

/** The statistics table as data: what `<wy-complaint-stats>`, CSV and XLSX render. */
export interface StatsTable {
  readonly groupBy: StatsGroupBy;
  readonly period: StatsPeriod;
  readonly compare: StatsCompare;
  /** The reporting range, whole periods. */
  readonly range: MonthSpan;
  /** The range compared with (previous equal span, or a year earlier). */
  readonly compareRange?: MonthSpan;
  /** Content category codes: the columns, in vocabulary order. */
  readonly categories: readonly string[];
  readonly measures: readonly StatsMeasure[];
  readonly filter: StatsFilter;
  /** Display order: group, detail…, subtotal, …, total. */
  readonly rows: readonly StatsRow[];
  readonly total: StatsRow;
  readonly skipped: StatsSkipped;
  /** Records given (before filters and range). */
  readonly recordCount: number;
}

/** A column of the table after the label column. */
export type StatsColumn =
  | { readonly key: string; readonly kind: 'category'; readonly group: 'categories'; readonly index: number; readonly code: string }
  | { readonly key: 'total'; readonly kind: 'total'; readonly group: 'summary' }
  | { readonly key: 'share'; readonly kind: 'share'; readonly group: 'summary' }
  | { readonly key: 'previous'; readonly kind: 'previous'; readonly group: 'compare' }
  | { readonly key: 'delta'; readonly kind: 'delta'; readonly group: 'compare' }
  | { readonly key: 'deltaPct'; readonly kind: 'deltaPct'; readonly group: 'compare' }
  | { readonly key: string; readonly kind: 'measure'; readonly group: 'measures'; readonly index: number; readonly id: string };

/** Whether a column holds a ratio (shown as a percentage). */
export const isRatioColumn = (c: StatsColumn): boolean => c.kind === 'share' || c.kind === 'deltaPct' || c.kind === 'measure';

/** The columns of a table, in order: six categories, total, share, comparison, measures. */
export function statsColumns(table: Pick<StatsTable, 'categories' | 'compare' | 'measures'>): StatsColumn[] {
  const cols: StatsColumn[] = table.categories.map((code, index) => ({ key: `category:${code}`, kind: 'category', group: 'categories', index, code }));
  cols.push({ key: 'total', kind: 'total', group: 'summary' }, { key: 'share', kind: 'share', group: 'summary' });
  if (table.compare !== 'none') {
    cols.push({ key: 'previous', kind: 'previous', group: 'compare' }, { key: 'delta', kind: 'delta', group: 'compare' }, { key: 'deltaPct', kind: 'deltaPct', group: 'compare' });
  }
  table.measures.forEach((m, index) => cols.push({ key: `measure:${m.id}`, kind: 'measure', group: 'measures', index, id: m.id }));
  return cols;
}

/** The number in a cell (counts, ratios as fractions), or null when undefined (ratio over 0). */
export function cellValue(row: StatsRow, column: StatsColumn): number | null {
  switch (column.kind) {
    case 'category':
      return row.counts[column.index] ?? 0;
    case 'total':
      return row.total;
    case 'share':
      return row.share;
    case 'previous':
      return row.previous ? row.previous.total : null;
    case 'delta':
      return row.previous ? row.previous.delta : null;
    case 'deltaPct':
      return row.previous ? row.previous.deltaPct : null;
    case 'measure':
      return row.measures[column.index]?.rate ?? null;
  }
}
