import jsonLogic from '../../generated/vendor/json-logic.js';
import { FormSchemaError } from './types.js';
import { escapeKey } from './pointer.js';
import { provideRules } from './rule-support.js';

/** A UI rule as written in a UI schema (`*.ui.json`). */
export interface UiRule {
  readonly id?: string;
  readonly effect: 'show' | 'hide' | 'enable' | 'disable' | 'require' | 'compute';
  readonly target: string | readonly string[];
  readonly when?: unknown;
  readonly value?: unknown;
}

/** A rule ready to evaluate: its targets, and the data paths it reads (its dependencies). */
export interface CompiledRule {
  readonly index: number;
  readonly effect: UiRule['effect'];
  readonly targets: readonly string[];
  readonly when: unknown;
  readonly value: unknown;
  readonly deps: readonly string[];
}

const FORBIDDEN = /(^|\.)(__proto__|constructor|prototype)(\.|$)/;

/** `complainant.type` → `/complainant/type` (JSONLogic `var` names use dots). */
export const varToPointer = (name: string): string => (name === '' ? '' : `/${name.split('.').map(escapeKey).join('/')}`);

/** Every `var` a JSONLogic expression reads, as JSON pointers. Refuses prototype keys. */
export function logicDeps(logic: unknown, where: string, out = new Set<string>()): Set<string> {
  if (Array.isArray(logic)) {
    logic.forEach((l, i) => logicDeps(l, `${where}/${i}`, out));
  } else if (logic !== null && typeof logic === 'object') {
    const entries = Object.entries(logic);
    if (entries.length !== 1) throw new FormSchemaError('uiSchema', where, 'a JSONLogic operation is an object with exactly one operator');
    const [op, args] = entries[0]!;
    if (op === 'var') {
      const name = Array.isArray(args) ? args[0] : args;
      if (typeof name === 'string') {
        if (FORBIDDEN.test(name)) throw new FormSchemaError('uiSchema', `${where}/var`, `"${name}" is not allowed`);
        out.add(varToPointer(name));
      } else if (typeof name !== 'number' && name != null) logicDeps(name, `${where}/var`, out);
    } else {
      if (!jsonLogic.is_logic({ [op]: args }) || !KNOWN_OPS.has(op)) {
        throw new FormSchemaError('uiSchema', where, `unknown JSONLogic operator "${op}"`);
      }
      logicDeps(args, `${where}/${escapeKey(op)}`, out);
    }
  }
  return out;
}

// The operators json-logic-js implements (add_operation is not used: rules stay data).
const KNOWN_OPS = new Set([
  '==', '===', '!=', '!==', '>', '>=', '<', '<=', '!!', '!', '%', 'log', 'in', 'cat', 'substr', '+', '*', '-', '/',
  'min', 'max', 'merge', 'var', 'missing', 'missing_some', 'if', '?:', 'and', 'or', 'filter', 'map', 'reduce', 'all',
  'none', 'some', 'method',
]);

export function compileRules(rules: readonly UiRule[] | undefined): CompiledRule[] {
  return (rules ?? []).map((r, index) => {
    const where = `/rules/${index}`;
    if (r.when !== undefined) assertNoMethod(r.when, `${where}/when`);
    if (r.value !== undefined) assertNoMethod(r.value, `${where}/value`);
    const deps = new Set<string>();
    if (r.when !== undefined) logicDeps(r.when, `${where}/when`, deps);
    if (r.value !== undefined) logicDeps(r.value, `${where}/value`, deps);
    const targets = typeof r.target === 'string' ? [r.target] : [...r.target];
    if (r.effect === 'compute' && r.value === undefined) throw new FormSchemaError('uiSchema', where, 'a compute rule needs "value"');
    return { index, effect: r.effect, targets, when: r.when, value: r.value, deps: [...deps] };
  });
}

/** `method` calls functions on data: never allowed in rules written by configurators. */
function assertNoMethod(logic: unknown, where: string): void {
  if (Array.isArray(logic)) logic.forEach((l, i) => assertNoMethod(l, `${where}/${i}`));
  else if (logic !== null && typeof logic === 'object') {
    for (const [op, args] of Object.entries(logic)) {
      if (op === 'method' || op === 'log') throw new FormSchemaError('uiSchema', where, `the "${op}" operator is not allowed in rules`);
      assertNoMethod(args, `${where}/${escapeKey(op)}`);
    }
  }
}

/** Evaluates JSONLogic against the form value; a rule that throws counts as false. */
export function evaluate(logic: unknown, data: unknown): unknown {
  try {
    return jsonLogic.apply(logic, data ?? {});
  } catch {
    return undefined;
  }
}

export const truthy = (v: unknown): boolean => jsonLogic.truthy(v);

// The form engine reaches the rules through rule-support.ts (so forms without rules do not load them).
provideRules({ compileRules, evaluate, logicDeps, truthy });
