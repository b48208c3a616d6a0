// Event fields: each transition's `fields` names a definition in schemas/workflow-events.schema.json.
// Payloads are checked with that schema's precompiled validator (CSP-safe, no Ajv at run time)
// by validating `{ [name]: payload }`; field-schemas.ts gives forms the definition, $refs inlined.
import { validateWith, type ValidationError } from '../core/errors.js';
import validateWorkflowEvents from '../generated/validators/workflow-events.js';
import workflowEventsLabels from '../generated/labels/workflow-events.js';
import type { Locale } from '../core/i18n/locale.js';
import { escapeKey } from '../core/kernel/pointer.js';

export { fieldNames, hasFields, fieldsSchema } from './field-schemas.js';

/** Validates an event payload against its field definition; paths are relative to the payload. */
export function validateFields(name: string, payload: unknown, locale: Locale = 'zh-CN'): { valid: boolean; errors: ValidationError[] } {
  const prefix = `/${escapeKey(name)}`;
  const r = validateWith(validateWorkflowEvents, workflowEventsLabels, { [name]: payload }, { locale });
  if (r.valid) return { valid: true, errors: [] };
  return {
    valid: false,
    errors: r.errors.map((e) => ({ ...e, path: e.path.startsWith(prefix) ? e.path.slice(prefix.length) : e.path })),
  };
}
