import { validateUi } from '../../generated/validators/ui.js';
import type { GeneratedValidator } from '../../generated/validator-types.js';
import { checkUiSchemaWith, type UiSchema } from './ui.js';
import { mapErrors } from '../errors.js';
import type { FormModel } from './types.js';

/**
 * Checks a UI schema against its meta-schema (precompiled) and against the data schema: every
 * pointer must name a field. Throws `FormSchemaError` with the pointer inside the UI schema.
 */
export function checkUiSchema(ui: unknown, model: FormModel): UiSchema {
  return checkUiSchemaWith(ui, model, validateUi as GeneratedValidator<unknown>, (errors) => mapErrors(errors, { locale: 'en' })[0]!);
}
