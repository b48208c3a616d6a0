import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import type { Locale } from '../../core/i18n/locale.js';
// Each core module by name (not the index): the element takes only what its first paint needs.
import { canRecord } from '../../core/defects/transitions.js';
import { defectLabel } from '../../core/defects/defect-labels.js';
import { contractorName, houseLabel } from '../../core/defects/problem-list.js';
import { checklistCounts } from '../../core/defects/counts.js';
import type { CommonProblems, Defect, DefectAction, DefectContractor, DefectHouse, OwnerDecision } from '../../core/defects/types.js';
import { LocalizeController } from '../shared/localize-controller.js';
import { AnnounceController } from '../shared/announce-controller.js';
import { PrintController } from '../shared/print-controller.js';
import { LazyController, type Lazy } from '../shared/lazy.js';
import { actorContext, referenceContext, type Actor } from '../shared/context.js';
import { noteRenamedEvents, warnRenamed } from '../shared/deprecation.js';
import type { Uploader } from '../shared/uploader.js';
import { DEFAULT_DRAFT_MAX_AGE_DAYS } from '../schema-form/drafts.js';
import { epochMsOr, type Instant } from '../../core/kernel/time.js';
import { msg, type DefectMessageKey } from './defect-checklist.messages.js';
import { CHECKLIST_RENAMED_EVENTS, defectChangeEvent } from './defect-checklist.events.js';
import { styles } from './defect-checklist.styles.js';
import { createChecklistHost, type ChecklistHost } from './checklist-host.js';
import { EntryDraftController } from './controllers/entry-draft.js';
import { ConfigController } from './controllers/config.js';
import { ProblemListExport } from './controllers/export.js';
import { StatusChanges } from './controllers/status.js';
import type { ListController } from './controllers/list.js';
import { lazyModules } from './controllers/lazy.js';
import type { EntryPart } from './parts/entry.part.js';
import type { SummaryPart } from './parts/summary.part.js';
import type { PrintPart } from './parts/print.part.js';
import type { ViewContext } from './views/view-context.js';
import { renderPending, renderTabs } from './views/shell.view.js';
import { deepActiveElement, focusMovedFrom } from '../shared/focus.js';

export type DefectChecklistView = 'entry' | 'list' | 'summary' | 'print';
export type DefectChecklistMode = 'internal' | 'move-in';
/** @deprecated since 0.2: the kit's one `Uploader` (set `uploader`). */
export type DefectPhotoUpload = (file: File) => Promise<{ id: string; url: string }>;

