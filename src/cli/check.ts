// `wuye-kit check`: what kind of configuration file this is, then the checks wuye-kit itself runs
// on it (the precompiled validators and the linters of core and workflow), each problem placed
// at its line and column. No file system here: the caller reads files and the shipped schemas.
import { validate } from '../core/validate.js';
import type { Locale } from '../core/i18n/locale.js';
import { checkDeductionRules } from '../core/deductions/rules.js';
import { createCalendar, CalendarDataError } from '../core/calendar/index.js';
import { normalizeSchema } from '../core/form/normalize.js';
import { checkUiSchema } from '../core/form/ui-check.js';
import { compileRules } from '../core/form/rules.js';
import { FormSchemaError, type JsonSchema } from '../core/form/types.js';
import { checkDefinition } from '../workflow/definition.js';
import { parseJsonSource, positionOf, JsonSyntaxError, type JsonSource, type Position } from './json-source.js';
import { escapeKey, splitPointer, unescapeKey } from '../core/kernel/pointer.js';
import { cliText, type CliTextKey } from './messages.js';
import { mapErrors } from '../core/errors.js';
import { checkRoutingRules, RoutingRulesError } from '../core/complaint/routing.js';
import { factsOf, shapeOf, requiresProvenance, type ConfigShape, type Fact } from '../core/provenance.js';

export const KINDS = ['schema', 'ui', 'deduction-rules', 'workflow', 'calendar', 'common-problems', 'routing', 'guide', 'record'] as const;
export type FileKind = (typeof KINDS)[number];

/** Annotation keywords shipped schemas carry (labels, help); the same list as .scripts/gen/provenance.ts. */
export const ANNOTATIONS = ['x-label', 'x-labels', 'x-help', 'x-doc', 'x-placeholder', 'x-source', 'x-default', 'x-note', 'x-provenance', 'x-meta'] as const;
export const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

