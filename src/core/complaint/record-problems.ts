// The complete complaint record against the shipped complaint validator, as messages naming the
// field, in the user's language. Its own module: it carries the validation messages, which a
// complaint form needs only when the user submits. Pure.
import type { GeneratedValidator } from '../../generated/validator-types.js';
import { mapErrors } from '../errors.js';
import { pick, type Locale } from '../i18n/locale.js';
import type { JsonSchema } from '../form/types.js';

/** The complete record against the shipped complaint validator: one message per problem, naming the field (empty when valid). */
export function recordProblems(validate: GeneratedValidator<unknown>, schema: JsonSchema, record: unknown, locale: Locale): string[] {
  if (validate(record)) return [];
  const props = schema.properties ?? {};
  return mapErrors(validate.errors, {
    locale,
    labelOf: (path) => pick(props[path.split('/')[1] ?? '']?.['x-label'], locale),
  }).map((e) => e.message);
}
