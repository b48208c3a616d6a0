import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state, query } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import { defectVocabLabel as vocabLabel } from '../../core/defects/vocab.js';
import { toCsv } from '../../core/export/csv.js';
import type { Locale } from '../../core/i18n/locale.js';
// Each core module by name (not the index): the element takes only what its first paint needs.
import { applyAction, canAssign, canRecord, checkAction } from '../../core/defects/transitions.js';
import { createDefect, draftFromProblem, MAX_DESCRIPTION, parseBatch, type DefectDraft } from '../../core/defects/batch.js';
import { resolveConfig } from '../../core/defects/config.js';
import { defaultDue } from '../../core/defects/time.js';
import { defectLabel } from '../../core/defects/defect-labels.js';
import { defectReason } from '../../core/defects/messages.js';
import { contractorName, houseLabel, problemListTable } from '../../core/defects/problem-list.js';
import type { OwnerDecisionError, OwnerDecisionInput } from '../../core/defects/owner-decision.js';
import { checklistCounts, entryView, listView, printView, type ChecklistCounts } from '../../core/defects/views.js';
import type { CommonProblem, CommonProblems, Defect, DefectAction, DefectContractor, DefectHouse, DefectSeverity, HouseLocation, OwnerDecision, Trade } from '../../core/defects/types.js';
import { LocalizeController } from '../shared/localize-controller.js';
import { AnnounceController } from '../shared/announce-controller.js';
import { PrintController } from '../shared/print-controller.js';
import { actorContext, referenceContext, type Actor } from '../shared/context.js';
import { download } from '../shared/download.js';
import { dispatchRenamed } from '../shared/events.js';
import { noteRenamedEvents, warnRenamed } from '../shared/deprecation.js';
import type { Uploader } from '../shared/uploader.js';
import { DEFAULT_DRAFT_MAX_AGE_DAYS } from '../schema-form/drafts.js';
import { epochMsOr, isoShanghai, shanghaiDate, SHANGHAI_OFFSET_MINUTES, type Instant } from '../../core/kernel/time.js';
import { msg, type DefectMessageKey } from './defect-checklist.messages.js';
import { CHECKLIST_RENAMED_EVENTS, defectChangeEvent, WyDefectCloseEvent, WyEntryCompleteEvent, WyOwnerDecideEvent } from './defect-checklist.events.js';
import { styles } from './defect-checklist.styles.js';
import { EntryDraftController } from './controllers/entry-draft.js';
import { ListController, type ListHost } from './controllers/list.js';
import { lazyModules } from './controllers/lazy.js';
import { LazyController } from '../shared/lazy.js';
import type { UploadQueue, UploadQueueHost } from './controllers/upload-queue.js';
import { renderEntryView } from './views/entry.view.js';
import { renderListView } from './views/list.view.js';
import type { ViewContext } from './views/view-context.js';

