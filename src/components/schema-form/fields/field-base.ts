import { LitElement, html, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextEvent } from '@lit/context';
import { LocalizeController } from '../../shared/localize-controller.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { formHostContext, type FormHost } from '../form-host.js';
import { msg } from '../messages.js';
import { fieldStyles } from './field.styles.js';

/** An option as a field shows it: the label already in the display language. */
export interface DisplayOption {
  readonly value: unknown;
  readonly label: string;
}

/** Ids of the field's parts (unique on the page), for label/aria wiring. */
export interface FieldIds {
  readonly control: string;
  readonly label: string;
  readonly help: string;
  readonly error: string;
  /** Value for aria-describedby: help and error when present. */
  readonly describedBy: string;
}

let uid = 0;

/** The required mark after a label (the control itself says "required" to assistive technology). @internal */
export const REQUIRED_MARK = html`<span class="req" aria-hidden="true">*</span>`;

/**
 * The validation messages (shared with the form's validation) load the first time a field on its
 * own needs one: a field in a form never does (the form words its errors), so the form's entry
 * does not carry the catalog.
 */
let formatRequired: ((locale: Locale, label: string | undefined) => string) | undefined;
let formatLoad: Promise<void> | undefined;
const loadFormat = (): Promise<void> =>
  (formatLoad ??= import('../lazy/errors.js').then((m) => {
    formatRequired = (locale, label) => m.formatError({ keyword: 'required', params: {} }, locale, label);
  }));

const formOfRoot = (root: ShadowRoot): FormHost | undefined => (root.host as unknown as Partial<Record<symbol, FormHost>>)[FIELD_TREE];

/**
 * The form-host object of an element whose shadow root the fields are placed in:
 * `<wy-schema-form>` sets it, and its stylesheet carries the field styles. A field placed there
 * finds its form through its root node (no context request on the first render); a field deeper
 * down (inside a custom widget's shadow root) still asks by context.
 * @internal
 */
export const FIELD_TREE = Symbol.for('wy:field-tree');

/**
 * The form-associated base of every wuye-kit field (ElementInternals): value in FormData under
 * `name`, reset to the default value, disabled from a fieldset or form, `:invalid` through
 * validity, state restore, focus delegated to the control. Subclasses render the control.
 * Standalone it validates `required` itself; inside <wy-schema-form> the form sets `error`.
 *
 * Inside a `<wy-schema-form>` the built-in fields render into the form's own tree instead of a
 * shadow root each (one style scope for the whole form: the form's first render costs about what
 * a plain Lit page with the same controls does). A subclass opts in by declaring
 * `static override lightInForm = true` itself (inherited values do not count, so a subclass with
 * styles of its own keeps its shadow root); its markup must then be styled by `fieldBodyStyles`.
 */
export abstract class WyFieldBase extends LitElement {
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles: CSSResultGroup = fieldStyles;

  /** FormData entry name when the field is used inside a plain `<form>`. */
  // An empty name is no attribute (nothing to reflect on each of a form's fields).
  @property({ reflect: true, useDefault: true, converter: { toAttribute: (v: string) => v || null } }) name = '';
  /**
   * JSON pointer of the field inside a <wy-schema-form> value. Not reflected: a form marks each
   * field with a `data-path` attribute instead (no attribute callback per field on the first render).
   */
  @property({ useDefault: true }) path = '';
  /** The field's value (type depends on the widget). */
  @property({ attribute: false }) value: unknown;
  /** Value restored by a form reset; the first value set if not given. */
  @property({ attribute: false }) defaultValue: unknown;
  /** Visible label (already translated). */
  @property({ useDefault: true }) label = '';
  /** Help text under the control. */
  @property({ useDefault: true }) help = '';
  @property({ useDefault: true }) placeholder = '';
  /** The error message to show; empty = none. Set by the form per its error-display policy. */
  @property({ useDefault: true }) error = '';
  @property({ type: Boolean, reflect: true, useDefault: true }) required = false;
  @property({ type: Boolean, reflect: true, useDefault: true }) disabled = false;
  /** Read view: the value as text, no control. */
  @property({ type: Boolean, reflect: true, useDefault: true }) readonly = false;
  /** An async check is running (aria-busy). */
  @property({ type: Boolean, reflect: true, useDefault: true }) pending = false;
  /** Options of choice widgets (labels already translated). */
  @property({ attribute: false, useDefault: true }) options: readonly DisplayOption[] = [];
  /** Interface language; otherwise the closest [lang], the provider, then zh-CN. */
  @property() locale?: string;

