/**
 * A small JSONLogic interpreter (https://jsonlogic.com) for guards and effect values: plain data
 * in, a value out, never eval. Supported: var, missing, missing_some, if / ?:, == === != !==,
 * ! !!, and, or, < <= > >= (with the 3-argument "between" form), in, cat, + - * / %, min, max,
 * merge, some, all, none. `var` reads own properties only, so `__proto__` and friends resolve to
 * nothing. An unknown operator throws a LogicError; checkDefinition() finds those before run time.
 */
export class LogicError extends Error {
  override readonly name = 'LogicError';
}

export const OPERATORS = new Set([
  'var', 'missing', 'missing_some', 'if', '?:', '==', '===', '!=', '!==', '!', '!!', 'and', 'or',
  '<', '<=', '>', '>=', 'in', 'cat', '+', '-', '*', '/', '%', 'min', 'max', 'merge', 'some', 'all', 'none',
]);

const MAX_DEPTH = 64;

/**
 * Evaluation budget of one expression (a guard, an effect's value or condition): how many
 * operations and values it may evaluate before it is stopped with a LogicBudgetError. Shipped
 * guards need a few dozen; nested `some`/`all` over long lists are what exceeds it.
 * checkDefinition() also estimates each expression's worst case against it.
 */
export const LOGIC_BUDGET = 100_000;

/** An expression needed more evaluation steps than its budget; it was stopped, nothing decided. */
export class LogicBudgetError extends Error {
  override readonly name = 'LogicBudgetError';
  constructor(readonly budget: number) {
    super(`JSONLogic expression exceeded its evaluation budget of ${budget} steps`);
  }
}

/** Steps left for the expression being evaluated (evaluation is synchronous, so one counter serves). */
let stepsLeft = LOGIC_BUDGET;
let active = false;
let budgetOfRun = LOGIC_BUDGET;

const isOp = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x) && Object.keys(x).length === 1;

/** JSONLogic truthiness: empty arrays are false, everything else as in JavaScript. */
export function truthy(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > 0;
  return Boolean(v);
}

/** Reads `a.b.0.c` from data, own properties only. */
const splitCache = new Map<string, string[]>();

