import routingData from '../../generated/data/complaint-routing.js';
import { routingUnit, type RoutingUnit } from '../../generated/vocab/routing-unit.js';
import { routingReason, type RoutingReason } from '../../generated/vocab/routing-reason.js';
import { evaluate, logicDeps, truthy, type UiRule } from '../form/rules.js';
import type { Localized } from '../i18n/locale.js';

/** One routing rule (schemas/complaint-routing.json): the first whose `when` holds decides. */
export interface RoutingRule {
  readonly id: string;
  /** JSONLogic over the complaint record. */
  readonly when: unknown;
  readonly unit: RoutingUnit;
  readonly reason: RoutingReason;
  /** Top-level record field whose text names the department (`ruleOwner`). */
  readonly departmentFrom?: string;
}

/** The routing table: ordered rules plus the unit that owns everything else. */
export interface RoutingRules {
  readonly version: number;
  readonly rules: readonly RoutingRule[];
  readonly otherwise: Omit<RoutingRule, 'when' | 'departmentFrom'>;
}

/** Which unit owns a complaint and why: codes plus their labels, never a formatted sentence. */
export interface RoutingDecision {
  readonly unit: RoutingUnit;
  readonly unitLabel: Localized;
  readonly reason: RoutingReason;
  readonly reasonLabel: Localized;
  /** The department that owns the rule document, when the rule names one and the record gives it. */
  readonly department?: string;
  /** The id of the rule that decided (`otherwise`'s id when none held). */
  readonly rule: string;
}

/** The routing table is not usable: `pointer` says where in the JSON. */
export class RoutingRulesError extends Error {
  override readonly name = 'RoutingRulesError';
  constructor(
    readonly pointer: string,
    readonly reason: string,
  ) {
    super(`complaint routing rules ${pointer || '/'}: ${reason}`);
  }
}

// The two vocabularies, read from their own modules (not the whole vocab table: this ships in an element).
const UNITS: readonly string[] = routingUnit.codes;
const REASONS: readonly string[] = routingReason.codes;
const unitLabels: Readonly<Record<string, Localized>> = routingUnit.labels;
const reasonLabels: Readonly<Record<string, Localized>> = routingReason.labels;
/** The routing reasons with their labels (vocab/routing-reason.json), in order. */
export const routingReasons: readonly { readonly code: RoutingReason; readonly label: Localized }[] = routingReason.codes.map((code) => ({ code, label: reasonLabels[code]! }));
const FIELD = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * Checks a routing table (as read from JSON) and returns it typed. Units and reasons must be
 * vocabulary codes, `when` must be JSONLogic without `method`/prototype keys, `departmentFrom`
 * a plain field name. Throws `RoutingRulesError` naming the pointer of the first problem.
 */
export function checkRoutingRules(data: unknown): RoutingRules {
  const obj = (v: unknown, at: string): Record<string, unknown> => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw new RoutingRulesError(at, 'expected an object');
    return v as Record<string, unknown>;
  };
  const root = obj(data, '');
  if (!Array.isArray(root['rules'])) throw new RoutingRulesError('/rules', 'expected a list of rules');
  const decision = (v: unknown, at: string) => {
    const r = obj(v, at);
    if (typeof r['id'] !== 'string' || !r['id']) throw new RoutingRulesError(`${at}/id`, 'expected a non-empty id');
    if (typeof r['unit'] !== 'string' || !UNITS.includes(r['unit'])) throw new RoutingRulesError(`${at}/unit`, `"${String(r['unit'])}" is not a routing-unit code`);
    if (typeof r['reason'] !== 'string' || !REASONS.includes(r['reason'])) throw new RoutingRulesError(`${at}/reason`, `"${String(r['reason'])}" is not a routing-reason code`);
    return r;
  };
  const ids = new Set<string>();
  root['rules'].forEach((v, i) => {
    const at = `/rules/${i}`;
    const r = decision(v, at);
    if (ids.has(r['id'] as string)) throw new RoutingRulesError(`${at}/id`, `duplicate id "${String(r['id'])}"`);
    ids.add(r['id'] as string);
    if (r['when'] === undefined) throw new RoutingRulesError(`${at}/when`, 'a rule needs a condition');
    noMethod(r['when'], `${at}/when`);
    try {
      logicDeps(r['when'], `${at}/when`);
    } catch (e) {
      throw new RoutingRulesError(`${at}/when`, e instanceof Error ? e.message : String(e));
    }
    const from = r['departmentFrom'];
    if (from !== undefined && (typeof from !== 'string' || !FIELD.test(from))) throw new RoutingRulesError(`${at}/departmentFrom`, 'expected a field name');
  });
  decision(root['otherwise'], '/otherwise');
  return { version: typeof root['version'] === 'number' ? root['version'] : 1, rules: root['rules'] as RoutingRule[], otherwise: root['otherwise'] as RoutingRules['otherwise'] };
}

