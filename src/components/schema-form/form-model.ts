// What <wy-schema-form> builds from its schema and UI schema: the engine over the value, the
// checked UI schema and the layout. Building needs the shipped vocabularies when the schema
// `$ref`s them, the UI-schema validator when there is a UI schema, and JSONLogic when that UI
// schema has rules: each loads once per page.
import { normalizeSchema } from '../../core/form/normalize.js';
import { FormEngine } from '../../core/form/engine.js';
import { checkUiSchemaWith, loadUiValidator, buildLayout, type Layout, type UiSchema } from '../../core/form/ui.js';
import { loadShippedRefs, hasExternalRefs } from '../../core/form/shipped.js';
import { needsRules, rulesReady } from '../../core/form/rule-support.js';
import type { JsonSchema } from '../../core/form/types.js';
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

/** What must load before `buildFormModel` can run for these schemas; undefined when nothing. */
export function modelPrerequisites(schema: JsonSchema, uiSchema: UiSchema | undefined): Promise<void> | undefined {
  const needRefs = !shippedRefs && hasExternalRefs(schema);
  const needUi = !uiValidator && uiSchema !== undefined && uiSchema !== null;
  // The rules (JSONLogic) only for a UI schema with rules or notices (a form without never downloads them).
  const needLogic = !rulesReady() && needsRules(uiSchema);
  if (!needRefs && !needUi && !needLogic) return undefined;
  return Promise.all([
    needRefs ? loadShippedRefs().then((refs) => (shippedRefs = refs)) : undefined,
    needUi ? loadUiValidator().then((v) => (uiValidator = v)) : undefined,
    needLogic ? import('../../core/form/rules.js') : undefined,
  ]).then(() => undefined);
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
