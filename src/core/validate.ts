import { validators, schemaIds } from '../generated/validators/index.js';
import { labels } from '../generated/labels.js';
import { validateWith, type ValidateOptions, type ValidationResult } from './errors.js';
import type { GeneratedValidator } from '../generated/validator-types.js';

export { errorPath, formatError, mapErrors, validateWith } from './errors.js';
export type { ValidationError, ValidationResult, ValidateOptions, FieldLabels } from './errors.js';

export { UnknownSchemaError } from './validate-error.js';
import { UnknownSchemaError } from './validate-error.js';


/**
 * Validates `data` against a shipped schema with its precompiled validator (no Ajv, no eval).
 * `schemaId` is the short name (`complaint`) or the schema's `$id`.
 */
export function validate<T = unknown>(schemaId: string, data: unknown, options: ValidateOptions = {}): ValidationResult<T> {
  const name = Object.hasOwn(validators, schemaId) ? schemaId : schemaIds[schemaId];
  const fn = name === undefined ? undefined : validators[name];
  if (!fn) throw new UnknownSchemaError(schemaId, Object.keys(validators));
  return validateWith(fn as GeneratedValidator<T>, labels[name!] ?? {}, data, options);
}
