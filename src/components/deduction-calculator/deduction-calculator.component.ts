import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Complaint } from '../../generated/types/complaint.js';
// Imported module by module (not from the deductions index) so that the rule-set check, with its
// schema validator, stays out of this element's entry: it is loaded on first use (check.ts).
import { computeCompiled, deriveFacts } from '../../core/deductions/engine.js';
import { deductionGroupTable, deductionLinesTable, formatPoints } from '../../core/deductions/explain.js';
import { parseInstant, resolvePeriod, type DeductionPeriod } from '../../core/deductions/time.js';
import { patchFacts, periodSpan, whatIfEffect, WHAT_IF_CHOICES, WHAT_IF_FLAGS } from '../../core/deductions/view.js';
import { labelOf, optionsOf } from '../../core/deductions/vocab.js';
import { DeductionRulesError, type CompiledDeductionRules, type DeductionRuleError } from '../../core/deductions/compile.js';
import type * as CheckModule from '../../core/deductions/check.js';
import type { DeductionFact, DeductionFacts, DeductionGroupBy, DeductionResult, DeductionRules } from '../../core/deductions/types.js';
import { toCsv } from '../../core/export/csv.js';
import { deductionCoverage, deductionCoverageText } from '../../core/deductions/coverage.js';
import { compareRange, PERIOD_PRESETS, resolvePreset, type PeriodCompare, type PeriodPreset } from '../../core/stats/period.js';
import { warnRenamed } from '../shared/deprecation.js';
import { WyPeriodChangeEvent } from '../shared/period-event.js';
import { pick, type Locale } from '../../core/i18n/locale.js';
import { referenceContext, type ReferenceData } from '../shared/context.js';
import { download } from '../shared/download.js';
import { WyChangeEvent } from '../shared/events.js';
import { InnerEventsController } from '../shared/inner-events.js';
import { LocalizeController } from '../shared/localize-controller.js';
import { AnnounceController } from '../shared/announce-controller.js';
import { customRangeIn, periodControls } from '../shared/period-controls.js';
import { renderDeductionTable, renderLine } from './deduction-calculator.table.js';
import { renderRulesEditor } from './deduction-calculator.editor.js';
import type * as WhatIfModule from './deduction-calculator.what-if.js';
import { msg } from './deduction-calculator.messages.js';
import { styles } from './deduction-calculator.styles.js';

/** `detail` of the `wy-change` event this element fires. */
export interface DeductionChangeDetail {
  /** The result now shown: with the pasted rule set, or with the what-if facts applied. */
  readonly result: DeductionResult;
  /** True when `result` includes what-if facts (a scenario, not the recorded data). */
  readonly whatIf: boolean;
}

type WhatIf = { readonly index: number; readonly patch: Partial<DeductionFacts> };

type Checker = typeof CheckModule;
let checker: Checker | undefined;
let checkerLoad: Promise<Checker> | undefined;
let defaultRules: DeductionRules | undefined;
/**
 * Loads the rule-set check (schema validator + semantic checks) and the shipped example rule set
 * once for every calculator on the page; neither is part of the element's entry. Nothing is
 * computed before both are here (the first update waits for them).
 */
const loadChecker = (): Promise<Checker> =>
  (checkerLoad ??= Promise.all([import('../../core/deductions/check.js'), import('../../core/deductions/default-rules.js')]).then(([m, d]) => {
    defaultRules = d.defaultDeductionRules;
    return (checker = m);
  }));

let whatIfView: typeof WhatIfModule | undefined;
/** The what-if panel's template, loaded when a user first opens it (it is not in the element's entry). */
const loadWhatIf = (): Promise<typeof WhatIfModule> => import('./deduction-calculator.what-if.js').then((m) => (whatIfView = m));

