import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state, query } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import type { LitVirtualizer } from '@lit-labs/virtualizer';
import '@lit-labs/virtualizer';
import { mapErrors } from '../../core/errors.js';
import { safeUrl } from '../shared/safe-url.js';
import { DEFAULT_DRAFT_MAX_AGE_DAYS, isDraftExpired, localStorageDrafts, type Draft } from '../schema-form/drafts.js';
import { WyEntryCompleteEvent } from './defect-checklist.events.js';
import shippedCommonProblems from '../../generated/data/common-problems.js';
import { validateCommonProblems } from '../../generated/validators/common-problems.js';
import { vocabLabel, vocabOptions } from '../../core/i18n/vocab-label.js';
import { toCsv } from '../../core/export/csv.js';
import type { Locale } from '../../core/i18n/locale.js';
import {
  applyAction,
  assignDefects,
  canAssign,
  canRecord,
  checkAction,
  commonProblemsFor,
  contractorName,
  createDefect,
  defaultDue,
  defectFieldLabel,
  defectActions,
  defectReason,
  draftFromProblem,
  filterDefects,
  groupDefects,
  houseLabel,
  isOverdue,
  MAX_DESCRIPTION,
  parseBatch,
  problemList,
  problemListTable,
  rejectionCount,
  resolveConfig,
  summariseDefects,
  type DefectDraft,
  type DefectFilter,
  type DefectGroupBy,
  type DefectSummary,
} from '../../core/defects/index.js';
import type {
  CommonProblem,
  CommonProblems,
  Defect,
  DefectAction,
  DefectContractor,
  DefectHouse,
  DefectPhoto,
  DefectSeverity,
  HouseLocation,
  OwnerDecision,
  Trade,
} from '../../core/defects/types.js';
import { LocalizeController } from '../shared/localize-controller.js';
import { actorContext, referenceContext, type Actor } from '../shared/context.js';
import { download } from '../shared/download.js';
import { msg, type DefectMessageKey } from './defect-checklist.messages.js';
import { CHECKLIST_RENAMED_EVENTS, defectChangeEvent, WyDefectCloseEvent, WyOwnerDecideEvent } from './defect-checklist.events.js';
import { dispatchRenamed } from '../shared/events.js';
import { noteRenamedEvents, warnRenamed } from '../shared/deprecation.js';
import type { Uploader } from '../shared/uploader.js';
import { epochMsOr, shanghaiDate, SHANGHAI_OFFSET_MINUTES, type Instant } from '../../core/kernel/time.js';
import { styles } from './defect-checklist.styles.js';

export type DefectChecklistView = 'entry' | 'list' | 'summary' | 'print';
export type DefectChecklistMode = 'internal' | 'move-in';
/** @deprecated since 0.2: the kit's one `Uploader` (set `uploader`). */
export type DefectPhotoUpload = (file: File) => Promise<{ id: string; url: string }>;

type Row = { kind: 'group'; key: string; count: number } | { kind: 'item'; item: Defect; pos: number };
interface PendingPhoto {
  readonly key: number;
  readonly file: File;
  readonly url: string;
  /** The defects this photo belongs to (set once they are added). */
  targets: string[];
  failed: boolean;
  /** Aborts the upload under way (the photo was removed, or the element left the page). */
  abort?: AbortController;
}

const VIEWS: readonly DefectChecklistView[] = ['entry', 'list', 'summary', 'print'];
/** Actions that ask for a note (required or optional) before they are applied. */
const NOTE_ACTIONS: ReadonlySet<DefectAction> = new Set(['pass', 'reject', 'dispute', 'settle', 'reopen']);

/**
 * The defect checklist for an internal house inspection (内部验房) or a move-in acceptance
 * (入伙验收): fast batch entry by keyboard or one tap on a common problem, photos through a host
 * upload hook, a virtualised list with filters, grouping and bulk assignment, status changes
 * checked against who may make them, the summary (验房总结) as a table and bar chart, and the
 * problem list per contractor (生成问题清单) to print or export as CSV.
 *
 * Status changes are decided by `src/core/defects` (`checkAction`), for the actor given by the
 * `actor` property or a `<wy-kit-provider>`. Without an actor nothing can be changed.
 *
 * @tag wy-defect-checklist
 * @summary Defect checklist: batch entry, list, re-inspection loop, summary and printable problem lists.
 *
 * @fires {WyChangeEvent<DefectChangeDetail>} wy-change - The items changed; `detail.items` is the new array (the element never mutates the old one).
 * @fires wy-defect-close - A defect was closed; `detail.item`.
 * @fires wy-entry-complete - "Entry complete" was pressed (`entry-complete` set): batch entry is done; `detail.count` is the number of defects.
 * @fires wy-owner-decide - Move-in: the owner's decision was recorded; `detail.decision`.
 * @fires wy-item-close - Deprecated since 0.2 (removed in 0.3): fired after `wy-defect-close`, same `detail`.
 * @fires wy-owner-decision - Deprecated since 0.2 (removed in 0.3): fired after `wy-owner-decide`, same `detail`.
 *
 * @csspart base - The whole checklist.
 * @csspart header - Title, house and counts.
 * @csspart tabs - The view switcher.
 * @csspart tab - One view button.
 * @csspart panel - One view.
 * @csspart entry - The batch entry form.
 * @csspart chip - A common-problem button.
 * @csspart entry-complete - The "entry complete" button.
 * @csspart draft-notice - "Unsaved entry text restored", with its discard button.
 * @csspart filters - Filter and grouping controls.
 * @csspart bulk - Bulk assignment bar.
 * @csspart list - The virtualised list.
 * @csspart row - One defect in the list.
 * @csspart group - A group heading in the list.
 * @csspart action - A status-change button.
 * @csspart summary - The summary view.
 * @csspart chart - The bar chart.
 * @csspart bar - One bar.
 * @csspart decision - The owner's decision (move-in).
 * @csspart sheet - One contractor's printable problem list.
 * @csspart dialog - The note dialog.
 *
 * @cssprop --wy-defect-checklist-list-height - Height of the scrolling list. Default `32rem`.
 * @cssprop --wy-defect-checklist-overdue - Colour of overdue defects. Falls back to `--wy-color-danger`.
 * @cssprop --wy-defect-checklist-bar - Colour of the chart bars. Falls back to `--wy-color-primary`.
 */
export class WyDefectChecklist extends LitElement {
  static override styles = styles;

  constructor() {
    super();
    noteRenamedEvents(this, 'wy-defect-checklist', CHECKLIST_RENAMED_EVENTS);
  }

  /** The defects of this checklist. The element never mutates it; changes come as `wy-change`. */
  @property({ attribute: false }) items: readonly Defect[] = [];

  /** `internal` (staff and contractors) or `move-in` (owner-facing wording, owner's decision). */
  @property({ reflect: true }) mode: DefectChecklistMode = 'internal';

  /** The house inspected; new defects are recorded against it. */
  @property({ attribute: false }) house?: DefectHouse;

  /** Contractors (施工单位) to assign; otherwise `reference.contractors` from a provider. */
  @property({ attribute: false }) contractors?: readonly DefectContractor[];

  /** Who is acting (`{ id, name, roles }`); otherwise the provider's actor. A contractor's `id` is its contractor id. */
  @property({ attribute: false }) actor?: Actor;

