import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state, query } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import type { Locale } from '../../core/i18n/locale.js';
import type { RoutingRules } from '../../core/complaint/routing.js';
import { loadComplaintFormData, type ComplaintFormData } from '../../core/complaint/form-data.js';
// Types only: <wy-schema-form> (and its event classes), the intake logic and its view load on demand.
import type { WyInvalidEvent, ErrorDisplay, FormChangeDetail, WySchemaForm } from '../schema-form/schema-form.component.js';
import type { DraftStore } from '../schema-form/drafts.js';
import type { Uploader } from '../shared/uploader.js';
import { actorContext, referenceContext, storeContext, type Actor } from '../shared/context.js';
import { LocalizeController } from '../shared/localize-controller.js';
import { WyChangeEvent } from '../shared/events.js';
import { InnerEventsController } from '../shared/inner-events.js';
import { noteRenamedEvents } from '../shared/deprecation.js';
import { AnnounceController } from '../shared/announce-controller.js';
import { LazyController } from '../shared/lazy.js';
import type { IntakeController } from './controllers/intake.controller.js';
import { RENAMED_EVENTS } from './complaint-form.events.js';
import type { ComplaintOffice, ComplaintStore, RecordNumberHook } from './complaint-form.types.js';
import { lazyParts } from './complaint-form.lazy.js';
import { msg } from './complaint-form.messages.js';
import { styles } from './complaint-form.styles.js';

export { WyComplaintSaveEvent, WyComplaintSaveFailEvent, WyComplaintSavedEvent, WyComplaintSaveFailedEvent } from './complaint-form.events.js';
export type { ComplaintStore, ComplaintDraft, RecordNumberHook, ComplaintOffice } from './complaint-form.types.js';

type Rec = Record<string, unknown>;
const isObj = (v: unknown): v is Rec => Boolean(v) && typeof v === 'object' && !Array.isArray(v);
type Person = { readonly id: string; readonly name: string };

/**
 * Complaint intake (顾客投诉登记) as a front-desk receptionist or a customer-service specialist
 * fills it: who, where, what, how serious — built on `<wy-schema-form>` with the shipped
 * complaint schema and `schemas/complaint.ui.json`. The first receiver (首问责任人) comes from
 * the actor and never changes; the suggested routing follows `schemas/complaint-routing.json`
 * as the user types; the record number comes from the host's hook (or a local fallback,
 * `<office>-<yyyymm>-L<6 random>`). Submitting completes the record, fires `wy-submit` with a
 * value valid against the complaint schema and, when the host gives a store, stores it with an
 * idempotency key kept in `meta` (so a retry, even after a reload, never makes a second record),
 * shows progress on the button, keeps everything on failure and clears the draft on success.
 * The element's entry is a class shell that paints the header and a loading state. When it
 * connects it loads, page-wide and once: the schema, layout, complaint definition and validator
 * (`loadComplaintFormData()` in core), the intake logic (controllers/intake.controller.ts: routing,
 * record, submit), its view (views/intake.view.ts, with its styles) and `<wy-schema-form>`; until
 * all are here `part="loading"` shows placeholder bars and a "loading" status, and `part="base"`
 * is `aria-busy`; routing and the form show when they arrive, and a failed load is said in
 * `part="failure"` (connecting again retries). `await el.updateComplete` waits for them.
 * `readonly` shows the record as a paper form (顾客投诉处理记录; number and version empty until the host sets `document.number` in complaint.ui.json), ready to print.
 *
 * @tag wy-complaint-form
 * @summary Complaint intake: routing, first receiver, record number, safe submit, drafts, read and print view.
 *
 * @fires {WyChangeEvent<FormChangeDetail>} wy-change - The value changed; `detail` is `{ value, path }` (from the inner form).
 * @fires wy-submit - A complete record, valid against complaint.schema.json: `detail.value`. Cancel it (`preventDefault()`) to store it yourself; without a store the host stores it and calls `clearDraft()`.
 * @fires wy-invalid - Submit found problems; `detail.errors`.
 * @fires wy-complaint-save - The store confirmed: `detail.value` (the record), `detail.result` (what the store returned).
 * @fires wy-complaint-save-fail - Storing failed: `detail.value`, `detail.error`. The form keeps the data.
 * @fires wy-complaint-saved - Deprecated since 0.2 (removed in 0.3): fired after `wy-complaint-save`, same `detail`.
 * @fires wy-complaint-save-failed - Deprecated since 0.2 (removed in 0.3): fired after `wy-complaint-save-fail`, same `detail`.
 *
 * Events of the inner `<wy-schema-form>` end at this element's shadow root: `wy-change` and
 * `wy-invalid` are re-fired from the element (same `detail`), its own `wy-submit` carries the
 * complete record, and `wy-error` / `wy-error-select` stay inside.
 *
 * @csspart base - The wrapper.
 * @csspart intake-header - First receiver and record number above the form.
 * @csspart definition - The complaint definition and its explanations (WI/KF-007), a disclosure at intake (schemas/complaint-definition.json).
 * @csspart loading - Placeholder bars with a "loading" status, shown until the form's data and `<wy-schema-form>` have loaded.
 * @csspart form - The inner `<wy-schema-form>` (style its inside through its CSS custom properties).
 * @csspart submit - The submit button (shows progress while the store works).
 * @csspart status - The confirmation after a successful submit.
 * @csspart failure - The error shown when submitting failed, or when the form could not load its schema, layout and validator (connecting again retries).
 * @csspart toolbar - The read view's toolbar (print).
 * @csspart routing - Where the complaint goes (the responsible unit) and the routing rule's reason, updated as the user types.
 *
 * @cssprop --wy-complaint-form-accent - Submit button colour. Falls back to `--wy-color-primary`.
 * @cssprop --wy-schema-form-gap - Space between fields (inner form).
 */
