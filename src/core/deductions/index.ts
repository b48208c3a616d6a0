// The complaint deduction rule engine (投诉扣分): pure functions over plain data.
export { computeDeductions, deriveFacts, roundUnits } from './compute.js';
export {
  checkDeductionRules,
  compileDeductionRules,
  parseDeductionRules,
  ruleIdAt,
  DeductionRulesError,
  BOOLEAN_FACTS,
  CODE_FACTS,
  SCALE as DEDUCTION_SCALE,
} from './rules.js';
export type { DeductionRuleError, DeductionRulesCheck, CompiledDeductionRules } from './rules.js';
export { resolvePeriod, parseInstant, formatInstant, PeriodError, DEFAULT_UTC_OFFSET_MINUTES } from './time.js';
export type { ResolvedPeriod } from './time.js';
export { formatPoints, ruleLabel, inputLabel, inputValue, describeInputs, deductionGroupTable, deductionLinesTable } from './explain.js';
export type { DeductionTableOptions } from './explain.js';
export { deductionText } from './messages.js';
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
