import { holds } from './conditions.js';
import { getAt, setAt, sanitize, templateOf, splitPointer, escapeKey } from './pointer.js';
import type { CompiledRule } from './rules.js';
import { rules } from './rule-support.js';
import type { FormField, FormModel, Text } from './types.js';
import type { UiNotice, UiSchema } from './ui.js';

// Reached only when the UI schema has rules or notices (then rules.ts is loaded: rule-support.ts).
const evaluate = (logic: unknown, data: unknown): unknown => rules().evaluate(logic, data);
const truthy = (v: unknown): boolean => rules().truthy(v);

/** What a field shows right now. */
export interface FieldState {
  readonly visible: boolean;
  readonly enabled: boolean;
  readonly required: boolean;
}

export interface ActiveNotice {
  readonly id: string;
  readonly tone: 'info' | 'warning' | 'danger';
  readonly text: Text;
}

/** Result of one change: which concrete pointers got a new state or value. */
export interface ChangeResult {
  readonly states: ReadonlyMap<string, FieldState>;
  readonly values: ReadonlySet<string>;
  readonly noticesChanged: boolean;
}

const VISIBLE: FieldState = { visible: true, enabled: true, required: false };

/**
 * The pure state of one form: its value, every field's visibility/enabled/required state from
 * the schema's conditions and the UI rules, and the active notices. Built once per schema;
 * `set()` re-evaluates only the rules and conditions that depend on the changed path
 * (the dependency graph is built in the constructor) and reports what changed.
 */
export class FormEngine {
  readonly rules: readonly CompiledRule[];
  private readonly byDep = new Map<string, CompiledRule[]>();
  private readonly byTarget = new Map<string, CompiledRule[]>();
  private readonly ruleResults = new Map<number, boolean>();
  private readonly states = new Map<string, FieldState>();
  /** Pointers hidden right now (kept in step with `states`, so submitting is O(hidden)). */
  private readonly hidden = new Set<string>();
  private noticeIds = '';
  private readonly notices: readonly UiNotice[];
  private _value: Record<string, unknown>;

  constructor(
    readonly model: FormModel,
    readonly ui: UiSchema = {},
    value: unknown = undefined,
  ) {
    this.rules = ui.rules?.length ? rules().compileRules(ui.rules) : [];
    for (const r of this.rules) {
      for (const d of r.deps) this.byDep.set(d, [...(this.byDep.get(d) ?? []), r]);
      for (const t of r.targets) this.byTarget.set(t, [...(this.byTarget.get(t) ?? []), r]);
    }
    this.notices = ui.notices ?? [];
    this.notices.forEach((n, i) => {
      rules().logicDeps(n.when, `/notices/${i}/when`);
      if (n.textFrom !== undefined) rules().logicDeps(n.textFrom, `/notices/${i}/textFrom`);
    });
    this._value = withDefaults(model.root, sanitize(value ?? {}) as Record<string, unknown>);
    this.recomputeAll();
  }

  get value(): Readonly<Record<string, unknown>> {
    return this._value;
  }

  /** Replaces the whole value (a host setting `.value`): every state is recomputed. */
  reset(value: unknown): void {
    this._value = withDefaults(this.model.root, sanitize(value ?? {}) as Record<string, unknown>);
    this.recomputeAll();
  }

  stateOf(pointer: string): FieldState {
    return this.states.get(pointer) ?? this.baseState(pointer);
  }

  /** The field definition for a concrete pointer. */
  fieldAt(pointer: string): FormField | undefined {
    return this.model.byPath.get(templateOf(pointer));
  }

  activeNotices(): ActiveNotice[] {
    return this.notices
      .filter((n) => truthy(evaluate(n.when, this._value)))
      .map((n) => {
        const computed = n.textFrom === undefined ? undefined : evaluate(n.textFrom, this._value);
        const text = typeof computed === 'string' || (computed && typeof computed === 'object') ? (computed as Text) : n.text;
        return { id: n.id, tone: n.tone ?? 'info', text };
      });
  }

  /** Sets the value at `pointer` and re-evaluates what depends on it, computed values included. */
  set(pointer: string, v: unknown): ChangeResult {
    const values = new Set<string>([pointer]);
    const states = new Map<string, FieldState>();
    this._value = setAt(this._value, pointer, sanitize(v));
    const queue = [pointer];
    for (let guard = 0; queue.length && guard < 64; guard++) {
      const changed = queue.shift()!;
      for (const rule of this.rulesFor(changed)) {
        if (rule.effect === 'compute') {
          if (rule.when !== undefined && !truthy(evaluate(rule.when, this._value))) continue;
          const next = sanitize(evaluate(rule.value, this._value));
          for (const t of rule.targets) {
            if (JSON.stringify(getAt(this._value, t)) === JSON.stringify(next)) continue;
            this._value = setAt(this._value, t, next);
            values.add(t);
            queue.push(t);
          }
        } else {
          const now = rule.when === undefined || truthy(evaluate(rule.when, this._value));
          if (this.ruleResults.get(rule.index) !== now) {
            this.ruleResults.set(rule.index, now);
            for (const t of rule.targets) this.refreshState(t, states);
          }
        }
      }
      // Schema conditions (if/then/else, dependencies) read sibling values: refresh siblings.
      const parent = changed.slice(0, changed.lastIndexOf('/'));
      const parentField = this.fieldAt(parent);
      for (const child of parentField?.children ?? []) {
        if (child.presentWhen.length || child.requiredWhen.length) this.refreshState(`${parent}/${escapeKey(child.key)}`, states);
      }
    }
    const ids = this.activeNotices().map((n) => `${n.id}:${JSON.stringify(n.text)}`).join('|');
    const noticesChanged = ids !== this.noticeIds;
    this.noticeIds = ids;
    return { states, values, noticesChanged };
  }

