// The CSV export of <wy-deduction-calculator>: the summary table or the explanation as CSV text
// (core's table builders and toCsv) and the file download. Loaded after the first result
// (deduction-calculator.parts.ts), not in the element's entry.
import { deductionGroupTable, deductionLinesTable } from '../../../core/deductions/explain.js';
import type { DeductionResult, DeductionRules } from '../../../core/deductions/types.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { toCsv } from '../../../core/export/csv.js';
import { download } from '../../shared/download.js';

export type DeductionCsvKind = 'groups' | 'lines';

export interface DeductionCsvOptions {
  readonly locale: Locale;
  readonly rules: DeductionRules;
  readonly bom: boolean;
  nameOf(key: string): string;
}

/** The summary table (`groups`) or the explanation (`lines`) of a result as CSV text. */
export function deductionCsv(result: DeductionResult, kind: DeductionCsvKind, options: DeductionCsvOptions): string {
  const tableOptions = { locale: options.locale, rules: options.rules, nameOf: options.nameOf };
  const table = kind === 'groups' ? deductionGroupTable(result, tableOptions) : deductionLinesTable(result, tableOptions);
  return toCsv(table, { bom: options.bom });
}

/** Offers CSV text as a file named after the kind and the result's period. */
export function downloadDeductionCsv(csv: string, kind: DeductionCsvKind, result: DeductionResult): void {
  const period = result.period ? `${result.period.from}_${result.period.to}` : 'all';
  download(csv, `${kind === 'groups' ? 'deductions' : 'deduction-lines'}-${period}.csv`, 'text/csv;charset=utf-8');
}
