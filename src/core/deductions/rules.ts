// The rule-set API in one module (checking in check.ts, compiled form in compile.ts), for callers
// that import it by path (src/cli/check.ts does).
export { checkDeductionRules, compileDeductionRules, parseDeductionRules } from './check.js';
export { compileCheckedRules, isCompiled, ruleIdAt, DeductionRulesError, BOOLEAN_FACTS, CODE_FACTS, SCALE } from './compile.js';
export type { DeductionRuleError, DeductionRulesCheck, CompiledDeductionRules, CompiledAdjustment, CompiledBand } from './compile.js';
