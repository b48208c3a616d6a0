import type {
  ContentCategory,
  DeductionFact,
  DeductionGroupBy,
  DeductionStatus,
  ExternalBody,
  Satisfaction,
  Severity,
  Validity,
} from '../../generated/vocab.js';
import type {
  DeductionRules,
  DeductionBaseRule,
  DeductionAdjustment,
  DeductionCondition,
  DeductionRating as DeductionRatingBand,
} from '../../generated/types/deduction-rules.js';
import type { Localized } from '../i18n/locale.js';
import type { DeductionPeriod } from './time.js';

export type { DeductionFact, DeductionGroupBy, DeductionStatus, DeductionRules, DeductionBaseRule, DeductionAdjustment, DeductionCondition, DeductionRatingBand, DeductionPeriod };

/**
 * The facts of one complaint that rule conditions test, keyed by the `deduction-fact`
 * vocabulary. `reply-overdue` and `return-visit-missing` are derived from the record and the
 * period (see deriveFacts); the others are read from it.
 */
export interface DeductionFacts {
  readonly validity: Validity | null;
  readonly category: ContentCategory;
  readonly severity: Severity;
  readonly repeat: boolean;
  readonly 'escalated-to-hq': boolean;
  readonly emergency: boolean;
  readonly 'external-body': ExternalBody | null;
  readonly 'reply-overdue': boolean;
  readonly 'return-visit-missing': boolean;
  readonly satisfaction: Satisfaction | null;
}

/** A value a line was computed from: a fact, a number from the rule set, or an instant. */
export type DeductionInput = string | number | boolean | null;

/** What kind of rule produced a line. */
export type DeductionLineKind = 'base' | 'add' | 'multiply' | 'rounding' | 'cap';

/**
 * One explained amount: the rule that produced it, the points (positive = deducted), its inputs.
 * Records with the same facts share the same line objects and arrays: treat them as immutable.
 */
export interface DeductionLine {
  /** The `id` of the rule in the rule set. */
  readonly ruleId: string;
  readonly kind: DeductionLineKind;
  /** Points, exact to the rule set's precision (computed in integer ten-thousandths). */
  readonly points: number;
  /** The facts and rule values the amount was computed from, by name. */
  readonly inputs: Readonly<Record<string, DeductionInput>>;
}

/** One record's part in the result. */
export interface ComplaintDeduction {
  /** Position of the record in the input array. */
  readonly index: number;
  readonly recordNo: string;
  /** The group (office or staff member) it counts for. */
  readonly groupKey: string;
  readonly status: DeductionStatus;
  readonly facts: DeductionFacts;
  /** Facts replaced by `options.overrides` (the "what if" mode). */
  readonly overridden: readonly DeductionFact[];
  /** Points deducted for this record after its own rounding (0 unless `valid`). */
  readonly points: number;
  /** Every amount that makes up `points`, in order: base, adjustments, rounding. */
  readonly lines: readonly DeductionLine[];
}

/** The rating band a final score falls in. */
export interface DeductionRatingResult {
  readonly ruleId: string;
  readonly label: Localized;
  readonly stars?: number;
}

/** One office (or staff member) for the period. */
export interface DeductionGroup {
  /** Office id, or the staff member's id; '' when the records name nobody. */
  readonly key: string;
  /** Staff member's name as recorded (offices are named by the host's reference data). */
  readonly name?: string;
  /** Records in scope: valid + invalid + pending. */
  readonly counted: number;
  readonly valid: number;
  readonly invalid: number;
  readonly pending: number;
  /** Records of a kind the rule set does not score (not in `counted`). */
  readonly outOfScope: number;
  /** Sum of the records' points, before the group's rounding and the cap. */
  readonly points: number;
  /** The cap in points, or null when the rule set has none. */
  readonly cap: number | null;
  readonly capped: boolean;
  /** Points actually deducted: `points`, rounded (stage "group") and capped. */
  readonly deducted: number;
  readonly startingScore: number;
  readonly finalScore: number;
  /** null when no band contains the final score (the rule set check makes that impossible with a cap). */
  readonly rating: DeductionRatingResult | null;
  /** Group-level lines: the rounding of the total (stage "group") and the cap. */
  readonly lines: readonly DeductionLine[];
  readonly complaints: readonly ComplaintDeduction[];
}

/** A record the calculator could not read (no parsable receivedAt, no group, unknown codes). */
export interface UnreadableRecord {
  readonly index: number;
  readonly recordNo: string;
  /** The field that could not be read, as a JSON pointer. */
  readonly path: string;
}

export interface DeductionResult {
  readonly rules: { readonly id: string; readonly version: string; readonly isDefault: boolean; readonly name: Localized };
  /** The period counted, or null when every record was counted. */
  readonly period: DeductionPeriod | null;
  /** The instant against which an unanswered deadline counts as passed. */
  readonly asOf: string;
  readonly groupBy: DeductionGroupBy;
  readonly groups: readonly DeductionGroup[];
  readonly totals: {
    readonly counted: number;
    readonly valid: number;
    readonly invalid: number;
    readonly pending: number;
    readonly outOfScope: number;
    readonly outOfPeriod: number;
    readonly unreadable: number;
    readonly deducted: number;
  };
  readonly unreadable: readonly UnreadableRecord[];
}

export interface DeductionOptions {
  /** The period: `{from, to}` dates (inclusive) or `2026-07`, `2026-Q3`, `2026`, `2026-07-01/2026-09-30`. Default: every record. */
  readonly period?: DeductionPeriod | string | null;
  /** Group by office (default), handler or first receiver. */
  readonly groupBy?: DeductionGroupBy;
  /**
   * The instant at which an unanswered deadline counts as passed. Default: the end of the period
   * (or, without a period, the latest instant in the records). Set it to "now" for a running month.
   */
  readonly asOf?: string;
  /** Offset in which the period's dates are read; default +08:00 (China Standard Time). */
  readonly utcOffsetMinutes?: number;
  /** "What if": facts to replace, by record index. */
  readonly overrides?: ReadonlyMap<number, Partial<DeductionFacts>> | Readonly<Record<number, Partial<DeductionFacts>>>;
}
