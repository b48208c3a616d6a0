// How <wy-schema-form> draws its fields: each field as the element the widget registry picks,
// given its properties through one binding, and groups of fields as fieldsets. Pure functions of
// the engine's state and a few display settings (no element state).
import { noChange, nothing, type TemplateResult } from 'lit';
import { html, unsafeStatic } from 'lit/static-html.js';
import { Directive, directive, type ElementPart } from 'lit/directive.js';
import type { FormEngine } from '../../core/form/engine.js';
import type { UiGroup, UiSchema } from '../../core/form/ui.js';
import { getAt } from '../../core/form/pointer.js';
import type { Text } from '../../core/form/types.js';
import { pick, type Locale } from '../../core/i18n/locale.js';
import { pickWidget, ensureWidget } from './registry.js';
import { fieldProps } from './field-props.js';

/** What drawing a field reads. */
export interface FieldViewContext {
  readonly engine: FormEngine;
  readonly ui: UiSchema;
  readonly locale: Locale;
  readonly disabled: boolean;
  readonly readonly: boolean;
  /** The error message shown on the field at a pointer now ('' = none). */
  errorAt(pointer: string): string;
  /** A field's element is being defined on demand (updateComplete waits for it). */
  loading(p: Promise<unknown>): void;
}

const text = (t: Text | undefined, l: Locale): string => pick(t, l) ?? '';

/**
 * A group's column count as its `--_cols` custom property, written through CSSOM (which a CSP
 * without 'unsafe-inline' styles still allows; lit's styleMap does the same in four times the bytes).
 */
class ColumnsDirective extends Directive {
  private last?: number;
  render(_columns: number): unknown {
    return noChange;
  }
  override update(part: ElementPart, [columns]: [number]): unknown {
    if (columns !== this.last) (part.element as HTMLElement).style.setProperty('--_cols', String((this.last = columns)));
    return noChange;
  }
}
const columnsOf = directive(ColumnsDirective);

/** The field at a concrete pointer, or nothing (no such field, or a hidden widget). */
export function fieldView(ctx: FieldViewContext, pointer: string): TemplateResult {
  const { engine, locale } = ctx;
  const field = engine.fieldAt(pointer);
  if (!field) return html``;
  const ui = ctx.ui.fields?.[field.path];
  if (ui?.widget === 'hidden') return html``;
  const st = engine.stateOf(pointer);
  const tagName = pickWidget(field, ui);
  const loading = ensureWidget(tagName);
  if (loading) ctx.loading(loading);
  const tag = unsafeStatic(tagName);
  // An object inside a list is already named by its item bar ("联系人 1").
  const label = field.key === '*' && field.type === 'object' ? '' : text(ui?.label ?? field.label, locale);
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
        help: text(ui?.help ?? field.help, locale),
        placeholder: text(ui?.placeholder ?? field.placeholder, locale),
        options,
        required: st.required,
        disabled: !st.enabled || ctx.disabled,
        readonly: ctx.readonly,
        error: ctx.errorAt(pointer),
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

/** A group of fields: a fieldset with its legend, description and a grid of `columns`. */
export function groupView(ctx: FieldViewContext, g: UiGroup): TemplateResult {
  const cols = g.columns ?? ctx.ui.columns ?? 1;
  return html`<fieldset part="group" class="group" ${columnsOf(cols)}>
    ${g.title ? html`<legend part="group-title">${text(g.title, ctx.locale)}</legend>` : nothing}
    ${g.description ? html`<p class="group-description">${text(g.description, ctx.locale)}</p>` : nothing}
    <div class="grid">${g.fields.map((p) => fieldView(ctx, p))}</div>
  </fieldset>`;
}
