// A small JSON parser that remembers where every value sits in the text, so a problem found at
// a JSON pointer (`/transitions/3/to`) can be reported at a line and column, the way compilers
// do. JSON.parse cannot say where a value was; installed parsers with positions would be a new
// runtime dependency of the CLI for ~200 lines of code. Strict RFC 8259: no comments, no
// trailing commas. `__proto__` keys are dropped (and reported); duplicate keys are reported
// (the last one wins, as in JSON.parse).
import { escapeKey } from '../core/kernel/pointer.js';

/** 1-based line and column (UTF-16 code units, as editors count them for Chinese text too). */
export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface Located {
  /** Where the value starts. */
  readonly value: Position;
  /** Where the member's key starts, for object members. */
  readonly key?: Position;
}

export interface JsonSource {
  readonly value: unknown;
  /** JSON pointer → where that value (and its key) is in the text. */
  readonly positions: ReadonlyMap<string, Located>;
  /** Keys given twice in one object (pointer of the later one). */
  readonly duplicates: readonly { readonly pointer: string; readonly at: Position }[];
  /** `__proto__` keys, which are ignored. */
  readonly protoKeys: readonly { readonly pointer: string; readonly at: Position }[];
}

/** The text is not JSON: where and why. */
export class JsonSyntaxError extends Error {
  override readonly name = 'JsonSyntaxError';
  constructor(
    readonly reason: string,
    readonly at: Position,
  ) {
    super(`${reason} at line ${at.line}, column ${at.column}`);
  }
}

const MAX_DEPTH = 512;

/** Parses `text` (a leading BOM is skipped) and records the position of every value. */
export function parseJsonSource(text: string): JsonSource {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Line starts, for index → line/column.
  const lineStarts = [0];
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) === 10) lineStarts.push(k + 1);
  const posOf = (index: number): Position => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: index - lineStarts[lo]! + 1 };
  };
  const positions = new Map<string, Located>();
  const duplicates: { pointer: string; at: Position }[] = [];
  const protoKeys: { pointer: string; at: Position }[] = [];

  const fail = (reason: string, at = i): never => {
    throw new JsonSyntaxError(reason, posOf(Math.min(at, text.length)));
  };
  const describe = (index: number) => (index >= text.length ? 'end of file' : JSON.stringify(text[index]));
  const ws = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else if (c === 47 && (text[i + 1] === '/' || text[i + 1] === '*')) fail('comments are not allowed in JSON');
      else return;
    }
  };

  const string = (): string => {
    const start = i;
    i++; // opening quote
    let out = '';
    let run = i;
    for (;;) {
      if (i >= text.length) fail('unterminated string', start);
      const c = text.charCodeAt(i);
      if (c === 34) {
        out += text.slice(run, i);
        i++;
        return out;
      }
      if (c < 0x20) fail('control character in string (write it as an escape, such as \\n)');
      if (c === 92) {
        out += text.slice(run, i);
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && e in simple) {
          out += simple[e];
          i += 2;
        } else if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else fail(`bad escape \\${e ?? ''}`);
        run = i;
      } else i++;
    }
  };

  const number = (): number => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) return fail(`unexpected ${describe(i)}`);
    i += m[0].length;
    return Number(m[0]);
  };

  const value = (pointer: string, depth: number, key?: Position): unknown => {
    ws();
    if (depth > MAX_DEPTH) fail(`nested deeper than ${MAX_DEPTH} levels`);
    positions.set(pointer, key ? { value: posOf(i), key } : { value: posOf(i) });
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      const seen = new Set<string>();
      ws();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(text[i] === '}' ? 'trailing comma before "}"' : `expected a property name in double quotes, found ${describe(i)}`);
        const keyAt = posOf(i);
        const k = string();
        ws();
        if (text[i] !== ':') fail(`expected ":" after property name, found ${describe(i)}`);
        i++;
        const p = `${pointer}/${escapeKey(k)}`;
        if (seen.has(k)) duplicates.push({ pointer: p, at: keyAt });
        seen.add(k);
        const v = value(p, depth + 1, keyAt);
        if (k === '__proto__') protoKeys.push({ pointer: p, at: keyAt });
        else obj[k] = v;
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return obj;
        }
        fail(`expected "," or "}", found ${describe(i)}`);
      }
    }
    if (c === '[') {
      i++;
      const arr: unknown[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        ws();
        if (text[i] === ']') fail('trailing comma before "]"');
        arr.push(value(`${pointer}/${arr.length}`, depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        fail(`expected "," or "]", found ${describe(i)}`);
      }
    }
    if (c === '"') return string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    if (c === "'") return fail('strings must use double quotes');
    return fail(`unexpected ${describe(i)}`);
  };

  const result = value('', 0);
  ws();
  if (i < text.length) fail(`unexpected ${describe(i)} after the end of the JSON value`);
  return { value: result, positions, duplicates, protoKeys };
}

/**
 * Where to report a problem at `pointer`: the member's key if it has one, else the value; a
 * pointer that is not in the text (a missing required property) goes to its closest ancestor.
 */
export function positionOf(source: Pick<JsonSource, 'positions'>, pointer: string): Position {
  let p = pointer;
  for (;;) {
    const found = source.positions.get(p);
    if (found) return p === pointer ? (found.key ?? found.value) : found.value;
    if (p === '') return { line: 1, column: 1 };
    p = p.slice(0, p.lastIndexOf('/'));
  }
}
