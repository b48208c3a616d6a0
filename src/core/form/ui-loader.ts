import type { GeneratedValidator } from '../../generated/validator-types.js';
import { loadUiValidatorWith } from './ui.js';

/**
 * The UI schema's own precompiled validator, loaded on demand (a form without a UI schema never
 * needs it), with the error wording `checkUiSchemaWith` uses.
 */
export const loadUiValidator = (): Promise<GeneratedValidator<unknown>> => loadUiValidatorWith(() => import('../errors.js'));