export interface Finding {
  readonly severity: 'error' | 'warning';
  /** Stable code: `json`, `schema`, a linter's problem code, … */
  readonly code: string;
  /** JSON pointer into the file. */
  readonly path: string;
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

export interface FileReport {
  readonly file: string;
  readonly kind: FileKind | 'unknown';
  /** For `record`: the shipped schema's short name. */
  readonly schema?: string;
  readonly findings: readonly Finding[];
}

/** The shipped schemas, read by the caller from the package's `schemas/` folder. */
export interface Shipped {
  /** Short name (`complaint`) → schema. */
  readonly schemas: ReadonlyMap<string, JsonSchema>;
  /** `$id` → short name. */
  readonly ids: ReadonlyMap<string, string>;
  /** Every vocabulary schema (what data schemas `$ref`). */
  readonly vocab: readonly JsonSchema[];
  /**
   * schemas/meta/ by short name (`form`, `vocabulary`, `complaint-routing`,
   * `complaint-definition`): the meta-schemas of forms and vocabularies (draft-07 plus the
   * provenance rule), of the routing table and of the complaint definition; used by check only.
   */
  readonly meta?: ReadonlyMap<string, JsonSchema>;
  /** `$schema` value to suggest for a kind or record schema name, relative to the checked file. */
  readonly schemaRef: (name: string) => string;
}

export interface CheckOptions {
  readonly file: string;
  readonly locale: Locale;
  readonly shipped: Shipped;
  readonly kind?: FileKind;
  /** For `record`: the schema's short name or `$id`. */
  readonly schema?: string;
  /** For `ui`: the data schema the layout is for, when it is not a shipped one. */
  readonly against?: JsonSchema;
  /**
   * Whether facts must carry provenance (default true). `wuye-kit compile` turns it off: a
   * run-time validator carries no notes, and a host's own form need not cite the manual to work.
   */
  readonly provenance?: boolean;
}

/** The shipped schema each configuration kind is checked against. */
const KIND_SCHEMA: Readonly<Record<Exclude<FileKind, 'schema' | 'record' | 'routing' | 'guide'>, string>> = {
  ui: 'ui',
  'deduction-rules': 'deduction-rules',
  workflow: 'workflow',
  calendar: 'calendar',
  'common-problems': 'common-problems',
};

/** Kinds whose meta-schema lives in schemas/meta/ (check only; no run-time validator). */
const OWN_META: Readonly<Record<'routing' | 'guide', string>> = { routing: 'complaint-routing', guide: 'complaint-definition' };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (o: Obj, ...keys: string[]) => keys.every((k) => Object.hasOwn(o, k));

/** Kind from `$schema` (its file name), else from the keys the file has. */
export function detectKind(data: unknown, shipped: Shipped): { kind: FileKind; schema?: string } | undefined {
  if (!isObj(data)) return undefined;
  const ref = data['$schema'];
  if (typeof ref === 'string') {
    if (/json-schema\.org/.test(ref)) return { kind: 'schema' };
    const base = ref.split(/[\\/#?]/).filter(Boolean).pop() ?? '';
    const name = base.replace(/\.schema\.json$/, '').replace(/\.json$/, '');
    const kind = (Object.keys(KIND_SCHEMA) as (keyof typeof KIND_SCHEMA)[]).find((k) => KIND_SCHEMA[k] === name);
    if (kind) return { kind };
    const byId = shipped.ids.get(ref);
    if (byId) return { kind: 'record', schema: byId };
    if (shipped.schemas.has(name)) return { kind: 'record', schema: name };
  }
  if (has(data, 'states', 'transitions', 'initial')) return { kind: 'workflow' };
  if (has(data, 'workingHours', 'days')) return { kind: 'calendar' };
  if (has(data, 'base', 'adjustments', 'ratings')) return { kind: 'deduction-rules' };
  if (has(data, 'problems', 'defaults')) return { kind: 'common-problems' };
  if (has(data, 'rules', 'otherwise')) return { kind: 'routing' };
  if (has(data, 'definition', 'kinds')) return { kind: 'guide' };
  if (has(data, 'properties') || (typeof data['$id'] === 'string' && has(data, 'type'))) return { kind: 'schema' };
  // `rules` alone is not enough: other rule files (routing, deductions) have rules too.
  if (['groups', 'steps', 'fields', 'notices', 'document'].some((k) => Object.hasOwn(data, k))) return { kind: 'ui' };
  return undefined;
}

/** Checks one file's text. Never throws for bad input: every problem is a finding. */
export async function checkText(text: string, options: CheckOptions): Promise<FileReport> {
  const { locale, shipped, file } = options;
  const t = (key: CliTextKey, params?: Record<string, string | number>) => cliText(locale, key, params);
  let source: JsonSource;
  try {
    source = parseJsonSource(text);
  } catch (err) {
    if (!(err instanceof JsonSyntaxError)) throw err;
    return { file, kind: 'unknown', findings: [{ severity: 'error', code: 'json', path: '', message: t('err.json', { detail: err.reason }), ...err.at }] };
  }
  const findings: Finding[] = [];
  const at = (p: string): Position => positionOf(source, p);
  const add = (severity: Finding['severity'], code: string, path: string, message: string) => findings.push({ severity, code, path, message, ...at(path) });
  for (const d of source.duplicates) findings.push({ severity: 'warning', code: 'duplicate-key', path: d.pointer, message: t('lint.duplicateKey', { key: decodeKey(d.pointer) }), ...d.at });
  for (const d of source.protoKeys) findings.push({ severity: 'warning', code: 'proto-key', path: d.pointer, message: t('lint.protoKey'), ...d.at });

  const data = source.value;
  let kind = options.kind;
  let schema = options.schema;
  if (schema !== undefined) {
    const name = shipped.schemas.has(schema) ? schema : shipped.ids.get(schema);
    if (!name) {
      add('error', 'usage', '', t('err.badSchema', { schema, known: [...shipped.schemas.keys()].join(', ') }));
      return done();
    }
    schema = name;
    kind ??= 'record';
  }
  if (kind === undefined) {
    const detected = detectKind(data, shipped);
    if (!detected) {
      add('error', 'kind', '', t('err.kind', { example: shipped.schemaRef('workflow') }));
      return done();
    }
    kind = detected.kind;
    schema ??= detected.schema;
  }
  if (kind === 'record' && schema === undefined) {
    add('error', 'kind', '', t('err.kind', { example: shipped.schemaRef('complaint') }));
    return done();
  }

  // A configurator's file should name its meta-schema, once that schema lets it.
  const metaName = kind === 'schema' || kind === 'routing' || kind === 'guide' ? undefined : kind === 'record' ? schema! : KIND_SCHEMA[kind];
  if (metaName !== undefined && isObj(data) && !Object.hasOwn(data, '$schema')) {
    const meta = shipped.schemas.get(metaName);
    if (isObj(meta?.properties) && Object.hasOwn(meta.properties, '$schema')) add('warning', 'no-$schema', '', t('lint.noSchemaRef', { ref: shipped.schemaRef(metaName) }));
  }

  switch (kind) {
    case 'schema':
      await checkDataSchema(data, shipped, locale, add);
      break;
    case 'ui':
      checkUi(data, options, add);
      break;
    case 'deduction-rules':
      for (const e of checkDeductionRules(data, { locale }).errors) add('error', e.keyword === 'json' ? 'json' : 'rules', e.path, e.message);
      break;
    case 'workflow': {
      // The definition linter words its findings (schema errors included) in the requested language.
      for (const p of checkDefinition(data, { locale }).problems) add(p.severity, p.code, p.path, p.message);
      break;
    }
    case 'calendar':
      if (schemaErrors('calendar', data, locale, add)) {
        try {
          createCalendar(data as Parameters<typeof createCalendar>[0]);
        } catch (err) {
          if (!(err instanceof CalendarDataError)) throw err;
          const period = /period (\d+)/.exec(err.message);
          add('error', 'calendar', period ? `/workingHours/${Number(period[1]) - 1}` : '', t('err.calendar', { detail: err.message }));
        }
        duplicates(data, 'days', 'date', (p, v) => add('warning', 'duplicate-date', p, t('lint.dupDate', { date: v })));
      }
      break;
    case 'common-problems':
      if (schemaErrors('common-problems', data, locale, add)) duplicates(data, 'problems', 'id', (p, v) => add('error', 'duplicate-id', p, t('lint.dupId', { id: v })));
      break;
    case 'record':
      schemaErrors(schema!, data, locale, add);
      break;
    case 'routing':
      if (await ownMetaErrors(shipped.meta?.get(OWN_META.routing), data, shipped, locale, add)) {
        const dup = duplicates(data, 'rules', 'id', (p, v) => add('error', 'duplicate-id', p, t('lint.dupId', { id: v })));
        // What the meta-schema cannot see (JSONLogic operators and their data): routeComplaint's own check.
        if (!dup) {
          try {
            checkRoutingRules(data);
          } catch (err) {
            if (!(err instanceof RoutingRulesError)) throw err;
            add('error', 'routing', err.pointer, routingReason(err.reason, t));
          }
        }
      }
      break;
    case 'guide':
      if (await ownMetaErrors(shipped.meta?.get(OWN_META.guide), data, shipped, locale, add)) {
        duplicates(data, 'notes', 'id', (p, v) => add('error', 'duplicate-id', p, t('lint.dupId', { id: v })));
        const g = data as { notes: { id: string }[]; kinds: Record<string, { notes?: string[] }> };
        const ids = new Set(g.notes.map((n) => n.id));
        for (const [k, v] of Object.entries(g.kinds)) v.notes?.forEach((id, i) => ids.has(id) || add('error', 'unknown-note', `/kinds/${escapeKey(k)}/notes/${i}`, t('lint.unknownNote', { id })));
      }
      break;
  }
  // Provenance (issue 14): the meta-schemas require `x-source`, or `x-default` + `x-note`, on
  // every fact; run-time validators leave that out (pages carry no notes), so check it here.
  if (options.provenance === false) return done();
  if (metaName !== undefined) await metaProvenance(shipped.schemas.get(metaName), `${metaName}.schema.json`, data, shipped, locale, add);
  else if (kind === 'routing' || kind === 'guide') await metaProvenance(shipped.meta?.get(OWN_META[kind]), `meta/${OWN_META[kind]}.schema.json`, data, shipped, locale, add);
  else if (kind === 'schema') await dataSchemaProvenance(data, shipped, locale, add);
  return done();

  function done(): FileReport {
    findings.sort((a, b) => a.line - b.line || a.column - b.column);
    return { file, kind: kind ?? 'unknown', ...(kind === 'record' && schema ? { schema } : {}), findings };
  }

  function checkUi(ui: unknown, o: CheckOptions, addF: typeof add) {
    if (!schemaErrors('ui', ui, locale, addF)) return;
    const u = ui as { schema?: string; groups?: { fields: string[] }[]; steps?: { groups: { fields: string[] }[] }[]; rules?: unknown[] };
    try {
      compileRules(u.rules as Parameters<typeof compileRules>[0]);
    } catch (err) {
      if (!(err instanceof FormSchemaError)) throw err;
      addF('error', 'ui-rule', err.pointer, err.reason);
    }
    // The same field in two places of the layout renders twice.
    const seen = new Set<string>();
    const groupsAt: [string, { fields: string[] }[]][] = [['/groups', u.groups ?? []], ...(u.steps ?? []).map((s, i): [string, { fields: string[] }[]] => [`/steps/${i}/groups`, s.groups])];
    for (const [where, groups] of groupsAt) {
      groups.forEach((g, i) =>
        g.fields.forEach((f, j) => {
          if (seen.has(f)) addF('warning', 'duplicate-field', `${where}/${i}/fields/${j}`, t('lint.dupField', { field: f }));
          seen.add(f);
        }),
      );
    }
    const dataName = u.schema === undefined ? undefined : shipped.ids.get(u.schema);
    const dataSchema = o.against ?? (dataName === undefined ? undefined : shipped.schemas.get(dataName));
    if (!dataSchema) {
      if (u.schema !== undefined) addF('warning', 'ui-schema-unknown', '/schema', t('err.uiFor', { schema: u.schema }));
      return;
    }
    try {
      checkUiSchema(ui, normalizeSchema(dataSchema, { refs: refsById(shipped) }));
    } catch (err) {
      if (!(err instanceof FormSchemaError)) throw err;
      addF('error', err.source === 'uiSchema' ? 'ui-field' : 'form', err.source === 'uiSchema' ? err.pointer : '/schema', err.reason);
    }
  }
}

const decodeKey = (pointer: string) => unescapeKey(pointer.slice(pointer.lastIndexOf('/') + 1));

/** Validates against a shipped schema's precompiled validator; false when it had errors. */
function schemaErrors(name: string, data: unknown, locale: Locale, add: (s: Finding['severity'], code: string, path: string, message: string) => void): boolean {
  const r = validate(name, data, { locale });
  for (const e of r.errors) add('error', 'schema', e.path, e.message);
  return r.valid;
}

/**
 * A routing-table problem in the reader's language. After the meta-schema and the id check, what
 * checkRoutingRules (core, English reasons) can still refuse is the JSONLogic of a `when`: those
 * reasons are worded here; anything else keeps its detail.
 */
function routingReason(reason: string, t: (k: CliTextKey, p?: Record<string, string | number>) => string): string {
  // logicDeps' reasons come wrapped as a FormSchemaError message (`uiSchema at /rules/0/when: …`).
  const bare = reason.replace(/^\w+ at \S*: /, '');
  const m = (re: RegExp) => re.exec(bare)?.[1];
  const op = m(/^the "([^"]+)" operator is not allowed$/);
  if (op !== undefined) return t('routing.op', { op });
  if (/exactly one operator/.test(bare)) return t('routing.oneOp');
  const unknown = m(/^unknown JSONLogic operator "([^"]+)"$/);
  if (unknown !== undefined) return t('routing.unknownOp', { op: unknown });
  const name = m(/^"([^"]+)" is not allowed$/);
  if (name !== undefined) return t('routing.var', { name });
  return t('err.routing', { detail: reason });
}