/**
 * The complaint deduction calculator (投诉扣分): a table per management office (or staff member)
 * for a period — complaints counted, valid, points, cap, deducted, final score and rating — that
 * expands into every complaint and every rule line that produced its points. A "what if" form
 * changes one complaint's facts and shows the effect; a configurator may paste a rule set and
 * see its problems in place; the table and the explanation export as CSV. The decisions are
 * `computeDeductions()` in `wuye-kit/core`; this element only shows them. Text from records is
 * rendered as text.
 *
 * @tag wy-deduction-calculator
 * @summary Complaint deductions per office and period, every point explained, with what-if and CSV export.
 *
 * @fires {WyChangeEvent<DeductionChangeDetail>} wy-change - The user applied a pasted rule set or changed a what-if fact; `detail` is `{ result, whatIf }`.
 * @fires {WyPeriodChangeEvent} wy-period-change - The user chose a period or comparison in the period controls; `detail` is `{ preset, from, to, compare }`.
 *
 * @csspart base - The outer section.
 * @csspart header - Title, rule set and toolbar.
 * @csspart badge - The "example default rules" marker.
 * @csspart toolbar - Export and rule-set buttons.
 * @csspart button - Every button.
 * @csspart rules-editor - The paste-a-rule-set panel.
 * @csspart table - The summary table.
 * @csspart row - One office (or staff member) row.
 * @csspart cell - A cell of the summary table.
 * @csspart total - The totals row.
 * @csspart details - The expanded explanation of one office.
 * @csspart line - One rule line of the explanation.
 * @csspart what-if - The what-if panel.
 * @csspart error - Messages about unusable rules or period.
 * @csspart period-controls - The period preset, custom dates and comparison controls.
 * @csspart coverage - What is counted (valid, invalid, not yet judged) and what is not, and why, with counts.
 *
 * @cssprop --wy-deduction-calculator-accent - Headings, expand buttons and the capped marker. Falls back to `--wy-color-primary`.
 * @cssprop --wy-deduction-calculator-stripe - Background of expanded rows. Falls back to `--wy-color-surface-alt`.
 * @cssprop --wy-deduction-calculator-changed - Background of changed values in the what-if panel. Falls back to `--wy-color-warning-surface`.
 */
export class WyDeductionCalculator extends LitElement {
  static override styles = styles;

  constructor() {
    super();
    // The rule-set error summaries' wy-error-select moves focus here; it is not this element's API.
    new InnerEventsController(this, ['wy-error-select']);
  }

  /** The complaint records (`Complaint`, schemas/complaint.schema.json). */
  @property({ attribute: false }) complaints: readonly Complaint[] = [];

  /**
   * The rule set (schemas/deduction-rules.schema.json). Unset: the shipped example
   * (`wuye-kit/schemas/deduction-rules.default.json`), shown with a "replace them" badge. An
   * invalid rule set shows its problems. A checked rule set is compiled once per object: to
   * change it, assign a new object.
   */
  @property({ attribute: false }) rules?: DeductionRules;

  /** The date range: `2026-07`, `2026-Q3`, `2026`, `2026-07-01/2026-09-30` or `{from, to}`. Default: every record. */
  @property() range?: string | DeductionPeriod;

  /** @deprecated Renamed `range` in 0.2 (the old name warns once and is removed in 0.3). */
  @property({ noAccessor: true })
  get period(): string | DeductionPeriod | undefined {
    return this.range;
  }
  set period(value: string | DeductionPeriod | undefined) {
    warnRenamed('wy-deduction-calculator', 'period', 'range');
    this.range = value;
  }

  /**
   * A period relative to today in Asia/Shanghai (`this-month`, `last-month`, `this-quarter`,
   * `last-quarter`, `this-year`, `last-year`): it sets the range and wins over `range`. `custom`
   * (or unset) uses `range`. The period controls set it.
   */
  @property() preset?: PeriodPreset;

  /** Compare each office's deduction with the previous period (`mom`, 环比) or the same period a year earlier (`yoy`, 同比). */
  @property() compare: PeriodCompare = 'none';