  /** Common problems and defaults; default: the shipped schemas/common-problems.json (validated when given). */
  @property({ attribute: false }) commonProblems?: CommonProblems;

  /** The host's `Uploader` for photos; it must return `{ id, url }`. Without it, no photo controls. */
  @property({ attribute: false }) uploader?: Uploader;

  /** @deprecated since 0.2: `uploader` (the kit's one `Uploader` type). */
  get upload(): DefectPhotoUpload | undefined {
    return this.uploader as DefectPhotoUpload | undefined;
  }
  set upload(fn: DefectPhotoUpload | undefined) {
    warnRenamed('wy-defect-checklist', 'upload', 'uploader');
    this.uploader = fn;
  }

  /** Move-in: the owner's recorded decision. */
  @property({ attribute: false }) ownerDecision?: OwnerDecision;

  /** The moment overdue and ageing are measured against (ISO string or Date); default the current time. */
  @property({ attribute: false }) now?: Instant;

  /** Makes new ids for defects; default `D-<time>-<n>`. */
  @property({ attribute: false }) newId?: () => string;

  /** Shows everything, changes nothing. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** The view shown: `entry`, `list`, `summary` or `print`. */
  @property({ reflect: true }) view: DefectChecklistView = 'entry';

  /** Interface language (`zh-CN` or `en`); otherwise the closest `[lang]`, the provider, then zh-CN. */
  @property({ reflect: true }) locale?: string;

  /**
   * Keeps the batch-entry text not yet added under this key (localStorage), saved as you type
   * and when the page goes away; restored with a notice and a discard button.
   */
  @property({ attribute: 'draft-key' }) draftKey?: string;

  /** Days an entry draft is kept (default 7). */
  @property({ type: Number, attribute: 'draft-max-age-days' }) draftMaxAgeDays: number = DEFAULT_DRAFT_MAX_AGE_DAYS;

  /** Offer "entry complete" in the batch-entry view (a host whose workflow moves on then listens for `wy-entry-complete`). */
  @property({ type: Boolean, attribute: 'entry-complete' }) entryComplete = false;

  @state() private entryDraftShown = false;
  private entryDraftText?: string;
  private entryDraftLoaded = false;

  @state() private entryLocation: HouseLocation = 'living-room';
  @state() private entryTrade: Trade = 'civil';
  @state() private entrySeverity?: DefectSeverity;
  @state() private entryErrors: string[] = [];
  @state() private pending: PendingPhoto[] = [];
  @state() private recent: string[] = [];
  @state() private filter: DefectFilter = {};
  @state() private groupBy: DefectGroupBy = 'none';
  @state() private selected: ReadonlySet<string> = new Set();
  @state() private bulkContractor = '';
  @state() private bulkDue = '';
  @state() private bulkMessage = '';
  @state() private dialog?: { id: string; action: DefectAction; error?: string };
  @state() private announce = '';
  @state() private printContractor = '*';
  @state() private printClosed = false;
  @state() private decisionDraft: { decision?: 'accept' | 'refuse'; reason: string; signature: string; errors: Record<string, string> } = { reason: '', signature: '', errors: {} };
  @state() private editingDecision = false;

  @query('lit-virtualizer') private virtualizer?: LitVirtualizer;
  @query('dialog') private dialogEl?: HTMLDialogElement;

  /** @ignore */
  private readonly localize = new LocalizeController(this);
  private readonly actorConsumer = new ContextConsumer(this, { context: actorContext, subscribe: true });
  private readonly referenceConsumer = new ContextConsumer(this, { context: referenceContext, subscribe: true });
  private rows: Row[] = [];
  private shown: Defect[] = [];
  private summary?: DefectSummary;
  private seq = 0;
  private photoKey = 0;
  private configError = '';
  // `null` until the first update, so an unset `commonProblems` (undefined) still loads the shipped list.
  private configFor: CommonProblems | undefined | null = null;
  private config: CommonProblems = resolveConfig(undefined);
  private returnFocus?: { id: string; index: number };
  private readonly onBeforePrint = () => {
    if (this.activeView !== 'print') {
      this.view = 'print';
      this.performUpdate();
    }
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeprint', this.onBeforePrint);
    window.addEventListener('pagehide', this.saveEntryDraft);
    document.addEventListener('visibilitychange', this.saveEntryDraft);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.saveEntryDraft();
    window.removeEventListener('beforeprint', this.onBeforePrint);
    window.removeEventListener('pagehide', this.saveEntryDraft);
    document.removeEventListener('visibilitychange', this.saveEntryDraft);
    for (const p of this.pending) {
      p.abort?.abort();
      URL.revokeObjectURL(p.url);
    }
    this.pending = [];
  }

  private get locale_(): Locale {
    return this.localize.locale;
  }

  private t(key: DefectMessageKey, params?: Readonly<Record<string, string | number>>): string {
    return msg(this.locale_, key, params);
  }

  /** The same key worded for the mode (`title.internal` / `title.move-in`). */
  private tm(key: string, params?: Readonly<Record<string, string | number>>): string {
    return msg(this.locale_, `${key}.${this.mode === 'move-in' ? 'move-in' : 'internal'}` as DefectMessageKey, params);
  }

  private get currentActor(): Actor | undefined {
    return this.actor ?? this.actorConsumer.value;
  }

  private get contractorList(): readonly DefectContractor[] {
    return this.contractors ?? this.referenceConsumer.value?.contractors ?? [];
  }

  private get nowValue(): Date {
    return new Date(epochMsOr(this.now));
  }

  /** The view shown: the entry view only to someone who may record defects. */
  private get activeView(): DefectChecklistView {
    const v = VIEWS.includes(this.view) ? this.view : 'entry';
    return v === 'entry' && !this.canEnter ? 'list' : v;
  }

  private get canEnter(): boolean {
    return !this.readonly && !!this.house && canRecord(this.currentActor, this.mode);
  }

  private get canBulk(): boolean {
    return !this.readonly && canAssign(this.currentActor);
  }

