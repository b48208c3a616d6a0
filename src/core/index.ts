// wuye-kit/core: pure functions over plain data. No DOM, no Lit; runs in Node and browsers.
export { validate, formatError, mapErrors, errorPath, UnknownSchemaError } from './validate.js';
export type { ValidationError, ValidationResult, ValidateOptions } from './validate.js';
export { LOCALES, DEFAULT_LOCALE, matchLocale, pick } from './i18n/locale.js';
export type { Locale, Localized } from './i18n/locale.js';
export { format, catalog } from './i18n/catalog.js';
export { vocabLabel, vocabOptions } from './i18n/vocab-label.js';
export { toCsv, csvCell } from './export/csv.js';
export type { CsvTable, CsvCell, CsvOptions } from './export/csv.js';
export { vocab } from '../generated/vocab.js';
export type { VocabName } from '../generated/vocab.js';
export type * from '../generated/types/complaint.js';
