import { LitElement, html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { consume } from '@lit/context';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { aggregateComplaints } from '../../core/stats/aggregate.js';
import { DEFAULT_STATS_CONFIG, type StatsConfig } from '../../core/stats/config.js';
import { statsToCsv } from '../../core/stats/export.js';
import { statsCellFilter, type StatsCellFilter } from '../../core/stats/filter.js';
import { cellText, columnGroupText, columnText, labelColumnText, rowText, spanText, statsFormMeta } from '../../core/stats/format.js';
import { statsMsg } from '../../core/stats/messages.js';
import { formatMonth, monthLastDay, monthOfInstant, parseMonth, PERIOD_PRESETS, resolvePreset, type PeriodPreset, type StatsPeriod } from '../../core/stats/period.js';
import { coverageText, statsCoverage, type StatsCoverage } from '../../core/stats/coverage.js';
import { warnRenamed } from '../shared/deprecation.js';
import { WyPeriodChangeEvent } from '../shared/period-event.js';
import { sortStatsTable, type StatsSort } from '../../core/stats/sort.js';
import { cellValue, statsColumns, type StatsColumn, type StatsCompare, type StatsFilter, type StatsGroupBy, type StatsOffice, type StatsRow, type StatsTable } from '../../core/stats/table.js';
import { statsToXlsx } from '../../core/stats/xlsx.js';
import { readStatsTable, statsRequestQuery, type StatsRequest } from '../../core/stats/request.js';
import { pick, type Locale } from '../../core/i18n/locale.js';
import { statsLabel as vocabLabel } from '../../core/stats/vocab.js';
import { LocalizeController } from '../shared/localize-controller.js';
import { AnnounceController } from '../shared/announce-controller.js';
import { PrintController } from '../shared/print-controller.js';
import { customRangeIn, periodControls } from '../shared/period-controls.js';
import { referenceContext, type ReferenceData } from '../shared/context.js';
import { WyEvent } from '../shared/events.js';
import { download } from '../shared/download.js';
import { styles } from './complaint-stats.styles.js';

/** The user chose a cell: `detail.filter` selects the records behind it (`statsRecordMatcher`); no record travels with it. */
export class WyStatsCellSelectEvent extends WyEvent<{ readonly filter: StatsCellFilter; readonly row: string; readonly column: string }> {
  static readonly type = 'wy-stats-cell-select';
  constructor(filter: StatsCellFilter, row: string, column: string) {
    super(WyStatsCellSelectEvent.type, { filter, row, column });
  }
}

const LABEL_W = '11rem';
const colWidth = (c: StatsColumn): string => (c.kind === 'category' ? '6.75rem' : c.kind === 'measure' ? '6.5rem' : '5rem');

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
  @state() private served?: StatsTable;
  @state() private loadError?: string;
  @state() private loading = false;

  /** @ignore */
  private readonly localize = new LocalizeController(this);
  private readonly announcer = new AnnounceController(this);
  private readonly printer = new PrintController(this);
  private fetching?: AbortController;
  private requested?: string;
  private raw?: StatsTable;
  private error?: string;
  private view?: StatsTable;
  private rowPx = 0;
  private memo: { raw?: StatsTable; sort?: StatsSort; locale?: Locale } = {};
  private coverage?: StatsCoverage;

  /** The table as data, in display order (after sorting); undefined when the options are wrong. */
  get table(): StatsTable | undefined {
    return this.view;
  }

  /** The table as CSV for Excel (UTF-8 with BOM unless `bom: false`), in the element's language. */
  toCsv(options: { bom?: boolean } = {}): string {
    return this.view ? statsToCsv(this.view, { locale: this.localize.locale, ...options }) : '';
  }

  /** The table as an .xlsx Blob; the spreadsheet library is loaded on first use. */
  async toXlsx(): Promise<Blob> {
    if (!this.view) throw new Error(this.error ?? 'no table');
    return (await statsToXlsx(this.view, this.xlsxOptions())) as unknown as Blob;
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

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page while a fetch was under way: ask again.
    if (this.src && this.requested === undefined && this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.fetching) {
      this.fetching.abort();
      this.fetching = undefined;
      this.requested = undefined;
      this.loading = false;
    }
  }

  /** GETs the table for the current options from `src`; a newer request aborts an older one. */
  private async load(url: string): Promise<void> {
    this.fetching?.abort();
    const abort = new AbortController();
    this.fetching = abort;
    this.loading = true;
    try {
      const response = await fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' }, signal: abort.signal });
      const body: unknown = await response.json().catch(() => undefined);
      if (abort.signal.aborted) return;
      if (!response.ok) {
        const message = (body as { error?: { message?: unknown } } | undefined)?.error?.message;
        throw new Error(typeof message === 'string' ? message : `HTTP ${response.status}`);
      }
      this.served = readStatsTable(body);
      this.loadError = undefined;
    } catch (e) {
      if (abort.signal.aborted) return;
      this.served = undefined;
      this.loadError = statsMsg(this.localize.locale, 'load.failed', { detail: e instanceof Error ? e.message : String(e) });
    } finally {
      if (this.fetching === abort) {
        this.fetching = undefined;
        this.loading = false;
      }
    }
  }

  private get officeList(): readonly StatsOffice[] {
    return this.offices ?? (this.reference?.offices as readonly StatsOffice[] | undefined) ?? [];
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (this.src && this.aggregated === undefined) {
      const base = new URL(this.src, document.baseURI);
      const query = statsRequestQuery(this.request);
      const url = `${base.href}${query ? (base.search ? '&' : '?') + query : ''}`;
      if (url !== this.requested) {
        this.requested = url;
        void this.load(url);
      }
    }
    if (this.counted) {
      const given = this.aggregated ?? this.served;
      const inputs = ['aggregated', 'served', 'loadError', 'src'] as const;
      if (inputs.some((k) => changed.has(k as keyof WyComplaintStats))) {
        try {
          this.raw = this.aggregated !== undefined ? readStatsTable(this.aggregated) : given;
          this.error = this.aggregated === undefined ? this.loadError : undefined;
        } catch (e) {
          this.raw = undefined;
          this.error = e instanceof Error ? e.message : String(e);
        }
        this.coverage = undefined;
        if (this.sort && this.raw && this.sort.key !== 'label' && !statsColumns(this.raw).some((c) => c.key === this.sort!.key)) this.sort = undefined;
      }
    }
    const inputs = ['complaints', 'offices', 'reference', 'groupBy', 'granularity', 'preset', 'compare', 'from', 'to', 'filter', 'config', 'asOf', 'aggregated', 'src'] as const;
    if (!this.counted && (!this.memo.raw || inputs.some((k) => changed.has(k as keyof WyComplaintStats)))) {
      try {
        const relative = this.preset && this.preset !== 'custom' ? resolvePreset(this.preset, Date.now()).months : undefined;
        const from = relative?.from ?? this.from;
        const to = relative?.to ?? this.to;
        const noRange = !from && !to && !this.complaints.length;
        this.raw = aggregateComplaints(this.complaints, {
          offices: this.officeList,
          groupBy: this.groupBy,
          period: this.granularity,
          compare: this.compare,
          ...(from ? { from } : noRange ? { from: formatMonth(monthOfInstant(Date.now())) } : {}),
          ...(to ? { to } : {}),
          filter: this.filter,
          config: this.config,
          ...(this.asOf ? { asOf: this.asOf } : {}),
        });
        this.error = undefined;
        this.coverage = statsCoverage(this.complaints, this.raw, this.config);
      } catch (e) {
        this.raw = undefined;
        this.coverage = undefined;
        this.error = e instanceof Error ? e.message : String(e);
      }
      if (this.sort && this.raw && this.sort.key !== 'label' && !statsColumns(this.raw).some((c) => c.key === this.sort!.key)) this.sort = undefined;
    }
    // The sorted view, remade only when the table, the sort or the language changes.
    const locale = this.localize.locale;
    if (!this.raw) this.view = undefined;
    else if (this.memo.raw !== this.raw || this.memo.sort !== this.sort || this.memo.locale !== locale) {
      this.view = this.sort ? sortStatsTable(this.raw, this.sort, locale) : this.raw;
      this.memo = { raw: this.raw, sort: this.sort, locale };
    }
  }

  override render() {
    const locale = this.localize.locale;
    if (this.error !== undefined || !this.view) {
      const message = this.error ?? (this.loading ? statsMsg(locale, 'load.busy') : '');
      return html`<div part="base" aria-busy=${this.loading ? 'true' : 'false'}>${this.renderControls(undefined, locale)}<p part=${this.error !== undefined ? 'error' : 'notice'} role=${this.error !== undefined ? 'alert' : 'status'}>${message}</p></div>`;
    }
    const table = this.view;
    if (this.printView || this.printer.printing) return this.renderForm(table, locale);
    const caption = this.caption(table, locale);
    return html`
      <div part="base" aria-busy=${this.loading ? 'true' : 'false'}>
        ${this.renderControls(table, locale)}
        <div part="toolbar">
          <h2 part="caption" id="caption">${caption}</h2>
          <button class="action" type="button" @click=${() => this.downloadCsv()}>${statsMsg(locale, 'action.csv')}</button>
          <button class="action" type="button" @click=${() => void this.downloadXlsx()}>${statsMsg(locale, 'action.xlsx')}</button>
          <button class="action" type="button" @click=${this.print}>${statsMsg(locale, 'action.print')}</button>
        </div>
        ${this.renderCoverage(locale)}
        ${table.total.total === 0 ? html`<p part="notice">${statsMsg(locale, 'empty')}</p>` : nothing}
        <div class="layout">${this.renderTable(table, locale)} ${this.renderChart(table, locale)}</div>
        ${this.announcer.render()}
      </div>
    `;
  }

  /** The preset shown in the controls: the property, else `custom` when a range is given, else the latest period. */
  private get shownPreset(): PeriodPreset | 'latest' {
    return this.preset ?? (this.from || this.to ? 'custom' : 'latest');
  }

  private renderControls(table: StatsTable | undefined, locale: Locale): TemplateResult | typeof nothing {
    if (this.hidePeriodControls) return nothing;
    const t = (k: Parameters<typeof statsMsg>[1]) => statsMsg(locale, k);
    const shown = this.shownPreset;
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
      from: this.from ? formatMonth(parseMonthSafe(this.from) ?? 0) : (table?.range.from ?? ''),
      to: this.to ? formatMonth(parseMonthSafe(this.to, true) ?? 0) : (table?.range.to ?? ''),
      compareLabel: t('compare'),
      compares: (['none', 'mom', 'yoy'] as const).map((c) => ({ value: c, label: statsMsg(locale, `compare.${c}`) })),
      compare: this.compare,
      error: this.rangeError,
      onPreset: (e) => void this.onPreset(e),
      onCustom: () => void this.onCustom(),
      onCompare: (e) => void this.onCompare(e),
    });
  }

  private renderCoverage(locale: Locale): TemplateResult | typeof nothing {
    if (this.counted && this.raw) {
      return html`<div part="coverage" class="coverage"><p>${statsMsg(locale, 'load.served', { given: this.raw.recordCount })}</p></div>`;
    }
    if (!this.coverage) return nothing;
    const text = coverageText(this.coverage, locale);
    return html`<div part="coverage" class="coverage" aria-labelledby="coverage-heading">
      <h3 id="coverage-heading">${statsMsg(locale, 'coverage.heading')}</h3>
      <p>${text.counted}</p>
      ${text.excluded.length ? html`<ul>${text.excluded.map((x) => html`<li>${x}</li>`)}</ul>` : nothing}
    </div>`;
  }

  private firePeriod(): void {
    // Counted elsewhere, the shown table is still the old period's: the range is the one asked for.
    const asked = this.counted ? this.askedSpan() : undefined;
    const table = asked ?? this.raw?.range;
    if (!table) return;
    const range = { from: `${table.from}-01`, to: monthLastDay(parseMonth(table.to)) };
    this.dispatchEvent(new WyPeriodChangeEvent({ preset: this.preset ?? 'custom', ...range, compare: this.compare }));
  }

  /** The months the options ask for (a preset, or from/to), before any table answers them. */
  private askedSpan(): { from: string; to: string } | undefined {
    if (this.preset && this.preset !== 'custom') return resolvePreset(this.preset, Date.now()).months;
    const from = this.from ? parseMonthSafe(this.from) : undefined;
    const to = this.to ? parseMonthSafe(this.to, true) : undefined;
    if (from === undefined && to === undefined) return undefined;
    return { from: formatMonth(from ?? to!), to: formatMonth(to ?? from!) };
  }

  private async onPreset(event: Event): Promise<void> {
    const value = (event.target as HTMLSelectElement).value as PeriodPreset | 'latest';
    this.rangeError = '';
    if (value === 'latest') return;
    if (value === 'custom') {
      const shown = this.raw?.range;
      this.preset = 'custom';
      if (shown) {
        this.from = shown.from;
        this.to = shown.to;
      }
    } else {
      this.preset = value;
      this.granularity = resolvePreset(value, Date.now()).granularity;
    }
    await this.updateComplete;
    this.firePeriod();
  }

  private async onCustom(): Promise<void> {
    const range = customRangeIn(this.renderRoot);
    if (!range) return;
    if (range === 'reversed') {
      this.rangeError = statsMsg(this.localize.locale, 'rangeInvalid');
      return;
    }
    this.rangeError = '';
    this.preset = 'custom';
    this.granularity = 'month';
    this.from = range.from;
    this.to = range.to;
    await this.updateComplete;
    this.firePeriod();
  }

  private async onCompare(event: Event): Promise<void> {
    this.compare = (event.target as HTMLSelectElement).value as StatsCompare;
    await this.updateComplete;
    this.firePeriod();
  }

  private caption(table: StatsTable, locale: Locale): string {
    return statsMsg(locale, 'caption', { title: pick(this.config.form.title, locale) ?? '', period: spanText(table.range, table.period, locale) });
  }

  private renderTable(table: StatsTable, locale: Locale): TemplateResult {
    const columns = statsColumns(table);
    const cols = [LABEL_W, ...columns.map(colWidth)];
    const style = styleMap({ '--_cols': cols.join(' '), '--_width': `calc(${cols.join(' + ')})`, '--_label-w': LABEL_W });
    const top = table.rows[Math.min(this.topRow, table.rows.length - 1)];
    const group = top?.group && top.kind !== 'group' ? table.rows.find((r) => r.key === top.group) : undefined;
    return html`
      <div part="table" role="table" tabindex="0" aria-labelledby="caption" aria-rowcount=${table.rows.length + 2} aria-colcount=${columns.length + 1} style=${style} @scroll=${this.onScroll}>
        <div class="head" role="rowgroup">
          ${this.renderHead(table, columns, locale)}
          <div class="sticky-group" aria-hidden="true">${group ? html`<div part="group-bar">${rowText(group, locale)}</div>` : nothing}</div>
        </div>
        <div class="body" role="rowgroup">
          ${virtualize({
            items: table.rows as StatsRow[],
            keyFunction: (r: StatsRow) => r.key,
            renderItem: (r: StatsRow, i: number) => this.renderRow(table, columns, r, i, locale),
          })}
        </div>
      </div>
    `;
  }

  private renderHead(table: StatsTable, columns: readonly StatsColumn[], locale: Locale): TemplateResult {
    const sortButton = (key: string, label: string) => {
      const active = this.sort?.key === key ? this.sort.direction : undefined;
      return html`<button class="sort" type="button" data-key=${key} @click=${this.onSort} title=${statsMsg(locale, 'action.sort', { column: label })}>
        <span>${label}</span><span class="arrow" aria-hidden="true">${active === 'ascending' ? '▲' : active === 'descending' ? '▼' : ''}</span>
      </button>`;
    };
    const ariaSort = (key: string) => (this.sort?.key === key ? this.sort.direction : 'none');
    const first: TemplateResult[] = [];
    const second: TemplateResult[] = [];
    let index = 2;
    for (let i = 0; i < columns.length; ) {
      const c = columns[i]!;
      const group = columnGroupText(c.group, table, locale);
      if (group === undefined) {
        const label = columnText(c, table, locale);
        first.push(
          html`<div role="columnheader" aria-colindex=${index} aria-sort=${ariaSort(c.key)} style="grid-column: ${index}; grid-row: 1 / span 2">${sortButton(c.key, label)}</div>`,
        );
        i++;
        index++;
        continue;
      }
      let j = i;
      while (j < columns.length && columns[j]!.group === c.group) j++;
      first.push(html`<div role="columnheader" aria-colindex=${index} aria-colspan=${j - i} style="grid-column: ${index} / span ${j - i}; grid-row: 1">${group}</div>`);
      for (let k = i; k < j; k++, index++) {
        const label = columnText(columns[k]!, table, locale);
        second.push(html`<div role="columnheader" aria-colindex=${index} aria-sort=${ariaSort(columns[k]!.key)} style="grid-column: ${index}; grid-row: 2">${sortButton(columns[k]!.key, label)}</div>`);
      }
      i = j;
    }
    const labelHead = labelColumnText(table, locale);
    return html`
      <div role="row" aria-rowindex="1">
        <div role="columnheader" class="label" aria-colindex="1" aria-sort=${ariaSort('label')} style="grid-column: 1; grid-row: 1 / span 2">${sortButton('label', labelHead)}</div>
        ${first}
      </div>
      <div role="row" aria-rowindex="2">${second}</div>
    `;
  }

  private renderRow(table: StatsTable, columns: readonly StatsColumn[], row: StatsRow, i: number, locale: Locale): TemplateResult {
    const label = rowText(row, locale);
    if (row.kind === 'group') {
      return html`<div class="row group" role="row" aria-rowindex=${i + 3}>
        <div role="rowheader" aria-colindex="1" aria-colspan=${columns.length + 1}><span>${label}</span></div>
      </div>`;
    }
    const indent = row.group && row.kind === 'detail' ? '1.5rem' : '0.5rem';
    return html`<div class="row ${row.kind}" role="row" aria-rowindex=${i + 3} style="--_indent: ${indent}">
      <div role="rowheader" aria-colindex="1" title=${label}>${label}</div>
      ${columns.map((c, k) => this.renderCell(table, row, c, k + 2, label, locale))}
    </div>`;
  }

  private renderCell(table: StatsTable, row: StatsRow, c: StatsColumn, colindex: number, rowLabel: string, locale: Locale): TemplateResult {
    const v = cellValue(row, c);
    const text = cellText(v, c);
    const tone = c.kind === 'delta' || c.kind === 'deltaPct' ? (v !== null && v > 0 ? 'up' : v !== null && v < 0 ? 'down' : '') : v === 0 || v === null ? 'zero' : '';
    const count = c.kind === 'measure' ? (row.measures[c.index]?.denominator ?? 0) : c.kind === 'previous' ? (row.previous?.total ?? 0) : c.kind === 'share' ? 0 : (v ?? 0);
    if (count > 0 && c.kind !== 'delta' && c.kind !== 'deltaPct') {
      const name = statsMsg(locale, 'action.drill', { value: text, count, row: rowLabel, column: columnText(c, table, locale) });
      return html`<div role="cell" aria-colindex=${colindex} class=${tone}>
        <button class="drill" type="button" aria-label=${name} data-row=${row.key} data-col=${c.key} @click=${this.onDrill}>${text}</button>
      </div>`;
    }
    return html`<div role="cell" aria-colindex=${colindex} class=${tone}>${text}</div>`;
  }

  private renderChart(table: StatsTable, locale: Locale): TemplateResult {
    const counts = table.total.counts;
    const prev = table.total.previous?.counts;
    const max = Math.max(1, ...counts, ...(prev ?? []));
    const barH = prev ? 10 : 14;
    const rowH = prev ? 34 : 30;
    const labelW = 0;
    const width = 240;
    const barW = 190;
    const height = counts.length * rowH;
    const title = statsMsg(locale, 'chart.title');
    const labels = table.categories.map((code) => vocabLabel('contentCategory', code, locale));
    const desc = labels.map((l, i) => `${l} ${counts[i] ?? 0}${prev ? ` (${statsMsg(locale, 'chart.previous', { period: columnText({ key: 'previous', kind: 'previous', group: 'compare' }, table, locale), count: prev[i] ?? 0 })})` : ''}`).join('；');
    return html`<figure part="chart">
      <figcaption id="chart-title">${title}</figcaption>
      <svg viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="chart-title chart-desc">
        <desc id="chart-desc">${desc}</desc>
        ${table.categories.map((_, i) => {
          const y = i * rowH;
          const w = ((counts[i] ?? 0) / max) * barW;
          const pw = prev ? ((prev[i] ?? 0) / max) * barW : 0;
          return svg`<g aria-hidden="true">
            <text x=${labelW} y=${y + 10}>${labels[i]}</text>
            <rect class="bar" x="0" y=${y + 13} width=${Math.max(w, counts[i] ? 1 : 0)} height=${barH} rx="2"></rect>
            <text class="value" x=${Math.max(w, 0) + 4} y=${y + 13 + barH - 1}>${counts[i] ?? 0}</text>
            ${prev ? svg`<rect class="previous" x="0" y=${y + 14 + barH} width=${Math.max(pw, prev[i] ? 1 : 0)} height="5" rx="1"></rect>` : nothing}
          </g>`;
        })}
      </svg>
    </figure>`;
  }

  private renderForm(table: StatsTable, locale: Locale): TemplateResult {
    const form = this.config.form;
    const columns = statsColumns(table);
    const groups: { text: string | undefined; span: number; column?: StatsColumn }[] = [];
    for (let i = 0; i < columns.length; ) {
      const c = columns[i]!;
      const text = columnGroupText(c.group, table, locale);
      let j = i + 1;
      if (text !== undefined) while (j < columns.length && columns[j]!.group === c.group) j++;
      groups.push({ text, span: j - i, ...(text === undefined ? { column: c } : {}) });
      i = j;
    }
    const meta = statsFormMeta(form, table, locale, this.reportingUnit);
    return html`<div part="base form">
      <h1>${pick(form.title, locale)}</h1>
      <dl class="form-meta">${meta.map((m) => html`<div><dt>${m.label}</dt><dd>${m.value}</dd></div>`)}</dl>
      <table class="paper">
        <thead>
          <tr>
            <th scope="col" rowspan="2">${labelColumnText(table, locale)}</th>
            ${groups.map((g) =>
              g.text === undefined
                ? html`<th scope="col" rowspan="2">${columnText(g.column!, table, locale)}</th>`
                : html`<th scope="colgroup" colspan=${g.span}>${g.text}</th>`,
            )}
          </tr>
          <tr>
            ${columns.filter((c) => columnGroupText(c.group, table, locale) !== undefined).map((c) => html`<th scope="col">${columnText(c, table, locale)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${table.rows.map((r) =>
            r.kind === 'group'
              ? html`<tr class="group"><th scope="rowgroup" colspan=${columns.length + 1}>${rowText(r, locale)}</th></tr>`
              : html`<tr class=${r.kind}>
                  <th scope="row">${rowText(r, locale)}</th>
                  ${columns.map((c) => html`<td>${cellText(cellValue(r, c), c)}</td>`)}
                </tr>`,
          )}
        </tbody>
      </table>
      <div class="signatures">
        ${form.signatures.map((s) => html`<div>${pick(s.label, locale)}：<span class="line">${this.signatures[s.id] ?? ''}</span></div>`)}
        <div>${statsMsg(locale, 'form.date')}：<span class="line"></span></div>
      </div>
    </div>`;
  }

  private xlsxOptions() {
    return { locale: this.localize.locale, form: this.config.form, ...(this.reportingUnit ? { reportingUnit: this.reportingUnit } : {}), signatures: this.signatures };
  }

  private fileName(ext: string): string {
    const t = this.view!;
    return `${pick(this.config.form.title, this.localize.locale)}-${t.range.from}${t.range.to !== t.range.from ? `_${t.range.to}` : ''}.${ext}`;
  }

  /** Offers `toCsv()` to the user as a file download; returns the CSV text ('' when there is no table). */
  downloadCsv(): string {
    const csv = this.toCsv();
    if (csv) download(csv, this.fileName('csv'), 'text/csv;charset=utf-8');
    return csv;
  }

  /** Offers `toXlsx()` to the user as a file download; resolves to the workbook. */
  async downloadXlsx(): Promise<Blob> {
    return download(await this.toXlsx(), this.fileName('xlsx'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  }

  private onSort(event: Event): void {
    const key = (event.currentTarget as HTMLElement).dataset['key'] ?? 'label';
    const current = this.sort?.key === key ? this.sort.direction : undefined;
    const direction = current === undefined ? (key === 'label' ? 'ascending' : 'descending') : current === 'ascending' ? 'descending' : 'ascending';
    this.sort = { key, direction };
    const locale = this.localize.locale;
    const column = key === 'label' ? labelColumnText(this.raw!, locale) : columnText(statsColumns(this.raw!).find((c) => c.key === key)!, this.raw!, locale);
    this.announcer.announce(statsMsg(locale, 'sortedBy', { column, direction: statsMsg(locale, direction === 'ascending' ? 'sort.ascending' : 'sort.descending') }));
  }

  private onDrill(event: Event): void {
    const { row: rowKey = '', col = '' } = (event.currentTarget as HTMLElement).dataset;
    const table = this.view!;
    const row = table.rows.find((r) => r.key === rowKey);
    const column = statsColumns(table).find((c) => c.key === col);
    if (!row || !column) return;
    const filter = statsCellFilter(table, row, column);
    if (filter) this.dispatchEvent(new WyStatsCellSelectEvent(filter, row.key, column.key));
  }

  private onScroll(event: Event): void {
    const scroller = event.currentTarget as HTMLElement;
    if (!this.rowPx) this.rowPx = this.renderRoot.querySelector<HTMLElement>('.body .row')?.getBoundingClientRect().height ?? 0;
    if (!this.rowPx) return;
    const top = Math.floor(scroller.scrollTop / this.rowPx);
    // Re-render only when the group shown in the sticky bar could change.
    const rows = this.view?.rows ?? [];
    if (rows[top]?.group !== rows[this.topRow]?.group || (rows[top]?.kind === 'group') !== (rows[this.topRow]?.kind === 'group')) this.topRow = top;
  }
}

function parseMonthSafe(text: string, end = false): number | undefined {
  try {
    return parseMonth(text, end);
  } catch {
    return undefined;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'wy-stats-cell-select': WyStatsCellSelectEvent;
  }
}
