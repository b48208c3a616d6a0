// The period controls of <wy-deduction-calculator>: what they show (the shared template in
// ../../shared/period-controls.ts) and what a choice does — it sets the element's `preset`,
// `range` and `compare` and fires `wy-period-change` with the dates now in effect.
import type { TemplateResult } from 'lit';
import { PERIOD_PRESETS, type PeriodCompare, type PeriodPreset } from '../../../core/stats/period.js';
import { customRangeIn, periodControls } from '../../shared/period-controls.js';
import { WyPeriodChangeEvent } from '../../shared/period-event.js';
import { msg } from '../views/messages.js';
import type { DeductionModel } from './model.js';

export class PeriodController {
  /** A custom range the user typed that cannot be used. */
  error = '';

  constructor(private readonly model: DeductionModel) {}

  /** The preset shown: the property, else `custom` when a range is given, else every record. */
  private get shown(): PeriodPreset | 'all' {
    const { preset, range } = this.model.host;
    return preset ?? (range ? 'custom' : 'all');
  }

  render(): TemplateResult {
    const locale = this.model.locale;
    const t = (k: Parameters<typeof msg>[1]) => msg(locale, k);
    const shown = this.shown;
    const presets: (PeriodPreset | 'all')[] = [...PERIOD_PRESETS.filter((p) => p !== 'custom'), 'custom', 'all'];
    const current = this.model.result?.period;
    return periodControls({
      legend: t('periodControls'),
      presetLabel: t('preset'),
      presets: presets.map((p) => ({ value: p, label: msg(locale, `preset.${p}`) })),
      selected: shown,
      custom: shown === 'custom',
      inputType: 'date',
      fromLabel: t('rangeFrom'),
      toLabel: t('rangeTo'),
      from: current?.from ?? '',
      to: current?.to ?? '',
      compareLabel: t('compare'),
      compares: (['none', 'mom', 'yoy'] as const).map((c) => ({ value: c, label: msg(locale, `compare.${c}`) })),
      compare: this.model.host.compare,
      compareDisabled: shown === 'all',
      error: this.error,
      onPreset: (e) => void this.onPreset(e),
      onCustom: () => void this.onCustom(),
      onCompare: (e) => void this.onCompare(e),
    });
  }

  private setError(text: string): void {
    this.error = text;
    this.model.host.requestUpdate();
  }

  private async fire(): Promise<void> {
    const host = this.model.host;
    await host.updateComplete;
    const p = this.model.result?.period;
    if (p) host.dispatchEvent(new WyPeriodChangeEvent({ preset: host.preset ?? 'custom', from: p.from, to: p.to, compare: host.compare }));
  }

  private async onPreset(event: Event): Promise<void> {
    const value = (event.target as HTMLSelectElement).value as PeriodPreset | 'all';
    const host = this.model.host;
    this.setError('');
    if (value === 'all') {
      host.preset = undefined;
      host.range = undefined;
      host.compare = 'none';
    } else if (value === 'custom') {
      const current = this.model.result?.period;
      host.preset = 'custom';
      if (current) host.range = { from: current.from, to: current.to };
    } else host.preset = value;
    await this.fire();
  }

  private async onCustom(): Promise<void> {
    const range = customRangeIn(this.model.host.renderRoot);
    if (!range) return;
    if (range === 'reversed') {
      this.setError(msg(this.model.locale, 'rangeInvalid'));
      return;
    }
    this.setError('');
    this.model.host.preset = 'custom';
    this.model.host.range = range;
    await this.fire();
  }

  private async onCompare(event: Event): Promise<void> {
    this.model.host.compare = (event.target as HTMLSelectElement).value as PeriodCompare;
    await this.fire();
  }
}
