import { pick, type Locale, type Localized } from '../i18n/locale.js';
import { statsLabel as vocabLabel } from './vocab.js';
import { statsMsg } from './messages.js';
import { parseMonth, periodLength, type StatsPeriod } from './period.js';
import type { StatsColumn, StatsRow, StatsRowLabel, StatsTable } from './table.js';

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** `2026-07` as a month, quarter or year in `locale` (2026年第3季度, Q3 2026). */
export function periodText(month: string, period: StatsPeriod, locale: Locale): string {
  const index = parseMonth(month);
  const year = Math.floor(index / 12);
  const m0 = index - year * 12;
  return statsMsg(locale, `period.${period}`, { year, month: m0 + 1, monthName: EN_MONTHS[m0]!, quarter: Math.floor(m0 / 3) + 1 });
}

/** A span of months in words: one period when it is exactly one, else `from to to`. */
export function spanText(span: { readonly from: string; readonly to: string }, period: StatsPeriod, locale: Locale): string {
  const a = parseMonth(span.from);
  const b = parseMonth(span.to);
  if (b - a + 1 === periodLength(period) && a % periodLength(period) === 0) return periodText(span.from, period, locale);
  if (a === b) return periodText(span.from, 'month', locale);
  return statsMsg(locale, 'period.range', { from: periodText(span.from, 'month', locale), to: periodText(span.to, 'month', locale) });
}

const nameOf = (name: string | Localized | null | undefined, locale: Locale): string => (name == null ? '' : (pick(name, locale) ?? ''));

/** The words of a row's label in `locale`. */
export function labelText(label: StatsRowLabel, locale: Locale): string {
  switch (label.type) {
    case 'office':
      return nameOf(label.name, locale) || label.id;
    case 'region':
      return label.id === null ? statsMsg(locale, 'row.noRegion') : nameOf(label.name, locale) || label.id;
    case 'period':
      return periodText(label.month, label.period, locale);
    case 'total':
      return statsMsg(locale, 'row.total');
  }
}

/** What the first cell of a row says (a subtotal names its group). */
export function rowText(row: StatsRow, locale: Locale): string {
  const text = labelText(row.label, locale);
  return row.kind === 'subtotal' ? statsMsg(locale, 'row.subtotal', { name: text }) : text;
}

/** Heading of the label column. */
export function labelColumnText(table: Pick<StatsTable, 'groupBy'>, locale: Locale): string {
  return statsMsg(locale, `col.label.${table.groupBy}`);
}

/** Heading of a column. */
export function columnText(column: StatsColumn, table: Pick<StatsTable, 'compare' | 'measures'>, locale: Locale): string {
  switch (column.kind) {
    case 'category':
      return vocabLabel('contentCategory', column.code, locale);
    case 'total':
      return statsMsg(locale, 'col.total');
    case 'share':
      return statsMsg(locale, 'col.share');
    case 'previous':
      return statsMsg(locale, table.compare === 'yoy' ? 'col.previous.yoy' : 'col.previous.mom');
    case 'delta':
      return statsMsg(locale, 'col.delta');
    case 'deltaPct':
      return statsMsg(locale, 'col.deltaPct');
    case 'measure':
      return pick(table.measures[column.index]?.label, locale) ?? column.id;
  }
}

/** Heading over a group of columns, or undefined for a column that stands alone. */
export function columnGroupText(group: StatsColumn['group'], table: Pick<StatsTable, 'compare'>, locale: Locale): string | undefined {
  if (group === 'categories') return statsMsg(locale, 'col.categories');
  if (group === 'compare') return statsMsg(locale, table.compare === 'yoy' ? 'col.compare.yoy' : 'col.compare.mom');
  if (group === 'measures') return statsMsg(locale, 'col.measures');
  return undefined;
}

const MINUS = '−';

/** A cell as text: counts as integers, ratios as percentages with one decimal, Δ with a sign; — when undefined. */
export function cellText(value: number | null, column: StatsColumn): string {
  if (value === null || !Number.isFinite(value)) return '—';
  switch (column.kind) {
    case 'share':
    case 'measure':
      return `${(value * 100).toFixed(1)}%`;
    case 'deltaPct':
      return `${value > 0 ? '+' : value < 0 ? MINUS : ''}${Math.abs(value * 100).toFixed(1)}%`;
    case 'delta':
      return `${value > 0 ? '+' : value < 0 ? MINUS : ''}${Math.abs(value)}`;
    default:
      return String(value);
  }
}

/** One line of the printed form's heading: what it is (`id`), its label and its value. */
export interface StatsFormMetaEntry {
  readonly id: 'documentNo' | 'version' | 'department' | 'unit' | 'period';
  readonly label: string;
  readonly value: string;
}

/**
 * The heading lines of the printed 顾客投诉分类统计表 (print view and XLSX), in order. The document
 * number and version are configurable and empty by default (the manual pairs no number with this
 * form): an empty one is left out rather than printed as a label with nothing after it. 填报单位
 * stays even when empty — it is the line a person fills in by hand.
 */
export function statsFormMeta(form: { readonly documentNo: string; readonly version: string; readonly department: Localized }, table: Pick<StatsTable, 'range' | 'period'>, locale: Locale, reportingUnit?: string): StatsFormMetaEntry[] {
  const entries: StatsFormMetaEntry[] = [];
  const add = (id: StatsFormMetaEntry['id'], value: string) => entries.push({ id, label: statsMsg(locale, `form.${id}`), value });
  if (form.documentNo.trim()) add('documentNo', form.documentNo);
  if (form.version.trim()) add('version', form.version);
  add('department', pick(form.department, locale) ?? '');
  add('unit', reportingUnit ?? '');
  add('period', spanText(table.range, table.period, locale));
  return entries;
}
