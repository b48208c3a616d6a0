// Provenance of configuration facts: every vocabulary entry, workflow step, transition, clock,
// form, form number, rule and default says where it comes from — `x-source` (the manual's
// document and section, e.g. `WI/KF-007 四(二)3`, `CRM 5.3.8`) — or that it is the project's
// default (`x-default: true` plus an `x-note` of what a company should decide). This module finds
// the facts of a configuration file (by its shape, so it works on a host's copies too) and reads
// their provenance; the shipped-files test requires it everywhere, `wuye-kit check --defaults`
// lists the defaults a host has not replaced, and schemas/README.md is generated from it.

import { escapeKey } from './kernel/pointer.js';

/** Where one fact comes from. */
export type Provenance =
  | { readonly kind: 'manual'; readonly source: string }
  | { readonly kind: 'default'; readonly note: string }
  | { readonly kind: 'missing' }
  /** Malformed: both, or `x-default` without a note, or not a string / not `true`. */
  | { readonly kind: 'invalid'; readonly reason: string; readonly code: InvalidProvenance };

/** What is wrong with a malformed provenance (for wording it in a language). */
export type InvalidProvenance = 'both' | 'source' | 'default' | 'note';

/** The shapes of configuration file this module knows. */
export type ConfigShape =
  | 'vocabulary'
  | 'data-schema'
  | 'workflow'
  | 'ui'
  | 'deduction-rules'
  | 'routing'
  | 'common-problems'
  | 'calendar'
  | 'stats-config'
  | 'guide'
  | 'meta';

