import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { DEFAULT_STATS_CONFIG, type StatsConfig } from '../../core/stats/config.js';
import type { PeriodPreset, StatsPeriod } from '../../core/stats/period.js';
import type { StatsRequest } from '../../core/stats/request.js';
import type { StatsSort } from '../../core/stats/sort.js';
import type { StatsCompare, StatsFilter, StatsGroupBy, StatsOffice, StatsTable } from '../../core/stats/table.js';
import type { Locale } from '../../core/i18n/locale.js';
import { warnRenamed } from '../shared/deprecation.js';
import { LocalizeController } from '../shared/localize-controller.js';
import { AnnounceController } from '../shared/announce-controller.js';
import { PrintController } from '../shared/print-controller.js';
import { LazyController } from '../shared/lazy.js';
import { referenceContext, type ReferenceData } from '../shared/context.js';
import { statsModules } from './controllers/lazy.js';
import type { StatsInputs, StatsModel } from './controllers/model.js';
import type { StatsSource } from './controllers/source.js';
import type { PeriodOptions } from './controllers/period.js';
import { WyStatsCellSelectEvent } from './complaint-stats.events.js';
import { shellMsg } from './complaint-stats.messages.js';
import { styles } from './complaint-stats.styles.js';

export { WyStatsCellSelectEvent } from './complaint-stats.events.js';

const NO_OFFICES: readonly StatsOffice[] = [];

/**
 * The complaint classification statistics table (顾客投诉分类统计表): rows by office, region →
 * office or month; the six content categories, total and share; comparison with the previous
 * period (环比) or the same period last year (同比); ratio measures computed as ratio of sums at
 * every subtotal. Rows are virtualised (thousands stay fast) under a sticky header, a sticky
 * first column and a sticky group header. Click a number to get the records behind it (an
 * event with a filter, no personal data). Exports CSV (UTF-8 with BOM) and Excel; the print
 * view is the paper form. A compact SVG bar chart per category sits beside the table.
 *
 * With millions of records, count on the server instead: give the element the URL of a
 * `createStatsHandler` endpoint (`src`) and it fetches the table counted in SQL for the options it
 * shows, again whenever the user changes the period; or set `aggregated` to a table the host
 * fetched itself (`complaintStatsSql`'s answer). No record travels to the browser.
 *
 * @tag wy-complaint-stats
 * @summary Complaint statistics per office and content category, with comparison, exports and a print form.
 *
 * @fires wy-stats-cell-select - A cell was chosen; `detail.filter` selects its records with `statsRecordMatcher()`.
 * @fires wy-period-change - The user chose a period or comparison in the period controls; `detail` is `{ preset, from, to, compare }`.
 *
 * @csspart base - Everything.
 * @csspart toolbar - Caption and the export and print buttons.
 * @csspart caption - The table's title and period.
 * @csspart notice - Note about an empty period.
 * @csspart period-controls - The period preset, custom months and comparison controls.
 * @csspart coverage - What is counted (by kind and validity) and what is not, and why, with counts.
 * @csspart error - A readable message when the options are wrong (a bad `from`, …).
 * @csspart table - The scrolling table.
 * @csspart group-bar - The sticky header of the group the top row belongs to.
 * @csspart chart - The bar chart per category.
 * @csspart form - The paper form (print view).
 *
 * @cssprop --wy-complaint-stats-height - Height of the scrolling table. Default 30rem.
 * @cssprop --wy-complaint-stats-row-height - Height of a row. Default 2.25rem.
 * @cssprop --wy-complaint-stats-border-color - Grid lines. Falls back to `--wy-color-border`.
 * @cssprop --wy-complaint-stats-background - Cell background. Falls back to `--wy-color-surface`.
 * @cssprop --wy-complaint-stats-header-background - Header background. Falls back to `--wy-color-surface-alt`.
 * @cssprop --wy-complaint-stats-group-background - Group header background.
 * @cssprop --wy-complaint-stats-subtotal-background - Subtotal row background.
 * @cssprop --wy-complaint-stats-total-background - Grand-total row background.
 * @cssprop --wy-complaint-stats-bar-color - Chart bars. Falls back to `--wy-color-primary`.
 * @cssprop --wy-complaint-stats-down-color - A decrease in the comparison columns. Default #116329 (readable on the total row).
 */
