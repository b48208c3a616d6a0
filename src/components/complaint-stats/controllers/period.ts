import { statsMsg } from '../../../core/stats/messages.js';
import { formatMonth, monthLastDay, parseMonth, resolvePreset, type MonthSpan, type PeriodPreset, type StatsPeriod } from '../../../core/stats/period.js';
import type { StatsCompare } from '../../../core/stats/table.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { customRangeIn } from '../../shared/period-controls.js';
import { WyPeriodChangeEvent } from '../../shared/period-event.js';

/** The options the period controls set. */
export interface PeriodOptions {
  preset?: PeriodPreset | undefined;
  granularity: StatsPeriod;
  compare: StatsCompare;
  from?: string | undefined;
  to?: string | undefined;
}

/** What choosing a preset in the controls sets (`latest` sets nothing); `shown` is the range on screen. */
export function presetChoice(value: PeriodPreset | 'latest', shown: MonthSpan | undefined, now: number): Partial<PeriodOptions> | undefined {
  if (value === 'latest') return undefined;
  if (value === 'custom') return { preset: 'custom', ...(shown ? { from: shown.from, to: shown.to } : {}) };
  return { preset: value, granularity: resolvePreset(value, now).granularity };
}

/** What the custom months typed in the controls set: nothing while one is empty, a message when they are reversed. */
export function customChoice(root: ParentNode, locale: Locale): Partial<PeriodOptions> | { readonly error: string } | undefined {
  const range = customRangeIn(root);
  if (!range) return undefined;
  if (range === 'reversed') return { error: statsMsg(locale, 'rangeInvalid') };
  return { preset: 'custom', granularity: 'month', from: range.from, to: range.to };
}

/**
 * The `wy-period-change` event for the options now set. Counted elsewhere (`counted`), the table
 * on screen is still the old period's: the range is the one asked for; otherwise `shown`.
 */
export function periodChange(o: PeriodOptions, counted: boolean, shown: MonthSpan | undefined, now: number): WyPeriodChangeEvent | undefined {
  const span = (counted ? askedSpan(o, now) : undefined) ?? shown;
  if (!span) return undefined;
  return new WyPeriodChangeEvent({ preset: o.preset ?? 'custom', from: `${span.from}-01`, to: monthLastDay(parseMonth(span.to)), compare: o.compare });
}

/** The months the options ask for (a preset, or from/to), before any table answers them. */
export function askedSpan(o: PeriodOptions, now: number): MonthSpan | undefined {
  if (o.preset && o.preset !== 'custom') return resolvePreset(o.preset, now).months;
  const from = o.from ? parseMonthSafe(o.from) : undefined;
  const to = o.to ? parseMonthSafe(o.to, true) : undefined;
  if (from === undefined && to === undefined) return undefined;
  return { from: formatMonth(from ?? to!), to: formatMonth(to ?? from!) };
}

/** The month index of `text`, or undefined when it is not a month. */
export function parseMonthSafe(text: string, end = false): number | undefined {
  try {
    return parseMonth(text, end);
  } catch {
    return undefined;
  }
}
