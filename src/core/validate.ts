import { validators, schemaIds } from '../generated/validators/index.js';
import { labels } from '../generated/labels.js';
import { DEFAULT_LOCALE } from './i18n/locale.js';
import { mapErrors, type ValidateOptions, type ValidationResult } from './errors.js';

export { errorPath, formatError, mapErrors } from './errors.js';
export type { ValidationError, ValidationResult, ValidateOptions } from './errors.js';

/** Thrown for a schema id that has no shipped validator: a programming error, not bad data. */
export class UnknownSchemaError extends Error {
  override readonly name = 'UnknownSchemaError';
  constructor(readonly schemaId: string) {
    super(`No precompiled validator for schema "${schemaId}". Known: ${Object.keys(validators).join(', ')}.`);
  }
}

/**
 * Validates `data` against a shipped schema with its precompiled validator (no Ajv, no eval).
 * `schemaId` is the short name (`complaint`) or the schema's `$id`.
 */
export function validate<T = unknown>(schemaId: string, data: unknown, options: ValidateOptions = {}): ValidationResult<T> {
  const name = Object.hasOwn(validators, schemaId) ? schemaId : schemaIds[schemaId];
  const fn = name === undefined ? undefined : validators[name];
  if (!fn) throw new UnknownSchemaError(schemaId);
  const valid = fn(data);
  if (valid) return { valid: true, errors: [], data: data as T };
  const locale = options.locale ?? DEFAULT_LOCALE;
  const own = labels[name!] ?? {};
  const labelOf = options.labelOf ?? ((path: string) => own[path.replace(/\/\d+(?=\/|$)/g, '/*')]?.[locale]);
  return { valid: false, errors: mapErrors(fn.errors, { locale, labelOf }) };
}