  /** Hide the period controls (preset, custom dates, comparison) when the host has its own. */
  @property({ type: Boolean, attribute: 'hide-period-controls' }) hidePeriodControls = false;

  /** Group by `office` (default), `handler` or `first-receiver`. */
  @property({ attribute: 'group-by' }) groupBy: DeductionGroupBy = 'office';

  /** When an unanswered deadline counts as passed (RFC 3339); default the end of the period. */
  @property({ attribute: 'as-of' }) asOf?: string;

  /** Office names; otherwise taken from a `<wy-kit-provider>`'s reference data. */
  @property({ attribute: false }) offices?: ReferenceData['offices'];

  /** Interface language (`zh-CN` or `en`); otherwise the closest `[lang]`, the provider, then zh-CN. */
  @property({ reflect: true }) locale?: string;

  /** @ignore */
  @consume({ context: referenceContext, subscribe: true })
  @state()
  protected reference?: ReferenceData;

  @state() private expanded = new Set<string>();
  @state() private showAll = new Set<string>();
  @state() private whatIf: WhatIf | null = null;
  @state() private editorOpen = false;
  @state() private draft = '';
  @state() private draftErrors: readonly DeductionRuleError[] = [];
  @state() private pasted?: DeductionRules;
  @state() private bom = true;

  private result?: DeductionResult;
  private compareResult?: DeductionResult;
  @state() private rangeError = '';
  private whatIfResult?: DeductionResult;
  private compiled?: CompiledDeductionRules;
  private problem: 'none' | 'loading' | 'rules' | 'period' = 'none';
  private dirty = true;

  /** @ignore */
  private readonly localize = new LocalizeController(this);
  private readonly announcer = new AnnounceController(this);

  /**
   * The rule set in use: a pasted one the user applied, else the `rules` property, else the
   * shipped default — which loads with the element's first update, so without `rules` this is
   * undefined until then (`await el.updateComplete`).
   */
  get activeRules(): DeductionRules | undefined {
    return this.pasted ?? this.rules ?? defaultRules;
  }

  /** The current result (without what-if facts), or undefined when rules or period are unusable. */
  get value(): DeductionResult | undefined {
    return this.result;
  }

