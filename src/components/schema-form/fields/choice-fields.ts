import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { WyFieldBase, REQUIRED_MARK } from './field-base.js';
import { deepEqual } from '../../../core/form/conditions.js';
import { msg } from '../messages.js';

const indexOf = (options: readonly { value: unknown }[], v: unknown) => options.findIndex((o) => deepEqual(o.value, v));

/**
 * @tag wy-select-field
 * @summary A drop-down of options (JSON values of any type; the option labels are translated).
 * @fires input - When the user picks an option.
 * @fires change - When the user picks an option.
 * @csspart field - The wrapper.
 * @csspart field-label - The label.
 * @csspart control - The select.
 * @csspart field-error - The error message.
 * @cssprop --wy-field-border-color - Border of the control.
 */
export class WySelectField extends WyFieldBase {
  static override lightInForm = true;
  protected renderControl(): TemplateResult {
    const selected = indexOf(this.options, this.value);
    return html`<select
      part="control"
      id=${this.ids.control}
      ?required=${this.required}
      ?disabled=${this.isDisabled}
      aria-invalid=${this.error ? 'true' : 'false'}
      aria-describedby=${ifDefined(this.describedBy() || undefined)}
      @change=${this.onChange}
      @input=${(e: Event) => e.stopPropagation()}
    >
      <option value="" ?selected=${selected < 0}>${this.placeholder || msg(this.lang_, 'choose')}</option>
      ${this.options.map((o, i) => html`<option value=${String(i)} ?selected=${i === selected}>${o.label}</option>`)}
    </select>`;
  }

  protected override formValue(): string | null {
    return this.isEmpty() ? null : typeof this.value === 'string' ? this.value : JSON.stringify(this.value);
  }

  private onChange(e: Event): void {
    e.stopPropagation();
    const i = (e.target as HTMLSelectElement).value;
    this.setFromUser(i === '' ? undefined : this.options[Number(i)]?.value, true);
  }
}

/**
 * @tag wy-radio-field
 * @summary A group of radio buttons in a fieldset; arrow keys move between options.
 * @fires input - When the user picks an option.
 * @fires change - When the user picks an option.
 * @csspart field - The wrapper.
 * @csspart control - The fieldset.
 * @csspart option - One option.
 * @csspart field-error - The error message.
 */
export class WyRadioField extends WyFieldBase {
  static override lightInForm = true;
  protected override get ownLabel(): boolean {
    return true;
  }
  protected renderControl(): TemplateResult {
    const selected = indexOf(this.options, this.value);
    return html`<fieldset
      part="control"
      class="choices"
      id=${this.ids.control}
      role="radiogroup"
      aria-required=${this.required ? 'true' : 'false'}
      aria-invalid=${this.error ? 'true' : 'false'}
      aria-describedby=${ifDefined(this.describedBy() || undefined)}
      ?disabled=${this.isDisabled}
    >
      <legend part="field-label">${this.label}${this.required ? REQUIRED_MARK : nothing}</legend>
      ${this.options.map(
        (o, i) => html`<label part="option" class="choice"
          ><input
            type="radio"
            name=${this.ids.control}
            .checked=${i === selected}
            @change=${() => this.setFromUser(o.value, true)}
          />${o.label}</label
        >`,
      )}
    </fieldset>`;
  }
}

/**
 * @tag wy-checkbox-field
 * @summary A yes/no checkbox; its value is a boolean.
 * @fires input - When toggled.
 * @fires change - When toggled.
 * @csspart field - The wrapper.
 * @csspart control - The checkbox.
 * @csspart field-label - The label.
 */
export class WyCheckboxField extends WyFieldBase {
  static override lightInForm = true;
  protected override get ownLabel(): boolean {
    return true;
  }
  protected override isEmpty(v: unknown = this.value): boolean {
    // A required checkbox must be ticked (e.g. a confirmation).
    return v !== true;
  }
  protected override formValue(): string | null {
    return this.value === true ? 'on' : null;
  }
  protected override displayValue(): string {
    return msg(this.lang_, this.value === true ? 'yes' : 'no');
  }
  protected override parseRestored(s: string): unknown {
    return s === 'on';
  }
  protected renderControl(): TemplateResult {
    return html`<label class="choice" part="field-label"
      ><input
        part="control"
        id=${this.ids.control}
        type="checkbox"
        .checked=${this.value === true}
        ?required=${this.required}
        ?disabled=${this.isDisabled}
        aria-invalid=${this.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(this.describedBy() || undefined)}
        @change=${(e: Event) => {
          e.stopPropagation();
          this.setFromUser((e.target as HTMLInputElement).checked, true);
        }}
      />${this.label}${this.required ? REQUIRED_MARK : nothing}</label
    >`;
  }
}

/**
 * @tag wy-multi-select-field
 * @summary Several options at once, as a group of checkboxes; its value is an array.
 * @fires input - When an option is toggled.
 * @fires change - When an option is toggled.
 * @csspart field - The wrapper.
 * @csspart control - The fieldset.
 * @csspart option - One option.
 */
export class WyMultiSelectField extends WyFieldBase {
  static override lightInForm = true;
  protected override get ownLabel(): boolean {
    return true;
  }
  protected override parseRestored(s: string): unknown {
    try {
      const v: unknown = JSON.parse(s);
      return Array.isArray(v) ? v : undefined;
    } catch {
      return undefined;
    }
  }
  protected renderControl(): TemplateResult {
    const current = Array.isArray(this.value) ? (this.value as unknown[]) : [];
    return html`<fieldset
      part="control"
      class="choices"
      id=${this.ids.control}
      aria-invalid=${this.error ? 'true' : 'false'}
      aria-describedby=${ifDefined(this.describedBy() || undefined)}
      ?disabled=${this.isDisabled}
    >
      <legend part="field-label">${this.label}${this.required ? REQUIRED_MARK : nothing}</legend>
      ${this.options.map((o) => {
        const on = current.some((c) => deepEqual(c, o.value));
        return html`<label part="option" class="choice"
          ><input
            type="checkbox"
            .checked=${on}
            @change=${(e: Event) => {
              e.stopPropagation();
              const checked = (e.target as HTMLInputElement).checked;
              // Keep the options' order, whatever order they were ticked in.
              const next = this.options.filter((x) => (deepEqual(x.value, o.value) ? checked : current.some((c) => deepEqual(c, x.value)))).map((x) => x.value);
              this.setFromUser(next.length ? next : undefined, true);
            }}
          />${o.label}</label
        >`;
      })}
    </fieldset>`;
  }
}
