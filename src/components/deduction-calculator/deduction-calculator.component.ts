import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Complaint } from '../../generated/types/complaint.js';
// Types only: the deduction engine and everything that shows a result load on demand (parts).
import type { DeductionPeriod } from '../../core/deductions/time.js';
import type { DeductionGroupBy, DeductionResult, DeductionRules } from '../../core/deductions/types.js';
import type { PeriodCompare, PeriodPreset } from '../../core/stats/period.js';
import { pick } from '../../core/i18n/locale.js';
import { warnRenamed } from '../shared/deprecation.js';
import { referenceContext, type ReferenceData } from '../shared/context.js';
import { InnerEventsController } from '../shared/inner-events.js';
import { LocalizeController } from '../shared/localize-controller.js';
import { AnnounceController } from '../shared/announce-controller.js';
import { LazyController, type Lazy } from '../shared/lazy.js';
import type { DeductionModel } from './controllers/model.js';
import { parts } from './deduction-calculator.parts.js';
import { msg } from './deduction-calculator.messages.js';
import { styles } from './deduction-calculator.styles.js';

/** `detail` of the `wy-change` event this element fires. */
export interface DeductionChangeDetail {
  /** The result now shown: with the pasted rule set, or with the what-if facts applied. */
  readonly result: DeductionResult;
  /** True when `result` includes what-if facts (a scenario, not the recorded data). */
  readonly whatIf: boolean;
}

/**
 * The complaint deduction calculator (投诉扣分): a table per management office (or staff member)
 * for a period — complaints counted, valid, points, cap, deducted, final score and rating — that
 * expands into every complaint and every rule line that produced its points. A "what if" form
 * changes one complaint's facts and shows the effect; a configurator may paste a rule set and
 * see its problems in place; the table and the explanation export as CSV. The decisions are
 * `computeDeductions()` in `wuye-kit/core`; this element only shows them. Text from records is
 * rendered as text.
 *
 * The entry holds this class shell (properties, header, toolbar); the deduction engine with the
 * rule-set check and the report's views load on the first update, the what-if panel, the rule-set
 * editor and the CSV export when first used (deduction-calculator.parts.ts). `await
 * el.updateComplete` waits for what is shown.
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

  @state() private bom = true;

  /** @ignore */
  private readonly localize = new LocalizeController(this);
  private readonly announcer = new AnnounceController(this);
  private readonly lazy = new LazyController(this);
  /** The result and the view state, once the engine has loaded (controllers/model.ts). */
  private model?: DeductionModel;

  /**
   * The rule set in use: a pasted one the user applied, else the `rules` property, else the
   * shipped default — which loads with the element's first update, so without `rules` this is
   * undefined until then (`await el.updateComplete`).
   */
  get activeRules(): DeductionRules | undefined {
    return this.model?.activeRules ?? this.rules;
  }

  /** The current result (without what-if facts), or undefined when rules or period are unusable. */
  get value(): DeductionResult | undefined {
    return this.model?.result;
  }

  /** The summary table (`groups`) or the explanation (`lines`) as CSV text, in the element's locale. */
  toCsv(kind: 'groups' | 'lines' = 'groups', options: { readonly bom?: boolean } = {}): string {
    const result = this.value;
    const rules = this.activeRules;
    const csv = parts.csv.value;
    if (!result || !rules || !csv) return '';
    const locale = this.localize.locale;
    return csv.deductionCsv(result, kind, { locale, rules, bom: options.bom ?? this.bom, nameOf: (key) => this.model!.nameOf(key, locale) });
  }

  /** Offers `toCsv(kind)` to the user as a file download; returns the CSV text ('' when there is no result). */
  downloadCsv(kind: 'groups' | 'lines' = 'groups'): string {
    const csv = this.toCsv(kind);
    if (csv) parts.csv.value!.downloadDeductionCsv(csv, kind, this.value!);
    return csv;
  }

  /** The toolbar's export buttons: the export is normally there already; if not, it is loaded first. */
  private exportCsv(kind: 'groups' | 'lines'): void {
    if (parts.csv.value) this.downloadCsv(kind);
    else this.lazy.track(parts.csv.load().then(() => this.downloadCsv(kind)));
  }

  /** Resolves once the parts asked for have loaded and what they show has rendered, and `toCsv()` can answer. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await this.lazy.settled(() => super.getUpdateComplete());
    // The export shows nothing, so its arrival needs no render; a failed load leaves toCsv() ''.
    if (this.model?.result && !parts.csv.value) await parts.csv.load().catch(() => undefined);
    return done;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const report = this.need(parts.report);
    if (!report) return;
    this.model ??= new report.DeductionModel(this, {
      need: (part) => this.need(part),
      parts,
      locale: () => this.localize.locale,
      offices: () => this.offices ?? this.reference?.offices,
      announce: (text) => this.announcer.announce(text),
    });
    this.model.update(changed);
    // The export follows the first result (without a render of its own: see getUpdateComplete).
    if (this.model.result) this.lazy.prefetch(parts.csv);
  }

  /**
   * A part through the LazyController: there, or undefined while it loads. After a failed import
   * nothing is asked for again until the user chooses retry (else every render would re-import).
   */
  private need<T>(part: Lazy<T>): T | undefined {
    return part.value || !this.lazy.failed ? this.lazy.need(part) : undefined;
  }

  override render() {
    const locale = this.localize.locale;
    const t = (k: Parameters<typeof msg>[1], p?: Record<string, string | number>) => msg(locale, k, p);
    const m = this.model;
    const report = parts.report.value;
    const rules = this.activeRules;
    return html`
      <section part="base" aria-labelledby="title" aria-busy=${!m || m.problem === 'loading' ? 'true' : 'false'}>
        <header part="header">
          <h2 id="title">${t('title')} · ${m?.periodText ?? t('periodAll')}</h2>
          ${typeof rules === 'object' && rules.name
            ? html`<p class="rules-name">
                ${t('ruleSet', { name: pick(rules.name, locale) ?? '', id: String(rules.id), version: String(rules.version) })}
                ${rules.isDefault ? html`<span part="badge">${t('defaultBadge')}</span>` : nothing}
              </p>`
            : nothing}
          <div part="toolbar" role="group" aria-label=${t('title')}>
            <button part="button" type="button" ?disabled=${!m?.result} @click=${() => this.exportCsv('groups')}>${t('exportGroups')}</button>
            <button part="button" type="button" ?disabled=${!m?.result} @click=${() => this.exportCsv('lines')}>${t('exportLines')}</button>
            <label class="check"><input type="checkbox" .checked=${this.bom} @change=${(e: Event) => (this.bom = (e.target as HTMLInputElement).checked)} />${t('bom')}</label>
            <button part="button" type="button" ?disabled=${!m} aria-expanded=${m?.editor.open ? 'true' : 'false'} aria-controls="rules-editor" @click=${() => m?.editor.toggle()}>
              ${m?.editor.open ? t('closeRules') : t('pasteRules')}
            </button>
          </div>
        </header>
        ${this.renderLoading(t)} ${m && report ? report.renderReport(m) : nothing} ${this.announcer.render()}
      </section>
    `;
  }

  /** A part that failed to load, with a retry; until the engine has loaded, a note. */
  private renderLoading(t: (k: Parameters<typeof msg>[1]) => string) {
    if (this.lazy.failed) {
      return html`<p part="error" role="alert">${t('loadFailed')} <button part="button" type="button" @click=${() => this.lazy.retry()}>${t('retry')}</button></p>`;
    }
    return this.model ? nothing : html`<p class="note">${t('loading')}</p>`;
  }
}
