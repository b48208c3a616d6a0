import { statsVocab as vocab } from './vocab.js';
import { DEFAULT_STATS_CONFIG, type StatsConfig, type StatsCounter } from './config.js';
import { instant, notLater, parseMonth, shanghaiMonth } from './period.js';
import type { StatsColumn, StatsFilter, StatsRow, StatsTable } from './table.js';

/**
 * The records behind one cell, as a filter (never the records themselves, so no personal data
 * travels with it): the host looks the records up with `statsRecordMatcher(filter)`, which
 * applies exactly the rules `aggregateComplaints` counted with.
 */
export interface StatsCellFilter extends StatsFilter {
  /** First and last month, `YYYY-MM`, Asia/Shanghai, inclusive. */
  readonly from: string;
  readonly to: string;
  /** Offices; absent means every office. */
  readonly officeIds?: readonly string[];
  /** One content category; absent means all six. */
  readonly category?: string;
  /** For a ratio cell: the measure id; the records are its denominator (those with `numerator` set are its numerator). */
  readonly measure?: string;
}

/** The filter for the cell of `row` under `column`, or undefined for a cell that has no records of its own (Δ, Δ%). */
export function statsCellFilter(table: StatsTable, row: StatsRow, column: StatsColumn | 'label'): StatsCellFilter | undefined {
  if (column !== 'label' && (column.kind === 'delta' || column.kind === 'deltaPct')) return undefined;
  const spanOf = column !== 'label' && column.kind === 'previous' ? row.previous?.span : row.span;
  if (!spanOf) return undefined;
  const f = table.filter;
  return {
    from: spanOf.from,
    to: spanOf.to,
    ...(row.officeIds ? { officeIds: row.officeIds } : {}),
    ...(column !== 'label' && column.kind === 'category' ? { category: column.code } : {}),
    ...(column !== 'label' && column.kind === 'measure' ? { measure: column.id } : {}),
    ...(f.kind?.length ? { kind: f.kind } : {}),
    ...(f.channel?.length ? { channel: f.channel } : {}),
    ...(f.severity?.length ? { severity: f.severity } : {}),
    ...(f.complainantType?.length ? { complainantType: f.complainantType } : {}),
  };
}

type Rec = Record<string, unknown> & {
  complainant?: { type?: unknown };
  reply?: { at?: unknown } | null;
  returnVisit?: { satisfaction?: unknown } | null;
};

/** Whether a record counts toward `counter` (the same rules as `aggregateComplaints`). */
export function countsToward(counter: StatsCounter, record: unknown, options: { readonly config?: StatsConfig; readonly asOf?: string | number } = {}): boolean {
  const r = record as Rec;
  const config = options.config ?? DEFAULT_STATS_CONFIG;
  const replied = r.reply != null && typeof r.reply === 'object';
  const visited = r.returnVisit != null && typeof r.returnVisit === 'object';
  switch (counter) {
    case 'records':
      return true;
    case 'judged':
      return r['validity'] != null;
    case 'valid':
      return r['validity'] != null && config.validCodes.includes(r['validity'] as string);
    case 'replyDue': {
      if (typeof r['deadline'] !== 'string') return false;
      if (replied) return true;
      const asOf = options.asOf === undefined ? Number.NaN : typeof options.asOf === 'number' ? options.asOf : instant(options.asOf);
      return instant(r['deadline']) < asOf;
    }
    case 'repliedOnTime':
      return typeof r['deadline'] === 'string' && replied && typeof r.reply!.at === 'string' && notLater(r.reply!.at, r['deadline']);
    case 'handled':
      return replied || visited;
    case 'visited':
      return visited;
    case 'satisfied':
      return visited && config.satisfiedCodes.includes(r.returnVisit!.satisfaction as string);
  }
}

/**
 * A predicate that keeps the records behind a cell: `records.filter(statsRecordMatcher(e.detail.filter))`.
 * Pass the same `config` and `asOf` the table was made with.
 */
export function statsRecordMatcher(filter: StatsCellFilter, options: { readonly config?: StatsConfig; readonly asOf?: string | number } = {}): (record: unknown) => boolean {
  const from = parseMonth(filter.from);
  const to = parseMonth(filter.to);
  const offices = filter.officeIds ? new Set<unknown>(filter.officeIds) : null;
  const lists = (['kind', 'channel', 'severity'] as const).map((k) => [k, filter[k]?.length ? new Set<unknown>(filter[k]) : null] as const);
  const types = filter.complainantType?.length ? new Set<unknown>(filter.complainantType) : null;
  const categories = new Set<unknown>(vocab.contentCategory.codes);
  const measure = filter.measure === undefined ? undefined : (options.config ?? DEFAULT_STATS_CONFIG).measures.find((m) => m.id === filter.measure);
  if (filter.measure !== undefined && !measure) throw new RangeError(`unknown measure "${filter.measure}"`);
  return (record) => {
    if (record === null || typeof record !== 'object') return false;
    const r = record as Rec;
    for (const [k, set] of lists) if (set && !set.has(r[k])) return false;
    if (types && !types.has(r.complainant?.type)) return false;
    const m = shanghaiMonth(r['receivedAt']);
    if (m < from || m > to) return false;
    if (!categories.has(r['category'])) return false;
    if (filter.category !== undefined && r['category'] !== filter.category) return false;
    if (offices && !offices.has(r['officeId'])) return false;
    return measure ? countsToward(measure.denominator, r, options) : true;
  };
}
