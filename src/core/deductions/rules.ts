import { validate, type ValidationError } from '../validate.js';
import { labels } from '../../generated/labels.js';
import { vocab, type VocabName } from '../../generated/vocab.js';
import { vocabLabel } from '../i18n/vocab-label.js';
import { DEFAULT_LOCALE, type Locale, type Localized } from '../i18n/locale.js';
import { deductionText } from './messages.js';
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
export const CODE_FACTS: Readonly<Partial<Record<DeductionFact, VocabName>>> = {
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
function hundredths(x: number): number | undefined {
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

const labelAt = (path: string, locale: Locale): string =>
  labels['deduction-rules']?.[path.replace(/\/\d+(?=\/|$)/g, '/*')]?.[locale] ?? path;

/**
 * Checks a rule set: the schema (through the precompiled validator), then what a schema cannot
 * say — unique rule ids, two decimals at most, one base cell per category × severity and none
 * missing, conditions that fit their fact, rating bands that neither overlap nor leave gaps and
 * cover every score from the lowest possible (starting score − cap) to the starting score.
 * Each problem names its JSON pointer and, inside a rule, the rule's id.
 */
export function checkDeductionRules(rules: unknown, options: { readonly locale?: Locale } = {}): DeductionRulesCheck {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const t = (key: Parameters<typeof deductionText>[1], params?: Record<string, string | number>) => deductionText(locale, key, params);
  const withRule = (e: Omit<DeductionRuleError, 'ruleId'>): DeductionRuleError => {
    const ruleId = ruleIdAt(rules, e.path);
    return ruleId === undefined ? e : { ...e, ruleId, message: t('error.inRule', { ruleId, message: e.message }) };
  };
  if (!rules || typeof rules !== 'object' || Array.isArray(rules)) {
    return { valid: false, errors: [{ path: '', keyword: 'type', message: t('error.notObject'), params: {} }] };
  }
  const schema = validate<DeductionRules>('deduction-rules', rules, { locale });
  if (!schema.valid) return { valid: false, errors: schema.errors.map(withRule) };
  const r = schema.data!;
  const errors: DeductionRuleError[] = [];
  const add = (path: string, keyword: string, key: Parameters<typeof deductionText>[1], params: Record<string, string | number> = {}) =>
    errors.push(withRule({ path, keyword, message: t(key, params), params }));

  // Unique ids across every rule.
  const ids = new Map<string, string>();
  const useId = (id: string, path: string) => {
    const first = ids.get(id);
    if (first !== undefined) add(`${path}/id`, 'duplicate-id', 'error.duplicate-id', { id, first: first || '/' });
    else ids.set(id, path);
  };
  useId(r.startingScore.id, '/startingScore');
  if (r.cap) useId(r.cap.id, '/cap');
  useId(r.rounding.id, '/rounding');
  r.base.forEach((b, i) => useId(b.id, `/base/${i}`));
  r.adjustments.forEach((a, i) => useId(a.id, `/adjustments/${i}`));
  r.ratings.forEach((b, i) => useId(b.id, `/ratings/${i}`));

  // Two decimals at most; starting score, cap and band limits on the rounding grid.
  const step = 10 ** -r.rounding.decimals;
  const stepH = 10 ** (2 - r.rounding.decimals);
  let limitsReadable = true;
  const precise = (x: number | undefined, path: string, onGrid: boolean) => {
    if (x === undefined) return;
    const h = hundredths(x);
    if (h === undefined) add(path, 'precision', 'error.precision', { label: labelAt(path, locale) });
    else if (onGrid && h % stepH !== 0) add(path, 'grid', 'error.grid', { label: labelAt(path, locale), step, decimals: r.rounding.decimals });
    else return;
    if (onGrid) limitsReadable = false;
  };
  precise(r.startingScore.points, '/startingScore/points', true);
  if (r.cap) precise(r.cap.points, '/cap/points', true);
  r.base.forEach((b, i) => precise(b.points, `/base/${i}/points`, false));
  r.adjustments.forEach((a, i) => precise(a.value, `/adjustments/${i}/value`, false));
  r.ratings.forEach((b, i) => {
    precise(b.min, `/ratings/${i}/min`, true);
    precise(b.max, `/ratings/${i}/max`, true);
  });

  if (r.scope.kinds.length === 0) add('/scope/kinds', 'scope-empty', 'error.scope-empty');

  // One base cell per category × severity, none missing.
  const cells = new Map<string, string>();
  r.base.forEach((b, i) => {
    const key = `${b.category}|${b.severity}`;
    const first = cells.get(key);
    const names = { category: vocabLabel('contentCategory', b.category, locale), severity: vocabLabel('severity', b.severity, locale) };
    if (first !== undefined) add(`/base/${i}`, 'base-duplicate', 'error.base-duplicate', { ...names, first });
    else cells.set(key, b.id);
  });
  for (const category of vocab.contentCategory.codes) {
    for (const severity of vocab.severity.codes) {
      if (!cells.has(`${category}|${severity}`)) {
        add('/base', 'base-missing', 'error.base-missing', {
          category: vocabLabel('contentCategory', category, locale),
          severity: vocabLabel('severity', severity, locale),
        });
      }
    }
  }

  // Conditions fit their fact.
  r.adjustments.forEach((a, i) =>
    a.when.forEach((c, j) => {
      const path = `/adjustments/${i}/when/${j}`;
      const fact = vocabLabel('deductionFact', c.fact, locale);
      const codesOf = CODE_FACTS[c.fact];
      if (codesOf === undefined) {
        if (c.in !== undefined) add(`${path}/in`, 'condition-in', 'error.condition-in', { fact });
        return;
      }
      if (c.equals !== undefined) add(`${path}/equals`, 'condition-equals', 'error.condition-equals', { fact });
      if (c.in === undefined || c.in.length === 0) {
        add(path, 'condition-missing-in', 'error.condition-missing-in', { fact });
        return;
      }
      const known = vocab[codesOf].codes as readonly string[];
      c.in.forEach((code, k) => {
        if (!known.includes(code)) add(`${path}/in/${k}`, 'condition-code', 'error.condition-code', { code, fact });
      });
    }),
  );

  // Rating bands: ordered, no overlap, no gap, covering [floor, start].
  if (limitsReadable) checkBands(r, stepH, add);
  return { valid: errors.length === 0, errors };
}

type Add = (path: string, keyword: string, key: Parameters<typeof deductionText>[1], params?: Record<string, string | number>) => void;

function checkBands(r: DeductionRules, stepH: number, add: Add): void {
  const H = (x: number | undefined, open: number) => (x === undefined ? open : hundredths(x)!);
  const show = (h: number) => String(h / 100);
  const bands = r.ratings.map((b, i) => ({ id: b.id, i, min: H(b.min, -Infinity), max: H(b.max, Infinity) }));
  let ordered = true;
  for (const b of bands) {
    if (b.min > b.max) {
      add(`/ratings/${b.i}`, 'band-order', 'error.band-order', { id: b.id, min: show(b.min), max: show(b.max) });
      ordered = false;
    }
  }
  if (!ordered || bands.length === 0) return;
  bands.sort((a, b) => b.max - a.max || b.min - a.min);
  for (let k = 1; k < bands.length; k++) {
    const hi = bands[k - 1]!;
    const lo = bands[k]!;
    if (lo.max >= hi.min) {
      add(`/ratings/${lo.i}`, 'band-overlap', 'error.band-overlap', { id: lo.id, other: hi.id, at: show(Math.max(lo.min, hi.min)) });
    } else if (hi.min - lo.max > stepH) {
      add(`/ratings/${lo.i}`, 'band-gap', 'error.band-gap', { id: lo.id, other: hi.id, from: show(lo.max + stepH), to: show(hi.min - stepH) });
    }
  }
  const start = hundredths(r.startingScore.points)!;
  const top = bands[0]!;
  if (top.max < start) add(`/ratings/${top.i}/max`, 'band-coverage', 'error.band-top', { max: show(top.max), start: show(start) });
  const bottom = bands[bands.length - 1]!;
  if (r.cap) {
    const floor = start - hundredths(r.cap.points)!;
    if (bottom.min > floor) add(`/ratings/${bottom.i}/min`, 'band-coverage', 'error.band-bottom', { min: show(bottom.min), floor: show(floor) });
  } else if (bottom.min !== -Infinity) {
    add(`/ratings/${bottom.i}/min`, 'band-coverage', 'error.band-bottom-open', { min: show(bottom.min) });
  }
}

const compiledCache = new WeakMap<object, CompiledDeductionRules>();

/**
 * Checks and compiles a rule set (cached per rule-set object, so compile once and edit by
 * replacing the object). Throws DeductionRulesError with every problem when it does not check.
 */
export function compileDeductionRules(rules: unknown): CompiledDeductionRules {
  if (rules && typeof rules === 'object') {
    const hit = compiledCache.get(rules);
    if (hit) return hit;
  }
  const check = checkDeductionRules(rules);
  if (!check.valid) throw new DeductionRulesError(check.errors);
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
  compiledCache.set(rules as object, compiled);
  return compiled;
}

/**
 * Reads a rule set a configurator pasted: JSON.parse (a syntax error becomes one problem at
 * path ''), `__proto__` keys dropped, then checkDeductionRules.
 */
export function parseDeductionRules(text: string, options: { readonly locale?: Locale } = {}): DeductionRulesCheck & { readonly rules?: DeductionRules } {
  const locale = options.locale ?? DEFAULT_LOCALE;
  let data: unknown;
  try {
    data = JSON.parse(text, (key, value: unknown) => (key === '__proto__' ? undefined : value));
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { valid: false, errors: [{ path: '', keyword: 'json', message: deductionText(locale, 'error.json', { detail }), params: { detail } }] };
  }
  const check = checkDeductionRules(data, { locale });
  return check.valid ? { ...check, rules: data as DeductionRules } : check;
}
