import { LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { html, unsafeStatic } from 'lit/static-html.js';
import { property, state } from 'lit/decorators.js';
// styleMap writes through CSSOM, which a CSP without 'unsafe-inline' styles still allows.
import { styleMap } from 'lit/directives/style-map.js';
import { ContextProvider } from '@lit/context';
import { normalizeSchema } from '../../core/form/normalize.js';
import { FormEngine, type ActiveNotice } from '../../core/form/engine.js';
import { checkUiSchemaWith, loadUiValidator, buildLayout, type Layout, type UiSchema, type UiField, type UiGroup } from '../../core/form/ui.js';
import type { RawValidator } from '../../core/form/validation.js';
import type * as ValidationApi from '../../core/form/validation.js';
import { getAt, templateOf, sanitize } from '../../core/form/pointer.js';
import { loadShippedRefs, hasExternalRefs } from '../../core/form/shipped.js';
import { type FormField, type JsonSchema, type Text } from '../../core/form/types.js';
import type { ValidationError } from '../../core/errors.js';
import type { GeneratedValidator } from '../../generated/validator-types.js';
import { pick, type Locale } from '../../core/i18n/locale.js';
import { InnerEventsController } from '../shared/inner-events.js';
import { LocalizeController } from '../shared/localize-controller.js';
import { WyEvent, WyChangeEvent } from '../shared/events.js';
import { formHostContext, type FormHost, type Uploader } from './form-host.js';
import { pickWidget, ensureWidget } from './registry.js';
import { fieldProps } from './field-props.js';
import { showsError, shownErrors, stepOf, inStep, hasColumns, type ErrorDisplay } from '../../core/form/view.js';
import { DEFAULT_DRAFT_MAX_AGE_DAYS, isDraftExpired, localStorageDrafts, type DraftStore } from './drafts.js';
import { msg } from './messages.js';
import { errorPanelView, documentView, noticesView, stepsView } from './schema-form.views.js';
import { styles } from './schema-form.styles.js';
import { FIELD_TREE, type WyFieldBase } from './fields/field-base.js';
import type { WyErrorSummary } from '../error-summary/error-summary.component.js';

export type { ErrorDisplay } from '../../core/form/view.js';

/** A field-level async check: resolves to an error message, or undefined when fine. */
export type AsyncValidator = (value: unknown, context: { signal: AbortSignal; data: unknown; locale: Locale }) => Promise<string | undefined>;

/** `wy-change` from a form: the whole value and the JSON pointer that changed. */
export type FormChangeDetail = { readonly value: unknown; readonly path: string };
export class WySubmitEvent extends WyEvent<{ readonly value: unknown }> {
  constructor(value: unknown) {
    super('wy-submit', { value }, { cancelable: true });
  }
}
export class WyInvalidEvent extends WyEvent<{ readonly errors: readonly ValidationError[] }> {
  constructor(errors: readonly ValidationError[]) {
    super('wy-invalid', { errors });
  }
}
export class WyErrorEvent extends WyEvent<{ readonly error: Error }> {
  constructor(error: Error) {
    super('wy-error', { error });
  }
}

const ASYNC_DEBOUNCE_MS = 400;

/**
 * Validation (the run-time interpreter, error mapping, the shipped validators' index) loads on
 * demand: it is first needed after the first frame, so it is not part of the entry.
 */
type ValidationModule = typeof ValidationApi;
let validation: ValidationModule | undefined;
let validationLoad: Promise<ValidationModule> | undefined;
const loadValidation = (): Promise<ValidationModule> => (validationLoad ??= import('../../core/form/validation.js').then((m) => (validation = m)));
/** The UI-schema validator, once a form with a UI schema has loaded it. */
let uiValidator: GeneratedValidator<unknown> | undefined;
const DRAFT_DEBOUNCE_MS = 400;
/** Latest moment the first validity check runs when no frame comes (a page in a background tab). */
const FIRST_VALIDITY_FALLBACK_MS = 250;

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
  /** True while a restored draft is shown (the notice with its discard button is on screen). */
  @state() private draftShown = false;
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
  @property({ attribute: false }) loadPrecompiled?: () => Promise<GeneratedValidator<unknown> | { readonly default: GeneratedValidator<unknown> }>;
  /** Hide the built-in submit button (the host has its own). */
  @property({ type: Boolean, attribute: 'no-submit' }) noSubmit = false;

  @state() private schemaError?: Error;
  /** The validator could not be made (a custom schema under a CSP): the form shows, submit is off. */
  @state() private validatorError?: Error;
  @state() private step = 0;
  @state() private summary: readonly ValidationError[] = [];
  @state() private notices: readonly ActiveNotice[] = [];
  @state() private structureVersion = 0;
  @state() private announcement = '';
  /** The validator is being made or loaded: `aria-busy` on the form, set in place (no re-render). */
  private get validatorPending(): boolean {
    return this._validatorPending;
  }
  private set validatorPending(v: boolean) {
    this._validatorPending = v;
    this.renderRoot?.querySelector('form[part="base"]')?.setAttribute('aria-busy', v ? 'true' : 'false');
  }
  private _validatorPending = false;

  private _value: unknown = undefined;
  private lastInput: unknown = undefined;
  /** Shipped vocabularies, once loaded (only schemas with external $refs need them). */
  private shippedRefs?: Readonly<Record<string, JsonSchema>>;
  private pendingBuild?: Promise<void>;
  private readonly pendingWidgets = new Set<Promise<unknown>>();
  private readonly widgetLoads = new WeakSet<Promise<unknown>>();
  private initialValue: unknown = undefined;
  private engine?: FormEngine;
  private layout?: Layout;
  private ui: UiSchema = {};
  private validator?: RawValidator;
  private validatorPromise?: Promise<RawValidator>;
  private readonly fields = new Map<string, WyFieldBase>();
  private errors = new Map<string, string>();
  private readonly serverErrors = new Map<string, string>();
  private readonly asyncErrors = new Map<string, string>();
  private readonly asyncRuns = new Map<string, { controller: AbortController; timer: ReturnType<typeof setTimeout>; promise: Promise<void> }>();
  private readonly touched = new Set<string>();
  private submitted = false;
  private draftTimer?: ReturnType<typeof setTimeout>;
  private validityTimer?: ReturnType<typeof setTimeout>;
  private validityScheduled = false;
  /** What FormData holds now (set again only when it changes). */
  private lastFormValue: string | null | undefined = undefined;
  /** Validity was computed since the last build (later changes validate in the next task). */
  private validityPrimed = false;
  private draftRestored = false;
  private readonly internals: ElementInternals;
  private readonly localize = new LocalizeController(this);
  private readonly printStyles = new CSSStyleSheet();

  constructor() {
    super();
    // The error summary's wy-error-select moves focus here; it is not the form's API.
    new InnerEventsController(this, ['wy-error-select']);
    this.internals = this.attachInternals();
    // Getters (not copies) so fields always see the current engine, locale and uploader.
    const host = Object.defineProperties(
      {
        register: (f: WyFieldBase) => this.registerField(f),
        unregister: (f: WyFieldBase) => {
          if (this.fields.get(f.registeredAs) === f) this.fields.delete(f.registeredAs);
        },
        renderField: (p: string) => this.renderField(p),
        commit: (p: string, v: unknown) => this.onFieldValue(p, v, true),
      },
      {
        engine: { get: () => this.engine },
        locale: { get: () => this.localize.locale },
        readonly: { get: () => this.readonly },
        uploader: { get: () => this.uploader },
      },
    ) as FormHost;
    this[FIELD_TREE] = host;
    new ContextProvider(this, { context: formHostContext, initialValue: host });
    this.addEventListener('input', (e) => this.onInput(e));
    this.addEventListener('change', (e) => this.onInput(e));
    this.addEventListener('focusout', (e) => this.onFocusOut(e));
  }

  // ── public API ────────────────────────────────────────────────────────────────────────────

  /** Validates now and shows every problem; resolves to the errors (empty when valid). */
  async validate(): Promise<readonly ValidationError[]> {
    this.submitted = true;
    const errors = await this.computeErrors();
    this.showErrors(errors);
    this.summary = errors;
    return errors;
  }

  /** Whether the value is valid (synchronous: async checks already run count, pending ones not). */
  checkValidity(): boolean {
    this.flushValidity();
    return this.internals.checkValidity();
  }

  /** Like `checkValidity()`, but shows the problems and moves focus to the summary. */
  reportValidity(): boolean {
    const ok = this.checkValidity();
    if (!ok) void this.validate().then(() => this.updateComplete).then(() => this.focusSummary());
    return ok;
  }

  /** Validates; when valid fires `wy-submit` with the value (hidden fields left out). */
  async requestSubmit(): Promise<boolean> {
    if (!this.engine || this.validatorError) return false;
    this.submitted = true;
    await Promise.all([...this.asyncRuns.values()].map((r) => r.promise));
    const errors = await this.computeErrors();
    this.showErrors(errors);
    this.summary = errors;
    if (errors.length) {
      this.announcement = msg(this.localize.locale, 'errorsAnnounce', { count: errors.length });
      this.dispatchEvent(new WyInvalidEvent(errors));
      await this.updateComplete;
      this.focusSummary();
      return false;
    }
    this.announcement = '';
    this.dispatchEvent(new WySubmitEvent(this.submittableValue()));
    return true;
  }

  /** Back to the value last set by the host (or empty); errors and touched state cleared. */
  reset(): void {
    this.value = structuredClone(this.initialValue);
    this.touched.clear();
    this.submitted = false;
    this.summary = [];
    this.serverErrors.clear();
    this.asyncErrors.clear();
    this.errors.clear();
    for (const f of this.fields.values()) f.error = '';
  }

  /** The value that `wy-submit` would carry now: hidden fields removed unless the UI says keep. */
  submittableValue(): Record<string, unknown> {
    return this.engine ? this.engine.submittableValue() : {};
  }

  /** Puts the host's (server's) errors on fields; each clears when its field changes. */
  setErrors(errors: readonly { readonly path: string; readonly message: string }[]): void {
    this.serverErrors.clear();
    for (const e of errors) this.serverErrors.set(e.path, e.message);
    this.submitted = true;
    void this.computeErrors().then((all) => {
      this.showErrors(all);
      this.summary = all;
    });
  }

  /** Forgets the saved draft: call it when the host confirms the submit was stored. */
  async clearDraft(): Promise<void> {
    clearTimeout(this.draftTimer);
    this.draftTimer = undefined;
    this.draftShown = false;
    if (this.draftKey) await this.draftStore.clear(this.draftKey);
  }

  /** Moves focus to the field at `path` (its step is shown first in a wizard). */
  async focusField(path: string): Promise<void> {
    const idx = this.layout ? stepOf(this.layout, path) : undefined;
    if (idx !== undefined && idx >= 0 && idx !== this.step) {
      this.step = idx;
      await this.updateComplete;
    }
    let el = this.fields.get(path);
    for (let p = path; !el && p; p = p.slice(0, p.lastIndexOf('/'))) el = this.fields.get(p);
    if (!el) return;
    await el.updateComplete;
    el.scrollIntoView?.({ block: 'center' });
    el.focus();
  }

  // ── lifecycle ─────────────────────────────────────────────────────────────────────────────

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeprint', this.onBeforePrint);
    window.addEventListener('afterprint', this.onAfterPrint);
    // The debounced draft is written at once when the page goes away or out of sight (reload, tab switch, phone lock).
    window.addEventListener('pagehide', this.flushDraft);
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  private readonly flushDraft = (): void => {
    if (this.draftTimer === undefined) return;
    clearTimeout(this.draftTimer);
    this.saveDraft();
  };

  private readonly onVisibility = (): void => {
    if (document.visibilityState === 'hidden') this.flushDraft();
  };

  /** Drops the restored draft and goes back to the value the host gave. */
  async discardDraft(): Promise<void> {
    await this.clearDraft();
    this.draftShown = false;
    if (this.engine) {
      this.engine.reset(this.initialValue);
      this._value = this.engine.value;
      this.notices = this.engine.activeNotices();
      this.structureVersion++;
      this.announcement = msg(this.localize.locale, 'draftDiscarded');
      this.dispatchEvent(new WyChangeEvent<FormChangeDetail>({ value: this.engine.value, path: '' }));
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeprint', this.onBeforePrint);
    window.removeEventListener('afterprint', this.onAfterPrint);
    window.removeEventListener('pagehide', this.flushDraft);
    document.removeEventListener('visibilitychange', this.onVisibility);
    clearTimeout(this.validityTimer);
    this.validityTimer = undefined;
    this.validityScheduled = false;
    for (const r of this.asyncRuns.values()) {
      clearTimeout(r.timer);
      r.controller.abort();
    }
    if (this.draftTimer !== undefined) {
      // Do not lose the last keystrokes when the element goes away.
      clearTimeout(this.draftTimer);
      this.saveDraft();
    }
  }

  override willUpdate(changed: PropertyValues<this>): void {
    // The error summary's element loads with the first problem to list (updateComplete waits for it).
    if ((changed as Map<PropertyKey, unknown>).has('summary') && this.summary.length) {
      const loading = ensureWidget('wy-error-summary');
      if (loading) this.trackWidget(loading);
    }
    if (changed.has('schema') || changed.has('uiSchema') || changed.has('refs') || changed.has('precompiled') || changed.has('loadPrecompiled')) this.build();
    if (changed.has('draftKey') && this.draftKey && this.engine && !this.draftRestored) void this.restoreDraft();
  }

  /** Also waits for the shipped vocabularies when the schema needs them. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    while (this.pendingBuild || this.pendingWidgets.size) {
      await this.pendingBuild;
      await Promise.all(this.pendingWidgets);
      result = await super.getUpdateComplete();
    }
    return result;
  }

  /** A field's element loads on demand: updateComplete waits for it and for its first render. */
  private trackWidget(p: Promise<unknown>): void {
    if (this.widgetLoads.has(p)) return;
    this.widgetLoads.add(p);
    const done: Promise<unknown> = p
      // The upgraded elements render their nested fields (which may load more): wait for those.
      .then(() => Promise.all([...this.fields.values()].map((f) => f.updateComplete)))
      .catch((err: unknown) => this.dispatchEvent(new WyErrorEvent(err instanceof Error ? err : new Error(String(err)))))
      .finally(() => this.pendingWidgets.delete(done));
    this.pendingWidgets.add(done);
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('disabled')) this.internals.ariaDisabled = this.disabled ? 'true' : 'false';
    this.syncFormValue();
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
    this.validator = undefined;
    this.validatorPromise = undefined;
    this.validityPrimed = false;
    // Field elements Lit reuses keep their registration (they unregister when they leave).
    this.errors.clear();
    this.summary = [];
    this.step = 0;
    if (!this.schema) return;
    const needRefs = !this.shippedRefs && hasExternalRefs(this.schema);
    const needUi = !uiValidator && this.uiSchema !== undefined && this.uiSchema !== null;
    if (needRefs || needUi) {
      // Load the shipped vocabularies and the UI-schema validator first, then build
      // (updateComplete waits for it).
      const schema = this.schema;
      this.pendingBuild = Promise.all([
        needRefs ? loadShippedRefs().then((refs) => (this.shippedRefs = refs)) : undefined,
        needUi ? loadUiValidator().then((v) => (uiValidator = v)) : undefined,
      ]).then(() => {
        this.pendingBuild = undefined;
        if (this.schema === schema) {
          this.build();
          this.requestUpdate();
        }
      });
      return;
    }
    try {
      const model = normalizeSchema(this.schema, { refs: { ...this.shippedRefs, ...this.refs } });
      this.ui = checkUiSchemaWith(this.uiSchema, model, uiValidator!);
      this.engine = new FormEngine(model, this.ui, this._value);
      this.layout = buildLayout(model, this.ui);
      this.notices = this.engine.activeNotices();
      // With live display, errors show from the start, once the validator is there. Otherwise
      // the validator is made when first needed (validity is computed after the first render).
      if (this.errorDisplay === 'live') {
        void this.ensureValidator().then(
          () => this.refreshErrors(true),
          () => undefined,
        );
      }
      if (this.draftKey && !this.draftRestored) void this.restoreDraft();
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      this.schemaError = error;
      this.engine = undefined;
      this.dispatchEvent(new WyErrorEvent(error));
    }
    this.structureVersion++;
  }

  /**
   * The validator: a shipped schema's precompiled one (its module loaded on demand), else the
   * given one (`precompiled`), else the run-time schema interpreted (no code generation). The
   * validation module itself loads here, on first use.
   */
  private ensureValidator(): Promise<RawValidator> {
    if (this.validator) return Promise.resolve(this.validator);
    if (!this.validatorPromise) {
      this.validatorPending = true;
      const schema = this.schema!;
      const refs = Object.values({ ...this.shippedRefs, ...this.refs });
      const given = this.precompiled;
      const load = this.loadPrecompiled;
      this.validatorPromise = Promise.all([loadValidation(), given ?? load?.()])
        .then(async ([m, loaded]): Promise<RawValidator> => {
          const pre = loaded && 'default' in loaded ? loaded.default : loaded;
          if (pre) return (data: unknown) => (pre(data) ? [] : (pre.errors ?? []));
          if (m.isShipped(schema)) return (await m.shippedValidator(schema))!;
          return m.interpretAtRuntime(schema, refs);
        })
        .then((v) => {
          if (this.schema === schema) this.validator = v;
          return v;
        })
        .catch((err: unknown) => {
          const error = err instanceof Error ? err : new Error(String(err));
          if (this.schema === schema) {
            this.validatorError = error;
            this.dispatchEvent(new WyErrorEvent(error));
          }
          throw error;
        })
        .finally(() => (this.validatorPending = false));
    }
    return this.validatorPromise;
  }

  private async restoreDraft(): Promise<void> {
    if (!this.draftKey || !this.engine) return;
    this.draftRestored = true;
    const draft = await this.draftStore.load(this.draftKey);
    const id = this.schema?.$id ?? '';
    if (draft && isDraftExpired(draft, this.draftMaxAgeDays)) {
      await this.draftStore.clear(this.draftKey);
      return;
    }
    if (draft && draft.schemaId === id && this.engine) {
      this.draftShown = true;
      this.engine.reset(sanitize(draft.value));
      this._value = this.engine.value;
      this.notices = this.engine.activeNotices();
      this.announcement = msg(this.localize.locale, 'draftRestored');
      this.structureVersion++;
      this.dispatchEvent(new WyChangeEvent<FormChangeDetail>({ value: this.engine.value, path: '' }));
    }
  }

  private saveDraft(): void {
    this.draftTimer = undefined;
    if (!this.draftKey || !this.engine) return;
    void this.draftStore.save(this.draftKey, { schemaId: this.schema?.$id ?? '', savedAt: new Date().toISOString(), value: this.engine.value });
  }

  // ── input handling: fine-grained updates ─────────────────────────────────────────────────

  private registerField(f: WyFieldBase): void {
    this.fields.set(f.registeredAs, f);
  }

  private onInput(e: Event): void {
    const field = e.composedPath().find((n): n is WyFieldBase => n instanceof HTMLElement && 'registeredAs' in n && Boolean((n as WyFieldBase).registeredAs)) as WyFieldBase | undefined;
    if (!field || !this.engine || field === (this as unknown)) return;
    if (e.type === 'change') {
      this.touched.add(field.registeredAs);
      this.refreshError(field.registeredAs);
      return;
    }
    this.onFieldValue(field.registeredAs, field.value, false);
  }

  /** A field's value changed: update the engine, then only the fields that depend on it. */
  private onFieldValue(path: string, value: unknown, structural: boolean): void {
    const engine = this.engine;
    if (!engine) return;
    const result = engine.set(path, value);
    for (const [p, s] of result.states) {
      const el = this.fields.get(p);
      if (el) {
        el.hidden = !s.visible;
        el.required = s.required;
        el.disabled = !s.enabled || this.disabled;
      }
    }
    for (const p of result.values) {
      if (p === path) continue;
      const el = this.fields.get(p);
      if (el) el.value = getAt(engine.value, p);
    }
    if (result.noticesChanged) this.notices = engine.activeNotices();
    this.serverErrors.delete(path);
    this.asyncErrors.delete(path);
    const asyncCheck = this.asyncValidators[templateOf(path)];
    if (asyncCheck) this.scheduleAsync(path, asyncCheck);
    if (structural) this.structureVersion++;
    // Errors: only where the policy shows them already (live, touched, or after a submit).
    if (this.errorDisplay === 'live' || this.submitted || (this.errorDisplay === 'touched' && this.touched.has(path)) || this.summary.length) {
      this.refreshErrors(result.states.size > 0 || result.values.size > 1 || structural);
    }
    this.scheduleDraft();
    this.syncFormValue();
    this.dispatchEvent(new WyChangeEvent<FormChangeDetail>({ value: engine.value, path }));
  }

  private onFocusOut(e: FocusEvent): void {
    const field = e.composedPath().find((n) => n instanceof HTMLElement && 'registeredAs' in n) as WyFieldBase | undefined;
    if (!field?.registeredAs || this.touched.has(field.registeredAs)) return;
    // Leaving to an element inside the same field (a radio in its group) is not leaving it.
    if (e.relatedTarget instanceof Node && (field.shadowRoot ?? field).contains(e.relatedTarget)) return;
    this.touched.add(field.registeredAs);
    this.refreshError(field.registeredAs);
  }

  private scheduleDraft(): void {
    if (!this.draftKey) return;
    clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(() => this.saveDraft(), DRAFT_DEBOUNCE_MS);
  }

  private scheduleAsync(path: string, check: AsyncValidator): void {
    const prev = this.asyncRuns.get(path);
    if (prev) {
      clearTimeout(prev.timer);
      prev.controller.abort();
    }
    const controller = new AbortController();
    const el = this.fields.get(path);
    let timer!: ReturnType<typeof setTimeout>;
    const promise = new Promise<void>((resolve) => {
      timer = setTimeout(async () => {
        if (el) el.pending = true;
        try {
          const message = await check(getAt(this.engine?.value, path), { signal: controller.signal, data: this.engine?.value, locale: this.localize.locale });
          if (controller.signal.aborted) return;
          if (message) this.asyncErrors.set(path, message);
          else this.asyncErrors.delete(path);
          this.refreshError(path, true);
        } catch {
          /* aborted or failed: a failing check does not block the user */
        } finally {
          if (!controller.signal.aborted && el) el.pending = false;
          if (this.asyncRuns.get(path)?.controller === controller) this.asyncRuns.delete(path);
          resolve();
        }
      }, ASYNC_DEBOUNCE_MS);
    });
    controller.signal.addEventListener('abort', () => {
      if (el) el.pending = false;
    });
    this.asyncRuns.set(path, { controller, timer, promise });
  }

  // ── validation and error display ─────────────────────────────────────────────────────────

  private labelOverride = (t: string): Text | undefined => this.ui.fields?.[t]?.label;

  private computeErrorsSync(): ValidationError[] | undefined {
    if (!this.engine || !this.validator || !validation) return undefined;
    const errors = validation.validateForm(this.engine, this.validator, this.localize.locale, this.labelOverride);
    const seen = new Set(errors.map((e) => e.path));
    for (const [path, message] of [...this.asyncErrors, ...this.serverErrors]) {
      if (!seen.has(path) && !this.engine.isHidden(path)) errors.push({ path, keyword: 'custom', message, params: {} });
    }
    return errors;
  }

  private async computeErrors(): Promise<ValidationError[]> {
    if (!this.engine) return [];
    if (!this.validator) {
      try {
        await this.ensureValidator();
      } catch {
        return [];
      }
    }
    return this.computeErrorsSync() ?? [];
  }

  private shouldShow(path: string): boolean {
    return showsError(
      { display: this.errorDisplay, submitted: this.submitted, touched: this.touched, external: (p) => this.serverErrors.has(p) || this.asyncErrors.has(p) },
      path,
    );
  }

  /** Recomputes errors and updates the fields whose shown message changed. */
  private refreshErrors(all: boolean): void {
    const errors = this.computeErrorsSync();
    if (!errors) {
      if (!this.validatorError) void this.ensureValidator().then(() => this.refreshErrors(all), () => undefined);
      return;
    }
    this.showErrors(errors);
    if (this.summary.length) this.summary = errors;
  }

  private refreshError(path: string, force = false): void {
    if (!force && !this.shouldShow(path)) return;
    this.refreshErrors(false);
  }

  private showErrors(errors: readonly ValidationError[]): void {
    const next = shownErrors(errors, (p) => this.shouldShow(p));
    for (const [path, el] of this.fields) {
      const m = next.get(path) ?? '';
      if (el.error !== m) el.error = m;
    }
    this.errors = next;
    this.syncFormValue(errors);
  }

  private syncFormValue(errors?: readonly ValidationError[]): void {
    if (!this.engine) return;
    // Only a named form puts its value in FormData (no pruning and serialising per keystroke otherwise).
    const formValue = this.name ? JSON.stringify(this.engine.submittableValue()) : null;
    if (formValue !== this.lastFormValue) {
      this.lastFormValue = formValue;
      this.internals.setFormValue(formValue);
    }
    if (errors) {
      this.applyValidity(errors);
      return;
    }
    this.scheduleValidity();
  }

  /**
   * Validating the whole value for `:invalid` and the host form's checkValidity() runs in the
   * task after the one that changed it (a keystroke), not inside it; after a (re)build, only once
   * the first frame with the form is painted (the run-time validator is also made then, not on
   * the first render). Our own checkValidity()/reportValidity()/requestSubmit() validate at once.
   */
  private scheduleValidity(): void {
    if (this.validityScheduled) return;
    this.validityScheduled = true;
    const run = () => {
      if (this.validityScheduled) this.flushValidity();
    };
    if (this.validityPrimed) {
      this.validityTimer = setTimeout(run, 0);
      return;
    }
    // A frame, then a task; the timer alone also covers a page in a background tab (no frames).
    requestAnimationFrame(() => {
      clearTimeout(this.validityTimer);
      this.validityTimer = setTimeout(run, 0);
    });
    this.validityTimer = setTimeout(run, FIRST_VALIDITY_FALLBACK_MS);
  }

  private flushValidity(): void {
    clearTimeout(this.validityTimer);
    this.validityTimer = undefined;
    this.validityScheduled = false;
    this.validityPrimed = true;
    if (!this.engine) return;
    if (!this.validator) {
      if (!this.validatorError && this.schema) void this.ensureValidator().then(() => this.flushValidity(), () => undefined);
      return;
    }
    this.applyValidity(this.computeErrorsSync() ?? []);
  }

  private applyValidity(errs: readonly ValidationError[]): void {
    const anchor = this.renderRoot?.querySelector<HTMLElement>('[part="submit"]') ?? undefined;
    if (errs.length && !this.disabled && !this.readonly) {
      this.internals.setValidity({ customError: true }, errs.map((e) => e.message).join('\n'), anchor);
    } else this.internals.setValidity({});
  }

  private focusSummary(): void {
    (this.renderRoot.querySelector('wy-error-summary') as WyErrorSummary | null)?.focus();
  }

  // ── rendering ─────────────────────────────────────────────────────────────────────────────

  private text(t: Text | undefined): string {
    return pick(t, this.localize.locale) ?? '';
  }

  private uiFor(field: FormField): UiField | undefined {
    return this.ui.fields?.[field.path];
  }

  private renderField(pointer: string): TemplateResult {
    const engine = this.engine!;
    const field = engine.fieldAt(pointer);
    if (!field) return html``;
    const ui = this.uiFor(field);
    if (ui?.widget === 'hidden') return html``;
    const st = engine.stateOf(pointer);
    const tagName = pickWidget(field, ui);
    const loading = ensureWidget(tagName);
    if (loading) this.trackWidget(loading);
    const tag = unsafeStatic(tagName);
    const locale = this.localize.locale;
    // An object inside a list is already named by its item bar ("联系人 1").
    const label = field.key === '*' && field.type === 'object' ? '' : this.text(ui?.label ?? field.label);
    const s = field.schema;
    const itemSchema = field.item?.schema;
    const options = field.options?.map((o) => ({ value: o.value, label: pick(o.label, locale) ?? String(o.value) })) ?? [];
    // A tag chosen by the widget registry (lit/static-html: tags come from code, never from data).
    // eslint-disable-next-line lit/binding-positions, lit/no-invalid-html
    return html`<${tag}
      class="field"
      data-path=${pointer}
      ?hidden=${!st.visible}
      ${fieldProps({
        span: ui?.span,
        path: pointer,
        value: getAt(engine.value, pointer),
        label,
        help: this.text(ui?.help ?? field.help),
        placeholder: this.text(ui?.placeholder ?? field.placeholder),
        options,
        required: st.required,
        disabled: !st.enabled || this.disabled,
        readonly: this.readonly,
        error: this.errors.get(pointer) ?? '',
        locale,
        maxLength: s.maxLength,
        minLength: s.minLength,
        min: s.minimum,
        max: s.maximum,
        integer: field.type === 'integer',
        rows: ui?.rows ?? 4,
        accept: ui?.accept ?? '',
        minItems: s.minItems ?? 0,
        maxItems: s.maxItems ?? (itemSchema ? Number.POSITIVE_INFINITY : 20),
      })}
    ></${tag}>`; // eslint-disable-line lit/binding-positions, lit/no-invalid-html
  }

  private renderGroup(g: UiGroup): TemplateResult {
    const cols = g.columns ?? this.ui.columns ?? 1;
    return html`<fieldset part="group" class="group" style=${styleMap({ '--_cols': String(cols) })}>
      ${g.title ? html`<legend part="group-title">${this.text(g.title)}</legend>` : nothing}
      ${g.description ? html`<p class="group-description">${this.text(g.description)}</p>` : nothing}
      <div class="grid">${g.fields.map((p) => this.renderField(p))}</div>
    </fieldset>`;
  }

  override render() {
    void this.structureVersion;
    if (this.schemaError) return errorPanelView(this.schemaError, this.localize.locale);
    if (!this.engine || !this.layout) return nothing;
    const l = this.localize.locale;
    const layout = this.layout;
    const step = layout.steps[Math.min(this.step, layout.steps.length - 1)]!;
    const last = this.step >= layout.steps.length - 1;
    const doc = this.ui.document;
    const columns = hasColumns(this.ui, layout);
    return html`<form part="base" class=${columns ? 'columns' : ''} novalidate @submit=${this.onSubmit} aria-busy=${this.validatorPending ? 'true' : 'false'}>
      ${documentView(doc, l)}
      ${this.validatorError ? errorPanelView(this.validatorError, l) : nothing}
      <wy-error-summary .errors=${this.summary} .locale=${l} @wy-error-select=${this.onErrorSelect}></wy-error-summary>
      ${noticesView(this.notices, l)}
      ${this.draftShown
        ? html`<div part="draft-notice" class="notice info draft">
            <span>${msg(l, 'draftRestored')}</span>
            <button type="button" class="secondary" @click=${() => void this.discardDraft()}>${msg(l, 'draftDiscard')}</button>
          </div>`
        : nothing}
      ${stepsView(layout, this.step, l)}
      <fieldset class="body" ?disabled=${this.disabled}>${step.groups.map((g) => this.renderGroup(g))}</fieldset>
      ${this.readonly
        ? nothing
        : html`<div part="actions" class="actions">
            ${layout.wizard && this.step > 0 ? html`<button type="button" class="secondary" @click=${this.back}>${msg(l, 'back')}</button>` : nothing}
            ${layout.wizard && !last ? html`<button type="button" class="primary" @click=${this.next}>${msg(l, 'next')}</button>` : nothing}
            ${(!layout.wizard || last) && !this.noSubmit
              ? html`<button part="submit" type="submit" class="primary" ?disabled=${this.disabled || Boolean(this.validatorError)}>${this.text(this.ui.submitLabel) || msg(l, 'submit')}</button>`
              : nothing}
            <slot name="actions"></slot>
          </div>`}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${doc ? html`<footer class="print-footer">${[doc.number, doc.version].filter(Boolean).join(' · ')}</footer>` : nothing}
    </form>`;
  }

  private onSubmit = (e: Event): void => {
    e.preventDefault();
    void this.requestSubmit().then((ok) => {
      if (ok && this.internals.form) this.internals.form.requestSubmit();
    });
  };

  private onErrorSelect = (e: CustomEvent<{ path: string }> | Event): void => {
    const path = (e as unknown as { detail: { path: string } }).detail.path;
    void this.focusField(path);
  };

  private async next(): Promise<void> {
    const layout = this.layout!;
    const step = layout.steps[this.step]!;
    const here = (p: string) => inStep(layout, this.step, p);
    for (const g of step.groups) for (const f of g.fields) this.touched.add(f);
    for (const p of this.fields.keys()) if (here(p)) this.touched.add(p);
    const errors = (await this.computeErrors()).filter((e) => here(e.path));
    this.showErrors(await this.computeErrors());
    this.summary = errors;
    if (errors.length) {
      await this.updateComplete;
      this.focusSummary();
      return;
    }
    this.step++;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.field:not([hidden])')?.focus();
  }

  private back(): void {
    this.step = Math.max(0, this.step - 1);
    this.summary = [];
  }

  // Page numbers and the document number in the printed page's margins: @page rules only work
  // in the document, so they are adopted there while printing and removed afterwards.
  private onBeforePrint = (): void => {
    const doc = this.ui.document;
    if (!doc || !this.isConnected) return;
    const esc = (s: string) => s.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r]/g, ' ');
    const left = esc([doc.number, doc.version].filter(Boolean).join(' '));
    this.printStyles.replaceSync(
      `@page { margin: 18mm 15mm; @bottom-left { content: "${left}"; font-size: 9pt; } @bottom-right { content: counter(page) " / " counter(pages); font-size: 9pt; } }`,
    );
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.printStyles];
  };

  private onAfterPrint = (): void => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== this.printStyles);
  };
}

declare global {
  interface GlobalEventHandlersEventMap {
    'wy-submit': WySubmitEvent;
    'wy-invalid': WyInvalidEvent;
    'wy-error': WyErrorEvent;
  }
}
