// "What if" of <wy-deduction-calculator>: one record's facts changed by the user, the result with
// that change (core computes it, the recorded data is untouched), what the panel shows, the live
// announcement and `wy-change`. The panel's template (../views/what-if.ts) loads when first opened.
import type { TemplateResult } from 'lit';
import { computeCompiled, deriveFacts } from '../../../core/deductions/engine.js';
import { formatPoints } from '../../../core/deductions/explain.js';
import { parseInstant } from '../../../core/deductions/time.js';
import { patchFacts, whatIfEffect, WHAT_IF_CHOICES, WHAT_IF_FLAGS } from '../../../core/deductions/view.js';
import { labelOf, optionsOf } from '../../../core/deductions/vocab.js';
import type { DeductionFact, DeductionFacts, DeductionResult } from '../../../core/deductions/types.js';
import { msg } from '../views/messages.js';
import { renderLine } from '../views/table.js';
import type { DeductionModel } from './model.js';

/** The record whose facts are changed, and the facts that differ from the recorded ones. */
export interface WhatIfState {
  readonly index: number;
  readonly patch: Partial<DeductionFacts>;
}

export class WhatIfController {
  state: WhatIfState | null = null;
  /** The result with the what-if facts applied. */
  result: DeductionResult | undefined;
  private computedFor: readonly unknown[] = [];

  constructor(private readonly model: DeductionModel) {}

  /** Closes the panel without moving focus (the records changed). */
  clear(): void {
    this.state = null;
  }

  /** Recomputes the scenario when the recorded result or the patch changed. */
  compute(): void {
    const m = this.model;
    const key = [this.state, m.result, m.compiled];
    if (key.every((x, i) => x === this.computedFor[i])) return;
    this.computedFor = key;
    this.result =
      this.state && m.result && m.compiled
        ? computeCompiled(m.records, m.compiled, { ...m.options(), overrides: new Map([[this.state.index, this.state.patch]]) })
        : undefined;
  }

  /** Opens the panel for the record at `index`, or closes it when it is already open for that record. */
  open(index: number): void {
    this.set(this.state?.index === index ? null : { index, patch: {} });
    if (this.state) void this.model.host.updateComplete.then(() => this.model.host.renderRoot.querySelector<HTMLElement>('#what-if-title')?.scrollIntoView?.({ block: 'nearest' }));
  }

  private set(state: WhatIfState | null): void {
    this.state = state;
    this.model.host.requestUpdate();
  }

  private recordedFacts(index: number): DeductionFacts {
    const result = this.model.result;
    return deriveFacts(this.model.records[index]!, result ? parseInstant(result.asOf) : 0);
  }

  private readonly onSelect = (e: Event): void => {
    const el = e.target as HTMLSelectElement;
    this.patch(el.dataset['fact'] as DeductionFact, el.value === '' ? null : el.value);
  };

  private readonly onFlag = (e: Event): void => {
    const el = e.target as HTMLInputElement;
    this.patch(el.dataset['fact'] as DeductionFact, el.checked);
  };

  private patch(fact: DeductionFact, value: string | boolean | null): void {
    if (!this.state) return;
    this.set({ index: this.state.index, patch: patchFacts(this.recordedFacts(this.state.index), this.state.patch, fact, value) });
    this.afterChange();
  }

  private readonly onReset = (): void => {
    if (this.state) this.set({ index: this.state.index, patch: {} });
    this.afterChange();
  };

  private readonly onClose = (): void => {
    const index = this.state?.index;
    this.set(null);
    this.model.focusAfterUpdate(`#what-if-${index}`);
  };

  private afterChange(): void {
    void this.model.host.updateComplete.then(() => {
      this.announce();
      this.model.fireChange(true);
    });
  }

  private announce(): void {
    const { state, result } = this;
    const m = this.model;
    if (!state || !m.result || !result) return;
    const locale = m.locale;
    const effect = whatIfEffect(m.result, result, state.index);
    if (!effect || effect.groupKey === undefined) return;
    m.services.announce(
      msg(locale, 'announceWhatIf', {
        recordNo: effect.recordNo,
        before: formatPoints(effect.points.before),
        after: formatPoints(effect.points.after),
        name: m.nameOf(effect.groupKey, locale),
        scoreBefore: formatPoints(effect.finalScore.before),
        scoreAfter: formatPoints(effect.finalScore.after),
        rating: effect.rating.after ? effect.rating.after.label[locale] : msg(locale, 'noRating'),
      }),
    );
  }

  /** The panel, once its template has loaded (it is asked for here, on first use); nothing when closed. */
  render(): TemplateResult | undefined {
    const { state, result } = this;
    const m = this.model;
    if (!state || !m.result || !result || !m.records[state.index]) return undefined;
    const view = m.services.need(m.services.parts.whatIf);
    const effect = whatIfEffect(m.result, result, state.index);
    if (!view || !effect) return undefined;
    const locale = m.locale;
    const rules = m.activeRules!;
    return view.renderWhatIf({
      locale,
      t: (k, p) => msg(locale, k, p),
      choices: WHAT_IF_CHOICES.map(({ fact, vocab, optional }) => ({ fact, label: labelOf('deductionFact', fact, locale), optional, options: optionsOf(vocab, locale) })),
      flags: WHAT_IF_FLAGS.map((fact) => ({ fact, label: labelOf('deductionFact', fact, locale) })),
      formatPoints,
      renderLine: (l) => renderLine(l, rules, locale),
      who: msg(locale, m.result.groupBy === 'office' ? 'office' : 'staff'),
      facts: { ...this.recordedFacts(state.index), ...state.patch } as DeductionFacts,
      effect,
      nameOf: (key) => m.nameOf(key, locale),
      onSelect: this.onSelect,
      onFlag: this.onFlag,
      onReset: this.onReset,
      onClose: this.onClose,
    });
  }
}
