import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { FormEngine, ActiveNotice } from '../../core/form/engine.js';
import type { Layout, UiSchema } from '../../core/form/ui.js';
import { templateOf, sanitize } from '../../core/form/pointer.js';
import type { JsonSchema } from '../../core/form/types.js';
import type { ValidationError } from '../../core/errors.js';
import type { GeneratedValidator } from '../../generated/validator-types.js';
import { pick } from '../../core/i18n/locale.js';
import { InnerEventsController } from '../shared/inner-events.js';
import { LocalizeController } from '../shared/localize-controller.js';
import { AnnounceController } from '../shared/announce-controller.js';
import { WyChangeEvent } from '../shared/events.js';
import { formHostContext, type FormHost, type Uploader } from './form-host.js';
import { hasColumns, type ErrorDisplay } from '../../core/form/view.js';
import { DEFAULT_DRAFT_MAX_AGE_DAYS, localStorageDrafts, type DraftStore } from './drafts.js';
import { DraftController } from './draft-controller.js';
import { ValidationController } from './validation-controller.js';
import { ValidatorLoader, type PrecompiledLoader } from './validator-loader.js';
import { fieldView, groupView, type FieldViewContext } from './field-view.js';
import { msg } from './messages.js';
import { errorPanelView, formView } from './schema-form.views.js';
import { WyInvalidEvent, WySubmitEvent, WyErrorEvent, asError, type AsyncValidator, type FormChangeDetail } from './schema-form.events.js';
import { styles } from './schema-form.styles.js';
import { FIELD_TREE, type WyFieldBase } from './fields/field-base.js';
import { buildFormModel, checkUiShape, loadMissingRefs, modelPrerequisites, UiShapeUnchecked, validatorRefs } from './form-model.js';
import { focusFieldAt, focusSummary } from './form-focus.js';
import { deepActiveElement, focusMovedFrom } from '../shared/focus.js';
import { WizardController } from './wizard-controller.js';
import { live } from './live.js';
import { PendingWork } from './pending-work.js';
import { afterPaint } from './after-paint.js';
import { fieldOfEvent, syncFields } from './field-sync.js';

/** Latest moment the UI schema's shape is checked when no frame comes (a page in a background tab). */
const FIRST_FRAME_FALLBACK_MS = 250;

export type { ErrorDisplay } from '../../core/form/view.js';
export { WySubmitEvent, WyInvalidEvent, WyErrorEvent } from './schema-form.events.js';
export type { AsyncValidator, FormChangeDetail } from './schema-form.events.js';

/**
 * Renders any JSON Schema (draft-07) plus a UI schema as an accessible form: groups, columns and
 * wizard steps from the UI schema; show/hide/enable/require/compute rules as JSONLogic data;
 * precompiled validation for shipped schemas and an interpreting validator for a schema given
 * at run time; errors in zh-CN or en naming each field; drafts saved as you type.
 * A keystroke updates only the fields that depend on it. The built-in field elements render into
 * this element's shadow root (one style scope, not one per field; each carries `data-path`), and
 * validation code loads after the first frame.
 * Form-associated: inside a host `<form>` its whole value travels in FormData under `name`
 * (as JSON); reset, disabled and `:invalid` work.
 *
 * @tag wy-schema-form
 * @summary Any JSON Schema + UI schema becomes an accessible, fast, form-associated form.
 *
 * @fires {WyChangeEvent<FormChangeDetail>} wy-change - The value changed; `detail` is `{ value, path }` (the JSON pointer that changed).
 * @fires wy-submit - A valid value was submitted; `detail.value`. Hidden fields are left out.
 * @fires wy-invalid - Submit or validate found problems; `detail.errors`.
 * @fires wy-error - The schema or UI schema cannot be used; `detail.error` names where and why.
 *
 * @slot actions - Extra buttons beside submit.
 *
 * @csspart base - The form.
 * @csspart document - The paper-record header (document number, version, title).
 * @csspart notice - A notice from the UI schema's rules.
 * @csspart draft-notice - "An unsent draft was restored", with its discard button.
 * @csspart steps - The wizard's step list.
 * @csspart group - A group of fields (fieldset).
 * @csspart group-title - A group's legend.
 * @csspart actions - The button row.
 * @csspart submit - The submit button.
 * @csspart error-panel - The panel shown for an invalid schema.
 * @csspart field - A built-in field's wrapper (built-in fields render into the form's own tree).
 * @csspart field-label - A field's label.
 * @csspart control - A field's input, select, textarea or choice group.
 * @csspart field-help - A field's help text.
 * @csspart field-error - A field's error message.
 *
 * @cssprop --wy-schema-form-gap - Space between fields.
 * @cssprop --wy-schema-form-columns - Default number of columns in a group.
 * @cssprop --wy-color-primary - Submit button and step highlight.
 */
