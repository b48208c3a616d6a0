// A checked rule set in the form the calculator runs. No validator here: the element loads
// the schema check (check.ts) on demand and runs compiled rules with engine.ts.
import type { ValidationError } from '../errors.js';
import type { Localized } from '../i18n/locale.js';
import type { DeductionVocab } from './vocab.js';
import type { DeductionFact, DeductionFacts, DeductionRules } from './types.js';

/** Internal unit: one point is 10,000 units, so points and factors with two decimals multiply exactly. */
export const SCALE = 10_000;

/** A rule-set problem: where (JSON pointer), which rule (its id, when the problem is inside one), what. */
export interface DeductionRuleError extends ValidationError {
  /** The `id` of the rule the problem is in, when it is inside one. */
  readonly ruleId?: string;
}

export interface DeductionRulesCheck {
  readonly valid: boolean;
  readonly errors: readonly DeductionRuleError[];
}

/** Thrown by computeDeductions for a rule set that does not pass checkDeductionRules. */
export class DeductionRulesError extends Error {
  override readonly name = 'DeductionRulesError';
  constructor(readonly errors: readonly DeductionRuleError[]) {
    super(`Invalid deduction rules: ${errors.map((e) => `${e.path || '/'} ${e.message}`).join('; ')}`);
  }
}

/** Facts that are yes/no; a condition on them uses `equals` (default true). */
export const BOOLEAN_FACTS: ReadonlySet<DeductionFact> = new Set<DeductionFact>(['repeat', 'escalated-to-hq', 'emergency', 'reply-overdue', 'return-visit-missing']);

/** Facts that are codes, and the vocabulary their codes come from; a condition lists codes with `in`. */
export const CODE_FACTS: Readonly<Partial<Record<DeductionFact, DeductionVocab>>> = {
  validity: 'validity',
  category: 'contentCategory',
  severity: 'severity',
  'external-body': 'externalBody',
  satisfaction: 'satisfaction',
};

type CompiledCondition =
  | { readonly fact: keyof DeductionFacts; readonly test: 'bool'; readonly want: boolean }
  | { readonly fact: keyof DeductionFacts; readonly test: 'in'; readonly codes: ReadonlySet<string> };

export interface CompiledAdjustment {
  readonly id: string;
  readonly label: Localized;
  readonly effect: 'add' | 'multiply';
  /** `add`: units to add; `multiply`: the factor in hundredths (1.5 → 150). */
  readonly value: number;
  readonly conditions: readonly CompiledCondition[];
  /** The facts the conditions read, shown as the line's inputs. */
  readonly facts: readonly (keyof DeductionFacts)[];
}

export interface CompiledBand {
  readonly id: string;
  readonly label: Localized;
  readonly stars?: number;
  /** Units, inclusive; -Infinity / Infinity when open. */
  readonly min: number;
  readonly max: number;
}

/** A checked rule set in the form the calculator runs: integer units, lookup tables, sets. */
export interface CompiledDeductionRules {
  readonly source: DeductionRules;
  readonly kinds: ReadonlySet<string>;
  /** category → severity → base rule. */
  readonly base: ReadonlyMap<string, ReadonlyMap<string, { readonly id: string; readonly units: number }>>;
  readonly adjustments: readonly CompiledAdjustment[];
  readonly start: { readonly id: string; readonly units: number };
  readonly cap: { readonly id: string; readonly units: number } | null;
  readonly rounding: { readonly id: string; readonly decimals: number; readonly mode: DeductionRules['rounding']['mode']; readonly stage: DeductionRules['rounding']['stage']; readonly step: number };
  /** Highest first. */
  readonly bands: readonly CompiledBand[];
}

/** Hundredths of x when x has at most two decimals, else undefined. */
export function hundredths(x: number): number | undefined {
  const h = Math.round(x * 100);
  return Math.abs(x * 100 - h) < 1e-6 ? h : undefined;
}

const units = (x: number): number => Math.round(x * 100) * (SCALE / 100);

const OWNERS = new Set(['base', 'adjustments', 'ratings']);
const SINGLE = new Set(['startingScore', 'cap', 'rounding']);

/** The id of the rule a JSON pointer into a rule set points inside, if any. */
export function ruleIdAt(rules: unknown, path: string): string | undefined {
  if (!rules || typeof rules !== 'object') return undefined;
  const [, first, second] = path.split('/');
  if (first === undefined) return undefined;
  const r = rules as Record<string, unknown>;
  let owner: unknown;
  if (OWNERS.has(first) && second !== undefined && /^\d+$/.test(second)) {
    const list = r[first];
    owner = Array.isArray(list) ? list[Number(second)] : undefined;
  } else if (SINGLE.has(first)) owner = r[first];
  const id = owner && typeof owner === 'object' ? (owner as Record<string, unknown>)['id'] : undefined;
  return typeof id === 'string' && id ? id : undefined;
}

/**
 * Compiles a rule set that has passed checkDeductionRules (check.ts) into integer units, lookup
 * tables and sets. Use compileDeductionRules, which checks first, unless the check already ran.
 */
export function compileCheckedRules(rules: DeductionRules): CompiledDeductionRules {
  const r = rules as DeductionRules;
  const base = new Map<string, Map<string, { id: string; units: number }>>();
  for (const b of r.base) {
    let row = base.get(b.category);
    if (!row) base.set(b.category, (row = new Map()));
    row.set(b.severity, { id: b.id, units: units(b.points) });
  }
  const adjustments: CompiledAdjustment[] = r.adjustments.map((a) => {
    const conditions: CompiledCondition[] = a.when.map((c) =>
      CODE_FACTS[c.fact] === undefined
        ? { fact: c.fact, test: 'bool', want: c.equals ?? true }
        : { fact: c.fact, test: 'in', codes: new Set(c.in ?? []) },
    );
    return {
      id: a.id,
      label: a.label,
      effect: a.effect,
      value: a.effect === 'add' ? units(a.value) : Math.round(a.value * 100),
      conditions,
      facts: [...new Set(a.when.map((c) => c.fact))],
    };
  });
  const decimals = r.rounding.decimals;
  const compiled: CompiledDeductionRules = {
    source: r,
    kinds: new Set(r.scope.kinds),
    base,
    adjustments,
    start: { id: r.startingScore.id, units: units(r.startingScore.points) },
    cap: r.cap ? { id: r.cap.id, units: units(r.cap.points) } : null,
    rounding: { id: r.rounding.id, decimals, mode: r.rounding.mode, stage: r.rounding.stage, step: 10 ** (4 - decimals) },
    bands: r.ratings
      .map((b) => ({
        id: b.id,
        label: b.label,
        ...(b.stars === undefined ? {} : { stars: b.stars }),
        min: b.min === undefined ? -Infinity : units(b.min),
        max: b.max === undefined ? Infinity : units(b.max),
      }))
      .sort((a, b) => b.max - a.max),
  };
  return compiled;
}

/** Whether `rules` is already compiled. */
export function isCompiled(rules: DeductionRules | CompiledDeductionRules): rules is CompiledDeductionRules {
  return 'source' in rules && 'kinds' in rules;
}