  /** The summary table (`groups`) or the explanation (`lines`) as CSV text, in the element's locale. */
  toCsv(kind: 'groups' | 'lines' = 'groups', options: { readonly bom?: boolean } = {}): string {
    const rules = this.activeRules;
    if (!this.result || !rules) return '';
    const tableOptions = { locale: this.localize.locale, rules, nameOf: (key: string) => this.nameOf(key, this.localize.locale) };
    const table = kind === 'groups' ? deductionGroupTable(this.result, tableOptions) : deductionLinesTable(this.result, tableOptions);
    return toCsv(table, { bom: options.bom ?? this.bom });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('rules')) this.pasted = undefined;
    if (changed.has('complaints')) this.whatIf = null;
    const inputs = ['complaints', 'rules', 'range', 'preset', 'compare', 'groupBy', 'asOf', 'pasted'] as const;
    const inputsChanged = inputs.some((k) => changed.has(k as keyof WyDeductionCalculator));
    if (inputsChanged || this.dirty) this.recompute();
    if (inputsChanged || this.dirty || changed.has('whatIf' as keyof WyDeductionCalculator)) this.recomputeWhatIf();
    this.dirty = false;
  }

  /** Resolves after the rule-set check has loaded and the result is rendered. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    const waits: Promise<unknown>[] = [];
    if (!checker) waits.push(loadChecker());
    if (this.whatIf && !whatIfView) waits.push(loadWhatIf().then(() => this.requestUpdate()));
    if (!waits.length) return done;
    await Promise.all(waits);
    return super.getUpdateComplete();
  }

  /** The records, tolerating a host that sets null. */
  private records(): readonly Complaint[] {
    return Array.isArray(this.complaints) ? this.complaints : [];
  }

  /** The range in effect: the preset's dates, else `range`, else every record (null). */
  private get effectiveRange(): string | DeductionPeriod | null {
    if (this.preset && this.preset !== 'custom') return resolvePreset(this.preset, Date.now()).range;
    return this.range || null;
  }

  private options() {
    return { period: this.effectiveRange, groupBy: this.groupBy, ...(this.asOf ? { asOf: this.asOf } : {}) };
  }

  private recompute(): void {
    this.result = undefined;
    this.compiled = undefined;
    if (!checker) {
      this.problem = 'loading';
      void loadChecker().then(() => {
        this.dirty = true;
        this.requestUpdate();
      });
      return;
    }
    try {
      this.compiled = checker.compileDeductionRules(this.activeRules!);
    } catch (err) {
      if (!(err instanceof DeductionRulesError)) throw err;
      this.problem = 'rules';
      return;
    }
    const range = this.effectiveRange;
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
    this.result = computeCompiled(this.records(), this.compiled, this.options());
    // The comparison period's result, computed with the same rules (its own as-of: its end).
    const previous = resolved ? compareRange(resolved, this.compare) : undefined;
    this.compareResult = previous ? computeCompiled(this.records(), this.compiled, { period: previous, groupBy: this.groupBy }) : undefined;
  }

  private recomputeWhatIf(): void {
    this.whatIfResult =
      this.whatIf && this.result && this.compiled
        ? computeCompiled(this.records(), this.compiled, { ...this.options(), overrides: new Map([[this.whatIf.index, this.whatIf.patch]]) })
        : undefined;
  }

  private nameOf(key: string, locale: Locale): string {
    if (this.groupBy === 'office') {
      const office = (this.offices ?? this.reference?.offices)?.find((o) => o.id === key);
      return (office && pick(office.name, locale)) || key;
    }
    const g = this.result?.groups.find((x) => x.key === key);
    return g?.name ?? (key || msg(locale, 'unassigned'));
  }

  override render() {
    const locale = this.localize.locale;
    const t = (k: Parameters<typeof msg>[1], p?: Record<string, string | number>) => msg(locale, k, p);
    const rules = this.activeRules;
    const range = this.effectiveRange;
    const periodText = periodSpan(this.result?.period) ?? (range ? (typeof range === 'string' ? range : periodSpan(range)!) : t('periodAll'));
    return html`
      <section part="base" aria-labelledby="title" aria-busy=${this.problem === 'loading' ? 'true' : 'false'}>
        <header part="header">
          <h2 id="title">${t('title')} · ${periodText}</h2>
          ${typeof rules === 'object' && rules.name
            ? html`<p class="rules-name">
                ${t('ruleSet', { name: pick(rules.name, locale) ?? '', id: String(rules.id), version: String(rules.version) })}
                ${rules.isDefault ? html`<span part="badge">${t('defaultBadge')}</span>` : nothing}
              </p>`
            : nothing}
          <div part="toolbar" role="group" aria-label=${t('title')}>
            <button part="button" type="button" ?disabled=${!this.result} @click=${() => this.downloadCsv('groups')}>${t('exportGroups')}</button>
            <button part="button" type="button" ?disabled=${!this.result} @click=${() => this.downloadCsv('lines')}>${t('exportLines')}</button>
            <label class="check"><input type="checkbox" .checked=${this.bom} @change=${(e: Event) => (this.bom = (e.target as HTMLInputElement).checked)} />${t('bom')}</label>
            <button part="button" type="button" aria-expanded=${this.editorOpen ? 'true' : 'false'} aria-controls="rules-editor" @click=${this.toggleEditor}>
              ${this.editorOpen ? t('closeRules') : t('pasteRules')}
            </button>
          </div>
        </header>
        ${this.renderControls(locale)} ${this.editorOpen ? this.renderEditor(locale) : nothing} ${this.renderProblem(locale)} ${this.renderCoverage(locale)}
        ${this.result ? this.renderTable(this.result, locale) : nothing} ${this.renderWhatIf(locale)} ${this.announcer.render()}
      </section>
    `;
  }

  private renderProblem(locale: Locale) {
    const t = (k: Parameters<typeof msg>[1], p?: Record<string, string | number>) => msg(locale, k, p);
    const range = this.effectiveRange;
    if (this.problem === 'period') return html`<p part="error" role="alert">${t('periodInvalid', { period: typeof range === 'string' ? range : JSON.stringify(range) })}</p>`;
    if (this.problem === 'rules') {
      const errors = checker?.checkDeductionRules(this.activeRules!, { locale }).errors ?? [];
      return html`<div part="error">
        <p>${t('rulesInvalid')}</p>
        <wy-error-summary locale=${locale} .errors=${errors} @wy-error-select=${this.openEditorAt}></wy-error-summary>
      </div>`;
    }
    const unreadable = this.result?.unreadable ?? [];
    if (unreadable.length) {
      return html`<p part="error" class="note">${t('unreadable', { count: unreadable.length })} ${unreadable.slice(0, 20).map((u) => `${u.recordNo || `#${u.index}`} (${u.path})`).join(', ')}</p>`;
    }
    return nothing;
  }

  /** The preset shown in the controls: the property, else `custom` when a range is given, else every record. */
  private get shownPreset(): PeriodPreset | 'all' {
    return this.preset ?? (this.range ? 'custom' : 'all');
  }

  private renderControls(locale: Locale): TemplateResult | typeof nothing {
    if (this.hidePeriodControls) return nothing;
    const t = (k: Parameters<typeof msg>[1]) => msg(locale, k);
    const shown = this.shownPreset;
    const presets: (PeriodPreset | 'all')[] = [...PERIOD_PRESETS.filter((p) => p !== 'custom'), 'custom', 'all'];
    const current = this.result?.period;
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
      compare: this.compare,
      compareDisabled: shown === 'all',
      error: this.rangeError,
      onPreset: (e) => void this.onPreset(e),
      onCustom: () => void this.onCustom(),
      onCompare: (e) => void this.onCompare(e),
    });
  }

  private renderCoverage(locale: Locale): TemplateResult | typeof nothing {
    if (!this.result) return nothing;
    const text = deductionCoverageText(deductionCoverage(this.result, this.records()), locale);
    return html`<div part="coverage" class="coverage" aria-labelledby="coverage-heading">
      <h3 id="coverage-heading">${msg(locale, 'coverageHeading')}</h3>
      <p>${text.counted}</p>
      ${text.excluded.length ? html`<ul>${text.excluded.map((x) => html`<li>${x}</li>`)}</ul>` : nothing}
    </div>`;
  }

  private firePeriod(): void {
    const p = this.result?.period;
    if (!p) return;
    this.dispatchEvent(new WyPeriodChangeEvent({ preset: this.preset ?? 'custom', from: p.from, to: p.to, compare: this.compare }));
  }

  private async onPreset(event: Event): Promise<void> {
    const value = (event.target as HTMLSelectElement).value as PeriodPreset | 'all';
    this.rangeError = '';
    if (value === 'all') {
      this.preset = undefined;
      this.range = undefined;
      this.compare = 'none';
    } else if (value === 'custom') {
      const current = this.result?.period;
      this.preset = 'custom';
      if (current) this.range = { from: current.from, to: current.to };
    } else this.preset = value;
    await this.updateComplete;
    this.firePeriod();
  }

  private async onCustom(): Promise<void> {
    const range = customRangeIn(this.renderRoot);
    if (!range) return;
    if (range === 'reversed') {
      this.rangeError = msg(this.localize.locale, 'rangeInvalid');
      return;
    }
    this.rangeError = '';
    this.preset = 'custom';
    this.range = range;
    await this.updateComplete;
    this.firePeriod();
  }

  private async onCompare(event: Event): Promise<void> {
    this.compare = (event.target as HTMLSelectElement).value as PeriodCompare;
    await this.updateComplete;
    this.firePeriod();
  }

  private renderEditor(locale: Locale): TemplateResult {
    return renderRulesEditor({
      locale,
      draft: this.draft,
      errors: this.draftErrors,
      pasted: this.pasted !== undefined,
      onInput: (e) => (this.draft = (e.target as HTMLTextAreaElement).value),
      onApply: () => void this.applyDraft(),
      onReset: () => this.resetRules(),
      onErrorSelect: () => this.focusDraft(),
    });
  }

  private renderTable(result: DeductionResult, locale: Locale): TemplateResult {
    return renderDeductionTable(result, {
      locale,
      rules: this.activeRules!,
      compare: this.compare,
      ...(this.compareResult ? { previous: this.compareResult } : {}),
      expanded: this.expanded,
      showAll: this.showAll,
      ...(this.whatIf ? { whatIfIndex: this.whatIf.index } : {}),
      nameOf: (key) => this.nameOf(key, locale),
      onToggle: (key) => this.toggle(key),
      onShowAll: (key) => (this.showAll = new Set([...this.showAll, key])),
      onWhatIf: (index) => this.openWhatIf(index),
    });
  }

  private renderWhatIf(locale: Locale): TemplateResult | typeof nothing {
    const w = this.whatIf;
    if (!w || !this.result || !this.whatIfResult || !this.complaints[w.index]) return nothing;
    if (!whatIfView) {
      void loadWhatIf().then(() => this.requestUpdate());
      return nothing;
    }
    const effect = whatIfEffect(this.result, this.whatIfResult, w.index);
    if (!effect) return nothing;
    const rules = this.activeRules!;
    return whatIfView.renderWhatIf({
      locale,
      t: (k, p) => msg(locale, k, p),
      choices: WHAT_IF_CHOICES.map(({ fact, vocab, optional }) => ({ fact, label: labelOf('deductionFact', fact, locale), optional, options: optionsOf(vocab, locale) })),
      flags: WHAT_IF_FLAGS.map((fact) => ({ fact, label: labelOf('deductionFact', fact, locale) })),
      formatPoints,
      renderLine: (l) => renderLine(l, rules, locale),
      who: msg(locale, this.result.groupBy === 'office' ? 'office' : 'staff'),
      facts: { ...this.recordedFacts(w.index), ...w.patch } as DeductionFacts,
      effect,
      nameOf: (key) => this.nameOf(key, locale),
      onSelect: (e) => this.onWhatIfSelect(e),
      onFlag: (e) => this.onWhatIfFlag(e),
      onReset: () => this.resetWhatIf(),
      onClose: () => this.closeWhatIf(),
    });
  }

  private recordedFacts(index: number): DeductionFacts {
    const asOf = this.result ? parseInstant(this.result.asOf) : 0;
    return deriveFacts(this.complaints[index]!, asOf);
  }

  private toggle(key: string): void {
    const next = new Set(this.expanded);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    this.expanded = next;
  }

  private toggleEditor(): void {
    this.editorOpen = !this.editorOpen;
    if (this.editorOpen && !this.draft) this.draft = JSON.stringify(this.activeRules ?? {}, null, 2);
    if (this.editorOpen) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLTextAreaElement>('#rules-text')?.focus());
  }

  private openEditorAt(): void {
    if (!this.editorOpen) this.toggleEditor();
    else this.focusDraft();
  }

  private focusDraft(): void {
    this.renderRoot.querySelector<HTMLTextAreaElement>('#rules-text')?.focus();
  }

  private async applyDraft(): Promise<void> {
    const locale = this.localize.locale;
    const parsed = (await loadChecker()).parseDeductionRules(this.draft, { locale });
    if (!parsed.valid || !parsed.rules) {
      this.draftErrors = parsed.errors;
      this.announcer.announce(msg(locale, 'rulesRejected', { count: parsed.errors.length }));
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement & { focus(): void }>('#rules-editor wy-error-summary')?.focus());
      return;
    }
    this.draftErrors = [];
    this.pasted = parsed.rules;
    this.whatIf = null;
    this.announcer.announce(msg(locale, 'rulesApplied', { name: parsed.rules.name[locale] }));
    void this.updateComplete.then(() => this.fireChange(false));
  }

  private resetRules(): void {
    this.pasted = undefined;
    this.draftErrors = [];
    this.draft = JSON.stringify(this.activeRules ?? {}, null, 2);
    void this.updateComplete.then(() => this.result && this.fireChange(false));
  }

  private openWhatIf(index: number): void {
    this.whatIf = this.whatIf?.index === index ? null : { index, patch: {} };
    if (this.whatIf) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#what-if-title')?.scrollIntoView?.({ block: 'nearest' }));
  }

  private onWhatIfSelect(e: Event): void {
    const el = e.target as HTMLSelectElement;
    this.patchWhatIf(el.dataset['fact'] as DeductionFact, el.value === '' ? null : el.value);
  }

  private onWhatIfFlag(e: Event): void {
    const el = e.target as HTMLInputElement;
    this.patchWhatIf(el.dataset['fact'] as DeductionFact, el.checked);
  }

  private patchWhatIf(fact: DeductionFact, value: string | boolean | null): void {
    if (!this.whatIf) return;
    this.whatIf = { index: this.whatIf.index, patch: patchFacts(this.recordedFacts(this.whatIf.index), this.whatIf.patch, fact, value) };
    void this.updateComplete.then(() => {
      this.announceWhatIf();
      this.fireChange(true);
    });
  }

  private announceWhatIf(): void {
    const w = this.whatIf;
    if (!w || !this.result || !this.whatIfResult) return;
    const locale = this.localize.locale;
    const effect = whatIfEffect(this.result, this.whatIfResult, w.index);
    if (!effect || effect.groupKey === undefined) return;
    this.announcer.announce(
      msg(locale, 'announceWhatIf', {
        recordNo: effect.recordNo,
        before: formatPoints(effect.points.before),
        after: formatPoints(effect.points.after),
        name: this.nameOf(effect.groupKey, locale),
        scoreBefore: formatPoints(effect.finalScore.before),
        scoreAfter: formatPoints(effect.finalScore.after),
        rating: effect.rating.after ? effect.rating.after.label[locale] : msg(locale, 'noRating'),
      }),
    );
  }

  private resetWhatIf(): void {
    if (this.whatIf) this.whatIf = { index: this.whatIf.index, patch: {} };
    void this.updateComplete.then(() => {
      this.announceWhatIf();
      this.fireChange(true);
    });
  }

  private closeWhatIf(): void {
    const index = this.whatIf?.index;
    this.whatIf = null;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>(`#what-if-${index}`)?.focus());
  }

  private fireChange(whatIf: boolean): void {
    const result = whatIf ? this.whatIfResult : this.result;
    if (result) this.dispatchEvent(new WyChangeEvent<DeductionChangeDetail>({ result, whatIf }));
  }

  /** Offers `toCsv(kind)` to the user as a file download; returns the CSV text ('' when there is no result). */
  downloadCsv(kind: 'groups' | 'lines' = 'groups'): string {
    const csv = this.toCsv(kind);
    if (!csv) return csv;
    const period = this.result?.period ? `${this.result.period.from}_${this.result.period.to}` : 'all';
    download(csv, `${kind === 'groups' ? 'deductions' : 'deduction-lines'}-${period}.csv`, 'text/csv;charset=utf-8');
    return csv;
  }
}
