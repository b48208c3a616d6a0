// The definition linter: what a JSON Schema cannot see. Runs on every shipped definition in the
// tests and when an engine is created (dev check; `check: false` turns it off).
import { validateWith } from '../core/errors.js';
import validateWorkflow from '../generated/validators/workflow.js';
import workflowLabels from '../generated/labels/workflow.js';
import { knownDataSchema } from './data-schemas.js';
import { DurationError, parseDuration } from '../core/calendar/duration.js';
import { hasFields } from './fields.js';
import { ESTIMATE_LIST_LENGTH, LOGIC_BUDGET, OPERATORS, estimateCost, operatorsOf } from './logic.js';
import { parsePointer, PointerError } from './pointer.js';
import type { EffectDef, Logic, WorkflowDefinition } from './types.js';
import type { Locale } from '../core/i18n/locale.js';
import { definitionText, type DefinitionTextKey } from './definition-messages.js';

export type ProblemCode =
  | 'schema'
  | 'duplicate-id'
  | 'unknown-state'
  | 'unknown-role'
  | 'unknown-fields'
  | 'unknown-operator'
  | 'bad-duration'
  | 'bad-pointer'
  | 'unreachable-state'
  | 'dead-end-state'
  | 'final-with-exits'
  | 'unused-role'
  | 'inconsistent-fields'
  | 'bad-migration'
  | 'logic-budget';

export interface DefinitionProblem {
  /** Errors make a definition unusable; warnings are worth a look. */
  readonly severity: 'error' | 'warning';
  readonly code: ProblemCode;
  /** JSON pointer into the definition. */
  readonly path: string;
  /** In the locale asked for (definition-messages.ts; English by default). */
  readonly message: string;
}

export interface CheckDefinitionOptions {
  /** The language of the findings' messages (schema errors included); default `en`. */
  readonly locale?: Locale;
}

export interface DefinitionReport {
  readonly ok: boolean;
  readonly problems: readonly DefinitionProblem[];
}

export class DefinitionError extends Error {
  override readonly name = 'DefinitionError';
  constructor(
    readonly definitionId: string,
    readonly problems: readonly DefinitionProblem[],
  ) {
    super(
      `Workflow definition ${definitionId} has ${problems.filter((p) => p.severity === 'error').length} error(s): ${problems
        .filter((p) => p.severity === 'error')
        .map((p) => `${p.path} ${p.message}`)
        .join('; ')}`,
    );
  }
}

/**
 * Lints a definition: schema, unknown targets and roles, unreachable and dead-end states, and more.
 * Findings are worded in `options.locale` (default `en`) from definition-messages.ts.
 */
