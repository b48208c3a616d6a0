// Statistics: the 顾客投诉分类统计表 as data, its sorting, drill-down filters and exports.
export { aggregateComplaints, aggregateCells } from './aggregate.js';
export type { AggregateOptions, StatsCell, StatsCellInput } from './aggregate.js';
export { DEFAULT_STATS_CONFIG } from './config.js';
export type { StatsConfig, StatsMeasure, StatsForm, StatsSignature, StatsCounter } from './config.js';
export { statsColumns, cellValue, isRatioColumn } from './table.js';
export type {
  StatsTable,
  StatsRow,
  StatsRowKind,
  StatsRowLabel,
  StatsColumn,
  StatsGroupBy,
  StatsCompare,
  StatsOffice,
  StatsFilter,
  StatsMeasureValue,
  StatsComparison,
  StatsSkipped,
} from './table.js';
export { shanghaiMonth, parseMonth, formatMonth, PERIOD_PRESETS, isPeriodPreset, resolvePreset, compareRange, rangeMonths, presetOf, isDateRange, monthFirstDay, monthLastDay } from './period.js';
export type { StatsPeriod, MonthSpan, PeriodPreset, PeriodCompare, DateRange, ResolvedPreset } from './period.js';
export { statsCoverage, coverageText } from './coverage.js';
export type { StatsCoverage } from './coverage.js';
export { sortStatsTable } from './sort.js';
export type { StatsSort, SortDirection } from './sort.js';
export { statsCellFilter, statsRecordMatcher, countsToward } from './filter.js';
export type { StatsCellFilter } from './filter.js';
export { periodText, spanText, labelText, rowText, columnText, columnGroupText, labelColumnText, cellText, statsFormMeta } from './format.js';
export type { StatsFormMetaEntry } from './format.js';
export { statsCsvTable, statsToCsv } from './export.js';
export type { StatsCsvOptions } from './export.js';
export { statsSheet, statsToXlsx } from './xlsx.js';
export type { StatsXlsxOptions, StatsSheet, XlsxCell, XlsxRow, XlsxBlob } from './xlsx.js';
export { statsMsg } from './messages.js';
export { statsRequestQuery, statsRequestOptions, readStatsTable } from './request.js';
export type { StatsRequest, ParamReader } from './request.js';