export class WySchemaForm extends LitElement {
  static formAssociated = true;
  static override styles = styles;
  /** @internal What the fields placed in this element's shadow root talk to (see WyFieldBase.lightInForm). */
  readonly [FIELD_TREE]: FormHost;

  /** The JSON Schema (draft-07). A shipped schema (by `$id`) uses its precompiled validator. */
  @property({ attribute: false }) schema?: JsonSchema;
  /** The UI schema (`*.ui.json`): layout, widgets, labels, rules. */
  @property({ attribute: false }) uiSchema?: UiSchema;
  /** The value shown; setting it replaces the form's value. Read the current value here too. */
  @property({ attribute: false })
  get value(): unknown {
    return this.engine?.value ?? this._value;
  }
  set value(v: unknown) {
    // A parent re-rendering binds the same object again: that is not a new value.
    if (v === this.lastInput && v !== undefined) return;
    this.lastInput = v;
    const old = this._value;
    this._value = sanitize(v);
    this.initialValue = this._value;
    if (this.engine) {
      this.engine.reset(this._value);
      this.structureVersion++;
    }
    this.requestUpdate('value', old);
  }
  /** Extra schemas by `$id` that `$ref`s may point to (shipped vocabularies are always known). */
  @property({ attribute: false }) refs: Readonly<Record<string, JsonSchema>> = {};
  /** Interface language; otherwise the closest [lang], the provider, then zh-CN. */
  @property({ reflect: true }) locale?: string;
  /** Read view: values as text, no controls. */
  @property({ type: Boolean, reflect: true }) readonly = false;
  @property({ type: Boolean, reflect: true }) disabled = false;
  /** When errors show: after a field is left (`touched`), after the first submit (`submit`), or at once (`live`). */
  @property({ attribute: 'error-display' }) errorDisplay: ErrorDisplay = 'touched';
  /** Saves the value as a draft on change and restores it on load (localStorage unless `draftStore`). */
  @property({ attribute: 'draft-key' }) draftKey?: string;
  @property({ attribute: false }) draftStore: DraftStore = localStorageDrafts;
  /** Days a draft is kept: an older one is dropped instead of restored (default 7). */
  @property({ type: Number, attribute: 'draft-max-age-days' }) draftMaxAgeDays: number = DEFAULT_DRAFT_MAX_AGE_DAYS;
  /** FormData entry name inside a host `<form>`. */
  @property({ reflect: true }) name = '';
  /** Upload adapter for attachment fields. */
  @property({ attribute: false }) uploader?: Uploader;
  /** Async checks per field, by JSON pointer template (`/recordNo`). */
  @property({ attribute: false }) asyncValidators: Readonly<Record<string, AsyncValidator>> = {};
  /**
   * A precompiled (Ajv standalone) validator for a custom schema, e.g. made with
   * `npx wuye-kit compile`: no Ajv download and no eval, even for a schema that is not shipped.
   */
  @property({ attribute: false }) precompiled?: GeneratedValidator<unknown>;
  /**
   * Loads the precompiled validator when the form first validates (after its first frame), e.g.
   * `() => import('./my-form.validator.js')`: the page does not parse the validator before the
   * form shows. Used when `precompiled` is not set; resolves to the validator or its module.
   */
  @property({ attribute: false }) loadPrecompiled?: PrecompiledLoader;
  /** Hide the built-in submit button (the host has its own). */
  @property({ type: Boolean, attribute: 'no-submit' }) noSubmit = false;

  @state() private schemaError?: Error;
  /** The validator could not be made (a custom schema under a CSP): the form shows, submit is off. */
  @state() private validatorError?: Error;
  @state() private notices: readonly ActiveNotice[] = [];
  @state() private structureVersion = 0;
  /** The validator is being made or loaded: `aria-busy` on the form, set in place (no re-render). */
  private validatorPending = false;

