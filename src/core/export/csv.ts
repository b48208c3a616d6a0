/**
 * CSV for Excel users in China: UTF-8 with a byte-order mark (without it Excel opens Chinese
 * text garbled), CRLF line ends, RFC 4180 quoting, and a guard against formula injection: a cell
 * that starts with = + - @ (or a tab/CR) is prefixed with an apostrophe so Excel shows it as
 * text instead of running it (OWASP "CSV injection").
 */

/** A table as data: column headers and rows of cells. */
export interface CsvTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly CsvCell[])[];
}
export type CsvCell = string | number | boolean | null | undefined;

export interface CsvOptions {
  /** Prefix the UTF-8 byte-order mark; default true (Excel needs it for Chinese). */
  readonly bom?: boolean;
  /** Neutralise cells that Excel would treat as formulas; default true. */
  readonly formulaGuard?: boolean;
  /** Field separator; default `,`. */
  readonly separator?: string;
}

const BOM = '\uFEFF';

/** One cell as CSV text. Numbers are written as they are (a negative number is not a formula). */
export function csvCell(value: CsvCell, { formulaGuard = true, separator = ',' }: CsvOptions = {}): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (formulaGuard && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return text.includes(separator) || /["\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole table as one CSV string (with the BOM unless `bom: false`). */
export function toCsv(table: CsvTable, options: CsvOptions = {}): string {
  const sep = options.separator ?? ',';
  const line = (cells: readonly CsvCell[]) => cells.map((c) => csvCell(c, options)).join(sep);
  const body = [line(table.columns), ...table.rows.map(line)].join('\r\n') + '\r\n';
  return (options.bom ?? true) ? BOM + body : body;
}
