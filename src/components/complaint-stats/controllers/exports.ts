import type { StatsConfig } from '../../../core/stats/config.js';
import type { StatsTable } from '../../../core/stats/table.js';
import { statsToXlsx } from '../../../core/stats/xlsx.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { download } from '../../shared/download.js';
import { statsFileName } from './model.js';

/** What the Excel export prints besides the table: the form, the reporting unit, the signatures. */
export interface XlsxExtras {
  readonly locale: Locale;
  readonly config: StatsConfig;
  readonly reportingUnit: string | undefined;
  readonly signatures: Readonly<Record<string, string>>;
}

/** The table as an .xlsx Blob (the spreadsheet library is loaded on first use). */
export async function tableXlsx(table: StatsTable, x: XlsxExtras): Promise<Blob> {
  const options = { locale: x.locale, form: x.config.form, ...(x.reportingUnit ? { reportingUnit: x.reportingUnit } : {}), signatures: x.signatures };
  return (await statsToXlsx(table, options)) as unknown as Blob;
}

/** Offers the workbook as a file download; resolves to it. */
export async function downloadXlsx(table: StatsTable, x: XlsxExtras): Promise<Blob> {
  const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return download(await tableXlsx(table, x), statsFileName(table, x.config, x.locale, 'xlsx'), type);
}