function noMethod(logic: unknown, at: string): void {
  if (Array.isArray(logic)) logic.forEach((l, i) => noMethod(l, `${at}/${i}`));
  else if (logic !== null && typeof logic === 'object') {
    for (const [op, args] of Object.entries(logic)) {
      if (op === 'method' || op === 'log') throw new RoutingRulesError(at, `the "${op}" operator is not allowed`);
      noMethod(args, at);
    }
  }
}

/** The shipped routing table, schemas/complaint-routing.json. */
export const defaultRoutingRules: RoutingRules = checkRoutingRules(routingData);

const label = (name: 'routingUnit' | 'routingReason', code: string): Localized => (name === 'routingUnit' ? unitLabels : reasonLabels)[code]!;

/**
 * Which unit owns a complaint (各类投诉的负责单位, WI/KF-007), and why:
 * 1 customer complaints → the customer-service centre; 2 an employee's own rights, HQ staff's
 * attitude, staff breaking ethics or law → HR/admin (or the professional company);
 * 3 company rules or processes → the functional department owning the document;
 * 4 media and government bodies → HR/admin. The cases are data (schemas/complaint-routing.json):
 * pass another table to change them. Reads only the record; never throws on odd input.
 */
export function routeComplaint(record: unknown, rules: RoutingRules = defaultRoutingRules): RoutingDecision {
  const data = record && typeof record === 'object' && !Array.isArray(record) ? record : {};
  const hit = rules.rules.find((r) => truthy(evaluate(r.when, data)));
  const rule = hit ?? rules.otherwise;
  const from = hit?.departmentFrom;
  const raw = from && Object.hasOwn(data, from) ? (data as Record<string, unknown>)[from] : undefined;
  const department = typeof raw === 'string' && raw.trim() ? raw.trim() : undefined;
  return {
    unit: rule.unit,
    unitLabel: label('routingUnit', rule.unit),
    reason: rule.reason,
    reasonLabel: label('routingReason', rule.reason),
    ...(department ? { department } : {}),
    rule: rule.id,
  };
}

/** The `routing` value a record stores for a decision (`{ unit, department?, reason }`). */
export function routingValue(d: RoutingDecision): { unit: RoutingUnit; reason: string; department?: string } {
  return { unit: d.unit, reason: d.reason, ...(d.department ? { department: d.department } : {}) };
}

/**
 * The same table as UI-schema `compute` rules for `/routing/unit`, `/routing/reason` and
 * `/routing/department`, so a <wy-schema-form> keeps the suggested routing up to date as the
 * user types, from the very data routeComplaint() reads (one source, no second copy).
 */
export function routingComputeRules(rules: RoutingRules = defaultRoutingRules): UiRule[] {
  const chain = (pick: (r: RoutingRule) => unknown, last: unknown): unknown => {
    if (!rules.rules.length) return last;
    return { if: [...rules.rules.flatMap((r) => [r.when, pick(r)]), last] };
  };
  return [
    { id: 'routing-unit', effect: 'compute', target: '/routing/unit', value: chain((r) => r.unit, rules.otherwise.unit) },
    { id: 'routing-reason', effect: 'compute', target: '/routing/reason', value: chain((r) => r.reason, rules.otherwise.reason) },
    {
      id: 'routing-department',
      effect: 'compute',
      target: '/routing/department',
      value: chain((r) => (r.departmentFrom ? { cat: [{ var: [r.departmentFrom, ''] }] } : ''), ''),
    },
  ];
}