  /** A date as its calendar date in Asia/Shanghai (YYYY-MM-DD): the same in every browser. */
  private date(iso: string | undefined): string {
    return shanghaiDate(iso);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('draftKey')) this.loadEntryDraft();
    if (this.commonProblems !== this.configFor) {
      this.configFor = this.commonProblems;
      this.configError = '';
      if (this.commonProblems) {
        // The one precompiled validator, not validate(): that would bundle every shipped schema's.
        if (validateCommonProblems(this.commonProblems)) this.config = this.commonProblems;
        else {
          this.config = resolveConfig(undefined);
          this.configError = mapErrors(validateCommonProblems.errors, { locale: this.locale_ }).map((e) => `${e.path} ${e.message}`).join('；');
        }
      } else this.config = shippedCommonProblems as CommonProblems;
    }
    const now = this.nowValue;
    this.shown = filterDefects(this.items, this.filter, now);
    const order = this.contractorList.map((c) => c.id);
    this.rows = [];
    let pos = 0;
    for (const g of groupDefects(this.shown, this.groupBy, order)) {
      if (this.groupBy !== 'none') this.rows.push({ kind: 'group', key: g.key, count: g.items.length });
      for (const item of g.items) this.rows.push({ kind: 'item', item, pos: ++pos });
    }
    if (this.activeView === 'summary' || changed.has('items') || !this.summary) this.summary = summariseDefects(this.items, { now });
  }

  override updated(): void {
    const d = this.dialogEl;
    if (d) {
      if (this.dialog && !d.open) {
        d.showModal();
        d.querySelector('textarea')?.focus();
      } else if (!this.dialog && d.open) d.close();
    }
    if (this.returnFocus) void this.restoreFocus(this.returnFocus);
  }

  /** Back to the same defect; if it left the filtered list, to the row that took its place. */
  private async restoreFocus(want: { id: string; index: number }): Promise<void> {
    this.returnFocus = undefined;
    const v = this.virtualizer as (LitVirtualizer & { layoutComplete?: Promise<void> }) | undefined;
    if (v) {
      await v.updateComplete;
      await v.layoutComplete;
    }
    const q = (sel: string) => this.renderRoot.querySelector<HTMLElement>(sel);
    const row = q(`[part~="row"][data-id="${CSS.escape(want.id)}"]`) ?? q(`[part~="row"][data-index="${want.index}"]`) ?? q(`[part~="row"][data-index="${want.index - 1}"]`);
    const target = row?.querySelector<HTMLElement>('[part~="action"]') ?? row?.querySelector<HTMLElement>('input') ?? q(`#tab-${this.activeView}`);
    target?.focus();
  }

  // ——— rendering ———

  override render() {
    const s = this.summary!;
    const view = this.activeView;
    return html`
      <section part="base" aria-labelledby="title">
        <header part="header">
          <h2 id="title">${this.tm('title')}</h2>
          ${this.house ? html`<p class="house">${houseLabel(this.house)}</p>` : nothing}
          <p class="counts">${this.t('counts', { total: s.total, open: s.open, overdue: s.overdue })}</p>
        </header>
        ${this.configError ? html`<p class="error" role="alert">${this.t('config.invalid', { message: this.configError })}</p>` : nothing}
        ${this.renderTabs()}
        <div part="panel" role="tabpanel" id="panel" aria-labelledby=${`tab-${view}`}>
          ${view === 'entry' ? this.renderEntry() : view === 'list' ? this.renderList() : view === 'summary' ? this.renderSummary() : this.renderPrint()}
        </div>
        <div class="visually-hidden" role="status" aria-live="polite">${this.announce}</div>
        ${this.renderDialog()}
      </section>
    `;
  }

  private renderTabs() {
    const views = VIEWS.filter((v) => v !== 'entry' || this.canEnter);
    const label = (v: DefectChecklistView) => (v === 'entry' || v === 'summary' ? this.tm(`tab.${v}`) : this.t(`tab.${v}`));
    return html`<div part="tabs" role="tablist" aria-label=${this.t('tabs.label')} @keydown=${this.onTabKey}>
      ${views.map(
        (v) => html`<button
          part="tab"
          role="tab"
          id=${`tab-${v}`}
          type="button"
          aria-selected=${this.activeView === v ? 'true' : 'false'}
          aria-controls="panel"
          tabindex=${this.activeView === v ? 0 : -1}
          data-view=${v}
          @click=${() => this.show(v)}
        >
          ${label(v)}
        </button>`,
      )}
    </div>`;
  }

  private renderEntry() {
    if (!this.house) return html`<p>${this.t('entry.noHouse')}</p>`;
    const l = this.locale_;
    const problems = commonProblemsFor(this.config, this.entryLocation, this.entryTrade);
    const severity = this.entrySeverity ?? this.config.defaults.severity;
    const recent = this.recent.map((id) => this.items.find((d) => d.id === id)).filter((d): d is Defect => !!d);
    return html`<form part="entry" @submit=${this.onEntrySubmit} aria-labelledby="entry-heading">
      <h3 id="entry-heading">${this.tm('entry.heading')}</h3>
      <div class="row">
        <label>${this.fieldLabel('location')}
          <select name="location" @change=${(e: Event) => (this.entryLocation = (e.target as HTMLSelectElement).value as HouseLocation)}>
            ${vocabOptions('houseLocation', l).map((o) => html`<option value=${o.value} ?selected=${o.value === this.entryLocation}>${o.label}</option>`)}
          </select>
        </label>
        <label>${this.fieldLabel('trade')}
          <select name="trade" @change=${(e: Event) => (this.entryTrade = (e.target as HTMLSelectElement).value as Trade)}>
            ${vocabOptions('trade', l).map((o) => html`<option value=${o.value} ?selected=${o.value === this.entryTrade}>${o.label}</option>`)}
          </select>
        </label>
        <label>${this.fieldLabel('severity')}
          <select name="severity" @change=${(e: Event) => (this.entrySeverity = (e.target as HTMLSelectElement).value as DefectSeverity)}>
            ${vocabOptions('defectSeverity', l).map((o) => html`<option value=${o.value} ?selected=${o.value === severity}>${o.label}</option>`)}
          </select>
        </label>
      </div>
      <fieldset class="chips">
        <legend>${this.t('entry.common')}</legend>
        ${problems.length
          ? problems.map((p) => html`<button type="button" part="chip" data-problem=${p.id} @click=${() => this.addProblem(p)}>${p.label[l]}</button>`)
          : html`<p class="muted">${this.t('entry.commonNone')}</p>`}
      </fieldset>
      <label for="entry-text">${this.t('entry.text')}</label>
      ${this.entryDraftShown
        ? html`<div part="draft-notice" class="draft-notice">
            <span>${this.t('entry.draftRestored')}</span>
            <button type="button" @click=${this.discardEntryDraft}>${this.t('entry.draftDiscard')}</button>
          </div>`
        : nothing}
      <textarea
        id="entry-text"
        name="text"
        rows="3"
        aria-describedby="entry-hint entry-errors"
        .value=${this.entryDraftText ?? ''}
        @keydown=${this.onEntryKey}
        @input=${this.saveEntryDraft}
      ></textarea>
      <p id="entry-hint" class="muted">${this.t('entry.hint')}</p>
      <div id="entry-errors">${this.entryErrors.map((e) => html`<p class="error">${e}</p>`)}</div>
      ${this.uploader ? this.renderPendingPhotos() : nothing}
      <div class="actions">
        <button type="submit" class="primary">${this.t('entry.add')}</button>
        ${this.entryComplete
          ? html`<button type="button" part="entry-complete" @click=${this.onEntryComplete}>${this.t('entry.complete', { count: this.items.length })}</button>`
          : nothing}
      </div>
      ${recent.length
        ? html`<h4>${this.t('entry.recent')}</h4>
            <ol class="recent">${recent.map((d) => html`<li>${vocabLabel('houseLocation', d.location, l)} · ${vocabLabel('trade', d.trade, l)} · ${d.description}</li>`)}</ol>`
        : nothing}
    </form>`;
  }

  private renderPendingPhotos() {
    const waiting = this.pending.filter((p) => !p.failed && p.targets.length).length;
    return html`<div class="photos">
      <label class="file button">
        ${this.t('entry.photos')}
        <input type="file" accept="image/*" capture="environment" multiple @change=${this.onPickPhotos} />
      </label>
      <span class="muted">${this.t('entry.photosHint')}</span>
      ${waiting ? html`<span class="muted">${this.t('entry.uploading', { count: waiting })}</span>` : nothing}
      <ul class="previews">
        ${this.pending.map(
          (p) => html`<li class=${p.failed ? 'failed' : ''}>
            <img src=${p.url} alt=${p.file.name} />
            ${p.failed
              ? html`<span class="error">${this.t('entry.photoFailed', { name: p.file.name })}</span>
                  <button type="button" @click=${() => this.uploadPhoto(p)}>${this.t('entry.retryPhoto', { name: p.file.name })}</button>`
              : nothing}
            <button type="button" aria-label=${this.t('entry.removePhoto', { name: p.file.name })} @click=${() => this.removePending(p)}>×</button>
          </li>`,
        )}
      </ul>
    </div>`;
  }

  private renderList() {
    const l = this.locale_;
    const f = this.filter;
    const contractors = this.contractorList;
    const total = this.items.length;
    return html`
      <div part="filters" role="group" aria-label=${this.t('list.filters')}>
        <label>${this.fieldLabel('status')}
          <select data-filter="status" @change=${(e: Event) => this.setFilter({ status: ((e.target as HTMLSelectElement).value || undefined) as DefectFilter['status'] })}>
            <option value="" ?selected=${!f.status}>${this.t('list.all')}</option>
            <option value="not-closed" ?selected=${f.status === 'not-closed'}>${this.t('list.notClosed')}</option>
            ${vocabOptions('defectStatus', l).map((o) => html`<option value=${o.value} ?selected=${f.status === o.value}>${o.label}</option>`)}
          </select>
        </label>
        <label>${this.fieldLabel('location')}
          <select data-filter="location" @change=${(e: Event) => this.setFilter({ location: ((e.target as HTMLSelectElement).value || undefined) as HouseLocation | undefined })}>
            <option value="">${this.t('list.all')}</option>
            ${vocabOptions('houseLocation', l).map((o) => html`<option value=${o.value} ?selected=${f.location === o.value}>${o.label}</option>`)}
          </select>
        </label>
        <label>${this.fieldLabel('trade')}
          <select data-filter="trade" @change=${(e: Event) => this.setFilter({ trade: ((e.target as HTMLSelectElement).value || undefined) as Trade | undefined })}>
            <option value="">${this.t('list.all')}</option>
            ${vocabOptions('trade', l).map((o) => html`<option value=${o.value} ?selected=${f.trade === o.value}>${o.label}</option>`)}
          </select>
        </label>
        <label>${this.fieldLabel('contractorId')}
          <select data-filter="contractor" @change=${(e: Event) => {
            const v = (e.target as HTMLSelectElement).value;
            this.setFilter({ contractorId: v === '*' ? undefined : v });
          }}>
            <option value="*">${this.t('list.all')}</option>
            <option value="" ?selected=${f.contractorId === ''}>${this.t('list.unassigned')}</option>
            ${contractors.map((c) => html`<option value=${c.id} ?selected=${f.contractorId === c.id}>${contractorName(contractors, c.id, l)}</option>`)}
          </select>
        </label>
        <label>${this.t('list.groupBy')}
          <select data-filter="group" @change=${(e: Event) => (this.groupBy = (e.target as HTMLSelectElement).value as DefectGroupBy)}>
            <option value="none">${this.t('list.group.none')}</option>
            <option value="status" ?selected=${this.groupBy === 'status'}>${this.fieldLabel('status')}</option>
            <option value="location" ?selected=${this.groupBy === 'location'}>${this.fieldLabel('location')}</option>
            <option value="trade" ?selected=${this.groupBy === 'trade'}>${this.fieldLabel('trade')}</option>
            <option value="contractor" ?selected=${this.groupBy === 'contractor'}>${this.fieldLabel('contractorId')}</option>
          </select>
        </label>
        <label>${this.t('list.search')}
          <input type="search" data-filter="text" .value=${f.text ?? ''} @input=${(e: Event) => this.setFilter({ text: (e.target as HTMLInputElement).value || undefined })} />
        </label>
        <label class="check"><input type="checkbox" data-filter="overdue" .checked=${!!f.overdueOnly} @change=${(e: Event) => this.setFilter({ overdueOnly: (e.target as HTMLInputElement).checked || undefined })} />${this.t('list.overdueOnly')}</label>
      </div>
      ${this.canBulk ? this.renderBulk() : nothing}
      <p class="muted" id="list-count">${this.t('list.shown', { shown: this.shown.length, total })}</p>
      ${this.rows.length
        ? html`<lit-virtualizer
            part="list"
            role="list"
            aria-label=${this.t('list.label')}
            aria-describedby="list-count"
            scroller
            .items=${this.rows}
            .renderItem=${(row: Row, index: number) => this.renderRow(row, index)}
            @keydown=${this.onListKey}
          ></lit-virtualizer>`
        : html`<p class="empty">${this.t('list.empty')}</p>`}
    `;
  }

  private renderBulk() {
    const l = this.locale_;
    const shownIds = this.shown.map((d) => d.id);
    const allSelected = shownIds.length > 0 && shownIds.every((id) => this.selected.has(id));
    return html`<div part="bulk" role="group" aria-label=${this.t('list.bulk')}>
      <label class="check"><input type="checkbox" data-bulk="all" .checked=${allSelected} @change=${this.onSelectAll} />${this.t('list.selectAll')}</label>
      <span>${this.t('list.selected', { count: this.selected.size })}</span>
      <label>${this.fieldLabel('contractorId')}
        <select data-bulk="contractor" @change=${(e: Event) => (this.bulkContractor = (e.target as HTMLSelectElement).value)}>
          <option value="">${this.t('list.keep')}</option>
          ${this.contractorList.map((c) => html`<option value=${c.id} ?selected=${this.bulkContractor === c.id}>${contractorName(this.contractorList, c.id, l)}</option>`)}
        </select>
      </label>
      <label>${this.fieldLabel('due')}
        <input type="date" data-bulk="due" .value=${this.bulkDue} @change=${(e: Event) => (this.bulkDue = (e.target as HTMLInputElement).value)} />
      </label>
      <button type="button" data-bulk="apply" @click=${this.onBulkApply}>${this.t('list.bulkApply')}</button>
      ${this.bulkMessage ? html`<span class="muted">${this.bulkMessage}</span>` : nothing}
    </div>`;
  }

  private renderRow(row: Row, index: number): TemplateResult {
    const l = this.locale_;
    if (row.kind === 'group') {
      const name = this.groupName(row.key);
      return html`<div part="group" role="listitem" data-index=${index}><h3>${name} <span class="muted">${this.t('list.groupCount', { count: row.count })}</span></h3></div>`;
    }
    const d = row.item;
    const now = this.nowValue;
    const overdue = isOverdue(d, now);
    const rejected = rejectionCount(d);
    const actor = this.currentActor;
    const actions = this.readonly ? [] : defectActions(d, actor, { mode: this.mode }).filter((c) => c.allowed);
    const bulk = this.canBulk;
    return html`<div
      part=${overdue ? 'row overdue' : 'row'}
      role="listitem"
      class=${`row status-${d.status}${overdue ? ' overdue' : ''}`}
      data-id=${d.id}
      data-index=${index}
      aria-posinset=${row.pos}
      aria-setsize=${this.shown.length}
    >
      ${bulk
        ? html`<input type="checkbox" class="select" aria-label=${this.t('list.select', { id: d.id })} .checked=${this.selected.has(d.id)} @change=${(e: Event) => this.toggle(d.id, (e.target as HTMLInputElement).checked)} />`
        : nothing}
      <div class="main">
        <div class="meta">
          <span class="id">${d.id}</span>
          <span>${vocabLabel('houseLocation', d.location, l)} · ${vocabLabel('trade', d.trade, l)}</span>
          <span class=${`badge severity-${d.severity}`}>${vocabLabel('defectSeverity', d.severity, l)}</span>
          <span class=${`badge status status-${d.status}`}>${vocabLabel('defectStatus', d.status, l)}</span>
          ${overdue ? html`<span class="badge overdue">${this.t('list.overdue')}</span>` : nothing}
        </div>
        <p class="desc">${d.description}</p>
        <div class="sub muted">
          <span>${d.contractorId ? contractorName(this.contractorList, d.contractorId, l) : this.t('list.unassigned')}</span>
          <span>${d.due ? this.t('list.due', { date: this.date(d.due) }) : this.t('list.noDue')}</span>
          <span>${this.t('list.found', { name: d.foundBy.name, date: this.date(d.foundAt) })}</span>
          ${rejected ? html`<span class="rejected">${this.t('list.rejected', { count: rejected })}</span>` : nothing}
          ${d.photos?.length
            ? html`<span class="thumbs">${d.photos.map((p) => html`<a href=${safeUrl(p.url)} target="_blank" rel="noopener noreferrer"><img src=${safeUrl(p.url)} alt=${p.name ?? p.id} loading="lazy" /></a>`)}</span>`
            : nothing}
        </div>
      </div>
      <div class="actions">
        ${actions.map(
          (c) => html`<button type="button" part="action" data-action=${c.action} @click=${() => this.onAction(d.id, c.action)}>${vocabLabel('defectAction', c.action, l)}</button>`,
        )}
      </div>
    </div>`;
  }

  private groupName(key: string): string {
    const l = this.locale_;
    switch (this.groupBy) {
      case 'status':
        return vocabLabel('defectStatus', key, l);
      case 'location':
        return vocabLabel('houseLocation', key, l);
      case 'trade':
        return vocabLabel('trade', key, l);
      case 'contractor':
        return key ? contractorName(this.contractorList, key, l) : this.t('list.unassigned');
      default:
        return '';
    }
  }

  private renderSummary() {
    const s = this.summary!;
    const l = this.locale_;
    const pct = (n: number) => new Intl.NumberFormat(l, { style: 'percent', maximumFractionDigits: 1 }).format(n);
    const max = Math.max(1, ...s.byTrade.map((r) => r.count));
    const table = (caption: string, head: string, rows: readonly { key: string; count: number; closed: number; overdue: number }[], label: (k: string) => string) => html`<table>
      <caption>${caption}</caption>
      <thead><tr><th scope="col">${head}</th><th scope="col">${this.t('summary.col.count')}</th><th scope="col">${this.t('summary.col.closed')}</th><th scope="col">${this.t('summary.col.overdue')}</th></tr></thead>
      <tbody>${rows.map((r) => html`<tr><th scope="row">${label(r.key)}</th><td>${r.count}</td><td>${r.closed}</td><td>${r.overdue}</td></tr>`)}</tbody>
    </table>`;
    return html`<div part="summary">
      ${this.mode === 'move-in' ? this.renderDecision() : nothing}
      <dl class="stats">
        <div><dt>${this.t('summary.total')}</dt><dd data-stat="total">${s.total}</dd></div>
        <div><dt>${this.t('summary.closed')}</dt><dd data-stat="closed">${s.closed}</dd></div>
        <div><dt>${this.t('summary.rate')}</dt><dd data-stat="rate">${pct(s.closureRate)}</dd></div>
        <div class=${s.overdue ? 'alert' : ''}><dt>${this.t('summary.overdue')}</dt><dd data-stat="overdue">${s.overdue}</dd></div>
        <div><dt>${this.t('summary.rejected')}</dt><dd data-stat="rejected">${s.rejectedOnce}</dd></div>
        <div><dt>${this.t('summary.unassigned')}</dt><dd data-stat="unassigned">${s.unassigned}</dd></div>
      </dl>
      <figure part="chart">
        <figcaption>${this.t('summary.chart')}<span class="muted" aria-hidden="true">${this.t('summary.chartLegend')}</span></figcaption>
        <ul>
          ${s.byTrade.map(
            (r) => html`<li>
              <span class="label">${vocabLabel('trade', r.key, l)}</span>
              <span class="track" aria-hidden="true"><span part="bar" class="bar" style=${`inline-size:${(r.count / max) * 100}%`}><span class="closed" style=${`inline-size:${r.count ? (r.closed / r.count) * 100 : 0}%`}></span></span></span>
              <span class="value">${r.count}</span>
              <span class="visually-hidden">${this.t('summary.chartRow', { label: vocabLabel('trade', r.key, l), count: r.count, closed: r.closed })}</span>
            </li>`,
          )}
        </ul>
      </figure>
      <div class="tables">
        ${table(this.t('summary.byStatus'), this.fieldLabel('status'), s.byStatus, (k) => vocabLabel('defectStatus', k, l))}
        ${table(this.t('summary.bySeverity'), this.fieldLabel('severity'), s.bySeverity, (k) => vocabLabel('defectSeverity', k, l))}
        ${table(this.t('summary.byLocation'), this.fieldLabel('location'), s.byLocation.filter((r) => r.count), (k) => vocabLabel('houseLocation', k, l))}
        ${table(this.t('summary.byContractor'), this.fieldLabel('contractorId'), s.byContractor, (k) => (k ? contractorName(this.contractorList, k, l) : this.t('list.unassigned')))}
        <table>
          <caption>${this.t('summary.ageing')}</caption>
          <thead><tr><th scope="col">${this.t('summary.col.age')}</th><th scope="col">${this.t('summary.col.count')}</th></tr></thead>
          <tbody>${s.ageing.map(
            (b) => html`<tr><th scope="row">${b.max === undefined ? this.t('summary.ageOver', { min: b.min - 1 }) : this.t('summary.ageRange', { min: b.min, max: b.max })}</th><td>${b.count}</td></tr>`,
          )}</tbody>
        </table>
      </div>
    </div>`;
  }

  private get canDecide(): boolean {
    const a = this.currentActor;
    return !this.readonly && !!a && ['owner', 'staff', 'inspector'].some((r) => a.roles.includes(r));
  }

  private renderDecision() {
    const l = this.locale_;
    const d = this.ownerDecision;
    const open = this.summary!.open;
    if (d && !this.editingDecision) {
      return html`<section part="decision" aria-labelledby="decision-heading">
        <h3 id="decision-heading">${this.t('decision.heading')}</h3>
        <p class=${`decision ${d.decision}`} data-decision=${d.decision}>
          ${this.t('decision.recorded', { decision: vocabLabel('defectOwnerDecision', d.decision, l), name: d.signatureName, date: this.date(d.at) })}
        </p>
        ${d.reason ? html`<p>${this.t('decision.reasonLine', { reason: d.reason })}</p>` : nothing}
        ${this.canDecide ? html`<button type="button" @click=${() => (this.editingDecision = true)}>${this.t('decision.change')}</button>` : nothing}
      </section>`;
    }
    const draft = this.decisionDraft;
    return html`<section part="decision" aria-labelledby="decision-heading">
      <h3 id="decision-heading">${this.t('decision.heading')}</h3>
      <p>${this.t('decision.open', { open })}</p>
      ${this.canDecide
        ? html`<form @submit=${this.onDecisionSubmit} novalidate>
            <fieldset aria-describedby="decision-error" aria-invalid=${draft.errors['decision'] ? 'true' : 'false'}>
              <legend>${this.t('decision.legend')}</legend>
              ${vocabOptions('defectOwnerDecision', l).map(
                (o) => html`<label class="check"><input type="radio" name="decision" value=${o.value} .checked=${draft.decision === o.value} @change=${() => this.setDecision({ decision: o.value as 'accept' | 'refuse' })} />${o.label}</label>`,
              )}
              <p id="decision-error" class="error">${draft.errors['decision'] ?? ''}</p>
            </fieldset>
            <label for="decision-reason">${this.fieldLabel('reason', 'checklist')}</label>
            <textarea id="decision-reason" rows="2" maxlength="500" .value=${draft.reason} aria-invalid=${draft.errors['reason'] ? 'true' : 'false'} aria-describedby="reason-error" @input=${(e: Event) => this.setDecision({ reason: (e.target as HTMLTextAreaElement).value })}></textarea>
            <p id="reason-error" class="error">${draft.errors['reason'] ?? ''}</p>
            <label for="decision-signature">${this.t('decision.signature')}</label>
            <input id="decision-signature" type="text" maxlength="40" autocomplete="name" .value=${draft.signature} aria-invalid=${draft.errors['signature'] ? 'true' : 'false'} aria-describedby="signature-error" @input=${(e: Event) => this.setDecision({ signature: (e.target as HTMLInputElement).value })} />
            <p id="signature-error" class="error">${draft.errors['signature'] ?? ''}</p>
            <button type="submit" class="primary">${this.t('decision.submit')}</button>
          </form>`
        : html`<p class="muted">${this.t('decision.notAllowed')}</p>`}
    </section>`;
  }

  private renderPrint() {
    const l = this.locale_;
    const contractors = this.contractorList;
    const now = this.nowValue;
    const only = this.printContractor === '*' ? undefined : this.printContractor;
    const groups = problemList(this.items, { contractors, now, includeClosed: this.printClosed, ...(only !== undefined ? { contractorId: only } : {}) });
    const today = this.date(now.toISOString());
    return html`
      <div class="print-toolbar">
        <label>${this.t('print.contractor')}
          <select data-print="contractor" @change=${(e: Event) => (this.printContractor = (e.target as HTMLSelectElement).value)}>
            <option value="*">${this.t('list.all')}</option>
            ${contractors.map((c) => html`<option value=${c.id} ?selected=${this.printContractor === c.id}>${contractorName(contractors, c.id, l)}</option>`)}
            <option value="" ?selected=${this.printContractor === ''}>${this.t('list.unassigned')}</option>
          </select>
        </label>
        <label class="check"><input type="checkbox" data-print="closed" .checked=${this.printClosed} @change=${(e: Event) => (this.printClosed = (e.target as HTMLInputElement).checked)} />${this.t('print.includeClosed')}</label>
        <button type="button" data-print="print" @click=${this.onPrint}>${this.t('print.print')}</button>
        <button type="button" data-print="csv" @click=${() => this.downloadCsv()}>${this.t('print.csv')}</button>
      </div>
      ${groups.length ? nothing : html`<p class="empty">${this.t('print.empty')}</p>`}
      ${groups.map(
        (g) => html`<article part="sheet" class="sheet" data-contractor=${g.contractorId ?? ''}>
          <h3>${this.tm('print.heading')} — ${g.contractorId ? contractorName(contractors, g.contractorId, l) : this.t('list.unassigned')}</h3>
          <p class="muted">${this.t('print.meta', { date: today, count: g.count })}</p>
          ${g.houses.map((h) => {
            let n = 0;
            return html`<table>
              <caption>${houseLabel(h.house)}</caption>
              <thead><tr>
                <th scope="col">${this.t('print.col.no')}</th><th scope="col">${this.fieldLabel('id')}</th><th scope="col">${this.fieldLabel('location')}</th>
                <th scope="col">${this.fieldLabel('trade')}</th><th scope="col">${this.fieldLabel('description')}</th><th scope="col">${this.fieldLabel('severity')}</th>
                <th scope="col">${this.fieldLabel('due')}</th><th scope="col">${this.fieldLabel('status')}</th><th scope="col">${this.t('print.col.check')}</th>
              </tr></thead>
              <tbody>${h.items.map(
                (d) => html`<tr class=${isOverdue(d, now) ? 'overdue' : ''}>
                  <td>${++n}</td><td>${d.id}</td><td>${vocabLabel('houseLocation', d.location, l)}</td><td>${vocabLabel('trade', d.trade, l)}</td>
                  <td>${d.description}</td><td>${vocabLabel('defectSeverity', d.severity, l)}</td>
                  <td>${this.date(d.due)}${isOverdue(d, now) ? html` <strong>${this.t('list.overdue')}</strong>` : nothing}</td>
                  <td>${vocabLabel('defectStatus', d.status, l)}</td><td></td>
                </tr>`,
              )}</tbody>
            </table>`;
          })}
          <p class="signatures"><span>${this.t('print.sign.contractor')}</span><span>${this.t('print.sign.inspector')}</span><span>${this.t('print.sign.date')}</span></p>
        </article>`,
      )}
    `;
  }

  private renderDialog() {
    const dlg = this.dialog;
    const item = dlg ? this.items.find((d) => d.id === dlg.id) : undefined;
    const check = dlg && item ? checkAction(item, dlg.action, this.currentActor, { mode: this.mode }) : undefined;
    const required = check?.transition?.note === 'required';
    const action = dlg ? vocabLabel('defectAction', dlg.action, this.locale_) : '';
    return html`<dialog part="dialog" aria-labelledby="dialog-title" @close=${this.onDialogClose} @cancel=${this.onDialogClose}>
      ${dlg
        ? html`<form method="dialog" @submit=${this.onDialogSubmit} novalidate>
            <h3 id="dialog-title">${this.t('dialog.title', { action, id: dlg.id })}</h3>
            ${item ? html`<p class="desc">${item.description}</p>` : nothing}
            <label for="dialog-note">${required ? this.t('dialog.noteRequired') : this.t('dialog.note')}</label>
            <textarea id="dialog-note" rows="3" maxlength="500" ?required=${required} aria-invalid=${dlg.error ? 'true' : 'false'} aria-describedby="dialog-error"></textarea>
            <p id="dialog-error" class="error" role="alert">${dlg.error ?? ''}</p>
            <div class="actions">
              <button type="button" data-dialog="cancel" @click=${() => this.closeDialog()}>${this.t('dialog.cancel')}</button>
              <button type="submit" class="primary" data-dialog="confirm">${this.t('dialog.confirm')}</button>
            </div>
          </form>`
        : nothing}
    </dialog>`;
  }

  private fieldLabel(field: string, schema: 'defect' | 'checklist' = 'defect'): string {
    return defectFieldLabel(field === 'reason' && schema === 'checklist' ? 'ownerDecision/reason' : field, this.locale_, schema);
  }

  // ——— behaviour ———

  /** Switches the view (and moves focus to its tab when asked). */
  show(view: DefectChecklistView, focusTab = false): void {
    this.view = view;
    if (focusTab) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${view}`)?.focus());
  }

  private onTabKey(e: KeyboardEvent): void {
    const views = VIEWS.filter((v) => v !== 'entry' || this.canEnter);
    const i = views.indexOf(this.activeView);
    let next: DefectChecklistView | undefined;
    if (e.key === 'ArrowRight') next = views[(i + 1) % views.length];
    else if (e.key === 'ArrowLeft') next = views[(i - 1 + views.length) % views.length];
    else if (e.key === 'Home') next = views[0];
    else if (e.key === 'End') next = views[views.length - 1];
    if (next) {
      e.preventDefault();
      this.show(next, true);
    }
  }

  private emit(items: readonly Defect[]): void {
    this.items = items;
    this.dispatchEvent(defectChangeEvent(items));
  }

  private makeId(): string {
    if (this.newId) return this.newId();
    return `D-${Date.now().toString(36)}-${(++this.seq).toString(36)}`;
  }

  private onEntryKey(e: KeyboardEvent): void {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      this.addFromText();
    }
  }

  /** Writes the entry text as a draft (or forgets it when empty). */
  private readonly saveEntryDraft = (): void => {
    if (!this.draftKey) return;
    const area = this.renderRoot?.querySelector<HTMLTextAreaElement>('#entry-text');
    if (!area) return;
    this.entryDraftText = area.value;
    const key = `${this.draftKey}:entry`;
    if (area.value.trim()) localStorageDrafts.save(key, { schemaId: 'wy-defect-checklist:entry', savedAt: new Date().toISOString(), value: area.value });
    else localStorageDrafts.clear(key);
  };

  private loadEntryDraft(): void {
    if (this.entryDraftLoaded || !this.draftKey) return;
    this.entryDraftLoaded = true;
    const key = `${this.draftKey}:entry`;
    const d = localStorageDrafts.load(key) as Draft | undefined; // localStorage answers synchronously
    if (!d || typeof d.value !== 'string') return;
    if (isDraftExpired(d, this.draftMaxAgeDays)) {
      localStorageDrafts.clear(key);
      return;
    }
    this.entryDraftText = d.value;
    this.entryDraftShown = true;
    this.announce = this.t('entry.draftRestored');
  }

  private discardEntryDraft(): void {
    const area = this.renderRoot.querySelector<HTMLTextAreaElement>('#entry-text');
    if (area) area.value = '';
    this.entryDraftText = '';
    this.entryDraftShown = false;
    if (this.draftKey) localStorageDrafts.clear(`${this.draftKey}:entry`);
    this.announce = this.t('entry.draftDiscarded');
    area?.focus();
  }

  private onEntryComplete(): void {
    this.dispatchEvent(new WyEntryCompleteEvent(this.items.length));
  }

  private onEntrySubmit(e: Event): void {
    e.preventDefault();
    this.addFromText();
  }

  private addFromText(): void {
    const area = this.renderRoot.querySelector<HTMLTextAreaElement>('#entry-text');
    if (!area) return;
    const { drafts, errors } = parseBatch(area.value, {
      location: this.entryLocation,
      trade: this.entryTrade,
      config: this.config,
      ...(this.entrySeverity ? { severity: this.entrySeverity } : {}),
    });
    this.entryErrors = errors.map((x) => this.t('entry.tooLong', { line: x.line, max: MAX_DESCRIPTION }));
    if (!drafts.length) {
      if (!errors.length) this.entryErrors = [this.t('entry.empty')];
      area.focus();
      return;
    }
    // Keep the lines that were not added, so nothing typed is lost.
    area.value = errors.map((x) => x.text).join('\n');
    this.entryDraftShown = false;
    this.saveEntryDraft();
    this.addDrafts(drafts);
    area.focus();
  }

  private addProblem(p: CommonProblem): void {
    const draft = draftFromProblem(p, this.entryLocation, this.locale_, this.config);
    this.addDrafts([this.entrySeverity ? { ...draft, severity: this.entrySeverity } : draft]);
  }

  private addDrafts(drafts: readonly DefectDraft[]): void {
    const actor = this.currentActor;
    if (!this.canEnter || !actor || !this.house) return;
    const now = this.nowValue.toISOString();
    const created = drafts.map((d) => createDefect(d, { id: this.makeId(), house: this.house!, actor, now, due: defaultDue(d.severity, now, this.config) }));
    const ids = created.map((d) => d.id);
    // Photos picked for these defects: attach them once uploaded.
    const waiting = this.pending.filter((p) => !p.targets.length);
    for (const p of waiting) p.targets = ids;
    this.recent = [...ids.reverse(), ...this.recent].slice(0, 5);
    this.announce = created.length === 1 ? this.t('entry.addedOne', { text: created[0]!.description }) : this.t('entry.added', { count: created.length });
    this.emit([...this.items, ...created]);
    for (const p of waiting) void this.uploadPhoto(p);
  }

  private onPickPhotos(e: Event): void {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])].filter((f) => f.type.startsWith('image/'));
    this.pending = [...this.pending, ...files.map((file) => ({ key: ++this.photoKey, file, url: URL.createObjectURL(file), targets: [], failed: false }))];
    input.value = '';
  }

  private removePending(p: PendingPhoto): void {
    p.abort?.abort();
    URL.revokeObjectURL(p.url);
    this.pending = this.pending.filter((x) => x !== p);
  }

  /** Uploads one photo through the host hook and adds its reference to its defects. */
  private async uploadPhoto(p: PendingPhoto): Promise<void> {
    if (!this.uploader || !p.targets.length) return;
    p.failed = false;
    this.requestUpdate();
    let ref: { id: string; url: string };
    try {
      p.abort = new AbortController();
      const got = await this.uploader(p.file, { signal: p.abort.signal });
      if (p.abort.signal.aborted) return;
      if (!got || typeof got.id !== 'string' || typeof got.url !== 'string' || /^data:/i.test(got.url)) throw new Error('bad reference');
      ref = { id: got.id, url: got.url };
    } catch {
      p.failed = true;
      this.announce = this.t('entry.photoFailed', { name: p.file.name });
      this.requestUpdate();
      return;
    }
    const photo: DefectPhoto = { id: ref.id, url: ref.url, name: p.file.name.slice(0, 200) };
    const targets = new Set(p.targets);
    this.emit(this.items.map((d) => (targets.has(d.id) ? { ...d, photos: [...(d.photos ?? []), photo].slice(0, 30) } : d)));
    this.removePending(p);
  }

  private setFilter(patch: Partial<DefectFilter>): void {
    const next: Record<string, unknown> = { ...this.filter, ...patch };
    for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
    this.filter = next as DefectFilter;
  }

  private toggle(id: string, on: boolean): void {
    const next = new Set(this.selected);
    if (on) next.add(id);
    else next.delete(id);
    this.selected = next;
  }

  private onSelectAll(e: Event): void {
    const on = (e.target as HTMLInputElement).checked;
    const next = new Set(this.selected);
    for (const d of this.shown) {
      if (on) next.add(d.id);
      else next.delete(d.id);
    }
    this.selected = next;
  }

  private onBulkApply(): void {
    if (!this.canBulk) return;
    const due = this.bulkDue ? new Date(`${this.bulkDue}T23:59:59`).toISOString() : undefined;
    if (!this.selected.size || (!this.bulkContractor && !due)) {
      this.bulkMessage = this.t('list.bulkNothing');
      return;
    }
    const { items, changed } = assignDefects(this.items, this.selected, {
      ...(this.bulkContractor ? { contractorId: this.bulkContractor } : {}),
      ...(due ? { due } : {}),
    });
    this.bulkMessage = this.t('list.bulkDone', { count: changed });
    this.announce = this.bulkMessage;
    this.selected = new Set();
    if (changed) this.emit(items);
  }

  private onAction(id: string, action: DefectAction): void {
    if (NOTE_ACTIONS.has(action)) {
      this.returnFocus = undefined;
      this.dialog = { id, action };
      return;
    }
    this.perform(id, action);
  }

  /** Applies a status change as the current actor; returns false (and says why) when refused. */
  perform(id: string, action: DefectAction, note?: string): boolean {
    if (this.readonly) return false;
    const index = this.items.findIndex((d) => d.id === id);
    const item = this.items[index];
    if (!item) return false;
    const r = applyAction(item, action, this.currentActor, { now: this.nowValue.toISOString(), mode: this.mode, ...(note !== undefined ? { note } : {}) });
    if (!r.ok) {
      this.announce = this.t('action.denied', { reason: defectReason(r.reason, this.locale_) });
      return false;
    }
    const items = [...this.items];
    items[index] = r.item;
    this.announce = this.t('list.actionDone', { id, action: vocabLabel('defectStatus', r.item.status, this.locale_) });
    this.returnFocus = { id, index: this.rowIndex(id) };
    this.emit(items);
    if (r.item.status === 'closed') dispatchRenamed(this, new WyDefectCloseEvent(r.item), 'wy-item-close');
    return true;
  }

  private rowIndex(id: string): number {
    return this.rows.findIndex((r) => r.kind === 'item' && r.item.id === id);
  }

  private onDialogSubmit(e: Event): void {
    e.preventDefault();
    const dlg = this.dialog;
    if (!dlg) return;
    const note = this.renderRoot.querySelector<HTMLTextAreaElement>('#dialog-note')?.value ?? '';
    const item = this.items.find((d) => d.id === dlg.id);
    const check = item && checkAction(item, dlg.action, this.currentActor, { mode: this.mode });
    if (check?.transition?.note === 'required' && !note.trim()) {
      this.dialog = { ...dlg, error: defectReason('note-required', this.locale_) };
      this.renderRoot.querySelector<HTMLTextAreaElement>('#dialog-note')?.focus();
      return;
    }
    this.dialog = undefined;
    if (!this.perform(dlg.id, dlg.action, note)) this.returnFocus = { id: dlg.id, index: this.rowIndex(dlg.id) };
  }

  private closeDialog(): void {
    const dlg = this.dialog;
    this.dialog = undefined;
    if (dlg) this.returnFocus = { id: dlg.id, index: this.rowIndex(dlg.id) };
  }

  private onDialogClose(e: Event): void {
    if (e.type === 'cancel') e.preventDefault();
    if (this.dialog) this.closeDialog();
  }

  /** Arrow keys move between rows of the virtualised list; the row is scrolled into view first. */
  private onListKey(e: KeyboardEvent): void {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const from = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!from || (e.target as HTMLElement).tagName === 'SELECT') return;
    e.preventDefault();
    const step = e.key === 'ArrowDown' ? 1 : -1;
    let i = Number(from.dataset['index']) + step;
    while (this.rows[i]?.kind === 'group') i += step;
    if (i < 0 || i >= this.rows.length) return;
    void this.focusRow(i);
  }

  private async focusRow(index: number): Promise<void> {
    const v = this.virtualizer;
    if (!v) return;
    const find = () => this.renderRoot.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (!find()) {
      v.element(index)?.scrollIntoView({ block: 'nearest' });
      for (let tries = 0; tries < 10 && !find(); tries++) await new Promise((r) => requestAnimationFrame(r));
    }
    const row = find();
    if (!row) return;
    row.scrollIntoView({ block: 'nearest' });
    (row.querySelector<HTMLElement>('input, [part~="action"]') ?? row).focus();
  }

  private setDecision(patch: Partial<{ decision: 'accept' | 'refuse'; reason: string; signature: string }>): void {
    this.decisionDraft = { ...this.decisionDraft, ...patch, errors: {} };
  }

  private onDecisionSubmit(e: Event): void {
    e.preventDefault();
    if (!this.canDecide) return;
    const d = this.decisionDraft;
    const errors: Record<string, string> = {};
    if (!d.decision) errors['decision'] = this.t('decision.choose');
    if (d.decision === 'refuse' && !d.reason.trim()) errors['reason'] = this.t('decision.reasonRequired');
    if (!d.signature.trim()) errors['signature'] = this.t('decision.signatureRequired');
    if (Object.keys(errors).length) {
      this.decisionDraft = { ...d, errors };
      void this.updateComplete.then(() => {
        const first = errors['decision'] ? 'input[name="decision"]' : errors['reason'] ? '#decision-reason' : '#decision-signature';
        this.renderRoot.querySelector<HTMLElement>(first)?.focus();
      });
      return;
    }
    const decision: OwnerDecision = {
      decision: d.decision!,
      ...(d.reason.trim() ? { reason: d.reason.trim() } : {}),
      signatureName: d.signature.trim(),
      at: this.nowValue.toISOString(),
    };
    this.ownerDecision = decision;
    this.editingDecision = false;
    this.decisionDraft = { reason: '', signature: '', errors: {} };
    this.announce = this.t('decision.recorded', { decision: vocabLabel('defectOwnerDecision', decision.decision, this.locale_), name: decision.signatureName, date: this.date(decision.at) });
    dispatchRenamed(this, new WyOwnerDecideEvent(decision), 'wy-owner-decision');
  }

  private async onPrint(): Promise<void> {
    this.view = 'print';
    await this.updateComplete;
    window.print();
  }

  /**
   * The problem list as CSV text (UTF-8 with BOM, for Excel), for the contractor chosen in the
   * print view; dates in Asia/Shanghai.
   */
  toCsv(): string {
    const only = this.printContractor === '*' ? undefined : this.printContractor;
    const table = problemListTable(this.items, {
      contractors: this.contractorList,
      now: this.nowValue,
      locale: this.locale_,
      includeClosed: this.printClosed,
      utcOffsetMinutes: SHANGHAI_OFFSET_MINUTES,
      ...(only !== undefined ? { contractorId: only } : {}),
    });
    return toCsv(table);
  }

  /** Offers `toCsv()` to the user as a file download; returns the CSV text. */
  downloadCsv(): string {
    const only = this.printContractor === '*' ? undefined : this.printContractor;
    const csv = this.toCsv();
    const name = only ? contractorName(this.contractorList, only, this.locale_) : houseLabel(this.house);
    download(csv, `${this.t('print.file')}-${name || 'all'}-${this.date(this.nowValue.toISOString())}.csv`.replace(/[\\/:*?"<>|\s]+/g, '_'), 'text/csv;charset=utf-8');
    return csv;
  }

  /** @deprecated since 0.2: `downloadCsv()` (downloads) or `toCsv()` (returns the text only). */
  exportCsv(): string {
    warnRenamed('wy-defect-checklist', 'exportCsv()', 'downloadCsv()` or `toCsv()');
    return this.downloadCsv();
  }
}


