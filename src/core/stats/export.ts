import { toCsv, type CsvCell, type CsvOptions, type CsvTable } from '../export/csv.js';
import type { Locale } from '../i18n/locale.js';
import { columnText, labelColumnText, rowText } from './format.js';
import { cellValue, isRatioColumn, statsColumns, type StatsTable } from './table.js';

export interface StatsCsvOptions extends CsvOptions {
  /** Headings and labels language; default zh-CN. */
  readonly locale?: Locale;
}

/** A ratio as a percentage number with one decimal (85.7), or null. */
const percent = (v: number | null): number | null => (v === null ? null : Math.round(v * 1000) / 10);

/**
 * The table as CSV rows: one heading row, then every row in display order (a group row carries
 * only its name). Ratios are percentage numbers with a `(%)` heading, so Excel reads them as
 * numbers and a negative change is not taken for a formula.
 */
export function statsCsvTable(table: StatsTable, locale: Locale = 'zh-CN'): CsvTable {
  const columns = statsColumns(table);
  return {
    columns: [labelColumnText(table, locale), ...columns.map((c) => columnText(c, table, locale) + (isRatioColumn(c) ? ' (%)' : ''))],
    rows: table.rows.map((row): CsvCell[] => {
      if (row.kind === 'group') return [rowText(row, locale)];
      return [rowText(row, locale), ...columns.map((c) => (isRatioColumn(c) ? percent(cellValue(row, c)) : cellValue(row, c)))];
    }),
  };
}

/** The table as CSV text for Excel: UTF-8 with BOM (default), CRLF, quoting and formula guard (src/core/export/csv.ts). */
export function statsToCsv(table: StatsTable, options: StatsCsvOptions = {}): string {
  return toCsv(statsCsvTable(table, options.locale ?? 'zh-CN'), options);
}