  /**
   * Whether this class renders into an enclosing `<wy-schema-form>`'s tree rather than a shadow
   * root of its own. Only a value declared on the class itself counts.
   */
  static lightInForm = false;

  @state() protected formDisabled = false;

  protected readonly internals: ElementInternals;
  protected readonly localize = new LocalizeController(this);
  protected readonly ids: FieldIds;
  protected host?: FormHost;
  /** Placed by a form in its tree: the form owns validity and FormData, not this element. */
  private inFormTree = false;
  private registeredPath = '';

  constructor() {
    super();
    this.internals = this.attachInternals();
    const n = ++uid;
    this.ids = { control: `wyf${n}-c`, label: `wyf${n}-l`, help: `wyf${n}-h`, error: `wyf${n}-e`, describedBy: '' };
  }

  /** Inside a form's tree (a class that opts in): render there; otherwise a shadow root. */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const ctor = this.constructor as typeof WyFieldBase;
    const root = this.getRootNode();
    if (Object.prototype.hasOwnProperty.call(ctor, 'lightInForm') && ctor.lightInForm && root instanceof ShadowRoot && formOfRoot(root)) {
      return this;
    }
    return super.createRenderRoot();
  }

  /** Focus goes to the control (delegated by the shadow root, or here when rendered in a form's tree). */
  override focus(options?: FocusOptions): void {
    if (this.renderRoot !== this) {
      super.focus(options);
      return;
    }
    const control = this.querySelector<HTMLElement>(`#${this.ids.control}`);
    const target = control && control.matches('fieldset') ? control.querySelector<HTMLElement>('input:checked, input') : control;
    (target ?? this.querySelector<HTMLElement>('input, select, textarea, button'))?.focus(options);
  }

  protected get lang_(): Locale {
    return this.localize.locale;
  }

  /** The value a reset restores. */
  protected get resetValue(): unknown {
    return this.defaultValue;
  }

  /** Whether the value counts as not filled in. */
  protected isEmpty(v: unknown = this.value): boolean {
    return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
  }

  /** The FormData representation (`null` leaves the entry out). */
  protected formValue(): string | null {
    if (this.isEmpty()) return null;
    return typeof this.value === 'string' ? this.value : JSON.stringify(this.value);
  }

  /** The value as text for the read view. */
  protected displayValue(): string {
    const v = this.value;
    if (this.isEmpty(v)) return msg(this.lang_, 'empty');
    if (typeof v === 'boolean') return msg(this.lang_, v ? 'yes' : 'no');
    const opt = this.options.find((o) => o.value === v);
    if (opt) return opt.label;
    if (Array.isArray(v)) return v.map((x) => this.options.find((o) => o.value === x)?.label ?? String(x)).join('、');
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  }

  get form(): HTMLFormElement | null {
    return this.internals.form;
  }
  get validity(): ValidityState {
    return this.internals.validity;
  }
  get validationMessage(): string {
    return this.internals.validationMessage;
  }
  get willValidate(): boolean {
    return this.internals.willValidate;
  }
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  override connectedCallback(): void {
    const root = this.getRootNode();
    const host = root instanceof ShadowRoot ? formOfRoot(root) : undefined;
    this.inFormTree = host !== undefined;
    if (host) this.host = host;
    else {
      this.dispatchEvent(
        new ContextEvent(formHostContext, this, (h) => {
          this.host = h;
          if (this.path) this.registerWithHost();
        }),
      );
    }
    super.connectedCallback();
    if (this.host && this.path) this.registerWithHost();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.registeredPath) this.host?.unregister(this);
    this.registeredPath = '';
  }

  /** @internal The pointer this field is registered under in its form. */
  get registeredAs(): string {
    return this.registeredPath;
  }

  private registerWithHost(): void {
    if (!this.host || !this.isConnected) return;
    if (this.registeredPath && this.registeredPath !== this.path) this.host.unregister(this);
    this.registeredPath = this.path;
    this.host.register(this);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value') && this.defaultValue === undefined && !this.hasUpdated) this.defaultValue = this.value;
    if (changed.has('path') && this.path) this.registerWithHost();
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Placed by a form in its tree, the field is associated with the form's own inner <form>
    // (never with a host's: association does not cross the shadow boundary), and the form owns
    // validity and FormData: no value or validity per field (300 fields, 300 validity changes).
    if (this.inFormTree) {
      if (changed.has('pending')) this.internals.ariaBusy = this.pending ? 'true' : 'false';
      return;
    }
    if (changed.has('value')) this.internals.setFormValue(this.formValue(), this.formValue());
    const anchor = this.renderRoot.querySelector<HTMLElement>(`#${this.ids.control}`) ?? undefined;
    const off = this.disabled || this.formDisabled || this.readonly;
    if (off) this.internals.setValidity({});
    else if (this.error) this.internals.setValidity({ customError: true }, this.error, anchor);
    else if (this.required && this.isEmpty()) {
      if (!formatRequired && !this.messageLoad) {
        // Invalid at once; worded once the catalog is here (updateComplete waits for it).
        this.messageLoad = loadFormat().then(() => {
          this.messageLoad = undefined;
          this.requestUpdate();
        });
      }
      this.internals.setValidity({ valueMissing: true }, this.requiredMessage(), anchor);
    }
    else this.internals.setValidity({});
    this.internals.ariaBusy = this.pending ? 'true' : 'false';
  }

  protected requiredMessage(): string {
    return formatRequired?.(this.lang_, this.label || undefined) ?? (this.label || '*');
  }

  private messageLoad?: Promise<void>;

  /** Also waits for the validation messages when a required message is being worded. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    while (this.messageLoad) {
      await this.messageLoad;
      result = await super.getUpdateComplete();
    }
    return result;
  }

  formResetCallback(): void {
    this.value = structuredClone(this.resetValue);
    this.error = '';
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
    // This callback also runs while Lit reflects our own `disabled` attribute, inside an update
    // whose template is already computed: render once more so the control follows.
    queueMicrotask(() => this.requestUpdate());
  }

  formStateRestoreCallback(stateValue: string | File | FormData | null): void {
    if (typeof stateValue === 'string') this.value = this.parseRestored(stateValue);
  }

  /** Turns a restored FormData string back into a value. */
  protected parseRestored(s: string): unknown {
    return s;
  }

  /** Updates the value from user action and fires `input` (and `change` when `commit`). */
  protected setFromUser(v: unknown, commit: boolean): void {
    this.value = v;
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    if (commit) this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  protected get isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  protected describedBy(): string {
    // Called on every render of every field: no array per call.
    const help = this.help ? this.ids.help : '';
    const error = this.error ? this.ids.error : '';
    return help && error ? `${help} ${error}` : help || error;
  }

  /** The control (input, select, group…). */
  protected abstract renderControl(): TemplateResult;

  /** Extra line under the control (a counter). */
  protected renderExtra(): TemplateResult | typeof nothing {
    return nothing;
  }

  /** Whether the label is rendered by the control itself (fieldset legend, checkbox). */
  protected get ownLabel(): boolean {
    return false;
  }

  /** The help, pending and error lines (and `renderExtra`), or nothing when there are none. */
  private renderNotes(): TemplateResult | typeof nothing {
    const extra = this.renderExtra();
    if (extra === nothing && !this.help && !this.pending && !this.error) return nothing;
    return html`${extra}${this.help ? html`<div part="field-help" id=${this.ids.help}>${this.help}</div>` : nothing}${
      this.pending ? html`<div class="pending" role="status">${msg(this.lang_, 'pending')}</div>` : nothing
    }${this.error ? html`<div part="field-error" id=${this.ids.error}>${this.error}</div>` : nothing}`;
  }

  override render() {
    if (this.readonly) {
      return html`<div part="field" class="read">
        <span part="field-label">${this.label}</span><span part="read-value">${this.displayValue()}</span>
      </div>`;
    }
    // One template per field, no whitespace between its parts and the lines under the control
    // in one part: a form renders hundreds of fields, and each nested template, part and text
    // node is work on its first render (label and control are blocks: no space shows between them).
    if (this.ownLabel) return html`<div part="field">${this.renderControl()}${this.renderNotes()}</div>`;
    return html`<div part="field"><label part="field-label" id=${this.ids.label} for=${this.ids.control}>${this.label}${
      this.required ? REQUIRED_MARK : nothing
    }</label>${this.renderControl()}${this.renderNotes()}</div>`;
  }
}
