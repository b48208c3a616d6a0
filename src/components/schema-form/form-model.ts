// What <wy-schema-form> builds from its schema and UI schema: the engine over the value, the
// checked UI schema and the layout. Building needs the UI-schema validator when there is a UI
// schema, JSONLogic when that UI schema has rules, and the shipped vocabularies when the schema
// `$ref`s them (found while building: no walk over the schema before the first render): each
// loads once per page.
import { normalizeSchema } from '../../core/form/normalize.js';
import { FormEngine } from '../../core/form/engine.js';
import { checkUiSchemaWith, loadUiValidator, buildLayout, type Layout, type UiSchema } from '../../core/form/ui.js';
import { loadShippedRefs, hasExternalRefs } from '../../core/form/shipped.js';
import { needsRules, rulesReady } from '../../core/form/rule-support.js';
import { FormSchemaError, type JsonSchema } from '../../core/form/types.js';
import type { GeneratedValidator } from '../../generated/validator-types.js';

/** The UI-schema validator, once a form with a UI schema has loaded it. */
let uiValidator: GeneratedValidator<unknown> | undefined;
/** The shipped vocabularies, once a schema that needs them has loaded them. */
let shippedRefs: Readonly<Record<string, JsonSchema>> | undefined;

export interface FormModelParts {
  readonly engine: FormEngine;
  readonly ui: UiSchema;
  readonly layout: Layout;
}

/**
 * What must load before `buildFormModel` can run for this UI schema; undefined when nothing.
 * (The shipped vocabularies are not among them: see `loadMissingRefs`.)
 */
export function modelPrerequisites(uiSchema: UiSchema | undefined): Promise<void> | undefined {
  const needUi = !uiValidator && uiSchema !== undefined && uiSchema !== null;
  // The rules (JSONLogic) only for a UI schema with rules or notices (a form without never downloads them).
  const needLogic = !rulesReady() && needsRules(uiSchema);
  if (!needUi && !needLogic) return undefined;
  return Promise.all([
    needUi ? loadUiValidator().then((v) => (uiValidator = v)) : undefined,
    needLogic ? import('../../core/form/rules.js') : undefined,
  ]).then(() => undefined);
}

/**
 * When `buildFormModel` failed because a `$ref` names another document and the shipped
 * vocabularies are not loaded yet: loads them (then build again); otherwise undefined. Finding
 * this while building, instead of walking the whole schema for external `$ref`s before every
 * build, keeps that walk off the first render of a self-contained schema.
 */
export function loadMissingRefs(err: unknown): Promise<void> | undefined {
  if (shippedRefs || !(err instanceof FormSchemaError) || err.missingRef === undefined) return undefined;
  return loadShippedRefs().then((refs) => void (shippedRefs = refs));
}

/**
 * Every schema a `$ref` may name, for the validator (made after the first frame): the shipped
 * vocabularies are loaded first when the schema refers to another document anywhere (also where
 * building the form does not look, e.g. inside `not`).
 */
export async function validatorRefs(schema: JsonSchema, refs: Readonly<Record<string, JsonSchema>>): Promise<readonly JsonSchema[]> {
  if (!shippedRefs && hasExternalRefs(schema)) shippedRefs = await loadShippedRefs();
  return Object.values(refsWith(refs));
}

/** Every schema a `$ref` may name: the shipped vocabularies (if loaded) and the host's. */
export function refsWith(refs: Readonly<Record<string, JsonSchema>>): Readonly<Record<string, JsonSchema>> {
  return { ...shippedRefs, ...refs };
}

/**
 * The engine, UI schema and layout (after `modelPrerequisites`); throws a FormSchemaError naming
 * where and why when the schema or UI schema cannot be used.
 */
export function buildFormModel(schema: JsonSchema, uiSchema: UiSchema | undefined, refs: Readonly<Record<string, JsonSchema>>, value: unknown): FormModelParts {
  const model = normalizeSchema(schema, { refs: refsWith(refs) });
  const ui = checkUiSchemaWith(uiSchema, model, uiValidator!);
  return { engine: new FormEngine(model, ui, value), ui, layout: buildLayout(model, ui) };
}
