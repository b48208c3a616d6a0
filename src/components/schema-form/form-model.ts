// What <wy-schema-form> builds from its schema and UI schema: the engine over the value, the
// UI schema and the layout. Building needs JSONLogic when the UI schema has rules, and the
// shipped vocabularies when the schema `$ref`s them (found while building: no walk over the
// schema before the first render): each loads once per page. The UI schema's shape is checked
// by its generated validator, which a form loads after its first frame (`checkUiShape`) unless
// it is already loaded; what the UI schema names in the schema is checked while building.
import { normalizeSchema } from '../../core/form/normalize.js';
import { FormEngine } from '../../core/form/engine.js';
import { checkUiSchemaWith, checkUiReferences, checkUiStructure, isEmptyUiSchema, loadUiValidatorWith, buildLayout, type Layout, type UiSchema } from '../../core/form/ui.js';
import { loadShippedRefs, hasExternalRefs } from '../../core/form/shipped.js';
import { needsRules, rulesReady } from '../../core/form/rule-support.js';
import { FormSchemaError, type JsonSchema } from '../../core/form/types.js';
import type { GeneratedValidator } from '../../generated/validator-types.js';

/** The UI-schema validator, once a form with a UI schema has loaded it. */
let uiValidator: GeneratedValidator<unknown> | undefined;
/** The UI schema's validator, its error wording loaded through the form's own on-demand module (lazy/shared.ts). */
const loadUi = () => loadUiValidatorWith(() => import('./lazy/errors.js'));
/** The shipped vocabularies, once a schema that needs them has loaded them. */
let shippedRefs: Readonly<Record<string, JsonSchema>> | undefined;

export interface FormModelParts {
  readonly engine: FormEngine;
  readonly ui: UiSchema;
  readonly layout: Layout;
  /** The UI schema's shape is not checked yet: call `checkUiShape` (after the first frame). */
  readonly uiUnchecked: boolean;
}

/**
 * What must load before `buildFormModel` can run for this UI schema; undefined when nothing.
 * (The shipped vocabularies are not among them: see `loadMissingRefs`.)
 */
export function modelPrerequisites(uiSchema: UiSchema | undefined, uiShapeFirst = false): Promise<void> | undefined {
  // The UI-schema validator only when asked (a build of an unchecked UI schema failed: its shape may be why).
  const needUi = uiShapeFirst && !uiValidator;
  // The rules (JSONLogic) only for a UI schema with rules or notices (a form without never downloads them).
  const needLogic = !rulesReady() && needsRules(uiSchema);
  if (!needUi && !needLogic) return undefined;
  return Promise.all([
    needUi ? loadUi().then((v) => (uiValidator = v)) : undefined,
    needLogic ? import('./lazy/rules.js') : undefined,
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

/** A UI schema whose shape needs the generated validator: not none, not `{}`. */
const needsShapeCheck = (uiSchema: unknown): boolean => uiSchema !== undefined && uiSchema !== null && !isEmptyUiSchema(uiSchema);

/**
 * The engine, UI schema and layout (after `modelPrerequisites`); throws a FormSchemaError naming
 * where and why when the schema or UI schema cannot be used. When the UI-schema validator is not
 * loaded the shape is not checked (`uiUnchecked`): any throw then (even a TypeError from a UI
 * schema of the wrong shape) is `UiShapeUnchecked`, and the form loads the validator
 * (`modelPrerequisites(ui, true)`) and builds again, so the error shown is the one a checked
 * build gives.
 */
export function buildFormModel(schema: JsonSchema, uiSchema: UiSchema | undefined, refs: Readonly<Record<string, JsonSchema>>, value: unknown): FormModelParts {
  const model = normalizeSchema(schema, { refs: refsWith(refs) });
  if (uiValidator || !needsShapeCheck(uiSchema)) {
    const ui = uiValidator ? checkUiSchemaWith(uiSchema, model, uiValidator) : {};
    return { engine: new FormEngine(model, ui, value), ui, layout: buildLayout(model, ui), uiUnchecked: false };
  }
  try {
    const ui = checkUiReferences(uiSchema!, model);
    return { engine: new FormEngine(model, ui, value), ui, layout: buildLayout(model, ui), uiUnchecked: true };
  } catch (cause) {
    throw new UiShapeUnchecked(cause);
  }
}

/** Building with an unchecked UI schema failed: check its shape first (see `buildFormModel`). */
export class UiShapeUnchecked extends Error {
  constructor(cause: unknown) {
    super("the UI schema's shape is not checked yet", { cause });
  }
}

/**
 * Checks the UI schema's shape (loading its validator once per page); resolves when it fits
 * `schemas/ui.schema.json`, rejects with the FormSchemaError a checked build would throw.
 */
export async function checkUiShape(uiSchema: UiSchema): Promise<void> {
  uiValidator ??= await loadUi();
  checkUiStructure(uiSchema, uiValidator);
}
