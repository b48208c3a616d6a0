import { html, nothing, type TemplateResult } from 'lit';
import type { PeriodCompare } from '../../core/stats/period.js';

/**
 * What the period controls show — a preset select, custom from/to inputs, a comparison select and
 * a range error — as data with its words already in the element's language, plus the handlers.
 * `<wy-complaint-stats>` (months) and `<wy-deduction-calculator>` (dates) render the same controls
 * from this one template; the styles are `periodStyles` (period.styles.ts).
 */
export interface PeriodControlsView {
  readonly legend: string;
  readonly presetLabel: string;
  /** The presets offered, with their labels, in order. */
  readonly presets: readonly { readonly value: string; readonly label: string }[];
  readonly selected: string;
  /** Show the from/to inputs (the `custom` preset). */
  readonly custom: boolean;
  /** `month` (statistics) or `date` (deductions). */
  readonly inputType: 'month' | 'date';
  readonly fromLabel: string;
  readonly toLabel: string;
  readonly from: string;
  readonly to: string;
  readonly compareLabel: string;
  readonly compares: readonly { readonly value: PeriodCompare; readonly label: string }[];
  readonly compare: PeriodCompare;
  readonly compareDisabled?: boolean;
  /** A range the user typed that cannot be used ("the last month is before the first"). */
  readonly error?: string;
  readonly onPreset: (event: Event) => void;
  readonly onCustom: (event: Event) => void;
  readonly onCompare: (event: Event) => void;
}

/** The period controls (`part="period-controls"`): a fieldset; the inputs are named preset, from, to and compare. */
export function periodControls(v: PeriodControlsView): TemplateResult {
  return html`<fieldset part="period-controls" class="period">
    <legend>${v.legend}</legend>
    <label
      >${v.presetLabel}
      <select name="preset" @change=${v.onPreset}>
        ${v.presets.map((p) => html`<option value=${p.value} ?selected=${p.value === v.selected}>${p.label}</option>`)}
      </select></label
    >
    ${v.custom
      ? html`<label>${v.fromLabel} <input type=${v.inputType} name="from" .value=${v.from} @change=${v.onCustom} /></label>
          <label>${v.toLabel} <input type=${v.inputType} name="to" .value=${v.to} @change=${v.onCustom} /></label>`
      : nothing}
    <label
      >${v.compareLabel}
      <select name="compare" @change=${v.onCompare} ?disabled=${v.compareDisabled === true}>
        ${v.compares.map((c) => html`<option value=${c.value} ?selected=${c.value === v.compare}>${c.label}</option>`)}
      </select></label
    >
    ${v.error ? html`<p class="range-error" role="alert">${v.error}</p>` : nothing}
  </fieldset>`;
}

/**
 * The custom range typed into the period controls' `from`/`to` inputs: undefined while either is
 * empty, `'reversed'` when it ends before it starts, else the range (as the inputs give it).
 */
export function customRangeIn(root: ParentNode): { from: string; to: string } | 'reversed' | undefined {
  const from = root.querySelector<HTMLInputElement>('input[name="from"]')?.value ?? '';
  const to = root.querySelector<HTMLInputElement>('input[name="to"]')?.value ?? '';
  if (!from || !to) return undefined;
  return to < from ? 'reversed' : { from, to };
}