export class WyComplaintForm extends LitElement {
  static override styles = styles;

  /** The record (or partial intake) shown. A record with `firstReceiver` keeps it. */
  @property({ attribute: false }) value?: Readonly<Rec> | undefined;
  /** Management offices for the office select; otherwise the provider's `reference.offices`. */
  @property({ attribute: false }) offices?: readonly ComplaintOffice[] | undefined;
  /** Saves what is typed under this key and restores it after a reload or crash. */
  @property({ attribute: 'draft-key' }) draftKey?: string;
  /** Where drafts live (localStorage by default; see `DraftStore`). */
  @property({ attribute: false }) draftStore?: DraftStore;
  /** Interface language; otherwise the closest [lang], the provider, then zh-CN. */
  @property({ reflect: true }) locale?: string;
  /** Read view: the record as the paper 顾客服务记录表, with a print button. */
  @property({ type: Boolean, reflect: true }) readonly = false;
  /** When errors show (see `<wy-schema-form>`). */
  @property({ attribute: 'error-display' }) errorDisplay: ErrorDisplay = 'touched';
  /** Who is recording; otherwise the provider's `actor`. Becomes the first receiver. */
  @property({ attribute: false }) actor?: Actor | undefined;
  /** The host's store; otherwise the provider's `store` (used when it has `submitComplaint`). */
  @property({ attribute: false }) store?: ComplaintStore | undefined;
  /** The host's record numbering; otherwise `store.recordNumber`, else the local fallback. */
  @property({ attribute: false }) recordNumber?: RecordNumberHook | undefined;
  /** Upload adapter for attachments (see `<wy-schema-form>`). */
  @property({ attribute: false }) uploader?: Uploader | undefined;
  /**
   * Another routing table (schemas/complaint-routing.json shape, checked with `checkRoutingRules`);
   * otherwise the shipped one.
   */
  @property({ attribute: false }) routingRules?: RoutingRules | undefined;

