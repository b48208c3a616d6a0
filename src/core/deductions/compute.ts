import type { Complaint } from '../../generated/types/complaint.js';
import { compileDeductionRules } from './check.js';
import { isCompiled, type CompiledDeductionRules } from './compile.js';
import { computeCompiled } from './engine.js';
import type { DeductionOptions, DeductionResult, DeductionRules } from './types.js';

/**
 * Computes the complaint deductions of a period: for each valid complaint the lines that make up
 * its points (base by category × severity, then each matching addition or multiplier, then
 * rounding), and for each office (or staff member) the counts, the total, the cap, the final
 * score and the rating. Invalid and not-yet-judged complaints are counted and deduct nothing.
 * Pure and deterministic; all arithmetic is in integer ten-thousandths of a point.
 *
 * Throws DeductionRulesError (with every problem) for a rule set that does not check, and
 * PeriodError for an unreadable period.
 */
export function computeDeductions(
  complaints: readonly Complaint[],
  rules: DeductionRules | CompiledDeductionRules,
  options: DeductionOptions = {},
): DeductionResult {
  return computeCompiled(complaints, isCompiled(rules) ? rules : compileDeductionRules(rules), options);
}