/** Reports repeated `key` values in the list `list`; true when there was one. */
function duplicates(data: unknown, list: string, key: string, report: (path: string, value: string) => void): boolean {
  const items = isObj(data) && Array.isArray(data[list]) ? (data[list] as unknown[]) : [];
  const seen = new Set<string>();
  let found = false;
  items.forEach((item, i) => {
    const v = isObj(item) ? item[key] : undefined;
    if (typeof v !== 'string') return;
    if (seen.has(v)) {
      report(`/${list}/${i}/${key}`, v);
      found = true;
    }
    seen.add(v);
  });
  return found;
}

function refsById(shipped: Shipped): Record<string, JsonSchema> {
  const refs: Record<string, JsonSchema> = {};
  for (const v of [...shipped.vocab, ...shipped.schemas.values()]) if (typeof v.$id === 'string') refs[v.$id] = v;
  return refs;
}

type AddFinding = (s: Finding['severity'], code: string, path: string, message: string) => void;

/** A meta-schema's full validator (provenance requirement included), compiled once per process. */
type MetaError = { instancePath: string; schemaPath: string; keyword: string; params: Record<string, unknown> };
type MetaRun = (data: unknown) => MetaError[];
const strictMeta = new WeakMap<JsonSchema, MetaRun>();

/** A meta-schema's full validator (vendored Ajv, compiled once per process). */
async function compiledMeta(meta: JsonSchema, shipped: Shipped): Promise<MetaRun> {
  let run = strictMeta.get(meta);
  if (!run) {
    const { Ajv, addFormats } = await import('../generated/vendor/ajv.js');
    const ajv = prepareAjv(Ajv as unknown as new (o: Record<string, unknown>) => unknown, shipped, { strict: false });
    // The meta-schemas of schemas/meta/ (forms, vocabularies, routing, the guide) are not among the shipped ones.
    if (![...shipped.schemas.values()].includes(meta)) ajv.addSchema(meta);
    addFormats(ajv as never);
    const fn = ajv.getSchema(String(meta.$id)) as ((d: unknown) => boolean) & { errors?: MetaError[] | null };
    run = (d) => (fn(d) ? [] : (fn.errors ?? []));
    strictMeta.set(meta, run);
  }
  return run;
}

