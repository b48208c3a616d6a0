// Validation errors as wuye-kit reports them: a path, a keyword, a message in zh-CN or en.
import type { GeneratedError, GeneratedValidator } from '../generated/validator-types.js';
import { DEFAULT_LOCALE, type Locale } from './i18n/locale.js';
import { joinPointer } from './kernel/pointer.js';
import { validationMessages, type ValidationMessageKey } from './i18n/validation-messages.js';

/** One validation problem, addressed by the JSON pointer of the field it belongs to. */
export interface ValidationError {
  /** JSON pointer of the offending field (`/complainant/phone`); for `required`, the missing field. */
  readonly path: string;
  /** The JSON Schema keyword that failed (`required`, `pattern`, `enum`, …). */
  readonly keyword: string;
  /** A sentence in the requested locale. */
  readonly message: string;
  /** The keyword's parameters (limit, allowed values, …), for hosts that word their own messages. */
  readonly params: Readonly<Record<string, unknown>>;
}

export interface ValidationResult<T = unknown> {
  readonly valid: boolean;
  readonly errors: readonly ValidationError[];
  /** The data, typed, when valid. */
  readonly data?: T;
}

export interface ValidateOptions {
  /** Message language; default zh-CN. */
  readonly locale?: Locale;
  /**
   * Label of the field at a path, used in messages (`联系电话的格式不正确`). Default: the
   * schema's own `x-label` for that path in the requested locale.
   */
  readonly labelOf?: (path: string) => string | undefined;
}

/** The field an Ajv error is about: for `required`/`dependencies` the missing property. */
export function errorPath(e: GeneratedError): string {
  const p = e.params;
  if ((e.keyword === 'required' || e.keyword === 'dependencies') && typeof p['missingProperty'] === 'string') {
    return joinPointer(e.instancePath, p['missingProperty']);
  }
  if (e.keyword === 'additionalProperties' && typeof p['additionalProperty'] === 'string') {
    return joinPointer(e.instancePath, p['additionalProperty']);
  }
  return e.instancePath;
}

/** Words one error in `locale`; `label` is the field's translated label if known. */
export function formatError(e: Pick<GeneratedError, 'keyword' | 'params'>, locale: Locale = DEFAULT_LOCALE, label?: string): string {
  const catalog = validationMessages[locale];
  let key = (e.keyword in catalog ? e.keyword : 'unknown') as ValidationMessageKey;
  if (e.keyword === 'minLength' && e.params['limit'] === 1) key = 'minLength.one';
  const params: Record<string, unknown> = { ...e.params, label: label ?? catalog.field };
  if (e.keyword === 'type') {
    const t = String(e.params['type']).split(',')[0];
    params['type'] = catalog[`type.${t}` as ValidationMessageKey] ?? t;
  }
  if (e.keyword === 'format') {
    const f = String(e.params['format']);
    params['format'] = catalog[`format.${f}` as ValidationMessageKey] ?? f;
  }
  return catalog[key].replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Turns raw Ajv errors into ours; drops the `if` wrapper errors Ajv adds beside the real ones. */
export function mapErrors(raw: readonly GeneratedError[] | null | undefined, options: ValidateOptions = {}): ValidationError[] {
  if (!raw) return [];
  const locale = options.locale ?? DEFAULT_LOCALE;
  const out: ValidationError[] = [];
  const seen = new Set<string>();
  for (const e of raw) {
    if (e.keyword === 'if') continue;
    const path = errorPath(e);
    const key = `${path}\u0000${e.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path, keyword: e.keyword, message: formatError(e, locale, options.labelOf?.(path)), params: e.params });
  }
  return out;
}


/** Field labels by JSON pointer (array items `*`), as `src/generated/labels/<schema>.ts` holds them. */
export type FieldLabels = Readonly<Record<string, { readonly 'zh-CN': string; readonly en: string }>>;

/**
 * Validates `data` with one precompiled validator and words its errors with that schema's field
 * labels. Code that checks one schema imports just that schema's validator and labels through
 * this, instead of `validate()`, which carries every shipped schema.
 */
export function validateWith<T = unknown>(fn: GeneratedValidator<T>, labels: FieldLabels, data: unknown, options: ValidateOptions = {}): ValidationResult<T> {
  if (fn(data)) return { valid: true, errors: [], data: data as T };
  const locale = options.locale ?? DEFAULT_LOCALE;
  const labelOf = options.labelOf ?? ((path: string) => labels[path.replace(/\/\d+(?=\/|$)/g, '/*')]?.[locale]);
  return { valid: false, errors: mapErrors(fn.errors, { locale, labelOf }) };
}

