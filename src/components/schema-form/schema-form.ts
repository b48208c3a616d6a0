import { WySchemaForm } from './schema-form.component.js';
import { WyTextField, WyPhoneField, WyNumberField, WyDateField, WyDateTimeField, WyTextareaField } from './fields/text-fields.js';
import { WySelectField, WyRadioField, WyCheckboxField, WyMultiSelectField } from './fields/choice-fields.js';
import type { WyObjectField, WyArrayField } from './fields/group-fields.js';
import type { WyFileField } from './fields/file-field.js';
import { registerLazyWidget } from './registry.js';

export * from './schema-form.component.js';
export * from './fields/text-fields.js';
export * from './fields/choice-fields.js';
// Object, array and attachment fields load when a form first shows one (import their classes
// from `wuye-kit` when you need them as values).
export type { WyObjectField, WyArrayField } from './fields/group-fields.js';
export type { WyFileField, AttachmentRef } from './fields/file-field.js';
export { WyFieldBase } from './fields/field-base.js';
export { registerWidget, pickWidget } from './registry.js';
export type { WidgetTester } from './registry.js';
export { localStorageDrafts, clearDrafts, isDraftExpired, DEFAULT_DRAFT_MAX_AGE_DAYS } from './drafts.js';
export type { Draft, DraftStore } from './drafts.js';
export type { Uploader } from './form-host.js';

const tags = {
  'wy-schema-form': WySchemaForm,
  'wy-text-field': WyTextField,
  'wy-phone-field': WyPhoneField,
  'wy-number-field': WyNumberField,
  'wy-date-field': WyDateField,
  'wy-datetime-field': WyDateTimeField,
  'wy-textarea-field': WyTextareaField,
  'wy-select-field': WySelectField,
  'wy-radio-field': WyRadioField,
  'wy-checkbox-field': WyCheckboxField,
  'wy-multi-select-field': WyMultiSelectField,
};
const define = (tag: string, ctor: CustomElementConstructor) => customElements.get(tag) ?? customElements.define(tag, ctor);
for (const [tag, ctor] of Object.entries(tags)) define(tag, ctor);
const groups = () =>
  import('./lazy/group-fields.js').then((m) => {
    define('wy-object-field', m.WyObjectField);
    define('wy-array-field', m.WyArrayField);
  });
registerLazyWidget('wy-object-field', groups);
registerLazyWidget('wy-array-field', groups);
// The error summary shows with the first problem: its element loads then.
registerLazyWidget('wy-error-summary', () => import('./lazy/error-summary.js'));
registerLazyWidget('wy-file-field', () => import('./lazy/file-field.js').then((m) => define('wy-file-field', m.WyFileField)));

declare global {
  interface HTMLElementTagNameMap {
    'wy-schema-form': WySchemaForm;
    'wy-text-field': WyTextField;
    'wy-phone-field': WyPhoneField;
    'wy-number-field': WyNumberField;
    'wy-date-field': WyDateField;
    'wy-datetime-field': WyDateTimeField;
    'wy-textarea-field': WyTextareaField;
    'wy-select-field': WySelectField;
    'wy-radio-field': WyRadioField;
    'wy-checkbox-field': WyCheckboxField;
    'wy-multi-select-field': WyMultiSelectField;
    'wy-object-field': WyObjectField;
    'wy-array-field': WyArrayField;
    'wy-file-field': WyFileField;
  }
}
