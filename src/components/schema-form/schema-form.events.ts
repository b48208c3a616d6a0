// The events and callback types of <wy-schema-form> (re-exported by schema-form.component.ts).
import type { ValidationError } from '../../core/errors.js';
import type { Locale } from '../../core/i18n/locale.js';
import { WyEvent } from '../shared/events.js';

/** A field-level async check: resolves to an error message, or undefined when fine. */
export type AsyncValidator = (value: unknown, context: { signal: AbortSignal; data: unknown; locale: Locale }) => Promise<string | undefined>;

/** `wy-change` from a form: the whole value and the JSON pointer that changed. */
export type FormChangeDetail = { readonly value: unknown; readonly path: string };

export class WySubmitEvent extends WyEvent<{ readonly value: unknown }> {
  constructor(value: unknown) {
    super('wy-submit', { value }, { cancelable: true });
  }
}
export class WyInvalidEvent extends WyEvent<{ readonly errors: readonly ValidationError[] }> {
  constructor(errors: readonly ValidationError[]) {
    super('wy-invalid', { errors });
  }
}
export class WyErrorEvent extends WyEvent<{ readonly error: Error }> {
  constructor(error: Error) {
    super('wy-error', { error });
  }
}

/** Any thrown value as an Error. */
export const asError = (err: unknown): Error => (err instanceof Error ? err : new Error(String(err)));

declare global {
  interface GlobalEventHandlersEventMap {
    'wy-submit': WySubmitEvent;
    'wy-invalid': WyInvalidEvent;
    'wy-error': WyErrorEvent;
  }
}
