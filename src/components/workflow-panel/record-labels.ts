// Labels of what a record holds, loaded on demand (only when the instance has entered data or a
// routing to show): each event's field schema (field labels, vocabulary labels of the values)
// and the vocabularies. They carry every shipped vocabulary, so they stay out of the entry.
export { fieldsSchema } from '../../workflow/field-schemas.js';
export { vocabLabel } from '../../core/i18n/vocab-label.js';