export function checkDefinition(input: unknown, options: CheckDefinitionOptions = {}): DefinitionReport {
  const locale = options.locale ?? 'en';
  const problems: DefinitionProblem[] = [];
  const add = (severity: DefinitionProblem['severity'], code: ProblemCode, path: string, key: DefinitionTextKey, params?: Readonly<Record<string, string | number>>) =>
    problems.push({ severity, code, path, message: definitionText(locale, key, params) });

  const r = validateWith(validateWorkflow, workflowLabels, input, { locale });
  if (!r.valid) {
    for (const e of r.errors) problems.push({ severity: 'error', code: 'schema', path: e.path, message: e.message });
    return { ok: false, problems };
  }
  const def = input as WorkflowDefinition;
  const states = new Set<string>();
  def.states.forEach((s, i) => {
    if (states.has(s.id)) add('error', 'duplicate-id', `/states/${i}/id`, 'duplicate-state', { id: s.id });
    states.add(s.id);
  });
  const roles = new Set<string>();
  def.roles.forEach((x, i) => {
    if (roles.has(x.id)) add('error', 'duplicate-id', `/roles/${i}/id`, 'duplicate-role', { id: x.id });
    roles.add(x.id);
  });
  const usedRoles = new Set<string>();
  const role = (id: string, path: string) => {
    usedRoles.add(id);
    if (!roles.has(id)) add('error', 'unknown-role', path, 'unknown-role', { id });
  };
  const state = (id: string, path: string) => {
    if (!states.has(id)) add('error', 'unknown-state', path, 'unknown-state', { id });
  };
  const logic = (l: Logic, path: string) => {
    for (const op of operatorsOf(l)) if (!OPERATORS.has(op)) add('error', 'unknown-operator', path, 'unknown-operator', { op });
    const cost = estimateCost(l);
    if (cost > LOGIC_BUDGET) {
      const params = { cost: Math.round(cost), budget: LOGIC_BUDGET, length: ESTIMATE_LIST_LENGTH };
      add('error', 'logic-budget', path, Number.isFinite(cost) ? 'logic-budget' : 'logic-budget-unbounded', params);
    }
  };
  const pointer = (p: string, path: string) => {
    try {
      parsePointer(p);
    } catch (err) {
      // parsePointer refuses a pointer without a leading "/" or with a forbidden segment.
      if (err instanceof PointerError) add('error', 'bad-pointer', path, p.startsWith('/') ? 'pointer-key' : 'pointer-start', { pointer: p });
      else throw err;
    }
  };
  const duration = (d: string, path: string) => {
    try {
      parseDuration(d);
    } catch (err) {
      if (err instanceof DurationError) add('error', 'bad-duration', path, 'bad-duration', { value: JSON.stringify(d) });
      else throw err;
    }
  };
  const effects = (list: readonly EffectDef[] | undefined, path: string) => {
    list?.forEach((e, i) => {
      const p = `${path}/${i}`;
      if (e.when !== undefined) logic(e.when, `${p}/when`);
      if ('value' in e) logic(e.value, `${p}/value`);
      if ('path' in e && e.path !== undefined) pointer(e.path, `${p}/path`);
      if (e.type === 'notify') {
        if (e.role === undefined) add('error', 'schema', `${p}/role`, 'notify-role');
        else role(e.role, `${p}/role`);
      }
      if ((e.type === 'set' || e.type === 'unset') && e.path === undefined) add('error', 'schema', `${p}/path`, 'effect-path', { type: e.type });
      if (e.type === 'start-children') {
        if (typeof e.definition !== 'string' || e.items === undefined) add('error', 'schema', p, 'start-children');
        else {
          logic(e.items, `${p}/items`);
          if (e.input !== undefined) logic(e.input, `${p}/input`);
        }
      }
      const type: string = e.type;
      if ((type === 'set' || type === 'assign' || type === 'merge') && !('value' in e)) add('error', 'schema', `${p}/value`, 'effect-value', { type });
    });
  };

  state(def.initial, '/initial');
  def.starters?.forEach((x, i) => role(x, `/starters/${i}`));
  if (def.firstReceiver) pointer(def.firstReceiver, '/firstReceiver');
  if (def.handler) pointer(def.handler, '/handler');
  def.immutable?.forEach((x, i) => pointer(x, `/immutable/${i}`));
  if (def.dataSchema && !knownDataSchema(def.dataSchema)) add('error', 'schema', '/dataSchema', 'data-schema', { name: def.dataSchema });

  const fieldsBy = new Map<string, string>();
  def.transitions.forEach((t, i) => {
    const p = `/transitions/${i}`;
    t.from.forEach((s, j) => state(s, `${p}/from/${j}`));
    if (t.to !== undefined) state(t.to, `${p}/to`);
    t.roles.forEach((x, j) => role(x, `${p}/roles/${j}`));
    if (t.guard !== undefined) logic(t.guard, `${p}/guard`);
    if (t.fields !== undefined && !hasFields(t.fields)) add('error', 'unknown-fields', `${p}/fields`, 'unknown-fields', { fields: t.fields });
    effects(t.effects, `${p}/effects`);
    for (const s of t.from) {
      const key = `${s}\u0000${t.event}`;
      const prev = fieldsBy.get(key);
      if (prev !== undefined && prev !== (t.fields ?? '')) {
        add('warning', 'inconsistent-fields', `${p}/fields`, 'inconsistent-fields', { event: t.event, state: s });
      }
      fieldsBy.set(key, t.fields ?? '');
    }
  });
  def.states.forEach((s, i) => {
    if (s.childrenDone !== undefined) state(s.childrenDone, `/states/${i}/childrenDone`);
  });
  def.clocks?.forEach((c, i) => {
    const p = `/clocks/${i}`;
    for (const k of ['start', 'pause', 'stop'] as const) c[k]?.forEach((s, j) => state(s, `${p}/${k}/${j}`));
    duration(c.limit, `${p}/limit`);
    c.warn?.forEach((x, j) => role(x, `${p}/warn/${j}`));
    c.escalation?.forEach((s, j) => {
      duration(s.after, `${p}/escalation/${j}/after`);
      role(s.role, `${p}/escalation/${j}/role`);
    });
  });
  def.migrations?.forEach((m, i) => {
    const p = `/migrations/${i}`;
    if (m.from >= def.version) add('error', 'bad-migration', `${p}/from`, 'migration-from', { version: def.version });
    for (const [oldId, newId] of Object.entries(m.states ?? {})) state(newId, `${p}/states/${oldId}`);
    for (const [oldId, newId] of Object.entries(m.clocks ?? {})) {
      if (!def.clocks?.some((c) => c.id === newId)) add('error', 'bad-migration', `${p}/clocks/${oldId}`, 'migration-clock', { id: newId });
    }
    effects(m.data, `${p}/data`);
  });

  // Reachability from the initial state.
  const seen = new Set<string>([def.initial]);
  const queue = [def.initial];
  while (queue.length) {
    const s = queue.shift()!;
    const next = def.transitions.filter((t) => t.from.includes(s) && t.to !== undefined).map((t) => t.to!);
    const done = def.states.find((x) => x.id === s)?.childrenDone;
    if (done !== undefined) next.push(done);
    for (const to of next) {
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  def.states.forEach((s, i) => {
    const exits = [...def.transitions.filter((t) => t.from.includes(s.id) && t.to !== undefined && t.to !== s.id), ...(s.childrenDone !== undefined && s.childrenDone !== s.id ? [s.childrenDone] : [])];
    if (!seen.has(s.id)) add('error', 'unreachable-state', `/states/${i}`, 'unreachable', { id: s.id, initial: def.initial });
    if (!s.final && exits.length === 0) add('error', 'dead-end-state', `/states/${i}`, 'dead-end', { id: s.id });
    if (s.final && def.transitions.some((t) => t.from.includes(s.id))) {
      add('warning', 'final-with-exits', `/states/${i}`, 'final-exits', { id: s.id });
    }
  });
  if (!def.states.some((s) => s.final)) add('warning', 'dead-end-state', '/states', 'no-final');
  def.roles.forEach((x, i) => {
    if (!usedRoles.has(x.id)) add('warning', 'unused-role', `/roles/${i}`, 'unused-role', { id: x.id });
  });
  return { ok: !problems.some((p) => p.severity === 'error'), problems };
}


/** Checks a definition and returns it typed, or throws a DefinitionError listing the errors. */
export function loadDefinition(input: unknown): WorkflowDefinition {
  const report = checkDefinition(input);
  if (!report.ok) {
    const id = typeof (input as { id?: unknown })?.id === 'string' ? (input as { id: string }).id : '(no id)';
    throw new DefinitionError(id, report.problems);
  }
  return input as WorkflowDefinition;
}