  private _value: unknown = undefined;
  private lastInput: unknown = undefined;
  /** A build waiting for what it needs, and field elements being defined: updateComplete waits for them. */
  private readonly pending = new PendingWork();
  private initialValue: unknown = undefined;
  private engine?: FormEngine;
  private layout?: Layout;
  private ui: UiSchema = {};
  private readonly fields = new Map<string, WyFieldBase>();
  private readonly internals: ElementInternals;
  private readonly localize = new LocalizeController(this);
  private readonly announcer = new AnnounceController(this);
  private readonly validators: ValidatorLoader;
  private readonly validation: ValidationController;
  private readonly drafts: DraftController;
  private readonly wizard: WizardController;
  /** The paper record's page margins while printing: loaded (once) with a UI schema that has a `document`. */
  private printMargins = false;
  /**
   * The UI schema's shape is checked after the first frame (its generated validator loads then):
   * until it reports, rendering tolerates a UI schema of the wrong shape (renders nothing).
   */
  private uiUnchecked = false;
  /** Something was not drawn while the UI schema was unchecked: render again once it passes. */
  private uiDrawFailed = false;
  /** That check for the current build (settled either way); submit waits for it. */
  private uiCheck?: Promise<void>;

  constructor() {
    super();
    // The error summary's wy-error-select moves focus here; it is not the form's API.
    new InnerEventsController(this, ['wy-error-select']);
    this.internals = this.attachInternals();
    this.validators = new ValidatorLoader({
      source: () => ({ schema: this.schema, refs: (schema) => validatorRefs(schema, this.refs), precompiled: this.precompiled, loadPrecompiled: this.loadPrecompiled }),
      pending: (busy) => {
        this.validatorPending = busy;
        this.renderRoot?.querySelector('form[part="base"]')?.setAttribute('aria-busy', busy ? 'true' : 'false');
      },
      failed: (error) => {
        this.validatorError = error;
        this.dispatchEvent(new WyErrorEvent(error));
      },
    });
    this.validation = new ValidationController(
      this,
      live(
        {
          fields: this.fields,
          labelOf: (t: string) => this.ui.fields?.[t]?.label,
          validityAnchor: () => this.renderRoot?.querySelector<HTMLElement>('[part="submit"]') ?? undefined,
          trackWidget: (p: Promise<unknown>) => this.trackWidget(p),
        },
        {
          engine: () => this.engine,
          locale: () => this.localize.locale,
          canValidate: () => Boolean(this.schema) && !this.validatorError,
          uiChecked: () => !this.uiUnchecked,
          broken: () => this.schemaError !== undefined,
        },
      ),
      this.internals,
      this.validators,
    );
    this.drafts = new DraftController(this, {
      value: () => this.engine?.value,
      restore: (v) => {
        this.replaceValue(v);
        this.announcer.announce(msg(this.localize.locale, 'draftRestored'));
      },
    });
    this.addController(this.validation);
    this.addController(this.drafts);
    this.wizard = new WizardController(
      live({ requestUpdate: () => this.requestUpdate() }, { layout: () => this.layout, fieldPaths: () => this.fields.keys(), renderRoot: () => this.renderRoot, updateComplete: () => this.updateComplete }),
      this.validation,
    );
    // Getters (not copies) so fields always see the current engine, locale and uploader.
    const host: FormHost = live(
      {
        register: (f: WyFieldBase) => void this.fields.set(f.registeredAs, f),
        unregister: (f: WyFieldBase) => {
          if (this.fields.get(f.registeredAs) === f) this.fields.delete(f.registeredAs);
        },
        renderField: (p: string) => this.tolerant(() => fieldView(this.fieldContext(), p), html``),
        commit: (p: string, v: unknown) => this.onFieldValue(p, v, true),
      },
      { engine: () => this.engine!, locale: () => this.localize.locale, readonly: () => this.readonly, uploader: () => this.uploader },
    );
    this[FIELD_TREE] = host;
    // Fields nested deeper (in a custom widget's shadow root) ask for the form by a context
    // request. The host object never changes (it reads through getters), so answering the
    // request is all a provider would do here (without its subscriber bookkeeping and code).
    this.addEventListener('context-request', (e) => {
      if (e.context !== formHostContext) return;
      e.stopPropagation();
      e.callback(host);
    });
    this.addEventListener('input', (e) => this.onInput(e));
    this.addEventListener('change', (e) => this.onInput(e));
    this.addEventListener('focusout', (e) => this.onFocusOut(e));
  }

