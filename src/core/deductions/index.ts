// The complaint deduction rule engine (投诉扣分): pure functions over plain data.
export { defaultDeductionRules } from './default-rules.js';
export { computeDeductions } from './compute.js';
export { computeCompiled, deriveFacts, roundUnits } from './engine.js';
export { checkDeductionRules, compileDeductionRules, parseDeductionRules } from './check.js';
export { compileCheckedRules, isCompiled, ruleIdAt, DeductionRulesError, BOOLEAN_FACTS, CODE_FACTS, SCALE as DEDUCTION_SCALE } from './compile.js';
export type { DeductionRuleError, DeductionRulesCheck, CompiledDeductionRules } from './compile.js';
export { resolvePeriod, parseInstant, formatInstant, PeriodError, DEFAULT_UTC_OFFSET_MINUTES } from './time.js';
export type { ResolvedPeriod } from './time.js';
export { formatPoints, ruleLabel, inputLabel, inputValue, describeInputs, deductionGroupTable, deductionLinesTable } from './explain.js';
export type { DeductionTableOptions } from './explain.js';
export { deductionText } from './messages.js';
export { deductionCoverage, deductionCoverageText } from './coverage.js';
export type { DeductionCoverage } from './coverage.js';
export type {
  ComplaintDeduction,
  DeductionFact,
  DeductionFacts,
  DeductionGroup,
  DeductionGroupBy,
  DeductionInput,
  DeductionLine,
  DeductionLineKind,
  DeductionOptions,
  DeductionPeriod,
  DeductionRatingResult,
  DeductionRatingBand,
  DeductionBaseRule,
  DeductionAdjustment,
  DeductionCondition,
  DeductionResult,
  DeductionRules,
  DeductionStatus,
  UnreadableRecord,
} from './types.js';
