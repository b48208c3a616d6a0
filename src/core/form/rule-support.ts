// The form engine's access to UI rules (JSONLogic). rules.ts registers itself here when it is
// imported; the engine imports only this module, so a form whose UI schema has no rules and no
// notices never loads rules.ts and json-logic (the element loads them first when it does: see
// components/schema-form/form-model.ts). Importing the form index (or rules.ts) registers them.
import type { compileRules, evaluate, logicDeps, truthy } from './rules.js';
import type { UiSchema } from './ui.js';

export interface RuleSupport {
  readonly compileRules: typeof compileRules;
  readonly evaluate: typeof evaluate;
  readonly logicDeps: typeof logicDeps;
  readonly truthy: typeof truthy;
}

let support: RuleSupport | undefined;

/** Registers the rules implementation (rules.ts does, on import). */
export function provideRules(s: RuleSupport): void {
  support = s;
}

/** Whether the rules implementation is registered. */
export const rulesReady = (): boolean => support !== undefined;

/** Whether a UI schema has rules or notices (which need the rules implementation). */
export const needsRules = (ui: Pick<UiSchema, 'rules' | 'notices'> | undefined | null): boolean => (ui?.rules?.length ?? 0) > 0 || (ui?.notices?.length ?? 0) > 0;

/** The rules implementation; throws when it is needed and was never imported. */
export function rules(): RuleSupport {
  if (!support) throw new Error('The UI schema has rules or notices: import rules.ts (or the form index) before building a form engine with them');
  return support;
}
