import type { CsvTable, CsvCell } from '../export/csv.js';
import { codesOf, labelOf } from './vocab.js';
import type { Locale } from '../i18n/locale.js';
import { deductionText, type DeductionTextKey } from './messages.js';
import type { DeductionFact, DeductionInput, DeductionLine, DeductionResult, DeductionRules } from './types.js';
import { CODE_FACTS } from './compile.js';

const FACTS = new Set<string>(codesOf('deductionFact'));
const INSTANTS = new Set(['deadline', 'replyAt', 'closedAt', 'asOf']);

/** Points as text: at most the two decimals they carry, never `0.30000000000000004`. */
export function formatPoints(points: number): string {
  const h = Math.round(points * 100);
  if (h === 0) return '0';
  const sign = h < 0 ? '-' : '';
  const a = Math.abs(h);
  const whole = Math.floor(a / 100);
  const frac = a % 100;
  return frac === 0 ? `${sign}${whole}` : `${sign}${whole}.${String(frac).padStart(2, '0').replace(/0$/, '')}`;
}

/** The name of a rule in `locale`: a base cell by its category and severity, others by their label. */
export function ruleLabel(rules: DeductionRules, ruleId: string, locale: Locale): string {
  const t = (key: DeductionTextKey, p?: Record<string, string | number>) => deductionText(locale, key, p);
  const b = rules.base.find((x) => x.id === ruleId);
  if (b) return `${labelOf('contentCategory', b.category, locale)}·${labelOf('severity', b.severity, locale)}`;
  const a = rules.adjustments.find((x) => x.id === ruleId) ?? rules.ratings.find((x) => x.id === ruleId);
  if (a) return a.label[locale];
  if (rules.startingScore.id === ruleId) return t('rule.start');
  if (rules.cap?.id === ruleId) return t('rule.cap');
  if (rules.rounding.id === ruleId) {
    return t('rule.rounding', { decimals: rules.rounding.decimals, mode: labelOf('deductionRoundingMode', rules.rounding.mode, locale) });
  }
  return t('rule.unknown');
}

/** The name of an input (a fact or a rule value) in `locale`. */
export function inputLabel(name: string, locale: Locale): string {
  if (FACTS.has(name)) return labelOf('deductionFact', name, locale);
  const key = `input.${name}` as DeductionTextKey;
  const text = deductionText(locale, key);
  return text === key ? name : text;
}

/** An input's value in `locale`: yes/no, a code's label, an instant as `2026-07-03 18:00`, a number. */
export function inputValue(name: string, value: DeductionInput, locale: Locale): string {
  if (value === null) return deductionText(locale, 'value.none');
  if (typeof value === 'boolean') return deductionText(locale, value ? 'value.yes' : 'value.no');
  if (typeof value === 'number') return name === 'factor' ? `×${value}` : formatPoints(value);
  const codes = FACTS.has(name) ? CODE_FACTS[name as DeductionFact] : undefined;
  if (codes) return labelOf(codes, value, locale);
  if (INSTANTS.has(name) && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return value.slice(0, 16).replace('T', ' ');
  return value;
}

/** A line's inputs as one sentence: `重复投诉：是；基础分：2.5；倍数：×1.5`. */
export function describeInputs(inputs: DeductionLine['inputs'], locale: Locale): string {
  return Object.entries(inputs)
    .map(([name, value]) => deductionText(locale, 'pair', { name: inputLabel(name, locale), value: inputValue(name, value, locale) }))
    .join(deductionText(locale, 'list.separator'));
}

export interface DeductionTableOptions {
  readonly locale: Locale;
  /** The rule set the result was computed with (for rule names). */
  readonly rules: DeductionRules;
  /** Display name of a group key (an office's name from reference data); default: the staff name or the key. */
  readonly nameOf?: (key: string) => string | undefined;
}

const periodText = (r: DeductionResult, locale: Locale) => (r.period ? `${r.period.from}/${r.period.to}` : deductionText(locale, 'period.all'));

/** The office (or staff) table as data for toCsv(): one row per group. Points are numbers. */
export function deductionGroupTable(result: DeductionResult, options: DeductionTableOptions): CsvTable {
  const { locale } = options;
  const t = (k: DeductionTextKey) => deductionText(locale, k);
  const who = result.groupBy === 'office' ? t('col.office') : t('col.staff');
  return {
    columns: [
      t('col.key'), who, t('col.period'), t('col.counted'), t('col.valid'), t('col.invalid'), t('col.pending'), t('col.outOfScope'),
      t('col.points'), t('col.cap'), t('col.deducted'), t('col.start'), t('col.final'), t('col.rating'), t('col.ruleSet'),
    ],
    rows: result.groups.map((g): CsvCell[] => [
      g.key,
      options.nameOf?.(g.key) ?? g.name ?? g.key,
      periodText(result, locale),
      g.counted, g.valid, g.invalid, g.pending, g.outOfScope,
      g.points, g.cap, g.deducted, g.startingScore, g.finalScore,
      g.rating ? g.rating.label[locale] : '',
      `${result.rules.id}@${result.rules.version}`,
    ]),
  };
}

/**
 * The explanation as data for toCsv(): one row per rule line of every record (records that
 * deduct nothing get one row with their status), then each group's rounding, cap and rating.
 */
export function deductionLinesTable(result: DeductionResult, options: DeductionTableOptions): CsvTable {
  const { locale, rules } = options;
  const t = (k: DeductionTextKey) => deductionText(locale, k);
  const rows: CsvCell[][] = [];
  for (const g of result.groups) {
    const name = options.nameOf?.(g.key) ?? g.name ?? g.key;
    for (const c of g.complaints) {
      const status = labelOf('deductionStatus', c.status, locale);
      if (c.lines.length === 0) rows.push([g.key, name, c.recordNo, status, '', '', 0, '']);
      for (const l of c.lines) rows.push([g.key, name, c.recordNo, status, l.ruleId, ruleLabel(rules, l.ruleId, locale), l.points, describeInputs(l.inputs, locale)]);
    }
    for (const l of g.lines) rows.push([g.key, name, '', '', l.ruleId, ruleLabel(rules, l.ruleId, locale), l.points, describeInputs(l.inputs, locale)]);
    if (g.rating) {
      rows.push([g.key, name, '', '', g.rating.ruleId, g.rating.label[locale], '', deductionText(locale, 'pair', { name: t('col.final'), value: formatPoints(g.finalScore) })]);
    }
  }
  return {
    columns: [t('col.key'), result.groupBy === 'office' ? t('col.office') : t('col.staff'), t('col.recordNo'), t('col.status'), t('col.ruleId'), t('col.rule'), t('col.linePoints'), t('col.inputs')],
    rows,
  };
}
