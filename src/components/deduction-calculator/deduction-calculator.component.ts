import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Complaint } from '../../generated/types/complaint.js';
// Imported module by module (not from the deductions index) so that the rule-set check, with its
// schema validator, stays out of this element's entry: it is loaded on first use (check.ts).
import { computeCompiled, deriveFacts } from '../../core/deductions/engine.js';
import { defaultDeductionRules } from '../../core/deductions/default-rules.js';
import { deductionGroupTable, deductionLinesTable, describeInputs, formatPoints, ruleLabel } from '../../core/deductions/explain.js';
import { parseInstant, resolvePeriod, type DeductionPeriod } from '../../core/deductions/time.js';
import { labelOf, optionsOf, type DeductionVocab } from '../../core/deductions/vocab.js';
import { DeductionRulesError, type CompiledDeductionRules, type DeductionRuleError } from '../../core/deductions/compile.js';
import type * as CheckModule from '../../core/deductions/check.js';
import type {
  ComplaintDeduction,
  DeductionFact,
  DeductionFacts,
  DeductionGroup,
  DeductionGroupBy,
  DeductionLine,
  DeductionResult,
  DeductionRules,
} from '../../core/deductions/types.js';
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

/** Facts offered in the what-if form, in this order; each is labelled by the deduction-fact vocabulary. */
const WHAT_IF_CODES: readonly [DeductionFact, DeductionVocab][] = [
  ['validity', 'validity'],
  ['category', 'contentCategory'],
  ['severity', 'severity'],
  ['external-body', 'externalBody'],
  ['satisfaction', 'satisfaction'],
];
const WHAT_IF_FLAGS: readonly DeductionFact[] = ['repeat', 'escalated-to-hq', 'emergency', 'reply-overdue', 'return-visit-missing'];

type Checker = typeof CheckModule;
let checker: Checker | undefined;
let checkerLoad: Promise<Checker> | undefined;
/** Loads the rule-set check (schema validator + semantic checks) once for every calculator on the page. */
const loadChecker = (): Promise<Checker> =>
  (checkerLoad ??= import('../../core/deductions/check.js').then((m) => (checker = m)));

/** Rows of one office shown before a "show all" button: a period of 100,000 records stays responsive. */
const DETAIL_LIMIT = 200;

/** The record at `index` in a result, with its group. */
function locate(r: DeductionResult, index: number): { g: DeductionGroup; c: ComplaintDeduction } | undefined {
  for (const g of r.groups) {
    const c = g.complaints.find((x) => x.index === index);
    if (c) return { g, c };
  }
  return undefined;
}

