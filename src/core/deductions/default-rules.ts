import data from '../../generated/data/deduction-rules.default.js';
import type { DeductionRules } from './types.js';

/**
 * The shipped example rule set (schemas/deduction-rules.default.json), marked `isDefault`: the
 * manual's own table is not available, so these numbers are for configurators to replace. A
 * test checks that it passes checkDeductionRules.
 */
export const defaultDeductionRules = data as DeductionRules;