  /**
   * The value to submit: fields hidden right now are left out unless the UI schema says `keep`.
   */
  submittableValue(): Record<string, unknown> {
    let out = this._value;
    for (const pointer of this.hidden) {
      if (!this.ui.fields?.[templateOf(pointer)]?.keep && getAt(out, pointer) !== undefined) out = setAt(out, pointer, undefined);
    }
    return pruneEmpty(out) as Record<string, unknown>;
  }

  /** Whether `pointer` (or an ancestor) is hidden right now. */
  isHidden(pointer: string): boolean {
    const segs = splitPointer(pointer);
    let p = '';
    for (const s of segs) {
      p += `/${escapeKey(s)}`;
      if (!this.stateOf(p).visible) return true;
    }
    return false;
  }

  private rulesFor(changed: string): CompiledRule[] {
    const out = new Set<CompiledRule>();
    // The changed path itself and its ancestors (a rule reading `complainant` sees a change to
    // `complainant.type`), then descendants (an object replaced as a whole).
    let p = changed;
    for (;;) {
      for (const r of this.byDep.get(p) ?? []) out.add(r);
      if (!p) break;
      p = p.slice(0, p.lastIndexOf('/'));
    }
    for (const [dep, rules] of this.byDep) if (dep.startsWith(`${changed}/`)) for (const r of rules) out.add(r);
    return [...out];
  }

  private baseState(pointer: string): FieldState {
    const field = this.fieldAt(pointer);
    if (!field) return VISIBLE;
    const parent = getAt(this._value, pointer.slice(0, pointer.lastIndexOf('/')));
    let visible = field.presentWhen.length === 0 || field.presentWhen.some((c) => holds(c, parent));
    let enabled = !field.readOnly && !this.ui.fields?.[field.path]?.readonly;
    let required = field.required || field.requiredWhen.some((c) => holds(c, parent));
    let shows: boolean | undefined;
    const targeting = pointer === field.path ? this.byTarget.get(pointer) : [...(this.byTarget.get(field.path) ?? []), ...(this.byTarget.get(pointer) ?? [])];
    for (const r of targeting ?? []) {
      const on = this.ruleResults.get(r.index) ?? false;
      if (r.effect === 'show') shows = (shows ?? false) || on;
      else if (r.effect === 'hide' && on) visible = false;
      else if (r.effect === 'disable' && on) enabled = false;
      else if (r.effect === 'enable' && !on) enabled = false;
      else if (r.effect === 'require' && on) required = true;
    }
    if (shows === false) visible = false;
    return { visible, enabled, required };
  }

  private refreshState(pointer: string, changed: Map<string, FieldState>): void {
    const next = this.baseState(pointer);
    const prev = this.states.get(pointer) ?? VISIBLE;
    this.setState(pointer, next);
    if (prev.visible !== next.visible || prev.enabled !== next.enabled || prev.required !== next.required) changed.set(pointer, next);
  }

  private setState(pointer: string, state: FieldState): void {
    this.states.set(pointer, state);
    if (state.visible) this.hidden.delete(pointer);
    else this.hidden.add(pointer);
  }

  private recomputeAll(): void {
    this.ruleResults.clear();
    // Compute rules first, in order, then the rest.
    for (const r of this.rules) {
      if (r.effect !== 'compute') continue;
      if (r.when !== undefined && !truthy(evaluate(r.when, this._value))) continue;
      const next = sanitize(evaluate(r.value, this._value));
      for (const t of r.targets) this._value = setAt(this._value, t, next);
    }
    for (const r of this.rules) if (r.effect !== 'compute') this.ruleResults.set(r.index, r.when === undefined || truthy(evaluate(r.when, this._value)));
    this.states.clear();
    this.hidden.clear();
    const visit = (f: FormField, pointer: string) => {
      this.setState(pointer, this.baseState(pointer));
      for (const c of f.children ?? []) visit(c, `${pointer}/${escapeKey(c.key)}`);
      if (f.item) {
        const arr = getAt(this._value, pointer);
        if (Array.isArray(arr)) arr.forEach((_, i) => visit(f.item!, `${pointer}/${i}`));
      }
    };
    for (const c of this.model.root.children ?? []) visit(c, `/${escapeKey(c.key)}`);
    this.noticeIds = this.activeNotices().map((n) => `${n.id}:${JSON.stringify(n.text)}`).join('|');
  }
}

/** Fills `default`s for absent fields (objects recursively), without overwriting given values. */
function withDefaults(field: FormField, value: Record<string, unknown>): Record<string, unknown> {
  let out = value;
  for (const c of field.children ?? []) {
    const cur = out[c.key];
    if (cur === undefined && c.default !== undefined && c.presentWhen.length === 0) out = { ...out, [c.key]: structuredClone(c.default) };
    else if (c.type === 'object' && cur && typeof cur === 'object' && !Array.isArray(cur)) {
      const filled = withDefaults(c, cur as Record<string, unknown>);
      if (filled !== cur) out = { ...out, [c.key]: filled };
    }
  }
  return out;
}

/** Drops empty strings, empty objects and undefined array holes: "not filled in" is absent. */
export function pruneEmpty(v: unknown): unknown {
  if (Array.isArray(v)) return v.filter((x) => x !== undefined).map(pruneEmpty);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const p = pruneEmpty(x);
      if (p === undefined || p === '' || (p !== null && typeof p === 'object' && !Array.isArray(p) && Object.keys(p).length === 0)) continue;
      out[k] = p;
    }
    return out;
  }
  return v;
}