  @state() private firstReceiverShown?: Person | undefined;
  @state() private recordNoShown = '';
  /**
   * The schema, layout, guide and validator the form is built from (core/complaint/form-data.ts),
   * loaded on demand when the element connects; the inner form renders once they are here.
   */
  @state() private data?: ComplaintFormData;
  /** Why the form's data or code did not load (shown instead of the form; connecting again retries). */
  @state() private loadError = '';
  private dataLoad?: Promise<unknown> | undefined;
  /** The intake logic (loaded on demand), made once its module is here. */
  private intake?: IntakeController;

  @query('wy-schema-form') private form?: WySchemaForm;

  /**
   * How every complaint form loads the schema, layout, guide and validator it is built from.
   * @internal Replaced by tests and stories to show a failed load.
   */
  static loadFormData: () => Promise<ComplaintFormData> = loadComplaintFormData;

  private readonly localize = new LocalizeController(this);
  private readonly announcer = new AnnounceController(this);
  private readonly lazy = new LazyController(this);
  private readonly actorCtx = new ContextConsumer(this, { context: actorContext, subscribe: true });
  private readonly referenceCtx = new ContextConsumer(this, { context: referenceContext, subscribe: true });
  private readonly storeCtx = new ContextConsumer(this, { context: storeContext, subscribe: true });

  constructor() {
    super();
    // The inner form's events end here; its value changes and problems are this element's too.
    new InnerEventsController(this, ['wy-change', 'wy-submit', 'wy-invalid', 'wy-error', 'wy-error-select'], (e) =>
      e.type === 'wy-change'
        ? new WyChangeEvent((e as WyChangeEvent<FormChangeDetail>).detail)
        : e.type === 'wy-invalid' && lazyParts.schemaForm.value
          ? new lazyParts.schemaForm.value.WyInvalidEvent((e as WyInvalidEvent).detail.errors)
          : undefined,
    );
    noteRenamedEvents(this, 'wy-complaint-form', RENAMED_EVENTS);
  }

  // ── public API ────────────────────────────────────────────────────────────────────────────

  /** Validates, completes and submits (through the store when there is one). Resolves to whether it went through. */
  async requestSubmit(): Promise<boolean> {
    return (await this.intake?.requestSubmit()) ?? false;
  }

  /** Validates now and shows every problem; resolves to the errors. */
  validate() {
    return this.form?.validate() ?? Promise.resolve([]);
  }

  /** Forgets the saved draft (done automatically after the store confirms). */
  async clearDraft(): Promise<void> {
    await this.form?.clearDraft();
  }

  /** The current value (what the user has entered). */
  get currentValue(): Readonly<Rec> {
    return (this.form?.value as Rec | undefined) ?? this.intake?.intake ?? { ...(this.value ?? {}) };
  }

  // ── lifecycle ─────────────────────────────────────────────────────────────────────────────

  override connectedCallback(): void {
    super.connectedCallback();
    // The data, the intake logic, its view and the inner form's element load together; the
    // loading state shows until all are here.
    this.dataLoad ??= Promise.all([
      (this.constructor as typeof WyComplaintForm).loadFormData(),
      lazyParts.intake.load(),
      lazyParts.view.load(),
      lazyParts.schemaForm.load(),
    ]).then(
      ([d]) => {
        this.data = d;
        this.loadError = '';
        // The submit-time check (and its messages) is fetched now, so submitting waits for nothing.
        void lazyParts.intake.value?.loadRecordCheck().catch(() => undefined);
      },
      (err: unknown) => {
        // A chunk did not arrive (offline, a deploy in between): say so; connecting again retries.
        this.dataLoad = undefined;
        const l = this.localize.locale;
        this.loadError = msg(l, 'loadFailed', { reason: err instanceof Error && err.message ? err.message : msg(l, 'failedUnknown') });
      },
    );
    this.lazy.track(this.dataLoad);
  }

