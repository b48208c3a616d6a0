// Where <wy-schema-form>'s validator comes from, loaded on first use (after the first frame):
// the validation module itself, then a given precompiled validator, a shipped schema's
// precompiled one, or the run-time schema interpreted (no code generation).
import type { RawValidator } from '../../core/form/validation.js';
import type * as ValidationApi from '../../core/form/validation.js';
import type * as ShippedValidators from '../../core/form/shipped-validators.js';
import type { JsonSchema } from '../../core/form/types.js';
import type { GeneratedValidator } from '../../generated/validator-types.js';
import { SHIPPED_ID_BASE } from '../../core/form/shipped.js';
import { asError } from './schema-form.events.js';

export type ValidationModule = typeof ValidationApi;

let validation: ValidationModule | undefined;
let validationLoad: Promise<ValidationModule> | undefined;

/** The validation module (interpreter, error mapping, shipped validators' index), shared page-wide. */
export const loadValidation = (): Promise<ValidationModule> => (validationLoad ??= import('./lazy/validation.js').then((m) => (validation = m)));

/** The validation module once loaded, else undefined (synchronous paths use it only then). */
export const validationModule = (): ValidationModule | undefined => validation;

let shippedIndex: Promise<typeof ShippedValidators> | undefined;
/** The shipped validators' index (every shipped `$id`), loaded once page-wide for the first schema in the kit's namespace. */
const loadShippedIndex = () => (shippedIndex ??= import('../../core/form/shipped-validators.js'));

export type PrecompiledLoader = () => Promise<GeneratedValidator<unknown> | { readonly default: GeneratedValidator<unknown> }>;

/** What the validator is made from, read when it is first needed. */
export interface ValidatorSource {
  readonly schema: JsonSchema | undefined;
  /** Every schema a `$ref` may point to (shipped vocabularies and the host's `refs`), asked only for a run-time schema. */
  readonly refs: (schema: JsonSchema) => Promise<readonly JsonSchema[]>;
  readonly precompiled: GeneratedValidator<unknown> | undefined;
  readonly loadPrecompiled: PrecompiledLoader | undefined;
}

export interface ValidatorLoaderHooks {
  /** The current source (the form's properties). */
  source(): ValidatorSource;
  /** The validator is being made or loaded (true), or that ended (false). */
  pending(busy: boolean): void;
  /** The validator for the current schema cannot be made. */
  failed(error: Error): void;
}

/** One form's validator: made once per schema, on first use. */
export class ValidatorLoader {
  /** The validator, once made for the current schema. */
  validator?: RawValidator;
  private promise?: Promise<RawValidator>;

  constructor(private readonly hooks: ValidatorLoaderHooks) {}

  /** Forgets the validator (the schema, refs or precompiled validator changed). */
  reset(): void {
    this.validator = undefined;
    this.promise = undefined;
  }

  /** The validator, made or loaded if needed; rejects when it cannot be made. */
  ensure(): Promise<RawValidator> {
    if (this.validator) return Promise.resolve(this.validator);
    if (this.promise) return this.promise;
    const { schema, refs, precompiled, loadPrecompiled } = this.hooks.source();
    if (!schema) return Promise.reject(new Error('no schema'));
    this.hooks.pending(true);
    const current = () => this.hooks.source().schema === schema;
    // Side by side: the validation code, a given precompiled validator, else the index of shipped
    // validators (only for an `$id` in the kit's namespace) or the schemas `$ref`s may name.
    const own = !precompiled && !loadPrecompiled;
    const shippedId = own && typeof schema.$id === 'string' && schema.$id.startsWith(SHIPPED_ID_BASE);
    this.promise = Promise.all([
      loadValidation(),
      precompiled ?? loadPrecompiled?.(),
      shippedId ? loadShippedIndex() : undefined,
      own && !shippedId ? refs(schema) : undefined,
    ])
      .then(async ([m, loaded, index, refSchemas]): Promise<RawValidator> => {
        const pre = loaded && 'default' in loaded ? loaded.default : loaded;
        if (pre) return (data: unknown) => (pre(data) ? [] : (pre.errors ?? []));
        const shipped = await index?.shippedValidator(schema);
        if (shipped) return shipped;
        return m.interpretAtRuntime(schema, refSchemas ?? (await refs(schema)));
      })
      .then((v) => {
        if (current()) this.validator = v;
        return v;
      })
      .catch((err: unknown) => {
        const error = asError(err);
        if (current()) this.hooks.failed(error);
        throw error;
      })
      .finally(() => this.hooks.pending(false));
    return this.promise;
  }
}
