// Checking a rule set: the precompiled schema validator (only this schema's), then what a schema
// cannot say. computeDeductions and compileDeductionRules use it; the element loads it on demand.
import { mapErrors } from '../errors.js';
import { validateDeductionRules } from '../../generated/validators/deduction-rules.js';
import rulesSchema from '../../generated/schemas/deduction-rules.js';
import { DEFAULT_LOCALE, type Locale, type Localized } from '../i18n/locale.js';
import { deductionText } from './messages.js';
import { codesOf, labelOf } from './vocab.js';
import {
  CODE_FACTS,
  compileCheckedRules,
  DeductionRulesError,
  hundredths,
  ruleIdAt,
  type CompiledDeductionRules,
  type DeductionRuleError,
  type DeductionRulesCheck,
} from './compile.js';
import type { DeductionRules } from './types.js';

type Labels = ReadonlyMap<string, Localized>;
let schemaLabels: Labels | undefined;

/**
 * Field labels of the rule-set schema by path pattern (array indexes as `*`), read from its
 * `x-label`s; a nested label is prefixed with its parent's (基础扣分·扣分), as validate() words them.
 */
function labelsOfSchema(): Labels {
  if (schemaLabels) return schemaLabels;
  const out = new Map<string, Localized>();
  const root = rulesSchema as Record<string, unknown>;
  const deref = (node: unknown): Record<string, unknown> | undefined => {
    let n = node as Record<string, unknown> | undefined;
    for (let i = 0; i < 10 && n && typeof n['$ref'] === 'string' && (n['$ref'] as string).startsWith('#/'); i++) {
      n = (n['$ref'] as string)
        .slice(2)
        .split('/')
        .reduce<unknown>((x, k) => (x as Record<string, unknown> | undefined)?.[k], root) as Record<string, unknown> | undefined;
    }
    return n;
  };
  const walk = (node: unknown, path: string, parent: Localized | undefined, depth: number) => {
    if (!node || typeof node !== 'object' || depth > 8) return;
    const own = (node as Record<string, unknown>)['x-label'] as Localized | undefined;
    const label = path && own ? (parent ? { 'zh-CN': `${parent['zh-CN']}·${own['zh-CN']}`, en: `${parent.en} · ${own.en}` } : own) : undefined;
    if (label) out.set(path, label);
    const target = deref(node);
    if (!target) return;
    const next = path ? (label ?? parent) : undefined;
    const props = target['properties'] as Record<string, unknown> | undefined;
    for (const [k, sub] of Object.entries(props ?? {})) walk(sub, `${path}/${k}`, next, depth + 1);
    if (target['items'] && typeof target['items'] === 'object') walk(target['items'], `${path}/*`, next, depth + 1);
  };
  walk(root, '', undefined, 0);
  return (schemaLabels = out);
}

const labelAt = (path: string, locale: Locale): string => labelsOfSchema().get(path.replace(/\/\d+(?=\/|$)/g, '/*'))?.[locale] ?? path;

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
  if (!validateDeductionRules(rules)) {
    const errors = mapErrors(validateDeductionRules.errors, { locale, labelOf: (path) => labelsOfSchema().get(path.replace(/\/\d+(?=\/|$)/g, '/*'))?.[locale] });
    return { valid: false, errors: errors.map(withRule) };
  }
  const r = rules;
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
    const names = { category: labelOf('contentCategory', b.category, locale), severity: labelOf('severity', b.severity, locale) };
    if (first !== undefined) add(`/base/${i}`, 'base-duplicate', 'error.base-duplicate', { ...names, first });
    else cells.set(key, b.id);
  });
  for (const category of codesOf('contentCategory')) {
    for (const severity of codesOf('severity')) {
      if (!cells.has(`${category}|${severity}`)) {
        add('/base', 'base-missing', 'error.base-missing', {
          category: labelOf('contentCategory', category, locale),
          severity: labelOf('severity', severity, locale),
        });
      }
    }
  }

  // Conditions fit their fact.
  r.adjustments.forEach((a, i) =>
    a.when.forEach((c, j) => {
      const path = `/adjustments/${i}/when/${j}`;
      const fact = labelOf('deductionFact', c.fact, locale);
      const ops = { fact, equals: deductionText(locale, 'operator.equals'), in: deductionText(locale, 'operator.in') };
      const vocabName = CODE_FACTS[c.fact];
      if (vocabName === undefined) {
        if (c.in !== undefined) add(`${path}/in`, 'condition-in', 'error.condition-in', ops);
        return;
      }
      if (c.equals !== undefined) add(`${path}/equals`, 'condition-equals', 'error.condition-equals', ops);
      if (c.in === undefined || c.in.length === 0) {
        add(path, 'condition-missing-in', 'error.condition-missing-in', ops);
        return;
      }
      const known = codesOf(vocabName);
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
  const compiled = compileCheckedRules(rules as DeductionRules);
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
