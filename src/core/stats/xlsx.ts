import { pick, type Locale } from '../i18n/locale.js';
import { DEFAULT_STATS_CONFIG, type StatsForm } from './config.js';
import { columnGroupText, columnText, labelColumnText, rowText, statsFormMeta } from './format.js';
import { statsMsg } from './messages.js';
import { cellValue, isRatioColumn, statsColumns, type StatsColumn, type StatsTable } from './table.js';

/** One cell as write-excel-file takes it (the subset used here). */
export interface XlsxCell {
  readonly value?: string | number;
  readonly type?: StringConstructor | NumberConstructor;
  readonly format?: string;
  readonly fontWeight?: 'bold';
  readonly fontSize?: number;
  readonly align?: 'left' | 'center' | 'right';
  readonly alignVertical?: 'top' | 'center' | 'bottom';
  readonly backgroundColor?: string;
  readonly columnSpan?: number;
  readonly rowSpan?: number;
  readonly wrap?: boolean;
}
export type XlsxRow = (XlsxCell | null)[];

export interface StatsXlsxOptions {
  readonly locale?: Locale;
  /** The printed form's metadata; default from schemas/stats-config.schema.json. */
  readonly form?: StatsForm;
  /** 填报单位, the reporting unit. */
  readonly reportingUnit?: string;
  /** Names to print in the signature boxes, by signature id (`preparedBy`, …). */
  readonly signatures?: Readonly<Record<string, string>>;
}

export interface StatsSheet {
  readonly rows: XlsxRow[];
  readonly columns: { readonly width: number }[];
  /** Heading rows to keep in view (title, metadata, two heading rows). */
  readonly stickyRowsCount: number;
}

const GROUP_FILL = '#EEF2F7';
const SUBTOTAL_FILL = '#F6F8FA';
const TOTAL_FILL = '#E4EAF2';

/**
 * The table as a sheet, pure data: title and form metadata rows, a two-row heading with merged
 * group headings (按内容分类, 环比/同比, 比率指标), merged group rows, bold subtotal and total
 * rows, percentages as numbers formatted `0.0%`, and the signature line.
 */
export function statsSheet(table: StatsTable, options: StatsXlsxOptions = {}): StatsSheet {
  const locale = options.locale ?? 'zh-CN';
  const form = options.form ?? DEFAULT_STATS_CONFIG.form;
  const columns = statsColumns(table);
  const width = columns.length + 1;
  const fill = (cells: XlsxRow): XlsxRow => [...cells, ...Array<null>(Math.max(0, width - cells.length)).fill(null)];
  const text = (value: string, extra: XlsxCell = {}): XlsxCell => ({ value, type: String, ...extra });

  const rows: XlsxRow[] = [];
  rows.push(fill([text(pick(form.title, locale) ?? '', { fontWeight: 'bold', fontSize: 14, align: 'center', columnSpan: width })]));
  const meta = statsFormMeta(form, table, locale, options.reportingUnit)
    .filter((m) => m.id !== 'department')
    .map((m) => `${m.label}: ${m.value}`)
    .join('    ');
  rows.push(fill([text(meta, { columnSpan: width })]));

  // Two heading rows: groups merged across their columns, lone columns merged down.
  const head1: XlsxRow = [text(labelColumnText(table, locale), { fontWeight: 'bold', rowSpan: 2, alignVertical: 'center', backgroundColor: GROUP_FILL })];
  const head2: XlsxRow = [null];
  for (let i = 0; i < columns.length; ) {
    const c = columns[i]!;
    const group = columnGroupText(c.group, table, locale);
    if (group === undefined) {
      head1.push(text(columnText(c, table, locale), { fontWeight: 'bold', rowSpan: 2, align: 'center', alignVertical: 'center', backgroundColor: GROUP_FILL, wrap: true }));
      head2.push(null);
      i++;
      continue;
    }
    let j = i;
    while (j < columns.length && columns[j]!.group === c.group) j++;
    head1.push(text(group, { fontWeight: 'bold', align: 'center', columnSpan: j - i, backgroundColor: GROUP_FILL }));
    for (let k = i + 1; k < j; k++) head1.push(null);
    for (let k = i; k < j; k++) head2.push(text(columnText(columns[k]!, table, locale), { fontWeight: 'bold', align: 'center', backgroundColor: GROUP_FILL, wrap: true }));
    i = j;
  }
  rows.push(head1, head2);

  const value = (c: StatsColumn, v: number | null, extra: XlsxCell): XlsxCell | null => {
    if (v === null) return text('—', { align: 'right', ...extra });
    if (isRatioColumn(c)) return { value: v, type: Number, format: c.kind === 'deltaPct' ? '+0.0%;-0.0%;0.0%' : '0.0%', ...extra };
    if (c.kind === 'delta') return { value: v, type: Number, format: '+0;-0;0', ...extra };
    return { value: v, type: Number, ...extra };
  };
  for (const row of table.rows) {
    if (row.kind === 'group') {
      rows.push(fill([text(rowText(row, locale), { fontWeight: 'bold', columnSpan: width, backgroundColor: GROUP_FILL })]));
      continue;
    }
    const style: XlsxCell = row.kind === 'total' ? { fontWeight: 'bold', backgroundColor: TOTAL_FILL } : row.kind === 'subtotal' ? { fontWeight: 'bold', backgroundColor: SUBTOTAL_FILL } : {};
    rows.push([text(rowText(row, locale), style), ...columns.map((c) => value(c, cellValue(row, c), style))]);
  }

  rows.push(fill([]));
  const signatures = form.signatures.map((s) => `${pick(s.label, locale)}: ${options.signatures?.[s.id] ?? '________'}`);
  signatures.push(`${statsMsg(locale, 'form.date')}: ________`);
  rows.push(fill([text(signatures.join('    '), { columnSpan: width })]));

  return { rows, columns: [{ width: 22 }, ...columns.map((c) => ({ width: c.kind === 'measure' ? 12 : 10 }))], stickyRowsCount: 4 };
}

/** The part of a Blob the caller needs (core is typed without the DOM library). */
export interface XlsxBlob {
  readonly size: number;
  readonly type: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * The table as an .xlsx file (a Blob). write-excel-file is imported only here and only when
 * called, so it never weighs on the table's own bundle.
 */
export async function statsToXlsx(table: StatsTable, options: StatsXlsxOptions = {}): Promise<XlsxBlob> {
  const sheet = statsSheet(table, options);
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const title = pick((options.form ?? DEFAULT_STATS_CONFIG.form).title, options.locale ?? 'zh-CN') ?? 'Sheet1';
  // The single-sheet overload, typed loosely: its Blob type needs the DOM library core goes without.
  const write = writeXlsxFile as unknown as (data: unknown, options: unknown) => { toBlob(): Promise<unknown> };
  const blob = await write(sheet.rows, {
    columns: sheet.columns,
    stickyRowsCount: sheet.stickyRowsCount,
    stickyColumnsCount: 1,
    // Sheet names: at most 31 characters, none of : \ / ? * [ ].
    sheet: title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31),
  }).toBlob();
  return blob as XlsxBlob;
}