export function readVar(data: unknown, path: string | number): unknown {
  if (path === '' || path === null) return data;
  let cur: unknown = data;
  const text = String(path);
  let keys = splitCache.get(text);
  if (!keys) {
    keys = text.split('.');
    if (splitCache.size < 1000) splitCache.set(text, keys);
  }
  for (const key of keys) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** JSONLogic's == is JavaScript's loose equality, by its specification. */
function looseEq(a: unknown, b: unknown): boolean {
  return a == b;
}

function num(v: unknown): number {
  return typeof v === 'number' ? v : Number(v);
}

/**
 * Evaluates `logic` against `data`. Non-operator values (strings, numbers, arrays of them) are
 * literals. Throws a LogicBudgetError when it takes more than `budget` steps.
 */
export function evaluate(logic: unknown, data: unknown, budget: number = LOGIC_BUDGET): unknown {
  if (active) return ev(logic, data, 0);
  active = true;
  stepsLeft = budgetOfRun = budget;
  try {
    return ev(logic, data, 0);
  } finally {
    active = false;
  }
}

function ev(logic: unknown, data: unknown, depth: number): unknown {
  if (--stepsLeft < 0) throw new LogicBudgetError(budgetOfRun);
  if (depth > MAX_DEPTH) throw new LogicError('JSONLogic expression nested too deeply');
  if (typeof logic !== 'object' || logic === null) return logic;
  // Indexed loops, not map/for…of: a sealed definition's arrays are frozen, and V8 iterates frozen
  // arrays through its generic (allocating) path.
  if (Array.isArray(logic)) return evalAll(logic, data, depth + 1);
  // The one key of an operation, found without allocating (this runs for every node).
  let op: string | undefined;
  let keys = 0;
  for (const k in logic) {
    if (!Object.hasOwn(logic, k)) continue;
    op = k;
    if (++keys > 1) break;
  }
  if (keys !== 1) throw new LogicError(`A JSONLogic operation has exactly one key: ${JSON.stringify(logic)}`);
  const node = logic as Record<string, unknown>;
  // `{"var": "a.b"}`, the commonest node: the same steps and answer as the general path below
  // (one step for the operation, one for its literal argument), without its arrays and closures.
  if (op === 'var' && typeof node['var'] === 'string') {
    if (--stepsLeft < 0) throw new LogicBudgetError(budgetOfRun);
    if (depth + 1 > MAX_DEPTH) throw new LogicError('JSONLogic expression nested too deeply');
    const found = readVar(data, node['var']);
    return found === undefined ? null : found;
  }
  if (!OPERATORS.has(op!)) throw new LogicError(`Unknown JSONLogic operator "${op}"`);
  const rawArgs = node[op!];
  const args: readonly unknown[] = Array.isArray(rawArgs) ? rawArgs : [rawArgs];
  const d = depth + 1;

  switch (op) {
    case 'if':
    case '?:': {
      let i = 0;
      for (; i + 1 < args.length; i += 2) if (truthy(ev(args[i], data, d))) return ev(args[i + 1], data, d);
      return i < args.length ? ev(args[i], data, d) : null;
    }
    case 'and': {
      let last: unknown = true;
      for (let i = 0; i < args.length; i++) {
        last = ev(args[i], data, d);
        if (!truthy(last)) return last;
      }
      return last;
    }
    case 'or': {
      let last: unknown = false;
      for (let i = 0; i < args.length; i++) {
        last = ev(args[i], data, d);
        if (truthy(last)) return last;
      }
      return last;
    }
    case 'some':
    case 'all':
    case 'none': {
      const list = ev(args[0], data, d);
      const items = Array.isArray(list) ? list : [];
      if (op === 'all' && items.length === 0) return false;
      const test = (item: unknown) => truthy(ev(args[1], item, depth + 1));
      if (op === 'some') return items.some(test);
      if (op === 'all') return items.every(test);
      return !items.some(test);
    }
  }

  // Comparisons of two operands (the commonest guards): both evaluated in order, as below, without
  // the array of values.
  if (args.length === 2 && (op === '==' || op === '!=' || op === '===' || op === '!==' || op === 'in')) {
    const a = ev(args[0], data, d);
    const b = ev(args[1], data, d);
    if (op === '==') return looseEq(a, b);
    if (op === '!=') return !looseEq(a, b);
    if (op === '===') return a === b;
    if (op === '!==') return a !== b;
    if (Array.isArray(b)) return b.includes(a);
    return typeof b === 'string' ? b.includes(String(a)) : false;
  }
  const v = evalAll(args, data, d);
  switch (op) {
    case 'var': {
      const found = readVar(data, v[0] as string);
      return found === undefined ? (v[1] ?? null) : found;
    }
    case 'missing':
      return (Array.isArray(v[0]) ? (v[0] as unknown[]) : v).filter((k) => {
        const x = readVar(data, k as string);
        return x === undefined || x === null || x === '';
      });
    case 'missing_some': {
      const need = num(v[0]);
      const keys = Array.isArray(v[1]) ? (v[1] as unknown[]) : [];
      const missing = keys.filter((k) => {
        const x = readVar(data, k as string);
        return x === undefined || x === null || x === '';
      });
      return keys.length - missing.length >= need ? [] : missing;
    }
    case '==':
      return looseEq(v[0], v[1]);
    case '===':
      return v[0] === v[1];
    case '!=':
      return !looseEq(v[0], v[1]);
    case '!==':
      return v[0] !== v[1];
    case '!':
      return !truthy(v[0]);
    case '!!':
      return truthy(v[0]);
    case '<':
      return v.length === 3 ? num(v[0]) < num(v[1]) && num(v[1]) < num(v[2]) : num(v[0]) < num(v[1]);
    case '<=':
      return v.length === 3 ? num(v[0]) <= num(v[1]) && num(v[1]) <= num(v[2]) : num(v[0]) <= num(v[1]);
    case '>':
      return num(v[0]) > num(v[1]);
    case '>=':
      return num(v[0]) >= num(v[1]);
    case 'in':
      if (Array.isArray(v[1])) return v[1].includes(v[0]);
      return typeof v[1] === 'string' ? v[1].includes(String(v[0])) : false;
    case 'cat':
      return v.map((x) => (x === null || x === undefined ? '' : String(x))).join('');
    case '+':
      return v.reduce<number>((s, x) => s + num(x), 0);
    case '*':
      return v.reduce<number>((s, x) => s * num(x), 1);
    case '-':
      return v.length === 1 ? -num(v[0]) : num(v[0]) - num(v[1]);
    case '/':
      return num(v[0]) / num(v[1]);
    case '%':
      return num(v[0]) % num(v[1]);
    case 'min':
      return v.length ? Math.min(...v.map(num)) : null;
    case 'max':
      return v.length ? Math.max(...v.map(num)) : null;
    case 'merge':
      return v.flatMap((x) => (Array.isArray(x) ? x : [x]));
  }
  throw new LogicError(`Unknown JSONLogic operator "${op}"`);
}

/** Each item of `list` evaluated in order (the steps of `list.map(x => ev(x, data, depth))`). */
function evalAll(list: readonly unknown[], data: unknown, depth: number): unknown[] {
  const out = new Array<unknown>(list.length);
  for (let i = 0; i < list.length; i++) out[i] = ev(list[i], data, depth);
  return out;
}

/**
 * Whether evaluating `logic` may read the top-level variable `name` of its data. Conservative: a
 * `var` whose path is computed or is the whole data (`""`, null), and `missing` / `missing_some`
 * (which read names given as values), count as reading it. Lets a caller leave out a value that
 * is costly to make when no expression can see it.
 */
export function mayRead(logic: unknown, name: string, depth = 0): boolean {
  if (depth > MAX_DEPTH) return true;
  if (Array.isArray(logic)) {
    for (const x of logic) if (mayRead(x, name, depth + 1)) return true;
    return false;
  }
  if (logic === null || typeof logic !== 'object') return false;
  for (const k in logic) {
    if (!Object.hasOwn(logic, k)) continue;
    const arg = (logic as Record<string, unknown>)[k];
    if (k === 'missing' || k === 'missing_some') return true;
    if (k === 'var') {
      const path = Array.isArray(arg) ? arg[0] : arg;
      if (typeof path !== 'string' && typeof path !== 'number') return true;
      const text = String(path);
      if (text === '' || text === name || text.startsWith(`${name}.`)) return true;
      if (Array.isArray(arg) && mayRead(arg.slice(1), name, depth + 1)) return true;
      continue;
    }
    if (mayRead(arg, name, depth + 1)) return true;
  }
  return false;
}

/** The operators an expression uses (for the definition linter). */
export function operatorsOf(logic: unknown, out: Set<string> = new Set(), depth = 0): Set<string> {
  if (depth > MAX_DEPTH) return out;
  if (Array.isArray(logic)) for (const x of logic) operatorsOf(x, out, depth + 1);
  else if (logic !== null && typeof logic === 'object') {
    for (const [k, v] of Object.entries(logic)) {
      out.add(k);
      operatorsOf(v, out, depth + 1);
    }
  }
  return out;
}

/** Assumed length of a list that comes from data (not a literal) when estimating a cost. */
export const ESTIMATE_LIST_LENGTH = 100;

/**
 * A static worst-case estimate of the steps `evaluate` needs for `logic` (for the definition
 * linter): literal lists count their own length, lists read from data count
 * ESTIMATE_LIST_LENGTH, and `some`/`all`/`none` multiply their test by the list's length.
 */
export function estimateCost(logic: unknown): number {
  return costOf(logic, 0).cost;
}

function costOf(logic: unknown, depth: number): { cost: number; length: number } {
  if (depth > MAX_DEPTH) return { cost: Infinity, length: 0 };
  if (Array.isArray(logic)) {
    let cost = 1;
    for (const x of logic) cost += costOf(x, depth + 1).cost;
    return { cost, length: logic.length };
  }
  if (!isOp(logic)) return { cost: 1, length: 0 };
  const op = Object.keys(logic)[0]!;
  const raw = logic[op];
  const args: unknown[] = Array.isArray(raw) ? raw : [raw];
  const parts = args.map((a) => costOf(a, depth + 1));
  let cost = 1 + parts.reduce((s, p) => s + p.cost, 0);
  let length = ESTIMATE_LIST_LENGTH;
  if (op === 'some' || op === 'all' || op === 'none') {
    const n = parts[0] ? parts[0].length : 0;
    cost = 1 + (parts[0]?.cost ?? 0) + n * (parts[1]?.cost ?? 0);
  } else if (op === 'merge') {
    length = args.reduce<number>((s, a, i) => s + (Array.isArray(a) ? a.length : isOp(a) ? parts[i]!.length : 1), 0);
  } else if (op === 'if' || op === '?:') {
    length = Math.max(0, ...args.map((a, i) => (Array.isArray(a) ? a.length : parts[i]!.length)));
  }
  return { cost, length };
}