export class WyComplaintStats extends LitElement {
  static override styles = styles;

  /** Complaint records (`Complaint[]`). Only office, time, category, kind, channel, severity, complainant type, validity, deadline, reply time and satisfaction are read. */
  @property({ attribute: false }) complaints: ArrayLike<unknown> = [];

  /** @deprecated since 0.2: `complaints` (the name `<wy-deduction-calculator>` uses for the same records). */
  get records(): ArrayLike<unknown> {
    return this.complaints;
  }
  set records(records: ArrayLike<unknown>) {
    warnRenamed('wy-complaint-stats', 'records', 'complaints');
    this.complaints = records;
  }

  /**
   * A table counted elsewhere — on the server by `complaintStatsSql` (wuye-kit/server), sent as
   * JSON — shown as it is instead of counting `complaints` here. Its rows, period, comparison and
   * range are the server's; when the user changes the period the element fires
   * `wy-period-change`, and the host fetches the new table (`statsRequestQuery(el.request)` gives
   * the query) and sets it again. Wins over `src` and `complaints`.
   */
  @property({ attribute: false }) aggregated?: StatsTable;

  /**
   * URL of a statistics endpoint (`createStatsHandler` in wuye-kit/server): the element GETs
   * `src?<statsRequestQuery(request)>` (same-origin cookies) whenever its options change, and
   * shows the table the server counted. Wins over `complaints`.
   */
  @property() src?: string;

  /** Offices with regions, in display order; default: `reference.offices` of a `<wy-kit-provider>`. */
  @property({ attribute: false }) offices?: readonly StatsOffice[];

  /** Rows: `office`, `region` (region → office with subtotals) or `month`. */
  @property({ attribute: 'group-by' }) groupBy: StatsGroupBy = 'office';

  /** Reporting granularity: `month`, `quarter` or `year`; the range is widened to whole periods. */
  @property() granularity: StatsPeriod = 'month';

  /** @deprecated Renamed `granularity` in 0.2 (the old name warns once and is removed in 0.3). */
  @property({ noAccessor: true })
  get period(): StatsPeriod {
    return this.granularity;
  }
  set period(value: StatsPeriod) {
    warnRenamed('wy-complaint-stats', 'period', 'granularity');
    this.granularity = value;
  }

  /**
   * A period relative to today in Asia/Shanghai (`this-month`, `last-month`, `this-quarter`,
   * `last-quarter`, `this-year`, `last-year`): it sets the range and wins over `from`/`to`.
   * `custom` (or unset) uses `from`/`to`. The period controls set it.
   */
  @property() preset?: PeriodPreset;

  /** Hide the period controls (preset, custom months, comparison) when the host has its own. */
  @property({ type: Boolean, attribute: 'hide-period-controls' }) hidePeriodControls = false;

  /** Comparison: `none`, `mom` (环比, previous period) or `yoy` (同比, same period last year). */
  @property() compare: StatsCompare = 'none';

  /** First month (`YYYY-MM`, `YYYY-Qn`, `YYYY`). Without from and to: the period of the latest record. */
  @property() from?: string;

  /** Last month, inclusive. */
  @property() to?: string;

  /** Kind / channel / severity / complainant-type filter: `{ kind: ['complaint'] }`. */
  @property({ attribute: false }) filter: StatsFilter = {};

  /** Measures and the printed form's metadata; default schemas/stats-config.schema.json. */
  @property({ attribute: false }) config: StatsConfig = DEFAULT_STATS_CONFIG;

