// The state of one <wy-deduction-calculator> once its engine has loaded: the rule set in use, the
// result for the period (and the comparison period), why there is none, and the user's view state
// (expanded offices, the what-if record, the rule-set editor, the period controls). The decisions
// are core's (src/core/deductions); this holds their results for the views and recomputes only
// when an input changed. Loaded on demand with the report (../deduction-calculator.report.ts).
import type { Lazy } from '../../shared/lazy.js';
import { deepActiveElement, focusMovedFrom } from '../../shared/focus.js';
import type { ReferenceData } from '../../shared/context.js';
import type { Complaint } from '../../../generated/types/complaint.js';
import { computeCompiled } from '../../../core/deductions/engine.js';
import { checkDeductionRules, compileDeductionRules } from '../../../core/deductions/check.js';
import { DeductionRulesError, type CompiledDeductionRules, type DeductionRuleError } from '../../../core/deductions/compile.js';
import { resolvePeriod, type DeductionPeriod } from '../../../core/deductions/time.js';
import { periodSpan } from '../../../core/deductions/view.js';
import type { DeductionGroupBy, DeductionResult, DeductionRules } from '../../../core/deductions/types.js';
import { compareRange, resolvePreset, type PeriodCompare, type PeriodPreset } from '../../../core/stats/period.js';
import { pick, type Locale } from '../../../core/i18n/locale.js';
import { WyChangeEvent } from '../../shared/events.js';
import type { DeductionParts } from '../deduction-calculator.parts.js';
import type { DeductionChangeDetail } from '../deduction-calculator.component.js';
import { msg } from '../views/messages.js';
import { PeriodController } from './period.js';
import { RulesEditorController } from './rules-editor.js';
import { WhatIfController } from './what-if.js';

/** What the model reads from (and, for the period controls, writes to) the element. */
export interface DeductionHost {
  readonly complaints: readonly Complaint[];
  readonly rules?: DeductionRules | undefined;
  range?: string | DeductionPeriod | undefined;
  preset?: PeriodPreset | undefined;
  compare: PeriodCompare;
  readonly groupBy: DeductionGroupBy;
  readonly asOf?: string | undefined;
  readonly hidePeriodControls: boolean;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly updateComplete: Promise<boolean>;
  requestUpdate(): void;
  dispatchEvent(event: Event): boolean;
}

/** What the element lends the model: its language, office names, live region and on-demand parts. */
export interface DeductionServices {
  /** A part loaded on demand, or undefined while it loads (or after a failure, until the user retries). */
  need<T>(part: Lazy<T>): T | undefined;
  readonly parts: DeductionParts;
  locale(): Locale;
  offices(): ReferenceData['offices'] | undefined;
  announce(text: string): void;
}

/** Why there is no result: still loading the example rules, unusable rules, or an unreadable period. */
export type DeductionProblem = 'none' | 'loading' | 'rules' | 'period';

export class DeductionModel {
  result: DeductionResult | undefined;
  /** The comparison period's result (环比/同比), computed with the same rules. */
  compareResult: DeductionResult | undefined;
  compiled: CompiledDeductionRules | undefined;
  problem: DeductionProblem = 'loading';
  /** Offices (or staff members) expanded into their explanation, and those showing all their records. */
  expanded: ReadonlySet<string> = new Set();
  showAll: ReadonlySet<string> = new Set();
  /** A rule set the user pasted and applied; it wins over the `rules` property until that changes. */
  pasted: DeductionRules | undefined;

  readonly whatIf = new WhatIfController(this);
  readonly editor = new RulesEditorController(this);
  readonly period = new PeriodController(this);

  /** The inputs of the last computation: nothing is recomputed while they stay the same. */
  private inputs: readonly unknown[] = [];

  constructor(
    readonly host: DeductionHost,
    readonly services: DeductionServices,
  ) {}

  get locale(): Locale {
    return this.services.locale();
  }

  /** The records, tolerating a host that sets null. */
  get records(): readonly Complaint[] {
    return Array.isArray(this.host.complaints) ? this.host.complaints : [];
  }

  /** The rule set in use: pasted, else the `rules` property, else the shipped example (once loaded). */
  get activeRules(): DeductionRules | undefined {
    return this.pasted ?? this.host.rules ?? this.services.parts.defaults.value?.defaultDeductionRules;
  }