const signed = (points: number): string => (points > 0 ? `+${formatPoints(points)}` : formatPoints(points));

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
  @state() private announcement = '';

  private result?: DeductionResult;
  private compareResult?: DeductionResult;
  @state() private rangeError = '';
  private whatIfResult?: DeductionResult;
  private compiled?: CompiledDeductionRules;
  private problem: 'none' | 'loading' | 'rules' | 'period' = 'none';
  private dirty = true;

  /** @ignore */
  private readonly localize = new LocalizeController(this);

  /** The rule set in use: a pasted one the user applied, else the `rules` property, else the shipped default. */
  get activeRules(): DeductionRules {
    return this.pasted ?? this.rules ?? defaultDeductionRules;
  }

  /** The current result (without what-if facts), or undefined when rules or period are unusable. */
  get value(): DeductionResult | undefined {
    return this.result;
  }

  /** The summary table (`groups`) or the explanation (`lines`) as CSV text, in the element's locale. */
  toCsv(kind: 'groups' | 'lines' = 'groups', options: { readonly bom?: boolean } = {}): string {
    const rules = this.activeRules;
    if (!this.result) return '';
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
    if (checker) return done;
    await loadChecker();
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
      this.compiled = checker.compileDeductionRules(this.activeRules);
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
    const periodText = this.result?.period ? `${this.result.period.from} – ${this.result.period.to}` : range ? String(typeof range === 'string' ? range : `${range.from} – ${range.to}`) : t('periodAll');
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
        ${this.result ? this.renderTable(this.result, locale) : nothing}
        ${this.whatIf && this.result && this.whatIfResult ? this.renderWhatIf(this.whatIf, this.result, this.whatIfResult, locale) : nothing}
        <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      </section>
    `;
  }

  private renderProblem(locale: Locale) {
    const t = (k: Parameters<typeof msg>[1], p?: Record<string, string | number>) => msg(locale, k, p);
    const range = this.effectiveRange;
    if (this.problem === 'period') return html`<p part="error" role="alert">${t('periodInvalid', { period: typeof range === 'string' ? range : JSON.stringify(range) })}</p>`;
    if (this.problem === 'rules') {
      const errors = checker?.checkDeductionRules(this.activeRules, { locale }).errors ?? [];
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
    return html`<fieldset part="period-controls" class="period">
      <legend>${t('periodControls')}</legend>
      <label
        >${t('preset')}
        <select name="preset" @change=${this.onPreset}>
          ${presets.map((p) => html`<option value=${p} ?selected=${p === shown}>${msg(locale, `preset.${p}`)}</option>`)}
        </select></label
      >
      ${shown === 'custom'
        ? html`<label>${t('rangeFrom')} <input type="date" name="from" .value=${current?.from ?? ''} @change=${this.onCustom} /></label>
            <label>${t('rangeTo')} <input type="date" name="to" .value=${current?.to ?? ''} @change=${this.onCustom} /></label>`
        : nothing}
      <label
        >${t('compare')}
        <select name="compare" @change=${this.onCompare} ?disabled=${shown === 'all'}>
          ${(['none', 'mom', 'yoy'] as const).map((c) => html`<option value=${c} ?selected=${c === this.compare}>${msg(locale, `compare.${c}`)}</option>`)}
        </select></label
      >
      ${this.rangeError ? html`<p class="range-error" role="alert">${this.rangeError}</p>` : nothing}
    </fieldset>`;
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
    const from = this.renderRoot.querySelector<HTMLInputElement>('input[name="from"]')?.value ?? '';
    const to = this.renderRoot.querySelector<HTMLInputElement>('input[name="to"]')?.value ?? '';
    if (!from || !to) return;
    if (to < from) {
      this.rangeError = msg(this.localize.locale, 'rangeInvalid');
      return;
    }
    this.rangeError = '';
    this.preset = 'custom';
    this.range = { from, to };
    await this.updateComplete;
    this.firePeriod();
  }

  private async onCompare(event: Event): Promise<void> {
    this.compare = (event.target as HTMLSelectElement).value as PeriodCompare;
    await this.updateComplete;
    this.firePeriod();
  }

  private renderEditor(locale: Locale) {
    const t = (k: Parameters<typeof msg>[1]) => msg(locale, k);
    return html`<div part="rules-editor" id="rules-editor">
      <label for="rules-text">${t('rulesLabel')}</label>
      <p id="rules-help" class="note">${t('rulesHelp')}</p>
      <textarea
        id="rules-text"
        spellcheck="false"
        rows="14"
        aria-describedby="rules-help"
        aria-invalid=${this.draftErrors.length ? 'true' : 'false'}
        .value=${this.draft}
        @input=${(e: Event) => (this.draft = (e.target as HTMLTextAreaElement).value)}
      ></textarea>
      <div class="actions">
        <button part="button" type="button" @click=${this.applyDraft}>${t('applyRules')}</button>
        ${this.pasted ? html`<button part="button" type="button" @click=${this.resetRules}>${t('resetRules')}</button>` : nothing}
      </div>
      <wy-error-summary locale=${locale} .errors=${this.draftErrors} @wy-error-select=${this.focusDraft}></wy-error-summary>
    </div>`;
  }

  private renderTable(result: DeductionResult, locale: Locale) {
    const t = (k: Parameters<typeof msg>[1], p?: Record<string, string | number>) => msg(locale, k, p);
    const who = result.groupBy === 'office' ? t('office') : t('staff');
    const period = result.period ? `${result.period.from} – ${result.period.to}` : t('periodAll');
    if (!result.groups.length) return html`<p class="note">${t('empty')}</p>`;
    const prev = this.compareResult;
    const prevOf = (key: string) => prev?.groups.find((g) => g.key === key)?.deducted ?? 0;
    const delta = (now: number, before: number) => html`<td part="cell" class="num delta">${signed(now - before)}</td>`;
    const prevLabel = prev?.period ? `${prev.period.from} – ${prev.period.to}` : '';
    const cols = prev ? 12 : 10;
    return html`<table part="table">
      <caption>${t('tableCaption', { who, period })}</caption>
      <thead>
        <tr>
          <th scope="col">${who}</th>
          <th scope="col" class="num">${t('counted')}</th>
          <th scope="col" class="num">${t('valid')}</th>
          <th scope="col" class="num">${t('invalid')}</th>
          <th scope="col" class="num">${t('pending')}</th>
          <th scope="col" class="num">${t('points')}</th>
          <th scope="col" class="num">${t('cap')}</th>
          <th scope="col" class="num">${t('deducted')}</th>
          <th scope="col" class="num">${t('finalScore')}</th>
          <th scope="col">${t('rating')}</th>
          ${prev
            ? html`<th scope="col" class="num" title=${prevLabel}>${t(this.compare === 'yoy' ? 'previousYoy' : 'previousMom')}</th>
                <th scope="col" class="num">${t('change')}</th>`
            : nothing}
        </tr>
      </thead>
      ${result.groups.map((g, i) => {
        const name = this.nameOf(g.key, locale);
        const open = this.expanded.has(g.key);
        return html`<tbody>
          <tr part="row" data-key=${g.key}>
            <th scope="row" part="cell">
              <button type="button" class="expand" aria-expanded=${open ? 'true' : 'false'} aria-controls=${`details-${i}`} @click=${() => this.toggle(g.key)}>
                <span class="chevron" aria-hidden="true">${open ? '▾' : '▸'}</span>${name}
              </button>
            </th>
            <td part="cell" class="num">${g.counted}</td>
            <td part="cell" class="num">${g.valid}</td>
            <td part="cell" class="num">${g.invalid}</td>
            <td part="cell" class="num">${g.pending}</td>
            <td part="cell" class="num">${formatPoints(g.points)}</td>
            <td part="cell" class="num">${g.cap === null ? t('noCap') : formatPoints(g.cap)}${g.capped ? html` <span class="capped">${t('capped')}</span>` : nothing}</td>
            <td part="cell" class="num">${formatPoints(g.deducted)}</td>
            <td part="cell" class="num score">${formatPoints(g.finalScore)}</td>
            <td part="cell">${this.renderRating(g, locale)}</td>
            ${prev ? html`<td part="cell" class="num">${formatPoints(prevOf(g.key))}</td>${delta(g.deducted, prevOf(g.key))}` : nothing}
          </tr>
          ${open
            ? html`<tr part="details" id=${`details-${i}`}>
                <td colspan=${cols}>${this.renderDetails(g, name, locale)}</td>
              </tr>`
            : nothing}
        </tbody>`;
      })}
      <tfoot>
        <tr part="total">
          <th scope="row">${t('total')}</th>
          <td class="num">${result.totals.counted}</td>
          <td class="num">${result.totals.valid}</td>
          <td class="num">${result.totals.invalid}</td>
          <td class="num">${result.totals.pending}</td>
          <td class="num"></td>
          <td class="num"></td>
          <td class="num">${formatPoints(result.totals.deducted)}</td>
          <td class="num"></td>
          <td></td>
          ${prev ? html`<td class="num">${formatPoints(prev.totals.deducted)}</td><td class="num delta">${signed(result.totals.deducted - prev.totals.deducted)}</td>` : nothing}
        </tr>
      </tfoot>
    </table>`;
  }

  private renderRating(g: DeductionGroup, locale: Locale): TemplateResult | string {
    if (!g.rating) return msg(locale, 'noRating');
    const label = g.rating.label[locale];
    const stars = g.rating.stars && !label.includes('★') ? html`<span class="stars" aria-hidden="true">${'★'.repeat(g.rating.stars)}</span> ` : nothing;
    return html`${stars}<span>${label}</span>`;
  }

  private renderDetails(g: DeductionGroup, name: string, locale: Locale) {
    const t = (k: Parameters<typeof msg>[1], p?: Record<string, string | number>) => msg(locale, k, p);
    const rules = this.activeRules;
    return html`<table class="details" aria-label=${t('details', { name })}>
      <thead>
        <tr>
          <th scope="col">${t('recordNo')}</th>
          <th scope="col">${t('category')}</th>
          <th scope="col">${t('severity')}</th>
          <th scope="col">${t('status')}</th>
          <th scope="col" class="num">${t('points')}</th>
          <th scope="col">${t('lines')}</th>
          <th scope="col"><span class="visually-hidden">${t('whatIf')}</span></th>
        </tr>
      </thead>
      <tbody>
        ${(this.showAll.has(g.key) ? g.complaints : g.complaints.slice(0, DETAIL_LIMIT)).map((c) => this.renderComplaint(c, rules, locale))}
        ${g.complaints.length > DETAIL_LIMIT && !this.showAll.has(g.key)
          ? html`<tr>
              <td colspan="7">
                <button part="button" type="button" @click=${() => (this.showAll = new Set([...this.showAll, g.key]))}>
                  ${t('showAll', { count: g.complaints.length })}
                </button>
              </td>
            </tr>`
          : nothing}
        <tr class="group-lines">
          <th scope="row" colspan="4">${t('groupLines', { name })}</th>
          <td class="num">${formatPoints(g.deducted)}</td>
          <td colspan="2">
            <ul class="lines">
              ${g.lines.map((l) => this.renderLine(l, rules, locale))}
              <li part="line">${t('startLine', { points: formatPoints(g.startingScore) })}</li>
              <li part="line">
                ${t('ratingLine', { score: formatPoints(g.finalScore), rating: g.rating ? g.rating.label[locale] : t('noRating') })}
                ${g.rating ? html`<code>${g.rating.ruleId}</code>` : nothing}
              </li>
            </ul>
          </td>
        </tr>
      </tbody>
    </table>`;
  }

  private renderComplaint(c: ComplaintDeduction, rules: DeductionRules, locale: Locale) {
    const t = (k: Parameters<typeof msg>[1], p?: Record<string, string | number>) => msg(locale, k, p);
    const selected = this.whatIf?.index === c.index;
    return html`<tr class=${selected ? 'selected' : ''}>
      <th scope="row">${c.recordNo}</th>
      <td>${labelOf('contentCategory', c.facts.category, locale)}</td>
      <td>${labelOf('severity', c.facts.severity, locale)}</td>
      <td>${labelOf('deductionStatus', c.status, locale)}</td>
      <td class="num">${formatPoints(c.points)}</td>
      <td>${c.lines.length ? html`<ul class="lines">${c.lines.map((l) => this.renderLine(l, rules, locale))}</ul>` : nothing}</td>
      <td>
        <button part="button" type="button" class="small" id=${`what-if-${c.index}`} aria-pressed=${selected ? 'true' : 'false'} aria-label=${t('whatIfFor', { recordNo: c.recordNo })} @click=${() => this.openWhatIf(c.index)}>
          ${t('whatIf')}
        </button>
      </td>
    </tr>`;
  }

  private renderLine(l: DeductionLine, rules: DeductionRules, locale: Locale) {
    const inputs = describeInputs(l.inputs, locale);
    return html`<li part="line" data-rule=${l.ruleId}>
      <span class="pts">${signed(l.points)}</span>
      <span class="rule">${ruleLabel(rules, l.ruleId, locale)}</span>
      <code>${l.ruleId}</code>
      ${inputs ? html`<span class="inputs">${inputs}</span>` : nothing}
    </li>`;
  }

  private renderWhatIf(w: WhatIf, before: DeductionResult, after: DeductionResult, locale: Locale) {
    const t = (k: Parameters<typeof msg>[1], p?: Record<string, string | number>) => msg(locale, k, p);
    const record = this.complaints[w.index];
    if (!record) return nothing;
    const facts = { ...this.recordedFacts(w.index), ...w.patch } as DeductionFacts;
    const a = locate(before, w.index);
    const b = locate(after, w.index);
    const who = before.groupBy === 'office' ? t('office') : t('staff');
    const name = b ? this.nameOf(b.g.key, locale) : '';
    const cell = (x: string, y: string) => html`<td class="num">${x}</td><td class=${x === y ? 'num' : 'num changed'}>${y}</td>`;
    const rating = (g?: DeductionGroup) => (g?.rating ? g.rating.label[locale] : t('noRating'));
    return html`<section part="what-if" aria-labelledby="what-if-title">
      <h3 id="what-if-title">${t('whatIfTitle', { recordNo: record.recordNo })}</h3>
      <p class="note">${t('whatIfHelp', { who })}</p>
      <fieldset>
        <legend class="visually-hidden">${t('whatIfTitle', { recordNo: record.recordNo })}</legend>
        ${WHAT_IF_CODES.map(([fact, vocabName]) => {
          const value = facts[fact as keyof DeductionFacts];
          const optional = fact === 'validity' || fact === 'external-body' || fact === 'satisfaction';
          return html`<label class="field">
            <span>${labelOf('deductionFact', fact, locale)}</span>
            <select data-fact=${fact} @change=${this.onWhatIfSelect}>
              ${optional ? html`<option value="" ?selected=${value === null}>${fact === 'validity' ? t('validityPending') : t('none')}</option>` : nothing}
              ${optionsOf(vocabName, locale).map((o) => html`<option value=${o.value} ?selected=${value === o.value}>${o.label}</option>`)}
            </select>
          </label>`;
        })}
        ${WHAT_IF_FLAGS.map(
          (fact) => html`<label class="check">
            <input type="checkbox" data-fact=${fact} .checked=${facts[fact as keyof DeductionFacts] === true} @change=${this.onWhatIfFlag} />
            ${labelOf('deductionFact', fact, locale)}
          </label>`,
        )}
      </fieldset>
      <table class="compare">
        <thead>
          <tr>
            <th scope="col"><span class="visually-hidden">${t('measure')}</span></th>
            <th scope="col" class="num">${t('before')}</th>
            <th scope="col" class="num">${t('after')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">${t('effectRecord')} · ${t('points')}</th>
            ${cell(formatPoints(a?.c.points ?? 0), formatPoints(b?.c.points ?? 0))}
          </tr>
          <tr>
            <th scope="row">${name} · ${t('deducted')}</th>
            ${cell(formatPoints(a?.g.deducted ?? 0), formatPoints(b?.g.deducted ?? 0))}
          </tr>
          <tr>
            <th scope="row">${name} · ${t('finalScore')}</th>
            ${cell(formatPoints(a?.g.finalScore ?? 0), formatPoints(b?.g.finalScore ?? 0))}
          </tr>
          <tr>
            <th scope="row">${name} · ${t('rating')}</th>
            ${cell(rating(a?.g), rating(b?.g))}
          </tr>
        </tbody>
      </table>
      ${b && b.c.lines.length ? html`<ul class="lines">${b.c.lines.map((l) => this.renderLine(l, this.activeRules, locale))}</ul>` : nothing}
      <div class="actions">
        <button part="button" type="button" @click=${this.resetWhatIf}>${t('resetWhatIf')}</button>
        <button part="button" type="button" @click=${this.closeWhatIf}>${t('closeWhatIf')}</button>
      </div>
    </section>`;
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
    if (this.editorOpen && !this.draft) this.draft = JSON.stringify(this.activeRules, null, 2);
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
      this.announcement = msg(locale, 'rulesRejected', { count: parsed.errors.length });
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement & { focus(): void }>('#rules-editor wy-error-summary')?.focus());
      return;
    }
    this.draftErrors = [];
    this.pasted = parsed.rules;
    this.whatIf = null;
    this.announcement = msg(locale, 'rulesApplied', { name: parsed.rules.name[locale] });
    void this.updateComplete.then(() => this.fireChange(false));
  }

  private resetRules(): void {
    this.pasted = undefined;
    this.draftErrors = [];
    this.draft = JSON.stringify(this.activeRules, null, 2);
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
    const recorded = this.recordedFacts(this.whatIf.index);
    const patch: Record<string, unknown> = { ...this.whatIf.patch };
    if (recorded[fact] === value) delete patch[fact];
    else patch[fact] = value;
    this.whatIf = { index: this.whatIf.index, patch: patch as Partial<DeductionFacts> };
    void this.updateComplete.then(() => {
      this.announceWhatIf();
      this.fireChange(true);
    });
  }

  private announceWhatIf(): void {
    const w = this.whatIf;
    if (!w || !this.result || !this.whatIfResult) return;
    const locale = this.localize.locale;
    const a = locate(this.result, w.index);
    const b = locate(this.whatIfResult, w.index);
    if (!b) return;
    this.announcement = msg(locale, 'announceWhatIf', {
      recordNo: b.c.recordNo,
      before: formatPoints(a?.c.points ?? 0),
      after: formatPoints(b.c.points),
      name: this.nameOf(b.g.key, locale),
      scoreBefore: formatPoints(a?.g.finalScore ?? 0),
      scoreAfter: formatPoints(b.g.finalScore),
      rating: b.g.rating ? b.g.rating.label[locale] : msg(locale, 'noRating'),
    });
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