/** Whether an Ajv error of a meta-schema is its provenance rule (reported by metaProvenance). */
const isProvenanceError = (e: MetaError) =>
  e.keyword === 'if' || (e.keyword === 'required' && e.params['missingProperty'] === 'x-source' && e.schemaPath.endsWith('/else/required')) || (e.keyword === 'not' && e.schemaPath.endsWith('/then/not'));

/** Field labels of a meta-schema by pointer (`*` for list items and map entries), for its error messages. */
function labelsOf(meta: JsonSchema): Record<string, { 'zh-CN': string; en: string }> {
  const out: Record<string, { 'zh-CN': string; en: string }> = {};
  const walk = (node: unknown, path: string, depth: number) => {
    if (!isObj(node) || depth > 8) return;
    const ref = node['$ref'];
    const target = typeof ref === 'string' && ref.startsWith('#/definitions/') ? (meta.definitions as Obj | undefined)?.[ref.slice('#/definitions/'.length)] : undefined;
    const label = node['x-label'] ?? (isObj(target) ? target['x-label'] : undefined);
    if (path && isObj(label) && typeof label['zh-CN'] === 'string' && typeof label['en'] === 'string') out[path] ??= { 'zh-CN': label['zh-CN'], en: label['en'] };
    if (target) walk(target, path, depth + 1);
    if (isObj(node['properties'])) for (const [k, v] of Object.entries(node['properties'])) walk(v, `${path}/${escapeKey(k)}`, depth + 1);
    walk(node['items'], `${path}/*`, depth + 1);
    walk(node['additionalProperties'], `${path}/*`, depth + 1);
  };
  walk(meta, '', 0);
  return out;
}