  /** The range in effect: the preset's dates, else `range`, else every record (null). */
  get effectiveRange(): string | DeductionPeriod | null {
    const { preset, range } = this.host;
    if (preset && preset !== 'custom') return resolvePreset(preset, Date.now()).range;
    return range || null;
  }

  /** The period shown in the heading (`2026-07-01 – 2026-09-30`), or undefined for every record. */
  get periodText(): string | undefined {
    const range = this.effectiveRange;
    return periodSpan(this.result?.period) ?? (range ? (typeof range === 'string' ? range : periodSpan(range)) : undefined);
  }

  /** The problems of unusable `rules`, for the error summary (computed only when shown). */
  rulesErrors(): readonly DeductionRuleError[] {
    const rules = this.activeRules;
    return rules ? checkDeductionRules(rules, { locale: this.locale }).errors : [];
  }

  /** Sets view state and renders again. */
  set(patch: Partial<Pick<DeductionModel, 'expanded' | 'showAll' | 'pasted'>>): void {
    Object.assign(this, patch);
    this.host.requestUpdate();
  }

  /** Before each render (the element's `willUpdate`): drops what an input change invalidates and recomputes what changed. */
  update(changed: ReadonlyMap<PropertyKey, unknown>): void {
    if (changed.has('rules')) this.pasted = undefined;
    if (changed.has('complaints')) this.whatIf.clear();
    this.compute();
    this.whatIf.compute();
  }

  private compute(): void {
    if (!this.pasted && !this.host.rules && !this.services.need(this.services.parts.defaults)) {
      this.problem = 'loading';
      this.result = undefined;
      return;
    }
    const rules = this.activeRules!;
    const range = this.effectiveRange;
    const { complaints, compare, groupBy, asOf } = this.host;
    const inputs = [complaints, rules, JSON.stringify(range), compare, groupBy, asOf];
    if (inputs.length === this.inputs.length && inputs.every((x, i) => x === this.inputs[i])) return;
    this.inputs = inputs;
    this.result = this.compareResult = this.compiled = undefined;
    try {
      this.compiled = compileDeductionRules(rules);
    } catch (err) {
      if (!(err instanceof DeductionRulesError)) throw err;
      this.problem = 'rules';
      return;
    }
    let resolved: DeductionPeriod | undefined;
    if (range) {
      try {
        const r = resolvePeriod(range);
        resolved = { from: r.from, to: r.to };
      } catch {
        this.problem = 'period';
        return;
      }
    }
    this.problem = 'none';
    this.result = computeCompiled(this.records, this.compiled, this.options());
    // The comparison period's result, computed with the same rules (its own as-of: its end).
    const previous = resolved ? compareRange(resolved, compare) : undefined;
    this.compareResult = previous ? computeCompiled(this.records, this.compiled, { period: previous, groupBy }) : undefined;
  }

  /** The options of computeCompiled for the period in effect. */
  options() {
    return { period: this.effectiveRange, groupBy: this.host.groupBy, ...(this.host.asOf ? { asOf: this.host.asOf } : {}) };
  }

  /** An office's name from the `offices` property or the provider, a staff member's from the records. */
  nameOf(key: string, locale: Locale = this.locale): string {
    if (this.host.groupBy === 'office') {
      const office = this.services.offices()?.find((o) => o.id === key);
      return (office && pick(office.name, locale)) || key;
    }
    const g = this.result?.groups.find((x) => x.key === key);
    return g?.name ?? (key || msg(locale, 'unassigned'));
  }

  /** Opens or closes an office's explanation. */
  toggle(key: string): void {
    const next = new Set(this.expanded);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    this.set({ expanded: next });
  }

  /** Fires `wy-change` with the result now shown (the what-if scenario's when `whatIf`). */
  fireChange(whatIf: boolean): void {
    const result = whatIf ? this.whatIf.result : this.result;
    if (result) this.host.dispatchEvent(new WyChangeEvent<DeductionChangeDetail>({ result, whatIf }));
  }

  /**
   * Focuses an element of the host's shadow root once it has rendered (and what it shows has
   * loaded), unless the user has put focus somewhere else meanwhile.
   */
  focusAfterUpdate(selector: string): void {
    const focused = deepActiveElement();
    void this.host.updateComplete.then(() => {
      if (!focusMovedFrom(focused)) this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
    });
  }
}
