// The options of the statistics table, checked and resolved.
import { DEFAULT_STATS_CONFIG, type StatsConfig } from './config.js';
import { instant, parseMonth, periodLength, periodStart, type StatsPeriod } from './period.js';
import type { StatsCompare, StatsFilter, StatsGroupBy, StatsOffice } from './table.js';

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
export interface Resolved {
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

export function resolveOptions(options: AggregateOptions): Resolved {
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
