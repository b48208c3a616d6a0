import { aggregateComplaints } from '../../../core/stats/aggregate.js';
import type { StatsConfig } from '../../../core/stats/config.js';
import { statsCoverage, type StatsCoverage } from '../../../core/stats/coverage.js';
import { statsToCsv } from '../../../core/stats/export.js';
import { statsCellFilter, type StatsCellFilter } from '../../../core/stats/filter.js';
import { columnText, labelColumnText } from '../../../core/stats/format.js';
import { statsMsg } from '../../../core/stats/messages.js';
import { formatMonth, monthOfInstant, resolvePreset, type PeriodPreset, type StatsPeriod } from '../../../core/stats/period.js';
import { readStatsTable } from '../../../core/stats/request.js';
import { sortStatsTable, type StatsSort } from '../../../core/stats/sort.js';
import { statsColumns, type StatsCompare, type StatsFilter, type StatsGroupBy, type StatsOffice, type StatsTable } from '../../../core/stats/table.js';
import { pick, type Locale } from '../../../core/i18n/locale.js';
import { download } from '../../shared/download.js';

/** What the table is made from: the element's options, and what a `src` server answered. */
export interface StatsInputs {
  readonly complaints: ArrayLike<unknown>;
  readonly aggregated: StatsTable | undefined;
  readonly src: string | undefined;
  readonly offices: readonly StatsOffice[];
  readonly groupBy: StatsGroupBy;
  readonly granularity: StatsPeriod;
  readonly preset: PeriodPreset | undefined;
  readonly compare: StatsCompare;
  readonly from: string | undefined;
  readonly to: string | undefined;
  readonly filter: StatsFilter;
  readonly config: StatsConfig;
  readonly asOf: string | undefined;
  /** The table the `src` server sent, and the message when it could not. */
  readonly served: StatsTable | undefined;
  readonly loadError: string | undefined;
}

const COUNTED_KEYS = ['aggregated', 'served', 'loadError', 'src'] as const satisfies readonly (keyof StatsInputs)[];
const LOCAL_KEYS = ['complaints', 'offices', 'groupBy', 'granularity', 'preset', 'compare', 'from', 'to', 'filter', 'config', 'asOf', 'aggregated', 'src'] as const satisfies readonly (keyof StatsInputs)[];

/**
 * The statistics behind the element: the table counted here (or read from what was counted
 * elsewhere), what it covers, and its sorted view — remade only when an input it depends on
 * changes (compared by identity, as Lit compares properties).
 */
export class StatsModel {
  /** The table as counted, before sorting. */
  raw: StatsTable | undefined;
  /** The table in display order; undefined when the options are wrong. */
  view: StatsTable | undefined;
  /** The message for options that cannot be counted, or a table that cannot be read or fetched. */
  error: string | undefined;
  /** What was counted and what was not (tables counted here only). */
  coverage: StatsCoverage | undefined;
  private last: Partial<StatsInputs> | undefined;
  private memo: { raw?: StatsTable; sort?: StatsSort | undefined; locale?: Locale } = {};

  /** Whether the table comes counted from elsewhere (`aggregated` or `src`). */
  static counted(o: Pick<StatsInputs, 'aggregated' | 'src'>): boolean {
    return o.aggregated !== undefined || !!o.src;
  }

  /** Brings the table up to date with `o`; returns the sort to keep (undefined when its column is gone). */
  update(o: StatsInputs, sort: StatsSort | undefined, locale: Locale): StatsSort | undefined {
    const counted = StatsModel.counted(o);
    const keys = counted ? COUNTED_KEYS : LOCAL_KEYS;
    const changed = !this.last || keys.some((k) => this.last![k] !== o[k]);
    this.last = o;
    if (changed) {
      if (counted) this.readCounted(o);
      else this.count(o);
      const key = sort?.key;
      if (key !== undefined && key !== 'label' && this.raw && !statsColumns(this.raw).some((c) => c.key === key)) sort = undefined;
    }
    // The sorted view, remade only when the table, the sort or the language changes.
    if (!this.raw) this.view = undefined;
    else if (this.memo.raw !== this.raw || this.memo.sort !== sort || this.memo.locale !== locale) {
      this.view = sort ? sortStatsTable(this.raw, sort, locale) : this.raw;
      this.memo = { raw: this.raw, sort, locale };
    }
    return sort;
  }