const VIEWS: readonly DefectChecklistView[] = ['entry', 'list', 'summary', 'print'];

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
 * The element is a thin shell: the views' rows, the owner-decision rule and the photo limits are
 * pure functions in `src/core/defects` (`entryView`, `listView`, `printView`, `checkOwnerDecision`,
 * `attachPhoto`…); each view is a module under `views/`, wired to its state and behaviour by a part
 * (`parts/`, `controllers/list.ts`); status changes, the CSV export and the common problems in force
 * are controllers (`controllers/`). What the first paint of the entry or list view does not need
 * loads on demand: the summary, the problem list to print, the note dialog, the owner's decision,
 * the photo upload queue and the validator of a host's common problems.
 * `updateComplete` resolves once what the current state shows has loaded.
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

  /** @ignore */
  private readonly localize = new LocalizeController(this);
  private readonly announcer = new AnnounceController(this);
  /** The parts loaded on demand (views, rules, data); `updateComplete` waits for what is shown. */
  private readonly lazy = new LazyController(this);
  private readonly draft = new EntryDraftController(this, () => this.renderRoot?.querySelector<HTMLTextAreaElement>('#entry-text')?.value);
  private readonly printing = new PrintController(this, {
    before: () => {
      if (this.activeView === 'print') return;
      this.view = 'print';
      // Render the paper view before the browser lays out the page (when its module is loaded).
      if (lazyModules.print.value) this.performUpdate();
    },
  });
  private readonly actorConsumer = new ContextConsumer(this, { context: actorContext, subscribe: true });
  private readonly referenceConsumer = new ContextConsumer(this, { context: referenceContext, subscribe: true });
  /** What the parts read and call (one live view of this element). */
  private readonly host: ChecklistHost = this.makeHost();
  private readonly common = new ConfigController(this.lazy);
  private readonly exporter = new ProblemListExport(this.host);
  private readonly status = new StatusChanges(this.host);
  private readonly parts: { entry?: EntryPart; list?: ListController; summary?: SummaryPart; print?: PrintPart } = {};

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

  /** What every view module reads. */
  private ctx(): ViewContext {
    const locale = this.locale_;
    const contractors = this.contractorList;
    return {
      locale,
      mode: this.mode === 'move-in' ? 'move-in' : 'internal',
      contractors,
      t: (k, p) => this.t(k, p),
      tm: (k, p) => this.tm(k, p),
      field: (path) => defectLabel(path, locale),
      contractor: (id) => (id ? contractorName(contractors, id, locale) : this.t('list.unassigned')),
    };
  }

  private get currentActor(): Actor | undefined {
    return this.actor ?? this.actorConsumer.value;
  }

  private get contractorList(): readonly DefectContractor[] {
    return this.contractors ?? this.referenceConsumer.value?.contractors ?? [];
  }

  private get nowMs(): number {
    return epochMsOr(this.now);
  }

  /** The view shown: the entry view only to someone who may record defects. */
  private get activeView(): DefectChecklistView {
    const v = VIEWS.includes(this.view) ? this.view : 'entry';
    return v === 'entry' && !this.canEnter ? 'list' : v;
  }

  private get canEnter(): boolean {
    return !this.readonly && !!this.house && canRecord(this.currentActor, this.mode);
  }

  /** The parts' view of this element: live getters over its properties and services. */
  private makeHost(): ChecklistHost {
    return createChecklistHost(this, {
      actor: () => this.currentActor,
      contractors: () => this.contractorList,
      locale: () => this.locale_,
      nowMs: () => this.nowMs,
      common: () => this.common,
      canEnter: () => this.canEnter,
      draft: this.draft,
      t: (k, p) => this.t(k, p),
      context: () => this.ctx(),
      need: (lazy) => this.lazy.need(lazy),
      pending: () => this.renderPending(),
      publish: (items) => this.emit(items),
      say: (text) => this.announcer.announce(text),
      onAction: (id, action) => this.status.onAction(id, action),
      rowIndex: (id) => this.parts.list?.rowIndex(id) ?? -1,
    });
  }

  /**
   * Resolves once the update is done and what it shows has loaded (parts loaded on demand).
   * Not `async`: an async wrapper resolves `updateComplete` a few microtasks later, after the
   * virtualised list's own measuring (the defects bench's "filter change: update" ~11 → ~6 ms).
   * (The keyboard journey that failed with it was a focus race — the list handed focus back to a
   * changed defect after the user had moved on — now fixed in `ListController.restoreFocus`.)
   */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.lazy.settled(() => super.getUpdateComplete());
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('draftKey') || changed.has('draftMaxAgeDays')) {
      this.draft.key = this.draftKey;
      this.draft.maxAgeDays = this.draftMaxAgeDays;
      if (this.draft.load()) this.announcer.announce(this.t('entry.draftRestored'));
    }
    this.common.take(this.commonProblems, this.locale_);
  }

  override firstUpdated(): void {
    // The print view must render synchronously on `beforeprint`: fetch it once the page is idle.
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 200));
    idle(() => {
      this.lazy.prefetch(lazyModules.print);
      // The other view of the first paint, so switching between entry and list does not wait.
      this.lazy.prefetch(this.activeView === 'entry' ? lazyModules.list : lazyModules.entry);
    });
  }

  override updated(): void {
    const fallback = `#tab-${this.activeView}`;
    this.status.updated((want) => {
      const list = this.parts.list;
      if (list) void list.restoreFocus(want, fallback);
      else this.renderRoot.querySelector<HTMLElement>(fallback)?.focus();
    });
  }

  // ——— rendering ———

  override render() {
    const s = checklistCounts(this.items, this.nowMs);
    // While the page prints, the paper view (the problem list), whichever view was on screen.
    const view = this.printing.printing ? 'print' : this.activeView;
    const c = this.ctx();
    return html`
      <section part="base" aria-labelledby="title">
        <header part="header">
          <h2 id="title">${this.tm('title')}</h2>
          ${this.house ? html`<p class="house">${houseLabel(this.house)}</p>` : nothing}
          <p class="counts">${this.t('counts', { total: s.total, open: s.open, overdue: s.overdue })}</p>
        </header>
        ${this.common.error ? html`<p class="error" role="alert">${this.t('config.invalid', { message: this.common.error })}</p>` : nothing}
        ${this.renderTabs()}
        <div part="panel" role="tabpanel" id="panel" aria-labelledby=${`tab-${view}`}>${this.renderView(view, c)}</div>
        ${this.announcer.render()} ${this.status.renderDialog(c)}
      </section>
    `;
  }

  /** The view's part (its module loaded on demand where it is not up front). */
  private renderView(view: DefectChecklistView, c: ViewContext): TemplateResult {
    const p = this.parts;
    switch (view) {
      case 'entry': {
        const mod = this.viewModule(lazyModules.entry);
        if (!mod) return this.renderPending();
        return (p.entry ??= new mod.EntryPart(this.host)).render(c);
      }
      case 'list': {
        const mod = this.viewModule(lazyModules.list);
        if (!mod) return this.renderPending();
        return (p.list ??= new mod.ListController(this.host)).render(c);
      }
      case 'summary': {
        const mod = this.viewModule(lazyModules.summary);
        if (!mod) return this.renderPending();
        return (p.summary ??= new mod.SummaryPart(this.host)).render(c);
      }
      default: {
        const mod = this.viewModule(lazyModules.print);
        if (!mod) return this.renderPending();
        return (p.print ??= new mod.PrintPart(this.host, this.exporter, () => this.showAndWait('print'))).render(c);
      }
    }
  }

  /** A view's module; after a failed import, none until the retry (not a new import on every render). */
  private viewModule<T>(lazy: Lazy<T>): T | undefined {
    return this.lazy.failed && !lazy.value ? undefined : this.lazy.need(lazy);
  }

  /** Shown in place of a part still loading, or that failed to load (with a retry). */
  private renderPending(): TemplateResult {
    return renderPending((k) => this.t(k), this.lazy.failed, () => this.lazy.retry());
  }

  private renderTabs(): TemplateResult {
    const views = VIEWS.filter((v) => v !== 'entry' || this.canEnter);
    const label = (v: DefectChecklistView) => (v === 'entry' || v === 'summary' ? this.tm(`tab.${v}`) : this.t(`tab.${v}` as DefectMessageKey));
    return renderTabs({ views, active: this.activeView, label: this.t('tabs.label'), tab: label, onShow: (v) => this.show(v), onKey: (e) => this.onTabKey(e) });
  }

  // ——— behaviour ———

  /**
   * Switches the view (and moves focus to its tab when asked). The tab is there already: focus
   * moves at once, as arrow keys on tabs do — not once the view's module has loaded, which took
   * the focus back from wherever a fast keyboard user had gone meanwhile (Tab into the panel).
   */
  show(view: DefectChecklistView, focusTab = false): void {
    this.view = view;
    if (!focusTab) return;
    const tab = this.renderRoot.querySelector<HTMLElement>(`#tab-${view}`);
    if (tab) tab.focus();
    else {
      const focused = deepActiveElement();
      void this.updateComplete.then(() => {
        if (!focusMovedFrom(focused)) this.renderRoot.querySelector<HTMLElement>(`#tab-${view}`)?.focus();
      });
    }
  }

  private async showAndWait(view: DefectChecklistView): Promise<void> {
    this.view = view;
    await this.updateComplete;
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

  /** Applies a status change as the current actor; returns false (and says why) when refused. */
  perform(id: string, action: DefectAction, note?: string): boolean {
    return this.status.perform(id, action, note);
  }

  /**
   * The problem list as CSV text (UTF-8 with BOM, for Excel), for the contractor chosen in the
   * print view; dates in Asia/Shanghai.
   */
  toCsv(): string {
    return this.exporter.toCsv();
  }

  /** Offers `toCsv()` to the user as a file download; returns the CSV text. */
  downloadCsv(): string {
    return this.exporter.download();
  }

  /** @deprecated since 0.2: `downloadCsv()` (downloads) or `toCsv()` (returns the text only). */
  exportCsv(): string {
    warnRenamed('wy-defect-checklist', 'exportCsv()', 'downloadCsv()` or `toCsv()');
    return this.downloadCsv();
  }
}
