// wuye-kit/core: pure functions over plain data. No DOM, no Lit; runs in Node and browsers.
export { validate, UnknownSchemaError } from './validate.js';
export { formatError, mapErrors, errorPath } from './errors.js';
export type { ValidationError, ValidationResult, ValidateOptions } from './errors.js';
export { LOCALES, DEFAULT_LOCALE, matchLocale, pick } from './i18n/locale.js';
export type { Locale, Localized } from './i18n/locale.js';
export { format, catalog } from './i18n/catalog.js';
export { vocabLabel, vocabOptions } from './i18n/vocab-label.js';
export { toCsv, csvCell } from './export/csv.js';
export type { CsvTable, CsvCell, CsvOptions } from './export/csv.js';
export { vocab } from '../generated/vocab.js';
export type { VocabName } from '../generated/vocab.js';
export type * from '../generated/types/complaint.js';

// The schema-form engine.
export {
  normalizeSchema,
  FormEngine,
  checkUiSchema,
  buildLayout,
  validateForm,
  shippedValidator,
  isShipped,
  compileAtRuntime,
  interpretAtRuntime,
  interpretSchema,
  RuntimeCompileError,
  FormSchemaError,
  loadShippedRefs,
  hasExternalRefs,
  matches as schemaMatches,
} from './form/index.js';
export type { JsonSchema, FormField, FormModel, FieldOption, UiSchema, UiField, UiGroup, UiStep, UiRule, UiNotice, UiDocument, FieldState, ActiveNotice, RawValidator } from './form/index.js';

// The business calendar (working hours, statutory holidays, 调休 makeup days).
export { createCalendar, continuousCalendar, CalendarDataError, parseDuration, durationMs, DurationError } from './calendar/index.js';
export type { BusinessCalendar, CalendarData, CalendarInput, DayInfo, DayReason, Instant, Duration } from './calendar/index.js';

// Defects: status transitions and who may make them, problem lists, inspection summaries.
export * from './defects/index.js';

// Complaint deductions (投诉扣分): rule sets as data, every point explained.
export * from './deductions/index.js';

// Complaint intake: routing (各类投诉的负责单位), first receiver, record numbers.
export * from './complaint/index.js';
export type { ServiceRecord } from '../generated/types/service-record.js';
export type { EmergencyRecord } from '../generated/types/emergency-record.js';

// The complaint classification statistics (顾客投诉分类统计表): aggregation, comparison, exports.
export * from './stats/index.js';

// The time kernel: instants, and dates read in Asia/Shanghai wherever the kit shows or counts them.
export { epochMs, toEpochMs, shanghaiDate, isoShanghai, isoAtOffset, SHANGHAI_TIME_ZONE, SHANGHAI_OFFSET_MINUTES } from './kernel/time.js';

// Provenance: which shipped facts are the manual's (x-source) and which are defaults (x-default).
export { factsOf, shapeOf, provenanceOf, provenanceSummary, withoutProvenance } from './provenance.js';
export type { Fact, Provenance, ConfigShape } from './provenance.js';
