// The shipped schemas' precompiled validators, by `$id`. A module of its own: the index of every
// shipped `$id` loads only for a schema in the kit's namespace (see SHIPPED_ID_BASE), so a form
// over a schema of the host's own does not download it with its validation code.
import { loadValidator } from '../../generated/validators/lazy.js';
import type { JsonSchema } from './types.js';
import type { RawValidator } from './validation.js';

/** Whether a schema is shipped (has a precompiled validator). */
export function isShipped(schema: JsonSchema): boolean {
  return typeof schema.$id === 'string' && Object.hasOwn(loadValidator, schema.$id);
}

/**
 * The precompiled validator of a shipped schema, by `$id`, loaded on demand (each schema's
 * validator is its own module); undefined for a custom schema.
 */
export async function shippedValidator(schema: JsonSchema): Promise<RawValidator | undefined> {
  if (!isShipped(schema)) return undefined;
  const fn = await loadValidator[schema.$id!]!();
  return (data) => (fn(data) ? [] : (fn.errors ?? []));
}