  /** Also waits for what loads on demand and the inner form (so `await el.updateComplete` sees fields). */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await this.lazy.settled(() => super.getUpdateComplete());
    const form = this.form;
    if (form) {
      await form.updateComplete;
      result = (await super.getUpdateComplete()) && result;
    }
    return result;
  }

  private get actorNow(): Actor | undefined {
    return this.actor ?? this.actorCtx.value;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    const mod = this.lazy.need(lazyParts.intake);
    if (mod && !this.intake) {
      const ctor = this.constructor as typeof WyComplaintForm;
      this.intake = new mod.IntakeController(this, {
        actor: () => this.actorNow,
        store: () => {
          const s = this.store ?? this.storeCtx.value;
          return s && typeof (s as ComplaintStore).submitComplaint === 'function' ? (s as ComplaintStore) : undefined;
        },
        offices: () => this.offices ?? this.referenceCtx.value?.offices,
        form: () => this.form,
        data: () => this.data,
        loadData: () => ctor.loadFormData(),
        locale: () => this.localize.locale,
        announce: (text) => this.announcer.announce(text),
        showHeader: (v, assignedNo) => this.showHeader(v, assignedNo),
        submitEvent: (record) => new lazyParts.schemaForm.value!.WySubmitEvent(record),
      });
    }
    if (this.intake) this.intake.willUpdate(changed);
    // Until the intake logic is here, the header reads the record as given.
    else if (changed.has('value') || !this.hasUpdated) this.showHeader(this.value ?? {}, undefined);
  }

  override render() {
    const l = this.localize.locale;
    const c = this.intake;
    const view = this.lazy.need(lazyParts.view);
    const ready = Boolean(c && view && this.data && lazyParts.schemaForm.value);
    const loading = !ready && !this.loadError;
    return html`<div part="base" aria-busy=${c?.phase === 'saving' || loading ? 'true' : 'false'}>
      ${this.readonly ? nothing : this.renderHeader(l)} ${c && view ? view.renderTop(c, this.data, this.readonly, l) : nothing}
      ${this.loadError ? html`<div part="failure" role="alert">${this.loadError}</div>` : nothing}
      ${ready ? view!.renderForm(c!, this, l) : loading ? this.renderLoading(l) : nothing}
      ${this.readonly && view ? view.renderToolbar(l) : nothing} ${this.announcer.render()}
    </div>`;
  }

  private renderLoading(l: Locale) {
    return html`<div part="loading" role="status">
      <span class="label">${msg(l, 'loading')}</span>
      <div class="bar" aria-hidden="true"></div>
      <div class="bar" aria-hidden="true"></div>
      <div class="bar short" aria-hidden="true"></div>
    </div>`;
  }

  private renderHeader(l: Locale) {
    // The record's own first receiver, else whoever would become it on submit.
    const fr = this.firstReceiverShown ?? this.actorNow;
    return html`<dl part="intake-header">
      <div>
        <dt>${msg(l, 'firstReceiver')}</dt>
        ${fr ? html`<dd>${msg(l, 'person', { name: fr.name, id: fr.id })}</dd>` : html`<dd class="pending">${msg(l, 'noFirstReceiver')}</dd>`}
      </div>
      <div>
        <dt>${msg(l, 'recordNo')}</dt>
        ${this.recordNoShown ? html`<dd>${this.recordNoShown}</dd>` : html`<dd class="pending">${msg(l, 'recordNoPending')}</dd>`}
      </div>
    </dl>`;
  }

  /** The header's first receiver and record number, from a record (or the number given to it). */
  private showHeader(v: Rec, assignedNo: string | undefined): void {
    const fr = v['firstReceiver'];
    const shown = isObj(fr) && typeof fr['id'] === 'string' && typeof fr['name'] === 'string' ? { id: fr['id'], name: fr['name'] } : undefined;
    if (shown?.id !== this.firstReceiverShown?.id || shown?.name !== this.firstReceiverShown?.name) this.firstReceiverShown = shown;
    this.recordNoShown = typeof v['recordNo'] === 'string' ? v['recordNo'] : (assignedNo ?? '');
  }
}
