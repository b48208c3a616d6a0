import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state, query } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { guard } from 'lit/directives/guard.js';
import { ContextConsumer } from '@lit/context';
import type { Complaint } from '../../generated/types/complaint.js';
import type { GeneratedValidator } from '../../generated/validator-types.js';
import { pick, type Locale } from '../../core/i18n/locale.js';
import { defaultRoutingRules, routeComplaint, type RoutingDecision, type RoutingRules } from '../../core/complaint/routing.js';
import { completeComplaint, startIntake } from '../../core/complaint/intake.js';
import { fallbackRecordNumber } from '../../core/complaint/record-number.js';
import { complaintFormSchema, intakeUiSchema, intakeValidator, readUiSchema, usableOffices } from '../../core/complaint/form.js';
import { loadComplaintFormData, type ComplaintFormData } from '../../core/complaint/form-data.js';
import type { JsonSchema } from '../../core/form/types.js';
import type { UiSchema } from '../../core/form/ui.js';
// Types only: <wy-schema-form> (and its event classes) load on demand, with the form's data.
import type { WyInvalidEvent, WySubmitEvent, ErrorDisplay, FormChangeDetail, WySchemaForm } from '../schema-form/schema-form.component.js';
import { localStorageDrafts, type DraftStore } from '../schema-form/drafts.js';
import type { Uploader } from '../shared/uploader.js';
import { actorContext, referenceContext, storeContext, type Actor, type ReferenceData } from '../shared/context.js';
import { LocalizeController } from '../shared/localize-controller.js';
import { WyChangeEvent, WyEvent, dispatchRenamed } from '../shared/events.js';
import { InnerEventsController } from '../shared/inner-events.js';
import { noteRenamedEvents } from '../shared/deprecation.js';
import { AnnounceController } from '../shared/announce-controller.js';
import { msg } from './complaint-form.messages.js';
import { styles } from './complaint-form.styles.js';

type Rec = Record<string, unknown>;
/** A management office (管理处), as in schemas/examples/offices.json. */
export type ComplaintOffice = NonNullable<ReferenceData['offices']>[number];
/** What the user has entered: a complaint without the parts the element fills. */
export type ComplaintDraft = Readonly<Rec>;
/** The host's record numbering: returns the number for this record (its own sequence). */
export type RecordNumberHook = (draft: ComplaintDraft) => Promise<string> | string;

/**
 * What <wy-complaint-form> expects of the host's store (given as `store`, or `store` on a
 * `<wy-kit-provider>`). `submitComplaint` stores the record and resolves when it is stored, or
 * rejects. The same `idempotencyKey` comes with every retry of the same record (also in
 * `record.meta.idempotencyKey`): a store that has seen the key must return the record it stored
 * instead of storing a second one. A rejection with `errors: [{ path, message }]` puts those
 * messages on the fields. `recordNumber` is optional (the `recordNumber` property wins).
 */
export interface ComplaintStore {
  submitComplaint(record: Complaint, options: { readonly idempotencyKey: string }): Promise<unknown> | unknown;
  recordNumber?(draft: ComplaintDraft): Promise<string> | string;
}

/** `wy-complaint-save`: the store confirmed the record; the draft was cleared. */
export class WyComplaintSaveEvent extends WyEvent<{
  readonly value: Complaint;
  readonly result: unknown;
}> {
  static readonly type = 'wy-complaint-save';
  constructor(value: Complaint, result: unknown) {
    super(WyComplaintSaveEvent.type, { value, result });
  }
}

/** `wy-complaint-save-fail`: the store (or the record-number hook) failed; nothing was lost. */
export class WyComplaintSaveFailEvent extends WyEvent<{
  readonly value: Rec;
  readonly error: unknown;
}> {
  static readonly type = 'wy-complaint-save-fail';
  constructor(value: Rec, error: unknown) {
    super(WyComplaintSaveFailEvent.type, { value, error });
  }
}

/** @deprecated since 0.2: `WyComplaintSaveEvent` (`wy-complaint-save`). */
export const WyComplaintSavedEvent = WyComplaintSaveEvent;
/** @deprecated since 0.2: `WyComplaintSaveEvent`. */
export type WyComplaintSavedEvent = WyComplaintSaveEvent;
/** @deprecated since 0.2: `WyComplaintSaveFailEvent` (`wy-complaint-save-fail`). */
export const WyComplaintSaveFailedEvent = WyComplaintSaveFailEvent;
/** @deprecated since 0.2: `WyComplaintSaveFailEvent`. */
export type WyComplaintSaveFailedEvent = WyComplaintSaveFailEvent;