/**
 * The structural errors of a file against its meta-schema of schemas/meta/, worded in the locale
 * (the same words as the precompiled validators); provenance is reported apart. True when none.
 */
async function ownMetaErrors(meta: JsonSchema | undefined, data: unknown, shipped: Shipped, locale: Locale, add: AddFinding): Promise<boolean> {
  if (!meta) return true;
  const errors = (await compiledMeta(meta, shipped))(data).filter((e) => !isProvenanceError(e));
  const labels = labelsOf(meta);
  for (const e of mapErrors(errors as never, { locale, labelOf: (p) => labels[p.replace(/\/\d+(?=\/|$)/g, '/*')]?.[locale] })) add('error', 'schema', e.path, e.message);
  return errors.length === 0;
}

/** Whether a (meta-)schema requires provenance anywhere (see requiresProvenance). */
function hasProvenanceRequirement(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasProvenanceRequirement);
  if (!isObj(node)) return false;
  return requiresProvenance(node) || Object.values(node).some(hasProvenanceRequirement);
}

/**
 * The provenance errors of a configurator's file against its meta-schema, compiled here in full
 * with (vendored) Ajv: a fact with neither `x-source` nor `x-default`, or with both. Each is
 * worded with the fact it is about (`state registered`, `clock reply`). Other schema errors come
 * from the checks above and are not repeated.
 */
