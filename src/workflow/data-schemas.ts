import { validateWith, type FieldLabels, type ValidationResult } from '../core/errors.js';
import { UnknownSchemaError } from '../core/validate-error.js';
import type { Locale } from '../core/i18n/locale.js';
import type { GeneratedValidator } from '../generated/validator-types.js';
import { loadValidatorByName } from '../generated/validators/lazy.js';
import validateComplaint from '../generated/validators/complaint.js';
import complaintLabels from '../generated/labels/complaint.js';

/**
 * The data schemas instance data is checked against (a definition's `dataSchema`). The runtime
 * carries only what the built-in definitions use (the complaint record); any other shipped
 * schema is loaded on demand by the engine (`ensureDataSchema`), and a host may register its own
 * precompiled validator (`registerDataSchema`, e.g. one made with `npx wuye-kit compile`).
 */
const registry = new Map<string, { readonly validator: GeneratedValidator<unknown>; readonly labels: FieldLabels }>([
  ['complaint', { validator: validateComplaint as GeneratedValidator<unknown>, labels: complaintLabels }],
]);

/** Makes `name` usable as a definition's `dataSchema`. */
export function registerDataSchema(name: string, validator: GeneratedValidator<unknown>, labels: FieldLabels = {}): void {
  registry.set(name, { validator, labels });
}

/** Whether `name` can be used now, or can be loaded (a shipped schema). */
export function knownDataSchema(name: string): boolean {
  return registry.has(name) || Object.hasOwn(loadValidatorByName, name);
}

/** Loads a shipped schema's validator and labels when `name` is not registered yet. */
export async function ensureDataSchema(name: string | undefined): Promise<void> {
  if (!name || registry.has(name)) return;
  const load = loadValidatorByName[name];
  if (!load) throw new UnknownSchemaError(name);
  const { validator, labels } = await load();
  registry.set(name, { validator, labels });
}

/** Validates instance data; throws UnknownSchemaError for a schema neither registered nor loaded. */
export function validateData(name: string, data: unknown, locale: Locale): ValidationResult {
  const entry = registry.get(name);
  if (!entry) throw new UnknownSchemaError(name);
  return validateWith(entry.validator, entry.labels, data, { locale });
}