  // ── public API ────────────────────────────────────────────────────────────────────────────

  /** Validates now and shows every problem; resolves to the errors (empty when valid). */
  validate(): Promise<readonly ValidationError[]> {
    return this.validation.validateAll();
  }

  /** Whether the value is valid (synchronous: async checks already run count, pending ones not). */
  checkValidity(): boolean {
    this.validation.flushValidity();
    return this.internals.checkValidity();
  }

  /** The form's validity as a host `<form>` sees it (invalid with a message until first checked). */
  get validity(): ValidityState {
    return this.internals.validity;
  }

  /** Why the form is invalid ('' when valid): its problems, or that it is not checked yet. */
  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  /** Like `checkValidity()`, but shows the problems and moves focus to the summary. */
  reportValidity(): boolean {
    const ok = this.checkValidity();
    const focused = deepActiveElement();
    if (!ok) void this.validate().then(() => this.updateComplete).then(() => !focusMovedFrom(focused) && focusSummary(this.renderRoot));
    return ok;
  }

  /** Validates; when valid fires `wy-submit` with the value (hidden fields left out). */
  async requestSubmit(): Promise<boolean> {
    // The summary takes focus after the check, unless the user has moved on meanwhile.
    const focused = deepActiveElement();
    await this.uiCheck;
    if (!this.engine || this.validatorError) return false;
    await this.validation.settleAsync();
    const errors = await this.validation.validateAll();
    if (errors.length) {
      this.announcer.announce(msg(this.localize.locale, 'errorsAnnounce', { count: errors.length }));
      this.dispatchEvent(new WyInvalidEvent(errors));
      await this.updateComplete;
      if (!focusMovedFrom(focused)) focusSummary(this.renderRoot);
      return false;
    }
    this.announcer.announce('');
    this.dispatchEvent(new WySubmitEvent(this.submittableValue()));
    return true;
  }

  /** Back to the value last set by the host (or empty); errors and touched state cleared. */
  reset(): void {
    this.value = structuredClone(this.initialValue);
    this.validation.clear();
  }

  /** The value that `wy-submit` would carry now: hidden fields removed unless the UI says keep. */
  submittableValue(): Record<string, unknown> {
    return this.engine ? this.engine.submittableValue() : {};
  }

  /** Puts the host's (server's) errors on fields; each clears when its field changes. */
  setErrors(errors: readonly { readonly path: string; readonly message: string }[]): void {
    this.validation.setServerErrors(errors);
  }

  /** Forgets the saved draft: call it when the host confirms the submit was stored. */
  clearDraft(): Promise<void> {
    return this.drafts.clear();
  }

