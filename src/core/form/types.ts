import type { Localized } from '../i18n/locale.js';

/** A JSON Schema (draft-07) node as the form engine reads it: loose on purpose, checked at run time. */
export interface JsonSchema {
  $id?: string;
  $ref?: string;
  $schema?: string;
  type?: string | string[];
  title?: string;
  description?: string;
  default?: unknown;
  enum?: readonly unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  items?: JsonSchema | JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  dependencies?: Record<string, string[] | JsonSchema>;
  definitions?: Record<string, JsonSchema>;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  not?: JsonSchema;
  if?: JsonSchema;
  then?: JsonSchema;
  else?: JsonSchema;
  readOnly?: boolean;
  'x-label'?: Localized;
  'x-labels'?: Record<string, Localized>;
  'x-help'?: Localized;
  'x-placeholder'?: Localized;
  [key: string]: unknown;
}

/** Text a configurator may give in both languages or, in a quick custom schema, as one string. */
export type Text = Localized | string;

export interface FieldOption {
  readonly value: unknown;
  readonly label: Text;
}

export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

/** A condition under which a conditional field exists or is required. */
export type Condition =
  /** `if` schema evaluated against the parent object (negated for `else`). */
  | { readonly kind: 'schema'; readonly schema: JsonSchema; readonly negate: boolean }
  /** `dependencies`: the named sibling has a value. */
  | { readonly kind: 'present'; readonly key: string };

/**
 * One field of the normalised form model. `path` is a JSON pointer template: array items are
 * `*` (`/attachments/*\/name`); concrete pointers replace `*` by the index.
 */
export interface FormField {
  readonly path: string;
  readonly key: string;
  readonly type: FieldType;
  readonly schema: JsonSchema;
  readonly label: Text;
  readonly help?: Text | undefined;
  readonly placeholder?: Text | undefined;
  /** Required by its parent's `required` list unconditionally. */
  readonly required: boolean;
  /** Conditions (any of which) make it required. */
  readonly requiredWhen: readonly Condition[];
  /** Present only under these conditions (any of which); empty = always present. */
  readonly presentWhen: readonly Condition[];
  readonly options?: readonly FieldOption[] | undefined;
  /** An array of enum values: a multi-select. */
  readonly multiple: boolean;
  readonly format?: string | undefined;
  readonly children?: readonly FormField[] | undefined;
  readonly item?: FormField | undefined;
  readonly default?: unknown;
  readonly readOnly: boolean;
}

/** The normalised schema: fields by template path plus the root. */
export interface FormModel {
  readonly root: FormField;
  readonly byPath: ReadonlyMap<string, FormField>;
  readonly schema: JsonSchema;
  readonly id: string | undefined;
}

/** Thrown (and shown by the element) for a schema or UI schema the engine cannot use. */
export class FormSchemaError extends Error {
  override readonly name = 'FormSchemaError';
  constructor(
    /** Which document: `schema` or `uiSchema`. */
    readonly source: 'schema' | 'uiSchema',
    /** JSON pointer inside the schema or UI schema. */
    readonly pointer: string,
    readonly reason: string,
    /**
     * The `$id` of another document a `$ref` names that was not given, when that is the problem
     * (a form then loads the shipped vocabularies, if not yet loaded, and builds again).
     */
    readonly missingRef?: string,
  ) {
    super(`${source} at ${pointer || '/'}: ${reason}`);
  }
}