/** Event names of 0.1, fired beside the new ones until 0.3. */
const RENAMED_EVENTS: Readonly<Record<string, string>> = {
  'wy-complaint-saved': 'wy-complaint-save',
  'wy-complaint-save-failed': 'wy-complaint-save-fail',
};

/** The inner form's event classes, set once `<wy-schema-form>` has loaded (see `loadSchemaForm`). */
let innerEvents: { readonly WySubmitEvent: typeof WySubmitEvent; readonly WyInvalidEvent: typeof WyInvalidEvent } | undefined;

/**
 * Loads and defines `<wy-schema-form>` (and its fields) once per page: the complaint form's entry
 * does not import it, so what a host loads up front stays small.
 */
const loadSchemaForm = () =>
  import('../schema-form/schema-form.js').then((m) => {
    innerEvents = m;
  });

/** A failure the element explains itself (no actor, a bad record number, an incomplete record). */
class IntakeError extends Error {}

const readTitles = () => ({
  record: { 'zh-CN': msg('zh-CN', 'recordGroup'), en: msg('en', 'recordGroup') },
  handling: { 'zh-CN': msg('zh-CN', 'handlingGroup'), en: msg('en', 'handlingGroup') },
});
const routeKey = (d: RoutingDecision) => `${d.unit}|${d.reason}|${d.department ?? ''}`;
const isObj = (v: unknown): v is Rec => Boolean(v) && typeof v === 'object' && !Array.isArray(v);

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
 * The schema, layout, complaint definition and validator load on demand, as one chunk, when the
 * element connects (`loadComplaintFormData()` in core); header and routing show at once, the form
 * when they arrive, and a failed load is said in `part="failure"` (connecting again retries).
 * `<wy-schema-form>` itself loads in the same step (the entry does not import it); until both are
 * here `part="loading"` shows placeholder bars and a "loading" status, and `part="base"` is `aria-busy`.
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
  /** Another routing table (schemas/complaint-routing.json shape, checked with `checkRoutingRules`). */
  @property({ attribute: false }) routingRules: RoutingRules = defaultRoutingRules;

  @state() private phase: 'idle' | 'saving' | 'saved' | 'failed' = 'idle';
  @state() private failure = '';
  @state() private savedNo = '';
  @state() private firstReceiverShown?: { id: string; name: string } | undefined;
  @state() private recordNoShown = '';
  /** Where the complaint goes and why (the routing rule), shown to everyone, not only announced. */
  @state() private route?: RoutingDecision;
  /**
   * The schema, layout, guide and validator the form is built from (core/complaint/form-data.ts),
   * loaded on demand when the element connects; the inner form renders once they are here.
   */
  @state() private data?: ComplaintFormData;
  /** Why the form's data did not load (shown instead of the form; connecting again retries). */
  @state() private loadError = '';
  /** What the inner form validates with (core's `intakeValidator`). */
  private intakeCheck?: GeneratedValidator<unknown>;
  private dataLoad?: Promise<unknown>;

  @query('wy-schema-form') private form?: WySchemaForm;

  /**
   * How every complaint form loads the schema, layout, guide and validator it is built from.
   * @internal Replaced by tests and stories to show a failed load.
   */
  static loadFormData: () => Promise<ComplaintFormData> = loadComplaintFormData;

  private readonly localize = new LocalizeController(this);
  private readonly announcer = new AnnounceController(this);
  constructor() {
    super();
    // The inner form's events end here; its value changes and problems are this element's too.
    new InnerEventsController(this, ['wy-change', 'wy-submit', 'wy-invalid', 'wy-error', 'wy-error-select'], (e) =>
      e.type === 'wy-change'
        ? new WyChangeEvent((e as WyChangeEvent<FormChangeDetail>).detail)
        : e.type === 'wy-invalid'
          ? new innerEvents!.WyInvalidEvent((e as WyInvalidEvent).detail.errors)
          : undefined,
    );
    noteRenamedEvents(this, 'wy-complaint-form', RENAMED_EVENTS);
  }

  private readonly actorCtx = new ContextConsumer(this, {
    context: actorContext,
    subscribe: true,
  });
  private readonly referenceCtx = new ContextConsumer(this, {
    context: referenceContext,
    subscribe: true,
  });
  private readonly storeCtx = new ContextConsumer(this, {
    context: storeContext,
    subscribe: true,
  });
  /** The value handed to the inner form (changes only when the host sets one, or after a save). */
  private intake: Rec = {};
  private schemaCopy?: JsonSchema;
  private uiCopy?: UiSchema;
  private builtFor: unknown[] = [];
  /** The record number given to this record: kept so a retry sends the same one. */
  private assignedNo?: string;
  private lastRoute = '';
  private saving?: Promise<boolean>;
  /**
   * Bumped when the schema or layout changes after the first render: <wy-schema-form> is then
   * made anew, because its field registry does not survive a rebuild on the same elements.
   */
  private formKey = 0;
  private officesSource?: readonly ComplaintOffice[] | undefined;
  /** The intake value has been made (from `value`, or blank) at least once. */
  private started = false;

  // ── public API ────────────────────────────────────────────────────────────────────────────

  /** Validates, completes and submits (through the store when there is one). Resolves to whether it went through. */
  async requestSubmit(): Promise<boolean> {
    if (this.saving) return this.saving;
    const form = this.form;
    if (!form) return false;
    const ok = await form.requestSubmit();
    if (!ok) return false;
    return (await this.saving) ?? false;
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
    return (this.form?.value as Rec | undefined) ?? this.intake;
  }

  // ── lifecycle ─────────────────────────────────────────────────────────────────────────────

  override connectedCallback(): void {
    super.connectedCallback();
    // The data and the inner form's element load together; the skeleton shows until both are here.
    this.dataLoad ??= Promise.all([(this.constructor as typeof WyComplaintForm).loadFormData(), loadSchemaForm()]).then(
      ([d]) => {
        this.intakeCheck = intakeValidator(d.validator);
        this.data = d;
        this.loadError = '';
        // The submit-time check (and its messages) is fetched now, so submitting waits for nothing.
        void loadRecordCheck().catch(() => undefined);
      },
      (err: unknown) => {
        // The chunk did not arrive (offline, a deploy in between): say so; connecting again retries.
        this.dataLoad = undefined;
        const l = this.localize.locale;
        this.loadError = msg(l, 'loadFailed', { reason: err instanceof Error && err.message ? err.message : msg(l, 'failedUnknown') });
      },
    );
  }

  /** Also waits for the form's data and the inner form (so `await el.updateComplete` sees fields). */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.dataLoad;
    let result = await super.getUpdateComplete();
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

  private get storeNow(): ComplaintStore | undefined {
    const s = this.store ?? this.storeCtx.value;
    return s && typeof (s as ComplaintStore).submitComplaint === 'function' ? (s as ComplaintStore) : undefined;
  }

  private get officesNow(): readonly ComplaintOffice[] {
    return usableOffices(this.offices ?? this.referenceCtx.value?.offices);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value') || changed.has('readonly') || !this.started) {
      this.started = true;
      this.intake = this.readonly ? { ...(this.value ?? {}) } : startIntake(this.value ?? {}, { actor: this.actorNow });
      this.assignedNo = undefined;
      this.showHeader(this.intake);
    }
    const offices = this.officesNow;
    const source = this.offices ?? this.referenceCtx.value?.offices;
    const inputsChanged = changed.has('value') || changed.has('readonly') || changed.has('routingRules') || source !== this.officesSource || !this.builtFor.length;
    this.officesSource = source;
    const data = this.data;
    if (data && (inputsChanged || (changed as PropertyValues).has('data'))) this.build(data, offices, changed);
    if (changed.has('value') || changed.has('readonly') || !this.lastRoute) {
      this.route = routeComplaint(this.intake, this.routingRules);
      this.lastRoute = routeKey(this.route);
    }
  }

  /** The schema and layout for the inner form (core/complaint/form.ts), when an input changed. */
  private build(data: ComplaintFormData, offices: readonly ComplaintOffice[], changed: PropertyValues<this>): void {
    const schema = complaintFormSchema(data.schema, offices, this.intake);
    const key = [JSON.stringify(schema), this.readonly, this.routingRules];
    if (key.some((k, i) => k !== this.builtFor[i])) {
      // A new schema for a form that is already there (offices arrived, a host value with an
      // unknown office): the inner form is made anew (see render), carrying what was typed.
      if (this.builtFor.length && this.form && !changed.has('value') && !changed.has('readonly')) this.intake = { ...(this.form.value as Rec) };
      if (this.builtFor.length) this.formKey++;
      this.builtFor = key;
      this.schemaCopy = schema;
      this.uiCopy = this.readonly ? readUiSchema(data.ui, readTitles()) : intakeUiSchema(data.ui, data.intake, offices, this.routingRules);
    }
  }

  override render() {
    const l = this.localize.locale;
    const saving = this.phase === 'saving';
    const loading = !this.intakeCheck && !this.loadError;
    return html`<div part="base" aria-busy=${saving || loading ? 'true' : 'false'}>
      ${this.readonly ? nothing : this.renderHeader(l)} ${this.readonly || !this.data ? nothing : renderDefinition(this.data, l)} ${this.renderRouting(l)}
      ${this.phase === 'saved' ? html`<div part="status">${msg(l, 'saved', { recordNo: this.savedNo })}</div>` : nothing}
      ${this.phase === 'failed' ? html`<div part="failure" role="alert">${this.failure}</div>` : nothing}
      ${this.loadError ? html`<div part="failure" role="alert">${this.loadError}</div>` : nothing}
      ${
        this.intakeCheck
          ? keyed(
              this.formKey,
              html`<wy-schema-form
                part="form"
                .schema=${this.schemaCopy}
                .uiSchema=${this.uiCopy}
                .value=${guard([this.intake], () => this.intake)}
                .locale=${l}
                .readonly=${this.readonly}
                .errorDisplay=${this.errorDisplay}
                .draftKey=${this.readonly ? undefined : this.draftKey}
                .uploader=${this.uploader}
                .draftStore=${this.draftStore ?? localStorageDrafts}
                .noSubmit=${true}
                .precompiled=${this.intakeCheck}
                @wy-submit=${this.onInnerSubmit}
                @wy-change=${this.onChange}
              >
                ${
                  this.readonly
                    ? nothing
                    : html`<button slot="actions" part="submit" type="button" aria-disabled=${saving ? 'true' : 'false'} @click=${this.onSubmitClick}>
                        ${saving ? html`<span class="spinner" aria-hidden="true"></span>${msg(l, 'saving')}` : this.phase === 'failed' ? msg(l, 'retry') : msg(l, 'submit')}
                      </button>`
                }
              </wy-schema-form>`,
            )
          : loading
            ? html`<div part="loading" role="status">
                <span class="label">${msg(l, 'loading')}</span>
                <div class="bar" aria-hidden="true"></div>
                <div class="bar" aria-hidden="true"></div>
                <div class="bar short" aria-hidden="true"></div>
              </div>`
            : nothing
      }
      ${
        this.readonly
          ? html`<div part="toolbar">
              <button type="button" @click=${() => window.print()}>${msg(l, 'print')}</button>
            </div>`
          : nothing
      }
      ${this.announcer.render()}
    </div>`;
  }

  private renderRouting(l: Locale) {
    const d = this.route;
    if (!d) return nothing;
    return html`<p part="routing" class="routing">
      <span class="routing-label">${msg(l, 'routingUnit')}</span>
      <strong>${pick(d.unitLabel, l) ?? d.unit}</strong>
      <span class="routing-why">${msg(l, 'routingWhy', { reason: pick(d.reasonLabel, l) ?? d.reason })}${d.department ? ` · ${d.department}` : ''}</span>
    </p>`;
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

  private showHeader(v: Rec): void {
    const fr = v['firstReceiver'];
    this.firstReceiverShown = isObj(fr) && typeof fr['id'] === 'string' && typeof fr['name'] === 'string' ? { id: fr['id'], name: fr['name'] } : undefined;
    this.recordNoShown = typeof v['recordNo'] === 'string' ? v['recordNo'] : (this.assignedNo ?? '');
  }

  // ── events ────────────────────────────────────────────────────────────────────────────────

  private onChange = (e: Event): void => {
    const value = (e as CustomEvent<{ value: unknown }>).detail?.value;
    if (!isObj(value)) return;
    const fr = value['firstReceiver'];
    if ((isObj(fr) ? fr['id'] : undefined) !== this.firstReceiverShown?.id || value['recordNo'] !== (this.recordNoShown || undefined)) this.showHeader(value);
    const d = routeComplaint(value, this.routingRules);
    const key = routeKey(d);
    if (key !== this.lastRoute || !this.route) this.route = d;
    if (this.lastRoute && key !== this.lastRoute) {
      const l = this.localize.locale;
      this.announcer.announce(
        msg(l, 'routedTo', {
          unit: pick(d.unitLabel, l) ?? d.unit,
          reason: pick(d.reasonLabel, l) ?? d.reason,
        }),
      );
    }
    this.lastRoute = key;
    if (this.phase === 'saved') this.phase = 'idle';
  };

  private onSubmitClick = (): void => {
    if (this.phase === 'saving') return;
    void this.requestSubmit();
  };

  private onInnerSubmit = (e: Event): void => {
    // The inner form's event carries the user's part only: ours carries the complete record.
    e.stopPropagation();
    const value = (e as WySubmitEvent).detail.value;
    if (this.saving) return;
    this.saving = this.save(isObj(value) ? value : {}).finally(() => (this.saving = undefined));
  };

  private async save(draft: Rec): Promise<boolean> {
    const l = this.localize.locale;
    this.phase = 'saving';
    this.failure = '';
    const store = this.storeNow;
    let record: Rec = draft;
    try {
      const recordNo = await this.numberFor(draft, store);
      const done = completeComplaint(draft, {
        actor: this.actorNow,
        recordNo,
        rules: this.routingRules,
      });
      record = done.record;
      if (done.gaps.includes('firstReceiver')) throw new IntakeError(msg(l, 'noActor'));
      const data = this.data ?? (await (this.constructor as typeof WyComplaintForm).loadFormData());
      const { recordProblems } = await loadRecordCheck();
      const problems = recordProblems(data.validator, data.schema, record, l);
      if (problems.length) throw new IntakeError(msg(l, 'invalidRecord', { problems: problems.join('；') }));
      this.showHeader(record);
      const ev = new innerEvents!.WySubmitEvent(record);
      this.dispatchEvent(ev);
      if (ev.defaultPrevented || !store) {
        this.phase = 'idle';
        this.announcer.announce(msg(l, 'submitted', { recordNo: String(record['recordNo']) }));
        return true;
      }
      const meta = record['meta'] as Rec;
      const result = await store.submitComplaint(record as unknown as Complaint, { idempotencyKey: String(meta['idempotencyKey']) });
      await this.form?.clearDraft();
      this.savedNo = String(record['recordNo']);
      this.phase = 'saved';
      this.announcer.announce(msg(l, 'saved', { recordNo: this.savedNo }));
      dispatchRenamed(this, new WyComplaintSaveEvent(record as unknown as Complaint, result), 'wy-complaint-saved');
      // A new intake starts blank (with a new idempotency key); an edited record stays shown.
      const next = this.value && typeof this.value['recordNo'] === 'string' ? record : startIntake({}, { actor: this.actorNow });
      this.assignedNo = undefined;
      this.intake = next;
      this.lastRoute = '';
      this.showHeader(next);
      return true;
    } catch (err) {
      const reason = err instanceof Error && err.message ? err.message : msg(l, 'failedUnknown');
      this.failure = err instanceof IntakeError ? reason : msg(l, 'failed', { reason });
      this.phase = 'failed';
      const fieldErrors =
        isObj(err) && Array.isArray(err['errors'])
          ? (err['errors'] as unknown[]).filter((x): x is { path: string; message: string } => isObj(x) && typeof x['path'] === 'string' && typeof x['message'] === 'string')
          : [];
      if (fieldErrors.length) this.form?.setErrors(fieldErrors);
      dispatchRenamed(this, new WyComplaintSaveFailEvent(record, err), 'wy-complaint-save-failed');
      return false;
    }
  }

  /** The record's number: its own, the one given on an earlier try, the host's, or the fallback. */
  private async numberFor(draft: Rec, store: ComplaintStore | undefined): Promise<string> {
    if (typeof draft['recordNo'] === 'string' && draft['recordNo']) return draft['recordNo'];
    if (this.assignedNo) return this.assignedNo;
    const hook = this.recordNumber ?? (store?.recordNumber ? (d: ComplaintDraft) => store.recordNumber!(d) : undefined);
    const no = hook ? await hook(draft) : fallbackRecordNumber(draft);
    if (typeof no !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9/_-]{0,39}$/.test(no)) throw new IntakeError(msg(this.localize.locale, 'badRecordNo', { recordNo: String(no) }));
    this.assignedNo = no;
    return no;
  }
}

/** The complete record's check (core/complaint/record-problems.ts), with the validation messages it carries. */
const loadRecordCheck = () => import('../../core/complaint/record-problems.js');

/** The manual's definition and explanations, folded: the receptionist opens it when in doubt. */
function renderDefinition(data: ComplaintFormData, l: Locale) {
  const guide = data.guide;
  return html`<details part="definition">
    <summary>${msg(l, 'definition')}</summary>
    <p>${pick(guide.definition.text, l)}</p>
    <dl>${guide.notes.map((n) => html`<div><dt>${pick(n.term, l)}</dt><dd>${pick(n.text, l)}</dd></div>`)}</dl>
  </details>`;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'wy-complaint-save': WyComplaintSaveEvent;
    'wy-complaint-save-fail': WyComplaintSaveFailEvent;
    /** @deprecated since 0.2: `wy-complaint-save`. */
    'wy-complaint-saved': WyComplaintSaveEvent;
    /** @deprecated since 0.2: `wy-complaint-save-fail`. */
    'wy-complaint-save-failed': WyComplaintSaveFailEvent;
  }
}
