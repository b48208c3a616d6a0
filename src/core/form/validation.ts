import type { GeneratedError } from '../../generated/validator-types.js';
import { mapErrors, formatError, type ValidationError } from '../errors.js';
import type { Locale } from '../i18n/locale.js';
import { pick } from '../i18n/locale.js';
import { getAt, templateOf, joinPointer } from './pointer.js';
import { interpretSchema } from './interpreter.js';
import type { FormEngine } from './engine.js';
import type { JsonSchema, Text } from './types.js';

/** Validates a whole value; returns raw Ajv-shaped errors. */
export type RawValidator = (data: unknown) => readonly GeneratedError[];

/** Raised when a schema given at run time cannot be used for validation (an unresolvable `$ref`, a bad pattern). */
export class RuntimeCompileError extends Error {
  override readonly name = 'RuntimeCompileError';
}

/**
 * The validator of a schema given at run time (a configurator's edit, a schema fetched by a
 * low-code host): interpreted (src/core/form/interpreter.ts), so nothing is compiled, nothing is
 * downloaded, and it works under a Content-Security-Policy without 'unsafe-eval'. Its errors
 * have the precompiled validators' shape, so messages are the same on both paths.
 */
export function interpretAtRuntime(schema: JsonSchema, refs: readonly JsonSchema[] = []): RawValidator {
  try {
    return interpretSchema(schema, { refs });
  } catch (err) {
    throw new RuntimeCompileError(`This schema cannot be used for validation: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** @deprecated The name of the former Ajv path; the same as `interpretAtRuntime` (no compilation happens). */
export async function compileAtRuntime(schema: JsonSchema, refs: readonly JsonSchema[] = []): Promise<RawValidator> {
  return interpretAtRuntime(schema, refs);
}

/**
 * Validates the form: schema errors (only on fields shown right now) plus the fields that UI
 * rules made required and are empty. Messages carry the field's translated label.
 */
export function validateForm(
  engine: FormEngine,
  validator: RawValidator,
  locale: Locale,
  labelOverride: (templatePath: string) => Text | undefined = () => undefined,
): ValidationError[] {
  const value = engine.submittableValue();
  // A nested field is named with its parents (`投诉人·联系电话`), as validate() does.
  const labelOf = (path: string): string | undefined => {
    const t = templateOf(path);
    const parts: string[] = [];
    for (let p = t; p; p = p.slice(0, p.lastIndexOf('/'))) {
      if (p.endsWith('/*')) continue;
      const label = pick(labelOverride(p) ?? engine.model.byPath.get(p)?.label, locale);
      if (label) parts.unshift(label);
    }
    return parts.length ? parts.join(locale === 'en' ? ' · ' : '·') : undefined;
  };
  const errors = mapErrors(validator(value), { locale, labelOf })
    .filter((e) => !engine.isHidden(e.path))
    .flatMap((e) => expandMissingObject(engine, e, locale, labelOf));
  // Required by a UI rule or a schema condition the validator cannot see (UI rules are ours).
  const seen = new Set(errors.map((e) => e.path));
  const check = (pointer: string) => {
    const state = engine.stateOf(pointer);
    if (!state.required || !state.visible || seen.has(pointer) || engine.isHidden(pointer)) return;
    const v = getAt(value, pointer);
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) {
      errors.push({ path: pointer, keyword: 'required', message: formatError({ keyword: 'required', params: {} }, locale, labelOf(pointer)), params: {} });
    }
  };
  for (const r of engine.rules) if (r.effect === 'require') r.targets.forEach(check);
  return errors;
}

/**
 * A missing required object (`/complainant`) is not something the user can fill as such: its
 * fields are. Report its required fields instead, so each error sits on a control.
 */
function expandMissingObject(engine: FormEngine, e: ValidationError, locale: Locale, labelOf: (p: string) => string | undefined): ValidationError[] {
  if (e.keyword !== 'required') return [e];
  const field = engine.fieldAt(e.path);
  const required = field?.type === 'object' ? (field.children ?? []).filter((c) => c.required) : [];
  if (!required.length) return [e];
  return required.flatMap((c) => expandMissingObject(engine, { ...e, path: joinPointer(e.path, c.key), message: '' }, locale, labelOf)).map((x) => ({
    ...x,
    message: x.message || formatError({ keyword: 'required', params: {} }, locale, labelOf(x.path)),
  }));
}
