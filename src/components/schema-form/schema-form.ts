// The elements this one renders inside itself.
import '../error-summary/error-summary.js';
import { WySchemaForm } from './schema-form.component.js';
import { WyTextField, WyPhoneField, WyNumberField, WyDateField, WyDateTimeField, WyTextareaField } from './fields/text-fields.js';
import { WySelectField, WyRadioField, WyCheckboxField, WyMultiSelectField } from './fields/choice-fields.js';
import { WyObjectField, WyArrayField } from './fields/group-fields.js';
import { WyFileField } from './fields/file-field.js';

export * from './schema-form.component.js';
export * from './fields/text-fields.js';
export * from './fields/choice-fields.js';
export * from './fields/group-fields.js';
export * from './fields/file-field.js';
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
  'wy-object-field': WyObjectField,
  'wy-array-field': WyArrayField,
  'wy-file-field': WyFileField,
};
for (const [tag, ctor] of Object.entries(tags)) if (!customElements.get(tag)) customElements.define(tag, ctor);

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