export type DefectChecklistView = 'entry' | 'list' | 'summary' | 'print';
export type DefectChecklistMode = 'internal' | 'move-in';
/** @deprecated since 0.2: the kit's one `Uploader` (set `uploader`). */
export type DefectPhotoUpload = (file: File) => Promise<{ id: string; url: string }>;

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
 * The element is a thin shell: the views' rows, the owner-decision rule and the photo limits are
 * pure functions in `src/core/defects` (`entryView`, `listView`, `printView`, `checkOwnerDecision`,
 * `attachPhoto`…); each view is a module under `views/`. What the first paint of the entry or list
 * view does not need loads on demand: the summary, the problem list to print, the note dialog, the
 * owner's decision, the photo upload queue and the validator of a host's common problems.
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

  @state() private entryLocation: HouseLocation = 'living-room';
  @state() private entryTrade: Trade = 'civil';
  @state() private entrySeverity?: DefectSeverity;
  @state() private entryErrors: string[] = [];
  @state() private recent: string[] = [];
  @state() private dialog?: { id: string; action: DefectAction; error?: string };
  @state() private printContractor = '*';
  @state() private printClosed = false;
  @state() private decisionDraft: OwnerDecisionInput = {};
  @state() private decisionErrors: Readonly<Partial<Record<'decision' | 'reason' | 'signature', OwnerDecisionError>>> = {};
  @state() private editingDecision = false;

  @query('dialog') private dialogEl?: HTMLDialogElement;

  /** @ignore */
  private readonly localize = new LocalizeController(this);
  private readonly announcer = new AnnounceController(this);
  /** The parts loaded on demand (views, rules, data); `updateComplete` waits for what is shown. */
  private readonly lazy = new LazyController(this);
  private readonly draft = new EntryDraftController(this, () => this.entryArea?.value);
  private readonly printing = new PrintController(this, {
    before: () => {
      if (this.activeView === 'print') return;
      this.view = 'print';
      // Render the paper view before the browser lays out the page (when its module is loaded).
      if (lazyModules.print.value) this.performUpdate();
    },
  });
  private readonly list = new ListController(this.listHost());
  private readonly actorConsumer = new ContextConsumer(this, { context: actorContext, subscribe: true });
  private readonly referenceConsumer = new ContextConsumer(this, { context: referenceContext, subscribe: true });
  private counts?: ChecklistCounts;
  private uploads?: UploadQueue;
  private seq = 0;
  private configError = '';
  private configPending = false;
  // `null` until the first update, so an unset `commonProblems` (undefined) still loads the shipped list.
  private configFor: CommonProblems | undefined | null = null;
  private config: CommonProblems = resolveConfig(undefined);
  private returnFocus?: { id: string; index: number };

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

  private get entryArea(): HTMLTextAreaElement | null | undefined {
    return this.renderRoot?.querySelector<HTMLTextAreaElement>('#entry-text');
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

  /** Whether the actor may record the owner's decision (the rule arrives with the decision module). */
  private get canDecide(): boolean {
    return !!lazyModules.decision.value?.canDecideOwner(this.currentActor, { readonly: this.readonly, mode: 'move-in' });
  }

  /** Resolves once the update is done and what it shows has loaded (parts loaded on demand). */
  protected override async getUpdateComplete(): Promise<boolean> {
    return this.lazy.settled(() => super.getUpdateComplete());
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('draftKey') || changed.has('draftMaxAgeDays')) {
      this.draft.key = this.draftKey;
      this.draft.maxAgeDays = this.draftMaxAgeDays;
      if (this.draft.load()) this.announcer.announce(this.t('entry.draftRestored'));
    }
    if (this.commonProblems !== this.configFor) this.takeConfig(this.commonProblems);
    if (this.uploader && !this.uploads) {
      const mod = this.lazy.need(lazyModules.uploads);
      if (mod) this.uploads = new mod.UploadQueue(this.queueHost());
    }
    const now = this.nowMs;
    this.list.model = listView(this.items, {
      filter: this.list.filter,
      groupBy: this.list.groupBy,
      contractorOrder: this.contractorList.map((c) => c.id),
      now,
      actor: this.currentActor,
      mode: this.mode,
      readonly: this.readonly,
    });
    this.counts = checklistCounts(this.items, now);
  }

  /** The common problems in force: the shipped list, or the host's once its validator (loaded on demand) accepts it. */
  private takeConfig(given: CommonProblems | undefined): void {
    this.configFor = given;
    this.configError = '';
    this.configPending = true;
    this.config = resolveConfig(undefined);
    if (!given) {
      // The shipped list (schemas/common-problems.json), fetched only when the host gives none.
      this.lazy.track(
        lazyModules.shipped.load().then((m) => {
          if (this.configFor !== given) return;
          this.configPending = false;
          this.config = m.default as CommonProblems;
        }),
      );
      return;
    }
    const locale = this.locale_;
    this.lazy.track(
      lazyModules.config.load().then((m) => {
        if (this.configFor !== given) return;
        const r = m.checkCommonProblems(given, locale);
        this.configPending = false;
        if (r.ok) this.config = r.config;
        else this.configError = r.message;
      }),
    );
  }

  override firstUpdated(): void {
    // The print view must render synchronously on `beforeprint`: fetch it once the page is idle.
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 200));
    idle(() => void lazyModules.print.load().catch(() => undefined));
  }

  override updated(): void {
    const d = this.dialogEl;
    if (d) {
      if (this.dialog && !d.open) {
        d.showModal();
        d.querySelector('textarea')?.focus();
      } else if (!this.dialog && d.open) d.close();
    }
    if (this.returnFocus) {
      void this.list.restoreFocus(this.returnFocus, `#tab-${this.activeView}`);
      this.returnFocus = undefined;
    }
  }

  // ——— rendering ———

  override render() {
    const s = this.counts!;
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
        ${this.configError ? html`<p class="error" role="alert">${this.t('config.invalid', { message: this.configError })}</p>` : nothing}
        ${this.renderTabs()}
        <div part="panel" role="tabpanel" id="panel" aria-labelledby=${`tab-${view}`}>
          ${view === 'entry' ? this.renderEntry(c) : view === 'list' ? this.renderList(c) : view === 'summary' ? this.renderSummary(c) : this.renderPrint(c)}
        </div>
        ${this.announcer.render()} ${this.renderDialog(c)}
      </section>
    `;
  }

  /** Shown in place of a part still loading, or that failed to load (with a retry). */
  private renderPending(): TemplateResult {
    if (this.lazy.failed) {
      return html`<div class="load-failed" role="alert">
        <p>${this.t('load.failed')}</p>
        <button type="button" @click=${() => this.lazy.retry()}>${this.t('load.retry')}</button>
      </div>`;
    }
    return html`<p class="muted" aria-busy="true">${this.t('load.loading')}</p>`;
  }

  private renderTabs() {
    const views = VIEWS.filter((v) => v !== 'entry' || this.canEnter);
    const label = (v: DefectChecklistView) => (v === 'entry' || v === 'summary' ? this.tm(`tab.${v}`) : this.t(`tab.${v}` as DefectMessageKey));
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

  private renderEntry(c: ViewContext): TemplateResult {
    if (!this.house) return html`<p>${this.t('entry.noHouse')}</p>`;
    return renderEntryView(c, {
      model: entryView(this.items, this.config, { location: this.entryLocation, trade: this.entryTrade, severity: this.entrySeverity, recent: this.recent }),
      location: this.entryLocation,
      trade: this.entryTrade,
      configPending: this.configPending,
      draftShown: this.draft.shown,
      draftText: this.draft.text,
      errors: this.entryErrors,
      count: this.items.length,
      entryComplete: this.entryComplete,
      photos: this.uploader ? (this.uploads?.render() ?? this.renderPending()) : nothing,
      onLocation: (v) => (this.entryLocation = v),
      onTrade: (v) => (this.entryTrade = v),
      onSeverity: (v) => (this.entrySeverity = v),
      onProblem: (p) => this.addProblem(p),
      onSubmit: (e) => {
        e.preventDefault();
        this.addFromText();
      },
      onKey: (e) => {
        if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
          e.preventDefault();
          this.addFromText();
        }
      },
      onInput: this.draft.save,
      onDiscardDraft: () => this.discardEntryDraft(),
      onComplete: () => this.dispatchEvent(new WyEntryCompleteEvent(this.items.length)),
    });
  }

  private renderList(c: ViewContext): TemplateResult {
    return renderListView(c, this.list.props());
  }

  private renderSummary(c: ViewContext): TemplateResult {
    const view = this.lazy.need(lazyModules.summary);
    const decision = this.mode === 'move-in' ? this.lazy.need(lazyModules.decision) : undefined;
    if (!view || (this.mode === 'move-in' && !decision)) return this.renderPending();
    const part = decision
      ? decision.renderOwnerDecision(c, {
          decision: this.ownerDecision,
          editing: this.editingDecision,
          canDecide: this.canDecide,
          open: this.counts!.open,
          draft: this.decisionDraft,
          errors: this.decisionErrors,
          onChange: (patch) => {
            this.decisionDraft = { ...this.decisionDraft, ...patch };
            this.decisionErrors = {};
          },
          onSubmit: (e) => this.onDecisionSubmit(e),
          onEdit: () => (this.editingDecision = true),
        })
      : '';
    return view.renderSummaryView(c, this.items, this.nowMs, part);
  }

  private renderPrint(c: ViewContext): TemplateResult {
    const view = this.lazy.need(lazyModules.print);
    if (!view) return this.renderPending();
    const only = this.printContractor === '*' ? undefined : this.printContractor;
    return view.renderPrintView(c, {
      model: printView(this.items, { contractors: this.contractorList, now: this.nowMs, includeClosed: this.printClosed, contractorId: only }),
      contractor: this.printContractor,
      includeClosed: this.printClosed,
      onContractor: (v) => (this.printContractor = v),
      onIncludeClosed: (on) => (this.printClosed = on),
      onPrint: () => void this.onPrint(),
      onCsv: () => this.downloadCsv(),
    });
  }

  private renderDialog(c: ViewContext): TemplateResult | typeof nothing {
    const dlg = this.dialog;
    // Nothing to load before the first note is asked for.
    const view = dlg ? this.lazy.need(lazyModules.dialog) : lazyModules.dialog.value;
    if (!view) return nothing;
    if (!dlg) return view.renderNoteDialog(c, undefined);
    const item = this.items.find((d) => d.id === dlg.id);
    const check = item ? checkAction(item, dlg.action, this.currentActor, { mode: this.mode }) : undefined;
    return view.renderNoteDialog(c, {
      id: dlg.id,
      action: dlg.action,
      item,
      required: check?.transition?.note === 'required',
      error: dlg.error,
      onSubmit: (e) => this.onDialogSubmit(e),
      onCancel: () => this.closeDialog(),
      onClose: (e) => {
        if (e.type === 'cancel') e.preventDefault();
        if (this.dialog) this.closeDialog();
      },
    });
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

  /** The upload queue's view of this element. */
  private queueHost(): UploadQueueHost {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the queue reads the element's live state.
    const el = this;
    return {
    addController: (c) => el.addController(c),
    removeController: (c) => el.removeController(c),
    requestUpdate: () => el.requestUpdate(),
    get updateComplete() {
      return el.updateComplete;
    },
    get uploader() {
      return el.uploader;
    },
    currentItems: () => el.items,
    publish: (items) => el.emit(items),
    say: (text) => el.announcer.announce(text),
    context: () => el.ctx(),
    };
  }

  /** The list controller's view of this element. */
  private listHost(): ListHost {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the list reads the element's live state.
    const el = this;
    return {
      requestUpdate: () => el.requestUpdate(),
      get renderRoot() {
        return el.renderRoot;
      },
      get items() {
        return el.items;
      },
      get canBulk() {
        return el.canBulk;
      },
      publish: (items) => el.emit(items),
      say: (text) => el.announcer.announce(text),
      t: (k, p) => el.t(k, p),
      onAction: (id, action) => el.onAction(id, action),
    };
  }

  private makeId(): string {
    if (this.newId) return this.newId();
    return `D-${Date.now().toString(36)}-${(++this.seq).toString(36)}`;
  }

  private discardEntryDraft(): void {
    const area = this.entryArea;
    if (area) area.value = '';
    this.draft.discard();
    this.announcer.announce(this.t('entry.draftDiscarded'));
    area?.focus();
  }

  private addFromText(): void {
    const area = this.entryArea;
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
    this.draft.dismiss();
    this.draft.save();
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
    const now = isoShanghai(this.nowMs);
    const created = drafts.map((d) => createDefect(d, { id: this.makeId(), house: this.house!, actor, now, due: defaultDue(d.severity, now, this.config) }));
    const ids = created.map((d) => d.id);
    this.recent = [...[...ids].reverse(), ...this.recent].slice(0, 5);
    this.announcer.announce(created.length === 1 ? this.t('entry.addedOne', { text: created[0]!.description }) : this.t('entry.added', { count: created.length }));
    this.emit([...this.items, ...created]);
    // Photos picked for these defects: attach them once uploaded.
    this.uploads?.attach(ids);
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
    const r = applyAction(item, action, this.currentActor, { now: isoShanghai(this.nowMs), mode: this.mode, ...(note !== undefined ? { note } : {}) });
    if (!r.ok) {
      this.announcer.announce(this.t('action.denied', { reason: defectReason(r.reason, this.locale_) }));
      return false;
    }
    const items = [...this.items];
    items[index] = r.item;
    this.announcer.announce(this.t('list.actionDone', { id, action: vocabLabel('defectStatus', r.item.status, this.locale_) }));
    this.returnFocus = { id, index: this.rowIndex(id) };
    this.emit(items);
    if (r.item.status === 'closed') dispatchRenamed(this, new WyDefectCloseEvent(r.item), 'wy-item-close');
    return true;
  }

  private rowIndex(id: string): number {
    return this.list.rowIndex(id);
  }

  private onDialogSubmit(e: Event): void {
    e.preventDefault();
    const dlg = this.dialog;
    if (!dlg) return;
    const area = this.renderRoot.querySelector<HTMLTextAreaElement>('#dialog-note');
    const note = area?.value ?? '';
    const item = this.items.find((d) => d.id === dlg.id);
    const check = item && checkAction(item, dlg.action, this.currentActor, { mode: this.mode });
    if (check?.transition?.note === 'required' && !note.trim()) {
      this.dialog = { ...dlg, error: defectReason('note-required', this.locale_) };
      area?.focus();
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

  private onDecisionSubmit(e: Event): void {
    e.preventDefault();
    const rules = lazyModules.decision.value;
    if (!rules || !this.canDecide) return;
    const r = rules.checkOwnerDecision(this.decisionDraft, this.nowMs);
    if (!r.ok) {
      this.decisionErrors = r.errors;
      void this.updateComplete.then(() => {
        const first = r.errors.decision ? 'input[name="decision"]' : r.errors.reason ? '#decision-reason' : '#decision-signature';
        this.renderRoot.querySelector<HTMLElement>(first)?.focus();
      });
      return;
    }
    const decision = r.decision;
    this.ownerDecision = decision;
    this.editingDecision = false;
    this.decisionDraft = {};
    this.decisionErrors = {};
    this.announcer.announce(rules.decisionLine(this.ctx(), decision));
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
      now: this.nowMs,
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
    download(csv, `${this.t('print.file')}-${name || 'all'}-${shanghaiDate(this.nowMs)}.csv`.replace(/[\\/:*?"<>|\s]+/g, '_'), 'text/csv;charset=utf-8');
    return csv;
  }

  /** @deprecated since 0.2: `downloadCsv()` (downloads) or `toCsv()` (returns the text only). */
  exportCsv(): string {
    warnRenamed('wy-defect-checklist', 'exportCsv()', 'downloadCsv()` or `toCsv()');
    return this.downloadCsv();
  }
}