  /** Report time (ISO): an unreplied record past its deadline then counts as late. */
  @property({ attribute: 'as-of' }) asOf?: string;

  /** 填报单位 printed on the form and the export. */
  @property({ attribute: 'reporting-unit' }) reportingUnit?: string;

  /** Names for the form's signature boxes by id: `{ preparedBy: '周敏' }`. */
  @property({ attribute: false }) signatures: Readonly<Record<string, string>> = {};

  /** Show the paper form instead of the interactive table (printing switches to it by itself). */
  @property({ type: Boolean, reflect: true, attribute: 'print-view' }) printView = false;

  /** Interface language (`zh-CN` or `en`); otherwise the closest `[lang]`, the provider, then zh-CN. */
  @property({ reflect: true }) locale?: string;

  /** @ignore */
  @consume({ context: referenceContext, subscribe: true })
  @state()
  protected reference?: ReferenceData;

  @state() private sort?: StatsSort;
  @state() private topRow = 0;
  @state() private rangeError = '';

  /** @ignore */
  private readonly localize = new LocalizeController(this);
  private readonly announcer = new AnnounceController(this);
  private readonly printer = new PrintController(this);
  private readonly lazy = new LazyController(this);
  /** The counting, sorting and CSV behind the table, once its module has loaded. */
  private model?: StatsModel;
  /** The `src` fetcher, once there is a `src` and its module has loaded. */
  private source?: StatsSource;
  private rowPx = 0;

  /** The table as data, in display order (after sorting); undefined when the options are wrong. */
  get table(): StatsTable | undefined {
    return this.model?.view;
  }

  /** The table as CSV for Excel (UTF-8 with BOM unless `bom: false`), in the element's language. */
  toCsv(options: { bom?: boolean } = {}): string {
    const view = this.model?.view;
    return view ? statsModules.model.value!.tableCsv(view, this.localize.locale, options) : '';
  }

  /** The table as an .xlsx Blob; the spreadsheet library is loaded on first use. */
  async toXlsx(): Promise<Blob> {
    const view = this.model?.view;
    if (!view) throw new Error(this.model?.error ?? 'no table');
    return (await statsModules.exports.load()).tableXlsx(view, this.xlsxExtras());
  }

  /** Offers `toCsv()` to the user as a file download; returns the CSV text ('' when there is no table). */
  downloadCsv(): string {
    const csv = this.toCsv();
    if (csv) statsModules.model.value!.downloadCsv(csv, this.model!.view!, this.config, this.localize.locale);
    return csv;
  }

  /** Offers `toXlsx()` to the user as a file download; resolves to the workbook. */
  async downloadXlsx(): Promise<Blob> {
    const view = this.model?.view;
    if (!view) throw new Error(this.model?.error ?? 'no table');
    return (await statsModules.exports.load()).downloadXlsx(view, this.xlsxExtras());
  }

  /** Prints the paper form. */
  print(): void {
    this.printer.printing = true;
    this.requestUpdate();
    void this.updateComplete.then(() => window.print());
  }

  /** What the element asks a server for (`src`, or a host that fetches for `aggregated`): its own options, the preset unresolved. */
  get request(): StatsRequest {
    return {
      groupBy: this.groupBy,
      granularity: this.granularity,
      ...(this.preset && this.preset !== 'custom' ? { preset: this.preset } : {}),
      compare: this.compare,
      ...(this.from ? { from: this.from } : {}),
      ...(this.to ? { to: this.to } : {}),
      ...(Object.keys(this.filter).length ? { filter: this.filter } : {}),
      ...(this.asOf ? { asOf: this.asOf } : {}),
    };
  }

  /** Whether the table comes counted from elsewhere (`aggregated` or `src`). */
  private get counted(): boolean {
    return this.aggregated !== undefined || !!this.src;
  }