async function metaProvenance(meta: JsonSchema | undefined, name: string, data: unknown, shipped: Shipped, locale: Locale, add: AddFinding): Promise<Set<string>> {
  const seen = new Set<string>();
  if (!meta || !isObj(data) || !hasProvenanceRequirement(meta)) return seen;
  const run = await compiledMeta(meta, shipped);
  const facts = new Map(factsOf(data).map((f) => [f.path, f.what]));
  const t = (key: CliTextKey, params?: Record<string, string | number>) => cliText(locale, key, params);
  for (const e of run(data)) {
    const missing = e.keyword === 'required' && e.params['missingProperty'] === 'x-source' && e.schemaPath.endsWith('/else/required');
    const both = e.keyword === 'not' && e.schemaPath.endsWith('/then/not');
    if ((!missing && !both) || seen.has(e.instancePath)) continue;
    seen.add(e.instancePath);
    const what = facts.get(e.instancePath) ?? (e.instancePath || '/');
    add('error', 'provenance', e.instancePath, t(missing ? 'prov.required' : 'prov.both', { what, schema: name }));
  }
  return seen;
}

/**
 * A form (data schema) or a vocabulary: `$schema` stays draft-07 (every JSON Schema tool reads
 * it), and our meta-schema of the kind — schemas/meta/form.schema.json or vocabulary.schema.json,
 * draft-07 plus the provenance rule — says which nodes are facts: the form, its top-level fields
 * and record types, each code of a vocabulary. A fact without provenance, or with both, is an
 * error at its line (as for workflows and the other configuration files). What a schema cannot
 * say — a code with no `x-provenance` entry at all, a default without its note — is found from the
 * same facts (provenance.ts). The statistics settings (stats-config) are held to the same rule.
 */
async function dataSchemaProvenance(data: unknown, shipped: Shipped, locale: Locale, add: AddFinding) {
  const t = (key: CliTextKey, params?: Record<string, string | number>) => cliText(locale, key, params);
  const shape = shapeOf(data);
  if (shape !== 'data-schema' && shape !== 'vocabulary' && shape !== 'stats-config') return;
  const metaName = shape === 'vocabulary' ? 'vocabulary' : shape === 'data-schema' ? 'form' : undefined;
  const label = metaName ? `meta/${metaName}.schema.json` : 'stats-config.schema.json';
  const flagged = metaName ? await metaProvenance(shipped.meta?.get(metaName), label, data, shipped, locale, add) : new Set<string>();
  for (const f of factsOf(data, shape)) {
    if (flagged.has(f.path)) continue;
    if (f.provenance.kind === 'missing') add('error', 'provenance', f.path, t('prov.required', { what: f.what, schema: label }));
    else if (f.provenance.kind === 'invalid') add('error', 'provenance', f.path, t('prov.invalid', { what: f.what, reason: t(`prov.reason.${f.provenance.code}`) }));
  }
}

/** The part of (vendored) Ajv the data-schema check uses. */
interface AjvLike {
  addVocabulary(words: readonly string[]): unknown;
  addSchema(schema: object): unknown;
  getSchema(id: string): unknown;
  validateSchema(schema: object): boolean;
  compile(schema: object): unknown;
  errors?: { instancePath: string; keyword: string; message?: string; params: Record<string, unknown> }[] | null;
}

/** Makes the Ajv a data schema is checked and compiled with: strict, annotations known, vocabularies added. */
export function prepareAjv(Ajv: new (o: Record<string, unknown>) => unknown, shipped: Shipped, options: Record<string, unknown> = {}, ownId?: unknown): AjvLike {
  const ajv = new Ajv({ allErrors: true, strict: true, logger: false, ...options }) as AjvLike;
  ajv.addVocabulary(ANNOTATIONS);
  // Vocabularies and the other shipped schemas, so `$ref`s to them resolve (not the file's own $id).
  for (const v of [...shipped.vocab, ...shipped.schemas.values()]) if (v.$id !== ownId) ajv.addSchema(v);
  return ajv;
}

/**
 * A data schema: draft-07, valid against the meta-schema, compiles in strict mode, a form can
 * show it; then the conventions of design.md (a stable `$id`, closed records, zh-CN and en
 * labels on every property and enum).
 */
