import { statsVocab as vocab, statsLabel as vocabLabel } from './vocab.js';
import type { Locale } from '../i18n/locale.js';
import { DEFAULT_STATS_CONFIG, type StatsConfig } from './config.js';
import { statsMsg } from './messages.js';
import { parseMonth, shanghaiMonth } from './period.js';
import type { StatsFilter, StatsTable } from './table.js';

/**
 * What the statistics table counted and what it left out, and why: the records given, those
 * counted by kind of voice and by validity, and those not counted (outside the period, filtered
 * out, unreadable). The table itself (`aggregateComplaints`) stays one tight pass; this is a
 * second pass the screen makes to explain it.
 */
export interface StatsCoverage {
  readonly given: number;
  readonly counted: number;
  /** Counted records per kind of voice (`complaint`, `suggestion`, …), in vocabulary order; kinds with 0 left out. */
  readonly byKind: readonly { readonly kind: string; readonly count: number }[];
  /** Counted records by validity: judged valid, judged invalid, not yet judged. */
  readonly validity: { readonly valid: number; readonly invalid: number; readonly pending: number };
  /** Not counted, by reason; every record given is in exactly one of counted or these. */
  readonly excluded: {
    readonly outOfRange: number;
    readonly filtered: number;
    readonly invalidRecord: number;
    readonly invalidDate: number;
    readonly unknownCategory: number;
  };
}

interface Loose {
  readonly receivedAt?: unknown;
  readonly category?: unknown;
  readonly kind?: unknown;
  readonly channel?: unknown;
  readonly severity?: unknown;
  readonly complainant?: { readonly type?: unknown } | null;
  readonly validity?: unknown;
}

const passes = (codes: readonly string[] | undefined, value: unknown): boolean => !codes || codes.length === 0 || codes.includes(value as string);

/** Explains `table` over the `records` it was made from (same filter and range). */
export function statsCoverage(records: ArrayLike<unknown>, table: Pick<StatsTable, 'range' | 'filter'>, config: StatsConfig = DEFAULT_STATS_CONFIG): StatsCoverage {
  const from = parseMonth(table.range.from);
  const to = parseMonth(table.range.to, true);
  const categories = new Set<unknown>(vocab.contentCategory.codes);
  const valid = new Set<unknown>(config.validCodes);
  const f: StatsFilter = table.filter;
  const kinds = new Map<string, number>();
  let counted = 0, judgedValid = 0, judgedInvalid = 0, pending = 0;
  let outOfRange = 0, filtered = 0, invalidRecord = 0, invalidDate = 0, unknownCategory = 0;
  for (let i = 0; i < records.length; i++) {
    const r = records[i] as Loose | null;
    if (r === null || typeof r !== 'object') {
      invalidRecord++;
      continue;
    }
    if (!passes(f.kind, r.kind) || !passes(f.channel, r.channel) || !passes(f.severity, r.severity) || !passes(f.complainantType, r.complainant?.type)) {
      filtered++;
      continue;
    }
    const m = shanghaiMonth(r.receivedAt);
    if (m < 0) {
      invalidDate++;
      continue;
    }
    if (!categories.has(r.category)) {
      unknownCategory++;
      continue;
    }
    if (m < from || m > to) {
      outOfRange++;
      continue;
    }
    counted++;
    const kind = typeof r.kind === 'string' ? r.kind : '';
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    if (r.validity == null) pending++;
    else if (valid.has(r.validity)) judgedValid++;
    else judgedInvalid++;
  }
  const order = vocab.voiceKind.codes as readonly string[];
  const byKind = [...kinds].sort((a, b) => (order.indexOf(a[0]) >>> 0) - (order.indexOf(b[0]) >>> 0)).map(([kind, count]) => ({ kind, count }));
  return {
    given: records.length,
    counted,
    byKind,
    validity: { valid: judgedValid, invalid: judgedInvalid, pending },
    excluded: { outOfRange, filtered, invalidRecord, invalidDate, unknownCategory },
  };
}

/** The coverage as sentences in `locale`: what is counted, then each reason something is not. */
export function coverageText(c: StatsCoverage, locale: Locale): { readonly counted: string; readonly excluded: readonly string[] } {
  const sep = locale === 'en' ? ', ' : '、';
  const kinds = c.byKind.map((k) => statsMsg(locale, 'coverage.kind', { kind: k.kind ? vocabLabel('voiceKind', k.kind, locale) : statsMsg(locale, 'coverage.noKind'), count: k.count })).join(sep);
  const counted = statsMsg(locale, 'coverage.counted', {
    given: c.given,
    counted: c.counted,
    kinds: kinds || '—',
    valid: c.validity.valid,
    invalid: c.validity.invalid,
    pending: c.validity.pending,
  });
  const excluded: string[] = [];
  const e = c.excluded;
  if (e.outOfRange) excluded.push(statsMsg(locale, 'coverage.outOfRange', { count: e.outOfRange }));
  if (e.filtered) excluded.push(statsMsg(locale, 'coverage.filtered', { count: e.filtered }));
  if (e.invalidDate) excluded.push(statsMsg(locale, 'coverage.invalidDate', { count: e.invalidDate }));
  if (e.unknownCategory) excluded.push(statsMsg(locale, 'coverage.unknownCategory', { count: e.unknownCategory }));
  if (e.invalidRecord) excluded.push(statsMsg(locale, 'coverage.invalidRecord', { count: e.invalidRecord }));
  return { counted, excluded };
}
