import { html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { WyFieldBase } from './field-base.js';
import { attrs } from './attrs.js';
import { msg } from '../messages.js';
import { isoAtOffset, parseOffset, SHANGHAI_OFFSET, SHANGHAI_OFFSET_MINUTES } from '../../../core/kernel/time.js';

/** Shared `<input>` rendering for the single-line fields. */
abstract class InputField extends WyFieldBase {
  /** Upper bound on characters (from the schema's maxLength). */
  @property({ type: Number, attribute: 'max-length' }) maxLength?: number;
  @property({ type: Number, attribute: 'min-length' }) minLength?: number;
  /** A regular expression (from the schema's pattern) the browser may use for hints. */
  @property() pattern?: string;

  protected abstract get inputType(): string;
  protected get keyboardMode(): string | undefined {
    return undefined;
  }
  protected get autocomplete(): string | undefined {
    return undefined;
  }
  /** Value → the input's string. */
  protected toInput(v: unknown): string {
    return v === undefined || v === null ? '' : String(v);
  }
  /** The input's string → value (undefined for empty). */
  protected fromInput(s: string): unknown {
    return s === '' ? undefined : s;
  }
  protected extraAttrs(): { min?: string | undefined; max?: string | undefined; step?: string | undefined } {
    return {};
  }

  protected renderControl(): TemplateResult {
    const a = this.extraAttrs();
    const type = this.inputType;
    // One binding for the attributes (see `attrs`); the type before the value, as the browser needs.
    return html`<input
      part="control"
      id=${this.ids.control}
      ${attrs({
        type,
        inputmode: this.keyboardMode,
        autocomplete: this.autocomplete,
        placeholder: this.placeholder || undefined,
        required: this.required,
        disabled: this.isDisabled,
        maxlength: type === 'text' || type === 'tel' ? this.maxLength : undefined,
        min: a.min,
        max: a.max,
        step: a.step,
        'aria-invalid': this.error ? 'true' : 'false',
        'aria-describedby': this.describedBy() || undefined,
      })}
      .value=${live(this.toInput(this.value))}
      @input=${this.onInput}
      @change=${this.onChange}
    />`;
  }

  private onInput(e: Event): void {
    e.stopPropagation();
    this.setFromUser(this.fromInput((e.target as HTMLInputElement).value), false);
  }
  private onChange(e: Event): void {
    e.stopPropagation();
    this.value = this.fromInput((e.target as HTMLInputElement).value);
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }
}

/**
 * @tag wy-text-field
 * @summary A single-line text field, form-associated.
 * @fires input - On every keystroke.
 * @fires change - When the user commits the value.
 * @csspart field - The wrapper.
 * @csspart field-label - The label.
 * @csspart control - The input.
 * @csspart field-help - Help text.
 * @csspart field-error - The error message.
 * @cssprop --wy-field-border-color - Border of the control.
 * @cssprop --wy-field-background - Background of the control.
 */
export class WyTextField extends InputField {
  static override lightInForm = true;
  protected get inputType() {
    return 'text';
  }
}

/**
 * @tag wy-phone-field
 * @summary A phone number field (mobile or landline with area code); numeric keyboard on phones.
 * @fires input - On every keystroke.
 * @fires change - When the user commits the value.
 * @csspart field - The wrapper.
 * @csspart control - The input.
 * @cssprop --wy-field-border-color - Border of the control.
 */
export class WyPhoneField extends InputField {
  static override lightInForm = true;
  protected get inputType() {
    return 'tel';
  }
  protected override get autocomplete() {
    return 'tel';
  }
  protected override fromInput(s: string): unknown {
    const t = s.replace(/[\s()（）]/g, '');
    return t === '' ? undefined : t;
  }
}

/**
 * @tag wy-number-field
 * @summary A number field; empty is "not given", not zero.
 * @fires input - On every keystroke.
 * @fires change - When the user commits the value.
 * @csspart field - The wrapper.
 * @csspart control - The input.
 */
export class WyNumberField extends InputField {
  static override lightInForm = true;
  @property({ type: Number }) min?: number;
  @property({ type: Number }) max?: number;
  /** Whole numbers only (schema type integer). */
  @property({ type: Boolean }) integer = false;
  protected get inputType() {
    return 'number';
  }
  protected override get keyboardMode() {
    return this.integer ? 'numeric' : 'decimal';
  }
  protected override fromInput(s: string): unknown {
    if (s.trim() === '') return undefined;
    const n = Number(s);
    return Number.isFinite(n) ? n : s;
  }
  protected override extraAttrs() {
    return { min: this.min?.toString(), max: this.max?.toString(), step: this.integer ? '1' : 'any' };
  }
  protected override parseRestored(s: string): unknown {
    return this.fromInput(s);
  }
}

/**
 * @tag wy-date-field
 * @summary A calendar date (YYYY-MM-DD).
 * @fires input - When the date changes.
 * @fires change - When the user commits the value.
 * @csspart field - The wrapper.
 * @csspart control - The input.
 */
export class WyDateField extends InputField {
  static override lightInForm = true;
  protected get inputType() {
    return 'date';
  }
}

/**
 * @tag wy-datetime-field
 * @summary A date and time, stored as ISO 8601 with the office's UTC offset (default +08:00,
 * Asia/Shanghai), shown as wall-clock time in that offset.
 * @fires input - When the value changes.
 * @fires change - When the user commits the value.
 * @csspart field - The wrapper.
 * @csspart control - The input.
 */
export class WyDateTimeField extends InputField {
  static override lightInForm = true;
  /** UTC offset of stored values. */
  @property() offset: string = SHANGHAI_OFFSET;
  protected get inputType() {
    return 'datetime-local';
  }
  protected override toInput(v: unknown): string {
    if (typeof v !== 'string' || !v) return '';
    const t = Date.parse(v);
    if (Number.isNaN(t)) return '';
    return isoAtOffset(t, parseOffset(this.offset) ?? SHANGHAI_OFFSET_MINUTES).slice(0, 16);
  }
  protected override fromInput(s: string): unknown {
    if (!s) return undefined;
    return `${s.length === 16 ? `${s}:00` : s.slice(0, 19)}${this.offset}`;
  }
  protected override displayValue(): string {
    return this.isEmpty() ? super.displayValue() : this.toInput(this.value).replace('T', ' ');
  }
  protected override parseRestored(s: string): unknown {
    return s;
  }
}

/**
 * @tag wy-textarea-field
 * @summary Multi-line text with a character counter (counts what the user sees: 汉字 count one each).
 * @fires input - On every keystroke.
 * @fires change - When the user commits the value.
 * @csspart field - The wrapper.
 * @csspart control - The textarea.
 * @csspart field-counter - The counter.
 */
export class WyTextareaField extends WyFieldBase {
  static override lightInForm = true;
  @property({ type: Number, attribute: 'max-length' }) maxLength?: number;
  @property({ type: Number }) rows = 4;

  private get count(): number {
    return typeof this.value === 'string' ? [...this.value].length : 0;
  }

  protected renderControl(): TemplateResult {
    return html`<textarea
      part="control"
      id=${this.ids.control}
      rows=${this.rows}
      .value=${live(typeof this.value === 'string' ? this.value : '')}
      placeholder=${ifDefined(this.placeholder || undefined)}
      ?required=${this.required}
      ?disabled=${this.isDisabled}
      aria-invalid=${this.error ? 'true' : 'false'}
      aria-describedby=${`${this.ids.control}-count ${this.describedBy()}`.trim()}
      @input=${this.onInput}
      @change=${this.onChange}
    ></textarea>`;
  }

  protected override renderExtra() {
    const max = this.maxLength;
    const text = max ? msg(this.lang_, 'chars', { count: this.count, max }) : msg(this.lang_, 'charsNoMax', { count: this.count });
    return html`<div part="field-counter" id=${`${this.ids.control}-count`} class=${max && this.count > max ? 'over' : ''}>${text}</div>`;
  }

  private onInput(e: Event): void {
    e.stopPropagation();
    const v = (e.target as HTMLTextAreaElement).value;
    this.setFromUser(v === '' ? undefined : v, false);
  }
  private onChange(e: Event): void {
    e.stopPropagation();
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }
}