async function checkDataSchema(data: unknown, shipped: Shipped, locale: Locale, add: (s: Finding['severity'], code: string, path: string, message: string) => void) {
  const t = (key: CliTextKey, params?: Record<string, string | number>) => cliText(locale, key, params);
  if (!isObj(data)) {
    add('error', 'schema', '', t('err.meta', { detail: 'the root must be an object' }));
    return;
  }
  if (data['$schema'] !== DRAFT_07) {
    add('error', 'draft', '/$schema', t('err.schemaVersion', { found: String(data['$schema'] ?? '') }));
    return;
  }
  const { Ajv, addFormats } = await import('../generated/vendor/ajv.js');
  // Ajv's strict mode (unknown keywords, `required` naming an undefined property, types left
  // implicit…) finds likely mistakes, not invalid draft-07: the run-time path accepts such a
  // schema, so these are warnings (failing only with --strict), never a refusal.
  const strictNotes: string[] = [];
  const logger = { log: () => undefined, warn: (...m: unknown[]) => strictNotes.push(m.map(String).join(' ')), error: () => undefined };
  const ajv = prepareAjv(Ajv as unknown as new (o: Record<string, unknown>) => unknown, shipped, { strict: 'log', logger }, data['$id']);
  addFormats(ajv as never);
  if (!ajv.validateSchema(data)) {
    for (const e of ajv.errors ?? []) add('error', 'meta-schema', e.instancePath, t('err.meta', { detail: `${e.keyword}: ${e.message ?? JSON.stringify(e.params)}` }));
    return;
  }
  try {
    ajv.compile(data);
  } catch (err) {
    const msg = String(err instanceof Error ? err.message : err);
    const unknown = /unknown keyword: "([^"]+)"/.exec(msg) ?? /unknown format "([^"]+)"/.exec(msg);
    const ref = /can't resolve reference (\S+)/.exec(msg);
    const path = unknown ? locateKey(data, (n) => Object.hasOwn(n, unknown[1]!) || n['format'] === unknown[1]) : ref ? locateKey(data, (n) => n['$ref'] === ref[1]) : undefined;
    add('error', 'compile', path ?? '', t('err.ajv', { detail: msg.split('\n')[0]! }));
    return;
  }
  for (const note of new Set(strictNotes)) {
    const unknown = /unknown keyword: "([^"]+)"/.exec(note) ?? /unknown format "([^"]+)"/.exec(note);
    const path = unknown ? locateKey(data, (n) => Object.hasOwn(n, unknown[1]!) || n['format'] === unknown[1]) : undefined;
    add('warning', 'ajv-strict', path ?? '', t('lint.ajvStrict', { detail: note.replace(/^strict mode: /, '').split('\n')[0]! }));
  }
  try {
    normalizeSchema(data, { refs: refsById(shipped) });
  } catch (err) {
    if (!(err instanceof FormSchemaError)) throw err;
    // A schema of a list (reference data such as people.schema.json) or a vocabulary (a string
    // enum) is a valid data schema that no form shows: say so, without refusing it.
    // So is a meta-schema (x-meta: schemas/meta/form.schema.json describes schemas, not records).
    const list = (data['type'] !== undefined && data['type'] !== 'object' && err.pointer === '') || data['x-meta'] === true;
    add(list ? 'warning' : 'error', 'form', err.pointer, t('err.form', { detail: err.reason }));
  }
  if (typeof data['$id'] !== 'string') add('warning', 'no-$id', '', t('lint.noId'));
  lintSchemaNode(data, '', add, t, data);
}

/** The target of a local `$ref` (`#/definitions/x`), for labels given on the definition. */
function localTarget(root: Obj, node: Obj): Obj | undefined {
  const ref = node['$ref'];
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return undefined;
  let cur: unknown = root;
  for (const k of splitPointer(ref.slice(1))) cur = isObj(cur) ? cur[k] : undefined;
  return isObj(cur) ? cur : undefined;
}

const SUBSCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', 'dependencies'];
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'items'];
const SUBSCHEMA_ONE = ['items', 'additionalItems', 'additionalProperties', 'contains', 'propertyNames', 'not', 'if', 'then', 'else'];

