import { html, type TemplateResult } from 'lit';
import { statsMsg } from '../../../core/stats/messages.js';
import { formatMonth, PERIOD_PRESETS, type MonthSpan, type PeriodPreset } from '../../../core/stats/period.js';
import type { StatsCompare } from '../../../core/stats/table.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { periodControls } from '../../shared/period-controls.js';
import { periodStyles } from '../../shared/period.styles.js';
import { parseMonthSafe } from '../controllers/period.js';

export const styles = [periodStyles];

/** What the period controls show and whom they tell. */
export interface ControlsContext {
  readonly locale: Locale;
  readonly preset: PeriodPreset | undefined;
  readonly from: string | undefined;
  readonly to: string | undefined;
  readonly compare: StatsCompare;
  /** The range on screen, when there is a table. */
  readonly shown: MonthSpan | undefined;
  readonly rangeError: string;
  readonly onPreset: (event: Event) => void;
  readonly onCustom: () => void;
  readonly onCompare: (event: Event) => void;
}

/** The preset shown in the controls: the property, else `custom` when a range is given, else the latest period. */
export function shownPreset(c: Pick<ControlsContext, 'preset' | 'from' | 'to'>): PeriodPreset | 'latest' {
  return c.preset ?? (c.from || c.to ? 'custom' : 'latest');
}

/** The period controls (preset, custom months, comparison) in the element's language. */
export function renderControls(c: ControlsContext): TemplateResult {
  const { locale } = c;
  const t = (k: Parameters<typeof statsMsg>[1]) => statsMsg(locale, k);
  const shown = shownPreset(c);
  const presets: (PeriodPreset | 'latest')[] = shown === 'latest' ? ['latest', ...PERIOD_PRESETS] : [...PERIOD_PRESETS];
  return periodControls({
    legend: t('periodControls'),
    presetLabel: t('preset'),
    presets: presets.map((p) => ({ value: p, label: statsMsg(locale, `preset.${p}`) })),
    selected: shown,
    custom: shown === 'custom',
    inputType: 'month',
    fromLabel: t('rangeFrom'),
    toLabel: t('rangeTo'),
    from: c.from ? formatMonth(parseMonthSafe(c.from) ?? 0) : (c.shown?.from ?? ''),
    to: c.to ? formatMonth(parseMonthSafe(c.to, true) ?? 0) : (c.shown?.to ?? ''),
    compareLabel: t('compare'),
    compares: (['none', 'mom', 'yoy'] as const).map((v) => ({ value: v, label: statsMsg(locale, `compare.${v}`) })),
    compare: c.compare,
    error: c.rangeError,
    onPreset: c.onPreset,
    onCustom: c.onCustom,
    onCompare: c.onCompare,
  });
}

/** The notice in place of a table: an error (alert) or a note such as "fetching" (status). */
export function renderNotice(locale: Locale, error: string | undefined, loading: boolean): TemplateResult {
  const message = error ?? (loading ? statsMsg(locale, 'load.busy') : '');
  return html`<p part=${error !== undefined ? 'error' : 'notice'} role=${error !== undefined ? 'alert' : 'status'}>${message}</p>`;
}