  private readCounted(o: StatsInputs): void {
    try {
      this.raw = o.aggregated !== undefined ? readStatsTable(o.aggregated) : o.served;
      this.error = o.aggregated === undefined ? o.loadError : undefined;
    } catch (e) {
      this.raw = undefined;
      this.error = e instanceof Error ? e.message : String(e);
    }
    this.coverage = undefined;
  }

  private count(o: StatsInputs): void {
    try {
      const relative = o.preset && o.preset !== 'custom' ? resolvePreset(o.preset, Date.now()).months : undefined;
      const from = relative?.from ?? o.from;
      const to = relative?.to ?? o.to;
      const noRange = !from && !to && !o.complaints.length;
      this.raw = aggregateComplaints(o.complaints, {
        offices: o.offices,
        groupBy: o.groupBy,
        period: o.granularity,
        compare: o.compare,
        ...(from ? { from } : noRange ? { from: formatMonth(monthOfInstant(Date.now())) } : {}),
        ...(to ? { to } : {}),
        filter: o.filter,
        config: o.config,
        ...(o.asOf ? { asOf: o.asOf } : {}),
      });
      this.error = undefined;
      this.coverage = statsCoverage(o.complaints, this.raw, o.config);
    } catch (e) {
      this.raw = undefined;
      this.coverage = undefined;
      this.error = e instanceof Error ? e.message : String(e);
    }
  }
}

/** The sort after a click on column `key` (descending first for numbers), and the sentence that announces it. */
export function nextSort(table: StatsTable, sort: StatsSort | undefined, key: string, locale: Locale): { sort: StatsSort; announce: string } {
  const current = sort?.key === key ? sort.direction : undefined;
  const direction = current === undefined ? (key === 'label' ? 'ascending' : 'descending') : current === 'ascending' ? 'descending' : 'ascending';
  const column = key === 'label' ? labelColumnText(table, locale) : columnText(statsColumns(table).find((c) => c.key === key)!, table, locale);
  const announce = statsMsg(locale, 'sortedBy', { column, direction: statsMsg(locale, direction === 'ascending' ? 'sort.ascending' : 'sort.descending') });
  return { sort: { key, direction }, announce };
}

/** The filter behind a cell, by its row and column keys; undefined when there is none. */
export function cellChoice(table: StatsTable, rowKey: string, columnKey: string): { filter: StatsCellFilter; row: string; column: string } | undefined {
  const row = table.rows.find((r) => r.key === rowKey);
  const column = statsColumns(table).find((c) => c.key === columnKey);
  if (!row || !column) return undefined;
  const filter = statsCellFilter(table, row, column);
  return filter ? { filter, row: row.key, column: column.key } : undefined;
}

/** The table as CSV in `locale` (see `statsToCsv`). */
export function tableCsv(table: StatsTable, locale: Locale, options: { bom?: boolean }): string {
  return statsToCsv(table, { locale, ...options });
}

/** A download's file name: the form's title and the table's months. */
export function statsFileName(table: StatsTable, config: StatsConfig, locale: Locale, ext: string): string {
  return `${pick(config.form.title, locale)}-${table.range.from}${table.range.to !== table.range.from ? `_${table.range.to}` : ''}.${ext}`;
}

/** Offers the CSV as a file download. */
export function downloadCsv(csv: string, table: StatsTable, config: StatsConfig, locale: Locale): void {
  download(csv, statsFileName(table, config, locale, 'csv'), 'text/csv;charset=utf-8');
}

/** The message shown when a `src` server could not answer. */
export function loadFailed(locale: Locale, detail: string): string {
  return statsMsg(locale, 'load.failed', { detail });
}