/** One fact of a file and its provenance. */
export interface Fact {
  /** JSON pointer of the node that carries (or should carry) the provenance keys. */
  readonly path: string;
  /** What the fact is, for people: `state owner-notified`, `code major`, `clock reply`. */
  readonly what: string;
  /** The fact's zh-CN / en title when it has one. */
  readonly title?: { readonly 'zh-CN'?: string; readonly en?: string };
  readonly provenance: Provenance;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const JSON_SCHEMA = /json-schema\.org/;

/** Reads `x-source` / `x-default` / `x-note` of one node. */
export function provenanceOf(node: unknown): Provenance {
  if (!isObj(node)) return { kind: 'missing' };
  const source = node['x-source'];
  const dflt = node['x-default'];
  const note = node['x-note'];
  if (source !== undefined && dflt !== undefined) return { kind: 'invalid', code: 'both', reason: 'both x-source and x-default' };
  if (source !== undefined) return typeof source === 'string' && source.trim() !== '' ? { kind: 'manual', source } : { kind: 'invalid', code: 'source', reason: 'x-source must be a non-empty string' };
  if (dflt !== undefined) {
    if (dflt !== true) return { kind: 'invalid', code: 'default', reason: 'x-default must be true' };
    return typeof note === 'string' && note.trim() !== '' ? { kind: 'default', note } : { kind: 'invalid', code: 'note', reason: 'x-default needs an x-note (what a company should decide)' };
  }
  return { kind: 'missing' };
}

/** The shape of a configuration file, from its keys (as `wuye-kit check` detects kinds). */
export function shapeOf(data: unknown): ConfigShape | undefined {
  if (!isObj(data)) return undefined;
  const has = (...k: string[]) => k.every((x) => Object.hasOwn(data, x));
  if (typeof data['$schema'] === 'string' && JSON_SCHEMA.test(data['$schema'])) {
    if (Array.isArray(data['enum']) && isObj(data['x-labels'])) return 'vocabulary';
    // The statistics table's settings live in its schema's `default` (form block, measures).
    if (isObj(data['default']) && isObj(data['default']['form'])) return 'stats-config';
    // Meta-schemas describe a configuration format (workflow, ui, …): they hold no business facts.
    return data['x-meta'] === true ? 'meta' : 'data-schema';
  }
  if (has('states', 'transitions', 'initial')) return 'workflow';
  if (has('workingHours', 'days')) return 'calendar';
  if (has('base', 'adjustments', 'ratings')) return 'deduction-rules';
  if (has('problems', 'defaults')) return 'common-problems';
  if (has('rules', 'otherwise')) return 'routing';
  if (has('definition', 'kinds')) return 'guide';
  if (['groups', 'steps', 'fields', 'notices', 'document'].some((k) => has(k))) return 'ui';
  return undefined;
}

const titleOf = (node: unknown): Fact['title'] => {
  if (!isObj(node)) return undefined;
  const t = node['title'] ?? node['label'] ?? node['name'] ?? node['x-label'];
  return isObj(t) ? (t as Fact['title']) : undefined;
};

/**
 * Every fact of a configuration file with its provenance. Which nodes are facts, per shape:
 * a vocabulary and each of its codes (`x-provenance/<code>`); a data schema (the form), its
 * top-level fields, its record types (`definitions`) and the codes of an enum given in place; a workflow, its roles, states, transitions, clocks and escalation steps,
 * children specs; a UI schema, its document block (number, version) and notices; a rule set and
 * each rule; a calendar. Unknown shapes have no facts.
 */
export function factsOf(data: unknown, shape: ConfigShape | undefined = shapeOf(data)): Fact[] {
  const facts: Fact[] = [];
  if (!isObj(data) || shape === undefined || shape === 'meta') return facts;
  const add = (path: string, what: string, node: unknown) => {
    const title = titleOf(node);
    facts.push({ path, what, ...(title ? { title } : {}), provenance: provenanceOf(node) });
  };
  const each = (key: string, what: (n: Obj, i: number) => string, node: Obj = data, base = '') => {
    const list = node[key];
    if (Array.isArray(list)) list.forEach((n, i) => add(`${base}/${key}/${i}`, what(isObj(n) ? n : {}, i), n));
  };
  const id = (n: Obj, i: number) => String(n['id'] ?? n['event'] ?? i);
  switch (shape) {
    case 'vocabulary': {
      add('', 'vocabulary', data);
      const prov = isObj(data['x-provenance']) ? data['x-provenance'] : {};
      const labels = isObj(data['x-labels']) ? data['x-labels'] : {};
      for (const code of data['enum'] as unknown[]) {
        if (typeof code !== 'string') continue;
        const p = prov[code];
        facts.push({ path: `/x-provenance/${escapeKey(code)}`, what: `code ${code}`, ...(isObj(labels[code]) ? { title: labels[code] as Fact['title'] } : {}), provenance: provenanceOf(p) });
      }
      break;
    }
    case 'data-schema': {
      // As schemas/meta/form.schema.json requires: the form, each top-level field, each record
      // type (definitions: the set and labels of its fields), and each code of an enum given in
      // place with labels. Fields nested in a record type share the record type's provenance.
      add('', 'form', data);
      const field = (path: string, what: string, sub: unknown) => {
        add(path, what, sub);
        if (!isObj(sub) || !Array.isArray(sub['enum']) || !isObj(sub['x-labels'])) return;
        const prov = isObj(sub['x-provenance']) ? sub['x-provenance'] : {};
        const labels = sub['x-labels'];
        for (const code of sub['enum']) {
          if (typeof code !== 'string') continue;
          facts.push({ path: `${path}/x-provenance/${escapeKey(code)}`, what: `${what} code ${code}`, ...(isObj(labels[code]) ? { title: labels[code] as Fact['title'] } : {}), provenance: provenanceOf(prov[code]) });
        }
      };
      const props = isObj(data['properties']) ? data['properties'] : {};
      for (const [name, sub] of Object.entries(props)) if (name !== '$schema') field(`/properties/${escapeKey(name)}`, `field ${name}`, sub);
      const defs = isObj(data['definitions']) ? data['definitions'] : {};
      for (const [name, sub] of Object.entries(defs)) field(`/definitions/${escapeKey(name)}`, `record type ${name}`, sub);
      break;
    }
    case 'workflow':
      add('', 'workflow', data);
      each('roles', (n, i) => `role ${id(n, i)}`);
      each('states', (n, i) => `state ${id(n, i)}`);
      each('transitions', (n, i) => `transition ${id(n, i)} (${Array.isArray(n['from']) ? n['from'].join('|') : ''} → ${String(n['to'] ?? '·')})`);
      if (Array.isArray(data['clocks'])) {
        data['clocks'].forEach((c, i) => {
          const clock = isObj(c) ? c : {};
          add(`/clocks/${i}`, `clock ${id(clock, i)} (${String(clock['limit'] ?? '')})`, c);
          each('escalation', (n, j) => `clock ${id(clock, i)} escalation ${j + 1} (${String(n['after'] ?? '')} ${String(n['action'] ?? '')} ${String(n['role'] ?? '')})`, clock, `/clocks/${i}`);
        });
      }
      break;
    case 'ui':
      add('', 'form layout', data);
      if (isObj(data['document'])) add('/document', `document number "${String(data['document']['number'] ?? '')}"`, data['document']);
      each('notices', (n, i) => `notice ${id(n, i)}`);
      break;
    case 'deduction-rules':
      add('', 'rule set', data);
      for (const k of ['startingScore', 'cap', 'rounding']) if (isObj(data[k])) add(`/${k}`, `${k} ${String(data[k]['id'] ?? '')}`, data[k]);
      for (const k of ['base', 'adjustments', 'ratings']) each(k, (n, i) => `${k} ${id(n, i)}`);
      break;
    case 'routing':
      add('', 'rule set', data);
      each('rules', (n, i) => `rule ${id(n, i)}`);
      if (isObj(data['otherwise'])) add('/otherwise', `rule ${String(data['otherwise']['id'] ?? 'otherwise')}`, data['otherwise']);
      break;
    case 'common-problems':
      add('', 'problem list', data);
      if (isObj(data['defaults'])) add('/defaults', 'defaults', data['defaults']);
      each('problems', (n, i) => `problem ${id(n, i)}`);
      break;
    case 'calendar':
      add('', 'calendar', data);
      break;
    case 'guide': {
      add('', 'guide', data);
      if (isObj(data['definition'])) add('/definition', 'definition', data['definition']);
      each('notes', (n, i) => `note ${id(n, i)}`);
      const kinds = isObj(data['kinds']) ? data['kinds'] : {};
      for (const [k, v] of Object.entries(kinds)) facts.push({ path: `/kinds/${escapeKey(k)}`, what: `kind ${k}`, provenance: provenanceOf(v) });
      if (isObj(data['category'])) add('/category', 'category hint', data['category']);
      break;
    }
    case 'stats-config': {
      const d = data['default'] as Obj;
      add('/default/form', `form "${String((d['form'] as Obj)['documentNo'] ?? '')}"`, d['form']);
      each('measures', (n, i) => `measure ${id(n, i)}`, d, '/default');
      break;
    }
  }
  return facts;
}

/** Counts of a file's facts by provenance. */
export function provenanceSummary(facts: readonly Fact[]): { manual: number; default: number; missing: number; invalid: number } {
  const n = { manual: 0, default: 0, missing: 0, invalid: 0 };
  for (const f of facts) n[f.provenance.kind]++;
  return n;
}

/**
 * Whether a meta-schema node requires provenance: `"if": {"required": ["x-default"]}, "then":
 * {"not": {"required": ["x-source"]}}, "else": {"required": ["x-source"]}` (x-default needs its
 * x-note through `dependencies`). The meta-schemas put it on every kind of fact; `wuye-kit check`
 * enforces it on a configurator's files, while run-time validators and copies leave it out.
 */
export function requiresProvenance(node: unknown): boolean {
  const req = (n: unknown, key: string) => isObj(n) && Array.isArray(n['required']) && n['required'].length === 1 && n['required'][0] === key;
  return isObj(node) && req(node['if'], 'x-default') && req(node['else'], 'x-source');
}

/**
 * A copy without provenance keys (`x-source`, `x-default`, `x-note`, `x-provenance`, `x-meta`):
 * what the runtime modules of `npm run gen` hold, so pages do not carry the configurators' notes.
 * A meta-schema's definitions of those keys (objects under `properties`) are kept; its provenance
 * requirement (requiresProvenance) is left out.
 */
export function withoutProvenance<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutProvenance) as T;
  if (!isObj(value)) return value;
  const out: Obj = {};
  const requirement = requiresProvenance(value);
  for (const [k, v] of Object.entries(value)) {
    if (requirement && (k === 'if' || k === 'then' || k === 'else')) continue;
    if ((k === 'x-source' || k === 'x-note') && typeof v === 'string') continue;
    if ((k === 'x-default' || k === 'x-meta') && v === true) continue;
    if (k === 'x-provenance' && isObj(v) && Object.values(v).every((p) => isObj(p) && !('type' in p))) continue;
    out[k] = withoutProvenance(v);
  }
  return out as T;
}
