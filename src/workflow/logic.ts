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

/** Evaluates `logic` against `data`. Non-operator values (strings, numbers, arrays of them) are literals. */
export function evaluate(logic: unknown, data: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new LogicError('JSONLogic expression nested too deeply');
  if (Array.isArray(logic)) return logic.map((x) => evaluate(x, data, depth + 1));
  if (!isOp(logic)) {
    if (logic !== null && typeof logic === 'object') throw new LogicError(`A JSONLogic operation has exactly one key: ${JSON.stringify(logic)}`);
    return logic;
  }
  const op = Object.keys(logic)[0]!;
  if (!OPERATORS.has(op)) throw new LogicError(`Unknown JSONLogic operator "${op}"`);
  const rawArgs = logic[op];
  const args: unknown[] = Array.isArray(rawArgs) ? rawArgs : [rawArgs];
  const ev = (x: unknown) => evaluate(x, data, depth + 1);

  switch (op) {
    case 'if':
    case '?:': {
      let i = 0;
      for (; i + 1 < args.length; i += 2) if (truthy(ev(args[i]))) return ev(args[i + 1]);
      return i < args.length ? ev(args[i]) : null;
    }
    case 'and': {
      let last: unknown = true;
      for (const a of args) {
        last = ev(a);
        if (!truthy(last)) return last;
      }
      return last;
    }
    case 'or': {
      let last: unknown = false;
      for (const a of args) {
        last = ev(a);
        if (truthy(last)) return last;
      }
      return last;
    }
    case 'some':
    case 'all':
    case 'none': {
      const list = ev(args[0]);
      const items = Array.isArray(list) ? list : [];
      if (op === 'all' && items.length === 0) return false;
      const test = (item: unknown) => truthy(evaluate(args[1], item, depth + 1));
      if (op === 'some') return items.some(test);
      if (op === 'all') return items.every(test);
      return !items.some(test);
    }
  }

  const v = args.map(ev);
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
