import type { GeneratedValidator } from '../../generated/validator-types.js';
import type { GeneratedError } from '../../generated/validator-types.js';
import type { mapErrors } from '../errors.js';
import { FormSchemaError, type FormModel, type Text } from './types.js';
import type { UiRule } from './rules.js';
import { joinPointer } from '../kernel/pointer.js';

export interface UiField {
  readonly widget?: string;
  readonly label?: Text;
  readonly help?: Text;
  readonly placeholder?: Text;
  readonly span?: number;
  readonly rows?: number;
  readonly keep?: boolean;
  readonly readonly?: boolean;
  readonly accept?: string;
}
export interface UiGroup {
  readonly id: string;
  readonly title?: Text;
  readonly description?: Text;
  readonly columns?: number;
  readonly fields: readonly string[];
}
export interface UiStep {
  readonly id: string;
  readonly title?: Text;
  readonly groups: readonly UiGroup[];
}
export interface UiNotice {
  readonly id: string;
  readonly tone?: 'info' | 'warning' | 'danger';
  readonly when: unknown;
  readonly text: Text;
  readonly textFrom?: unknown;
}
export interface UiDocument {
  readonly number?: string;
  readonly version?: string;
  readonly title?: Text;
  readonly department?: Text;
}
/** A UI schema (`*.ui.json`), validated against `schemas/ui.schema.json`. */
export interface UiSchema {
  readonly schema?: string;
  readonly document?: UiDocument;
  readonly columns?: number;
  readonly groups?: readonly UiGroup[];
  readonly steps?: readonly UiStep[];
  readonly fields?: Readonly<Record<string, UiField>>;
  readonly rules?: readonly UiRule[];
  readonly notices?: readonly UiNotice[];
  readonly submitLabel?: Text;
}

/** The layout the element renders: steps (one when not a wizard) of groups of field pointers. */
export interface Layout {
  readonly wizard: boolean;
  readonly steps: readonly { readonly id: string; readonly title?: Text | undefined; readonly groups: readonly UiGroup[] }[];
}

/** Words the first problem of an invalid UI schema (where, and why in English). */
export type UiErrorExplainer = (errors: readonly GeneratedError[]) => { readonly path: string; readonly message: string };

/** Set by `loadUiValidator` (the message catalog loads with the validator, not before). */
let loadedExplainer: UiErrorExplainer | undefined;

/** What `loadUiValidatorWith` needs of `core/errors.ts`. */
export type UiErrorsModule = { readonly mapErrors: typeof mapErrors };

/**
 * The UI schema's own precompiled validator, loaded on demand (a form without a UI schema never
 * needs it), with the error wording `checkUiSchemaWith` uses, from `core/errors.ts` as
 * `loadErrors` loads it. (`loadUiValidator` in ui-loader.ts imports it directly; the form loads it
 * through its own on-demand module, so a bundler does not split what both share: see
 * components/schema-form/lazy/shared.ts.)
 */
export function loadUiValidatorWith(loadErrors: () => Promise<UiErrorsModule>): Promise<GeneratedValidator<unknown>> {
  return Promise.all([import('../../generated/validators/ui.js'), loadErrors()]).then(([m, e]) => {
    loadedExplainer = (errors) => e.mapErrors(errors, { locale: 'en' })[0]!;
    return m.validateUi as GeneratedValidator<unknown>;
  });
}

/**
 * `checkUiSchema` with the UI-schema validator given (see `loadUiValidator`), so a page does not
 * carry it until a UI schema comes. Throws `FormSchemaError` with the pointer inside the UI schema.
 */
export function checkUiSchemaWith(ui: unknown, model: FormModel, validateUi: GeneratedValidator<unknown>, explain?: UiErrorExplainer): UiSchema {
  if (ui === undefined || ui === null) return {};
  checkUiStructure(ui, validateUi, explain);
  return checkUiReferences(ui as UiSchema, model);
}

/** Whether the UI schema is `{}` (nothing to check: valid against `schemas/ui.schema.json`, which requires no property). */
export const isEmptyUiSchema = (ui: unknown): boolean => typeof ui === 'object' && ui !== null && !Array.isArray(ui) && Object.keys(ui).length === 0;

/**
 * The UI schema's shape against `schemas/ui.schema.json` (its own precompiled validator, not
 * validate(): that bundles every schema's). Throws `FormSchemaError` at the first problem.
 */
export function checkUiStructure(ui: unknown, validateUi: GeneratedValidator<unknown>, explain?: UiErrorExplainer): void {
  if (validateUi(ui)) return;
  const errors = validateUi.errors ?? [];
  const first = errors[0];
  const e = (explain ?? loadedExplainer)?.(errors) ?? { path: first?.instancePath ?? '', message: `fails "${first?.keyword ?? 'schema'}"` };
  throw new FormSchemaError('uiSchema', e.path, e.message);
}

/**
 * What the UI schema names in the data schema (its `schema` id, every field pointer in groups,
 * steps, fields and rule targets). Assumes the shape was checked (`checkUiStructure`) — a form
 * that runs it first on an unchecked UI schema treats any other throw as "check the shape".
 */
export function checkUiReferences(u: UiSchema, model: FormModel): UiSchema {
  if (u.schema && model.id && u.schema !== model.id) {
    throw new FormSchemaError('uiSchema', '/schema', `this layout is for "${u.schema}", not "${model.id}"`);
  }
  const known = (p: string) => model.byPath.has(p.replace(/\/\d+(?=\/|$)/g, '/*'));
  const check = (p: string, where: string) => {
    if (!known(p)) throw new FormSchemaError('uiSchema', where, `no field "${p}" in the schema`);
  };
  const checkGroups = (groups: readonly UiGroup[], where: string) =>
    groups.forEach((g, i) => g.fields.forEach((p, j) => check(p, `${where}/${i}/fields/${j}`)));
  if (u.groups) checkGroups(u.groups, '/groups');
  u.steps?.forEach((s, i) => checkGroups(s.groups, `/steps/${i}/groups`));
  for (const p of Object.keys(u.fields ?? {})) check(p, joinPointer('/fields', p));
  u.rules?.forEach((r, i) => (typeof r.target === 'string' ? [r.target] : r.target).forEach((t, j) => check(t, `/rules/${i}/target${typeof r.target === 'string' ? '' : `/${j}`}`)));
  return u;
}

/**
 * Steps and groups to render. Top-level fields no group mentions (neither the field, nor an
 * ancestor, nor a descendant) go into a last group, in schema order, so nothing is lost.
 */
export function buildLayout(model: FormModel, ui: UiSchema): Layout {
  const steps = ui.steps ?? [{ id: 'main', groups: ui.groups ?? [] }];
  const listed = steps.flatMap((s) => s.groups.flatMap((g) => g.fields));
  const covered = (p: string) => listed.some((l) => l === p || l.startsWith(`${p}/`) || p.startsWith(`${l}/`));
  const rest = (model.root.children ?? []).map((f) => f.path).filter((p) => !covered(p) && ui.fields?.[p]?.widget !== 'hidden');
  const out = steps.map((s) => ({ id: s.id, title: s.title, groups: [...s.groups] }));
  if (rest.length) {
    const last = out[out.length - 1]!;
    last.groups.push({ id: last.groups.length ? 'more' : 'main', fields: rest });
  }
  return { wizard: Boolean(ui.steps && ui.steps.length > 1), steps: out };
}