function lintSchemaNode(node: Obj, path: string, add: (s: Finding['severity'], code: string, p: string, m: string) => void, t: (k: CliTextKey, p?: Record<string, string | number>) => string, root: Obj) {
  const props = node['properties'];
  if (isObj(props)) {
    // Only records (type object): an if/then or allOf part listing properties adds to its parent.
    if (node['type'] === 'object' && node['additionalProperties'] === undefined && node['patternProperties'] === undefined) {
      add('warning', 'additional-properties', path, t('lint.additional'));
    }
    for (const [name, sub] of Object.entries(props)) {
      const p = `${path}/properties/${escapeKey(name)}`;
      if (name === '$schema') continue;
      const label = isObj(sub) ? (sub['x-label'] ?? localTarget(root, sub)?.['x-label']) : undefined;
      if (label === undefined) add('warning', 'no-label', p, t('lint.noLabel', { name }));
      else if (isObj(label)) {
        for (const lang of ['zh-CN', 'en']) if (typeof label[lang] !== 'string' || label[lang] === '') add('warning', 'label-lang', `${p}/x-label`, t('lint.labelLang', { lang }));
      }
    }
  }
  if (Array.isArray(node['enum']) && !isObj(node['x-labels'])) add('warning', 'enum-labels', `${path}/enum`, t('lint.enumLabels'));
  for (const k of SUBSCHEMA_MAPS) {
    const m = node[k];
    if (isObj(m)) for (const [name, sub] of Object.entries(m)) if (isObj(sub)) lintSchemaNode(sub, `${path}/${k}/${escapeKey(name)}`, add, t, root);
  }
  for (const k of SUBSCHEMA_LISTS) {
    const l = node[k];
    if (Array.isArray(l)) l.forEach((sub, i) => isObj(sub) && lintSchemaNode(sub, `${path}/${k}/${i}`, add, t, root));
  }
  for (const k of SUBSCHEMA_ONE) {
    const s = node[k];
    if (isObj(s)) lintSchemaNode(s, `${path}/${k}`, add, t, root);
  }
}

/** Pointer of the first object (depth first) that `test` accepts. */
function locateKey(node: unknown, test: (n: Obj) => boolean, path = ''): string | undefined {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const f = locateKey(node[i], test, `${path}/${i}`);
      if (f !== undefined) return f;
    }
    return undefined;
  }
  if (!isObj(node)) return undefined;
  if (test(node)) return path;
  for (const [k, v] of Object.entries(node)) {
    const f = locateKey(v, test, `${path}/${escapeKey(k)}`);
    if (f !== undefined) return f;
  }
  return undefined;
}

/** One file's provenance: the defaults not replaced, and facts with missing or malformed provenance. */
export interface DefaultsReport {
  readonly file: string;
  readonly shape: ConfigShape | 'unknown';
  readonly manual: number;
  readonly defaults: readonly (Fact & { readonly line: number; readonly column: number })[];
  /** Facts with no provenance or a malformed one (errors, as in `check`: every meta-schema requires it). */
  readonly findings: readonly Finding[];
}

/**
 * `wuye-kit check --defaults`: the facts of a configuration file that are still the project's
 * defaults (`x-default: true`), each with its note of what a company should decide; a fact without
 * provenance, or a malformed one, is an error (every kind of file has a meta-schema that requires
 * it). Never throws for bad input.
 */
export function checkDefaultsText(text: string, file: string, locale: Locale): DefaultsReport {
  const t = (key: CliTextKey, params?: Record<string, string | number>) => cliText(locale, key, params);
  let source: JsonSource;
  try {
    source = parseJsonSource(text);
  } catch (err) {
    if (!(err instanceof JsonSyntaxError)) throw err;
    return { file, shape: 'unknown', manual: 0, defaults: [], findings: [{ severity: 'error', code: 'json', path: '', message: t('err.json', { detail: err.reason }), ...err.at }] };
  }
  const shape = shapeOf(source.value);
  const facts = factsOf(source.value, shape);
  const findings: Finding[] = [];
  const defaults: DefaultsReport['defaults'][number][] = [];
  let manual = 0;
  for (const f of facts) {
    const at = positionOf(source, f.path);
    const p = f.provenance;
    if (p.kind === 'manual') manual++;
    else if (p.kind === 'default') defaults.push({ ...f, ...at });
    else if (p.kind === 'missing') findings.push({ severity: 'error', code: 'provenance', path: f.path, message: t('prov.missing', { what: f.what }), ...at });
    else findings.push({ severity: 'error', code: 'provenance', path: f.path, message: t('prov.invalid', { what: f.what, reason: t(`prov.reason.${p.code}`) }), ...at });
  }
  return { file, shape: shape ?? 'unknown', manual, defaults, findings };
}
