// What <wy-complaint-form> hands its inner <wy-schema-form>, as pure functions over plain data:
// the complaint schema with the host's offices and the routing reasons as options, the intake
// layout (complaint.ui.json + the manual's help + routing compute rules + the office's project),
// the read layout (顾客服务记录表), and the validator for intake (the complete record's check,
// recordProblems, is in record-problems.ts: it carries the error messages, needed only on submit).
// No DOM, no Lit: tested in Node (test/node/complaint-form-model.test.ts).
import type { GeneratedValidator } from '../../generated/validator-types.js';
import type { Localized } from '../i18n/locale.js';
import type { JsonSchema } from '../form/types.js';
import type { UiField, UiGroup, UiSchema } from '../form/ui.js';
import type { UiRule } from '../form/rules.js';
import { routingComputeRules, routingReasons, type RoutingRules } from './routing.js';
import type { IntakeGuide } from './guide.js';

type Rec = Record<string, unknown>;
const isObj = (v: unknown): v is Rec => Boolean(v) && typeof v === 'object' && !Array.isArray(v);
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A management office (管理处) as the host gives it (schemas/examples/offices.json). */
export interface IntakeOffice {
  readonly id: string;
  readonly name: string | Localized;
  /** The project (小区) the office manages: the form fills and locks `project` when it is chosen. */
  readonly project?: string;
}

/** The fields the element fills (not the user): shown in the read view, hidden at intake. */
export const ELEMENT_FIELDS: readonly string[] = ['/recordNo', '/firstReceiver'];

/** Offices usable as options: an id that is a non-empty string and not a prototype key. */
export function usableOffices<T extends IntakeOffice>(offices: readonly (T | null | undefined)[] | undefined): T[] {
  return (offices ?? []).filter((o): o is T => Boolean(o) && typeof o!.id === 'string' && o!.id !== '' && !FORBIDDEN_KEYS.has(o!.id));
}

/**
 * The complaint schema as the form shows it: the office select's options from the offices (the
 * shipped validator still checks the record; the `$id` is unchanged), and routing reasons with
 * their labels. A value outside the list (an old office, a reason typed by a person) stays an
 * option, labelled with itself, so it is shown rather than dropped. Returns a new schema.
 */
export function complaintFormSchema(schema: JsonSchema, offices: readonly IntakeOffice[], value: Readonly<Rec>): JsonSchema {
  const s = structuredClone(schema);
  const props = (s.properties ??= {}) as Record<string, JsonSchema>;
  if (offices.length) {
    const ids = offices.map((o) => o.id);
    const labels: Record<string, Localized> = {};
    for (const o of offices) labels[o.id] = typeof o.name === 'string' ? { 'zh-CN': o.name, en: o.name } : o.name;
    const cur = value['officeId'];
    if (typeof cur === 'string' && cur && !ids.includes(cur) && !FORBIDDEN_KEYS.has(cur)) {
      ids.push(cur);
      labels[cur] = { 'zh-CN': cur, en: cur };
    }
    props['officeId'] = { ...props['officeId'], enum: ids, 'x-labels': labels } as JsonSchema;
  }
  const routing = s.definitions?.['routing']?.properties as Record<string, JsonSchema> | undefined;
  if (routing) {
    const codes: string[] = routingReasons.map((r) => r.code);
    const labels: Record<string, Localized> = Object.fromEntries(routingReasons.map((r) => [r.code, r.label]));
    const cur = isObj(value['routing']) ? value['routing']['reason'] : undefined;
    if (typeof cur === 'string' && cur && !codes.includes(cur) && !FORBIDDEN_KEYS.has(cur)) {
      codes.push(cur);
      labels[cur] = { 'zh-CN': cur, en: cur };
    }
    routing['reason'] = { ...routing['reason'], enum: codes, 'x-labels': labels } as JsonSchema;
  }
  return s;
}

/**
 * The intake layout: complaint.ui.json plus the manual's definition as help beside the type of
 * feedback and the category and one notice per type (`guide`, from intakeGuide()), the routing
 * table as compute rules (the routing shown follows what is typed), and, for offices that name
 * their project, a rule that fills `project` from the chosen office and locks it.
 */
export function intakeUiSchema(base: UiSchema, guide: IntakeGuide, offices: readonly IntakeOffice[], rules: RoutingRules): UiSchema {
  const fields: Record<string, UiField> = { ...base.fields };
  fields['/kind'] = { ...fields['/kind'], help: guide.kindHelp };
  fields['/category'] = { ...fields['/category'], help: guide.categoryHelp };
  fields['/officeId'] = { ...fields['/officeId'], widget: offices.length ? 'select' : 'text' };
  const extra: UiRule[] = routingComputeRules(rules);
  const withProject = offices.filter((o) => typeof o.project === 'string' && o.project);
  if (withProject.length) {
    extra.push(
      {
        id: 'office-project',
        effect: 'compute',
        target: '/project',
        value: { if: [...withProject.flatMap((o) => [{ '==': [{ var: 'officeId' }, o.id] }, o.project]), { var: ['project', ''] }] },
      },
      {
        id: 'office-project-fixed',
        effect: 'disable',
        target: '/project',
        when: { in: [{ var: 'officeId' }, withProject.map((o) => o.id)] },
      },
    );
  }
  return { ...base, fields, rules: [...(base.rules ?? []), ...extra], notices: [...(base.notices ?? []), ...guide.notices] };
}

/** Titles of the two groups the read view adds around the intake groups. */
export interface ReadGroupTitles {
  /** Record number and first receiver (登记信息). */
  readonly record: Localized;
  /** Everything the workflow filled: handler … closed at (处理与回访). */
  readonly handling: Localized;
}

/**
 * The read view (顾客服务记录表): registration (record number, first receiver) first, then the
 * intake groups, then everything the workflow filled — every field the intake layout hides,
 * except `meta`. A stored routing is always shown (the intake shows it only when it leaves the
 * customer-service centre).
 */
export function readUiSchema(base: UiSchema, titles: ReadGroupTitles): UiSchema {
  const fields: Record<string, UiField> = {};
  const later: string[] = [];
  for (const [p, f] of Object.entries(base.fields ?? {})) {
    if (f.widget === 'hidden' && p !== '/meta') {
      const { widget: _w, ...rest } = f;
      fields[p] = rest;
      if (!ELEMENT_FIELDS.includes(p)) later.push(p);
    } else fields[p] = f;
  }
  const groups: UiGroup[] = [
    { id: 'record', title: titles.record, fields: ELEMENT_FIELDS },
    ...(base.groups ?? []),
    { id: 'handling', title: titles.handling, fields: later },
  ];
  const rules = (base.rules ?? []).map((r) => (r.effect === 'show' && r.target === '/routing' ? { ...r, when: { '!!': [{ var: 'routing.unit' }] } } : r));
  return { ...base, groups, fields, rules };
}

/**
 * What the intake form validates with: the shipped complaint validator, with the parts the
 * element fills — record number, first receiver — standing in while absent, so the user is asked
 * only for what the user can give. The completed record is validated again, in full
 * (`recordProblems`), before it leaves the element.
 */
export function intakeValidator(validate: GeneratedValidator<unknown>): GeneratedValidator<unknown> {
  const fn = ((data: unknown): data is unknown => {
    const v: Rec = isObj(data) ? data : {};
    const ok = validate({ recordNo: 'PENDING', firstReceiver: { id: '-', name: '-' }, ...v });
    fn.errors = validate.errors ?? null;
    return ok;
  }) as GeneratedValidator<unknown>;
  return fn;
}