  /** `updateComplete` waits for the parts on screen to load as well. */
  protected override async getUpdateComplete(): Promise<boolean> {
    return this.lazy.settled(() => super.getUpdateComplete());
  }

  override firstUpdated(): void {
    // Printing must render the paper form at once (on `beforeprint`): fetch it once the page is idle.
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 200));
    idle(() => this.lazy.prefetch(statsModules.form));
  }

  override willUpdate(): void {
    const models = this.lazy.need(statsModules.model);
    if (this.src && this.aggregated === undefined) {
      if (!this.source) {
        const mod = this.lazy.need(statsModules.source);
        if (mod) this.source = new mod.StatsSource(this, () => this.localize.locale);
      }
      this.source?.sync(this.src, this.request);
    }
    if (!models) return;
    this.model ??= new models.StatsModel();
    const inputs: StatsInputs = {
      complaints: this.complaints,
      aggregated: this.aggregated,
      src: this.src,
      offices: this.offices ?? (this.reference?.offices as readonly StatsOffice[] | undefined) ?? NO_OFFICES,
      groupBy: this.groupBy,
      granularity: this.granularity,
      preset: this.preset,
      compare: this.compare,
      from: this.from,
      to: this.to,
      filter: this.filter,
      config: this.config,
      asOf: this.asOf,
      // Without a src, a table fetched earlier is not this element's any more.
      served: this.src ? this.source?.table : undefined,
      loadError: this.src ? this.source?.error : undefined,
    };
    this.sort = this.model.update(inputs, this.sort, this.localize.locale);
  }

  override render() {
    const locale = this.localize.locale;
    const lazy = statsModules;
    const printing = this.printView || this.printer.printing;
    // Every part the screen needs is asked for at once, so they load side by side.
    const controls = this.lazy.need(lazy.controls);
    const parts = printing ? { form: this.lazy.need(lazy.form) } : { report: this.lazy.need(lazy.report), table: this.lazy.need(lazy.table), chart: this.lazy.need(lazy.chart) };
    const loading = !!this.src && this.aggregated === undefined && (this.source?.loading ?? true);
    const model = this.model;
    if (this.lazy.failed) return this.renderFailed(locale);
    if (!model || !controls) return html`<div part="base" aria-busy="true"></div>`;
    const view = model.view;
    const controlsPart = this.hidePeriodControls ? nothing : controls.renderControls(this.controlsContext(locale, model.raw?.range));
    if (model.error !== undefined || !view) {
      return html`<div part="base" aria-busy=${loading ? 'true' : 'false'}>${controlsPart}${controls.renderNotice(locale, model.error, loading)}</div>`;
    }
    if (printing) {
      return parts.form ? parts.form.renderForm(view, { locale, config: this.config, reportingUnit: this.reportingUnit, signatures: this.signatures }) : html`<div part="base" aria-busy="true"></div>`;
    }
    const { report, table, chart } = parts as { report?: typeof lazy.report.value; table?: typeof lazy.table.value; chart?: typeof lazy.chart.value };
    if (!report || !table || !chart) return html`<div part="base" aria-busy="true">${controlsPart}</div>`;
    return html`
      <div part="base" aria-busy=${loading ? 'true' : 'false'}>
        ${controlsPart}
        ${report.renderToolbar(view, this.config, locale, this.toolbarActions)}
        ${report.renderCoverage(view, model.coverage, this.counted, locale)}
        ${report.renderEmpty(view, locale)}
        <div class="layout">
          ${table.renderTable(view, { locale, sort: this.sort, topRow: this.topRow, onSort: this.onSort, onDrill: this.onDrill, onScroll: this.onScroll })}
          ${chart.renderChart(view, locale)}
        </div>
        ${this.announcer.render()}
      </div>
    `;
  }

  private renderFailed(locale: Locale): TemplateResult {
    return html`<div part="base">
      <p part="error" role="alert">${shellMsg(locale, 'load.part')}</p>
      <button class="action" type="button" @click=${() => this.lazy.retry()}>${shellMsg(locale, 'load.retry')}</button>
    </div>`;
  }

  private controlsContext(locale: Locale, shown: StatsTable['range'] | undefined) {
    return {
      locale,
      preset: this.preset,
      from: this.from,
      to: this.to,
      compare: this.compare,
      shown,
      rangeError: this.rangeError,
      onPreset: (e: Event) => void this.onPreset(e),
      onCustom: () => void this.onCustom(),
      onCompare: (e: Event) => void this.onCompare(e),
    };
  }

  private readonly toolbarActions = {
    onCsv: () => void this.downloadCsv(),
    onXlsx: () => void this.downloadXlsx(),
    onPrint: () => this.print(),
  };

  private async periodModule() {
    return statsModules.period.value ?? (await statsModules.period.load());
  }

  private async firePeriod(): Promise<void> {
    const p = await this.periodModule();
    const event = p.periodChange(this, this.counted, this.model?.raw?.range, Date.now());
    if (event) this.dispatchEvent(event);
  }

  private set periodOptions(o: Partial<PeriodOptions>) {
    if ('preset' in o) this.preset = o.preset;
    if (o.granularity) this.granularity = o.granularity;
    if ('from' in o) this.from = o.from;
    if ('to' in o) this.to = o.to;
  }

  private async onPreset(event: Event): Promise<void> {
    const value = (event.target as HTMLSelectElement).value as PeriodPreset | 'latest';
    const p = await this.periodModule();
    this.rangeError = '';
    const next = p.presetChoice(value, this.model?.raw?.range, Date.now());
    if (!next) return;
    this.periodOptions = next;
    await this.updateComplete;
    await this.firePeriod();
  }

  private async onCustom(): Promise<void> {
    const p = await this.periodModule();
    const next = p.customChoice(this.renderRoot, this.localize.locale);
    if (!next) return;
    if ('error' in next) {
      this.rangeError = next.error;
      return;
    }
    this.rangeError = '';
    this.periodOptions = next;
    await this.updateComplete;
    await this.firePeriod();
  }

  private async onCompare(event: Event): Promise<void> {
    this.compare = (event.target as HTMLSelectElement).value as StatsCompare;
    await this.updateComplete;
    await this.firePeriod();
  }

  private xlsxExtras() {
    return { locale: this.localize.locale, config: this.config, reportingUnit: this.reportingUnit, signatures: this.signatures };
  }

  private readonly onSort = (event: Event): void => {
    const key = (event.currentTarget as HTMLElement).dataset['key'] ?? 'label';
    const raw = this.model?.raw;
    if (!raw) return;
    const next = statsModules.model.value!.nextSort(raw, this.sort, key, this.localize.locale);
    this.sort = next.sort;
    this.announcer.announce(next.announce);
  };

  private readonly onDrill = (event: Event): void => {
    const { row = '', col = '' } = (event.currentTarget as HTMLElement).dataset;
    const view = this.model?.view;
    const choice = view && statsModules.model.value!.cellChoice(view, row, col);
    if (choice) this.dispatchEvent(new WyStatsCellSelectEvent(choice.filter, choice.row, choice.column));
  };

  private readonly onScroll = (event: Event): void => {
    const scroller = event.currentTarget as HTMLElement;
    if (!this.rowPx) this.rowPx = this.renderRoot.querySelector<HTMLElement>('.body .row')?.getBoundingClientRect().height ?? 0;
    if (!this.rowPx) return;
    const top = Math.floor(scroller.scrollTop / this.rowPx);
    // Re-render only when the group shown in the sticky bar could change.
    const rows = this.model?.view?.rows ?? [];
    if (rows[top]?.group !== rows[this.topRow]?.group || (rows[top]?.kind === 'group') !== (rows[this.topRow]?.kind === 'group')) this.topRow = top;
  };
}
