// The schema-form engine: pure, no DOM. The <wy-schema-form> element is a view over it.
export { normalizeSchema } from './normalize.js';
export type { NormalizeOptions } from './normalize.js';
export { FormEngine, pruneEmpty } from './engine.js';
export type { FieldState, ActiveNotice, ChangeResult } from './engine.js';
export { checkUiSchema } from './ui-check.js';
export { buildLayout, checkUiSchemaWith, loadUiValidator } from './ui.js';
export type { UiSchema, UiField, UiGroup, UiStep, UiNotice, UiDocument, Layout } from './ui.js';
export { compileRules, logicDeps, evaluate, varToPointer } from './rules.js';
export type { UiRule, CompiledRule } from './rules.js';
export { matches, holds, deepEqual } from './conditions.js';
export { validateForm, shippedValidator, isShipped, compileAtRuntime, interpretAtRuntime, RuntimeCompileError } from './validation.js';
export { interpretSchema, SchemaInterpretError, FORMATS } from './interpreter.js';
export type { InterpretedValidator, InterpreterOptions } from './interpreter.js';
export type { RawValidator } from './validation.js';
export { getAt, setAt, sanitize, templateOf, splitPointer, joinPointer, escapeKey } from './pointer.js';
export { FormSchemaError } from './types.js';
export type { JsonSchema, FormField, FormModel, FieldOption, FieldType, Condition, Text } from './types.js';
export { loadShippedRefs, hasExternalRefs } from './shipped.js';