  /** Drops the restored draft and goes back to the value the host gave. */
  async discardDraft(): Promise<void> {
    await this.drafts.clear();
    if (this.engine) {
      this.replaceValue(this.initialValue);
      this.announcer.announce(msg(this.localize.locale, 'draftDiscarded'));
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }

  /** Moves focus to the field at `path` (its step is shown first in a wizard). */
  async focusField(path: string): Promise<void> {
    await this.wizard.reveal(path);
    await focusFieldAt(this.fields, path);
  }

  // ── lifecycle ─────────────────────────────────────────────────────────────────────────────

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('schema') || changed.has('uiSchema') || changed.has('refs') || changed.has('precompiled') || changed.has('loadPrecompiled')) this.build();
    if (changed.has('draftKey') && this.draftKey && this.engine && !this.drafts.tried) void this.drafts.restore();
  }

  /** Also waits for a build's prerequisites and for field elements defined on demand. */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.pending.settle(() => super.getUpdateComplete());
  }

  /** A field's element loads on demand: updateComplete waits for it and for its first render. */
  private trackWidget(p: Promise<unknown>): void {
    // The upgraded elements render their nested fields (which may load more): wait for those.
    this.pending.track(p, () => Promise.all([...this.fields.values()].map((f) => f.updateComplete)), (err) => this.dispatchEvent(new WyErrorEvent(asError(err))));
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('disabled')) this.internals.ariaDisabled = this.disabled ? 'true' : 'false';
    this.validation.syncFormValue();
  }

  formResetCallback(): void {
    this.reset();
  }

  formDisabledCallback(disabled: boolean): void {
    this.disabled = disabled;
  }

  formStateRestoreCallback(s: string | File | FormData | null): void {
    if (typeof s === 'string') {
      try {
        this.value = JSON.parse(s);
      } catch {
        /* not ours */
      }
    }
  }

  // ── building ──────────────────────────────────────────────────────────────────────────────

  private build(): void {
    this.schemaError = undefined;
    this.validatorError = undefined;
    this.engine = undefined;
    this.layout = undefined;
    this.uiUnchecked = false;
    this.uiDrawFailed = false;
    this.uiCheck = undefined;
    this.validators.reset();
    // Field elements Lit reuses keep their registration (they unregister when they leave).
    this.validation.rebuilt();
    this.wizard.step = 0;
    const schema = this.schema;
    if (!schema) return;
    // What building needs first, loaded when needed (updateComplete waits), then build again.
    const buildAfter = (loading: Promise<void>) => {
      const rebuild = () => {
        if (this.schema !== schema) return;
        this.build();
        this.requestUpdate();
      };
      this.pending.track(loading, async () => rebuild(), (err) => this.dispatchEvent(new WyErrorEvent(asError(err))));
    };
    const loading = modelPrerequisites(this.uiSchema);
    if (loading) return buildAfter(loading);
    try {
      let uiUnchecked: boolean;
      ({ engine: this.engine, ui: this.ui, layout: this.layout, uiUnchecked } = buildFormModel(schema, this.uiSchema, this.refs, this._value));
      if (uiUnchecked) this.checkUiAfterFirstFrame();
      this.notices = this.engine.activeNotices();
      if (this.ui.document && !this.printMargins) {
        this.printMargins = true;
        this.trackWidget(import('./print-margins.js').then((m) => m.attachPrintMargins(this, () => this.ui.document)));
      }
      // With live display, errors show from the start, once the validator is there. Otherwise
      // the validator is made when first needed (validity is computed after the first render).
      if (this.errorDisplay === 'live') void this.validators.ensure().then(() => this.validation.refreshErrors(true), () => undefined);
      if (this.draftKey && !this.drafts.tried) void this.drafts.restore();
    } catch (err) {
      // An unchecked UI schema failed to build: check its shape first (that error wins), build again.
      if (err instanceof UiShapeUnchecked) return buildAfter(modelPrerequisites(this.uiSchema, true) ?? Promise.resolve());
      // A `$ref` to a shipped vocabulary: load them, build again.
      const refs = loadMissingRefs(err);
      if (refs) return buildAfter(refs);
      const error = asError(err);
      this.schemaError = error;
      this.engine = undefined;
      this.dispatchEvent(new WyErrorEvent(error));
    }
    this.structureVersion++;
  }

  /**
   * Checks the UI schema's shape once the first frame with the form is painted (a frame, then a
   * task; the timer alone covers a page in a background tab); updateComplete waits for it. When it
   * does not fit, the form shows the same error panel and `wy-error` as a build that checked it first.
   */
  private checkUiAfterFirstFrame(): void {
    const { schema, uiSchema } = this;
    const framed = new Promise<void>((resolve) => afterPaint(resolve, FIRST_FRAME_FALLBACK_MS));
    const check = framed.then(() => checkUiShape(uiSchema!)).then(
      () => {
        if (this.schema !== schema || this.uiSchema !== uiSchema) return;
        this.uiUnchecked = false;
        // Validity counts as known from now on: run it again.
        this.validation.syncFormValue();
        // A fitting UI schema that could not be drawn: draw again, this time letting the error through.
        if (this.uiDrawFailed) this.structureVersion++;
      },
      (err: unknown) => {
        if (this.schema !== schema || this.uiSchema !== uiSchema) return;
        this.uiUnchecked = false;
        this.showSchemaError(asError(err));
      },
    );
    this.uiUnchecked = true;
    this.uiCheck = check;
    this.pending.track(check, async () => undefined, (err) => this.dispatchEvent(new WyErrorEvent(asError(err))));
  }

  /** The schema or UI schema cannot be used: the error panel instead of the form, and `wy-error`. */
  private showSchemaError(error: Error): void {
    this.schemaError = error;
    this.engine = undefined;
    this.layout = undefined;
    this.validation.rebuilt();
    this.structureVersion++;
    this.dispatchEvent(new WyErrorEvent(error));
  }

  /** While the UI schema's shape is unchecked, a render that throws shows nothing (the check reports soon). */
  private tolerant<T, U>(draw: () => T, instead: U): T | U {
    if (!this.uiUnchecked) return draw();
    try {
      return draw();
    } catch {
      this.uiDrawFailed = true;
      return instead;
    }
  }

  /** Shows `value` in place of the current one (a restored or discarded draft) and says so by `wy-change`. */
  private replaceValue(value: unknown): void {
    const engine = this.engine!;
    engine.reset(value);
    this._value = engine.value;
    this.notices = engine.activeNotices();
    this.structureVersion++;
    this.dispatchEvent(new WyChangeEvent<FormChangeDetail>({ value: engine.value, path: '' }));
  }

  // ── input handling: fine-grained updates ─────────────────────────────────────────────────

  private onInput(e: Event): void {
    const field = fieldOfEvent(e);
    if (!field || !this.engine) return;
    if (e.type === 'change') this.validation.touch(field.registeredAs);
    else this.onFieldValue(field.registeredAs, field.value, false);
  }

  /** A field's value changed: update the engine, then only the fields that depend on it. */
  private onFieldValue(path: string, value: unknown, structural: boolean): void {
    const engine = this.engine;
    if (!engine) return;
    const result = engine.set(path, value);
    syncFields(this.fields, engine, result, path, this.disabled);
    if (result.noticesChanged) this.notices = engine.activeNotices();
    if (structural) this.structureVersion++;
    this.validation.changed(path, this.asyncValidators[templateOf(path)], result.states.size > 0 || result.values.size > 1 || structural);
    this.drafts.schedule();
    this.dispatchEvent(new WyChangeEvent<FormChangeDetail>({ value: engine.value, path }));
  }

  private onFocusOut(e: FocusEvent): void {
    const field = fieldOfEvent(e);
    if (!field || this.validation.touched.has(field.registeredAs)) return;
    // Leaving to an element inside the same field (a radio in its group) is not leaving it.
    if (e.relatedTarget instanceof Node && (field.shadowRoot ?? field).contains(e.relatedTarget)) return;
    this.validation.touch(field.registeredAs);
  }

  // ── rendering ─────────────────────────────────────────────────────────────────────────────

  private fieldContext(): FieldViewContext {
    return {
      engine: this.engine!,
      ui: this.ui,
      locale: this.localize.locale,
      disabled: this.disabled,
      readonly: this.readonly,
      errorAt: (p) => this.validation.errorAt(p),
      loading: (p) => this.trackWidget(p),
    };
  }

  override render(): TemplateResult | typeof nothing {
    void this.structureVersion;
    if (this.schemaError) return errorPanelView(this.schemaError, this.localize.locale);
    if (!this.engine || !this.layout) return nothing;
    return this.tolerant(() => this.renderForm(this.layout!), nothing);
  }

  private renderForm(layout: Layout): TemplateResult {
    const ctx = this.fieldContext();
    const step = layout.steps[Math.min(this.wizard.step, layout.steps.length - 1)]!;
    return formView({
      locale: ctx.locale,
      layout,
      step: this.wizard.step,
      document: this.ui.document,
      columns: hasColumns(this.ui, layout),
      busy: this.validatorPending,
      validatorError: this.validatorError,
      summary: this.validation.summary,
      notices: this.notices,
      draftShown: this.drafts.shown,
      disabled: this.disabled,
      readonly: this.readonly,
      noSubmit: this.noSubmit,
      submitLabel: pick(this.ui.submitLabel, ctx.locale) ?? '',
      groups: step.groups.map((g) => groupView(ctx, g)),
      announcer: this.announcer.render(),
      onSubmit: this.onSubmit,
      onErrorSelect: this.onErrorSelect,
      onDiscardDraft: this.onDiscardDraft,
      onBack: this.wizard.back,
      onNext: this.wizard.next,
    });
  }

  private readonly onSubmit = (e: Event): void => {
    e.preventDefault();
    void this.requestSubmit().then((ok) => {
      if (ok && this.internals.form) this.internals.form.requestSubmit();
    });
  };

  private readonly onErrorSelect = (e: Event): void => {
    void this.focusField((e as CustomEvent<{ path: string }>).detail.path);
  };

  private readonly onDiscardDraft = (): void => void this.discardDraft();

}
