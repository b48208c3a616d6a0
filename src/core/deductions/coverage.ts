import { catalog } from '../i18n/catalog.js';
import type { Locale } from '../i18n/locale.js';
import { codesOf, labelOf } from './vocab.js';
import type { DeductionResult } from './types.js';

/**
 * What a deduction result counted and what it did not, and why, with counts: records given,
 * complaints counted (valid → points, invalid → none, not yet judged → none until judged), and
 * those left out (a kind of voice the rule set does not score, received outside the period,
 * unreadable). Pure: reads the result and the records' `kind`.
 */
export interface DeductionCoverage {
  readonly given: number;
  readonly counted: number;
  readonly valid: number;
  readonly invalid: number;
  readonly pending: number;
  /** Records of a kind the rule set does not score, per kind in vocabulary order (0s left out). */
  readonly outOfScope: readonly { readonly kind: string; readonly count: number }[];
  readonly outOfPeriod: number;
  readonly unreadable: number;
}

export function deductionCoverage(result: DeductionResult, records: ArrayLike<unknown>): DeductionCoverage {
  const kinds = new Map<string, number>();
  for (const g of result.groups) {
    for (const c of g.complaints) {
      if (c.status !== 'out-of-scope') continue;
      const r = records[c.index] as { kind?: unknown } | null | undefined;
      const kind = r && typeof r.kind === 'string' ? r.kind : '';
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
  }
  const order = codesOf('voiceKind');
  const t = result.totals;
  return {
    given: records.length,
    counted: t.counted,
    valid: t.valid,
    invalid: t.invalid,
    pending: t.pending,
    outOfScope: [...kinds].sort((a, b) => (order.indexOf(a[0]) >>> 0) - (order.indexOf(b[0]) >>> 0)).map(([kind, count]) => ({ kind, count })),
    outOfPeriod: t.outOfPeriod,
    unreadable: t.unreadable,
  };
}

const coverageMsg = catalog(
  {
    counted: '共 {given} 条记录，计入 {counted} 条：有效 {valid} 条扣分；无效 {invalid} 条不扣分；{pending} 条尚未判定有效性，判定前不扣分。',
    outOfScope: '{count} 条不是本规则集扣分的类型，不计入：{kinds}。',
    outOfPeriod: '{count} 条受理时间不在所选期间内，不计入。',
    unreadable: '{count} 条无法读取（受理时间、管理处或分类无效），不计入。',
    noKind: '未填类型',
  },
  {
    counted: '{given} records given, {counted} counted: {valid} valid, with points; {invalid} invalid, no points; {pending} not yet judged, no points until judged valid.',
    outOfScope: '{count} of a kind this rule set does not score, not counted: {kinds}.',
    outOfPeriod: '{count} received outside the selected period, not counted.',
    unreadable: '{count} unreadable (receipt time, office or category), not counted.',
    noKind: 'no kind',
  },
);

/** The coverage as sentences in `locale`. */
export function deductionCoverageText(c: DeductionCoverage, locale: Locale): { readonly counted: string; readonly excluded: readonly string[] } {
  const sep = locale === 'en' ? ', ' : '、';
  const excluded: string[] = [];
  const outOfScope = c.outOfScope.reduce((n, k) => n + k.count, 0);
  if (outOfScope) {
    const kinds = c.outOfScope.map((k) => `${k.kind ? labelOf('voiceKind', k.kind, locale) : coverageMsg(locale, 'noKind')} ${k.count}`).join(sep);
    excluded.push(coverageMsg(locale, 'outOfScope', { count: outOfScope, kinds }));
  }
  if (c.outOfPeriod) excluded.push(coverageMsg(locale, 'outOfPeriod', { count: c.outOfPeriod }));
  if (c.unreadable) excluded.push(coverageMsg(locale, 'unreadable', { count: c.unreadable }));
  return { counted: coverageMsg(locale, 'counted', { given: c.given, counted: c.counted, valid: c.valid, invalid: c.invalid, pending: c.pending }), excluded };
}
