// The string formats our generated validators may use. Each is a self-contained function
// (no closure over module scope) because .scripts/gen serialises it into the validator module with
// Function.prototype.toString. Semantics follow ajv-formats' "full" mode.

/** @type {Record<string, (s: string) => boolean>} */
export const formats = {
  date(s) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (!m) return false;
    const y = +m[1], mo = +m[2], d = +m[3];
    const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
    const days = [0, 31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    return mo >= 1 && mo <= 12 && d >= 1 && d <= days[mo];
  },
  time(s) {
    const m = /^(\d{2}):(\d{2}):(\d{2})(\.\d+)?(z|[+-]\d{2}(?::?\d{2})?)$/i.exec(s);
    if (!m) return false;
    const h = +m[1], min = +m[2], sec = +m[3];
    const tz = m[5].toLowerCase() === 'z' ? null : /^[+-](\d{2}):?(\d{2})?$/.exec(m[5]);
    if (tz && (+tz[1] > 23 || +(tz[2] ?? 0) > 59)) return false;
    return h <= 23 && min <= 59 && sec <= 59;
  },
  'date-time'(s) {
    // Read character by character (the engine checks an event's times on every event): the same
    // answers as `search(/[tT ]/)`, then /^(\d{4})-(\d{2})-(\d{2})$/ before the separator and
    // /^(\d{2}):(\d{2}):(\d{2})(\.\d+)?(z|[+-](\d{2}):?(\d{2}))$/i after it, without their
    // match arrays (test/node/formats.test.ts compares both on a corpus).
    const n = s.length;
    let i = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c === 116 || c === 84 || c === 32) break;
    }
    // The date: exactly dddd-dd-dd before the separator.
    if (i === n || i !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
    let y = 0, mo = 0, day = 0;
    for (let k = 0; k < 10; k++) {
      if (k === 4 || k === 7) continue;
      const d = s.charCodeAt(k) - 48;
      if (d < 0 || d > 9) return false;
      if (k < 4) y = y * 10 + d;
      else if (k < 7) mo = mo * 10 + d;
      else day = day * 10 + d;
    }
    const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
    const dim = mo === 2 ? (leap ? 29 : 28) : mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
    if (!(mo >= 1 && mo <= 12 && day >= 1 && day <= dim)) return false;
    // The time: dd:dd:dd, an optional fraction, then z or an offset ±dd[:]dd, and nothing after.
    const p = i + 1;
    if (n < p + 9 || s.charCodeAt(p + 2) !== 58 || s.charCodeAt(p + 5) !== 58) return false;
    const two = (k) => {
      const a = s.charCodeAt(k) - 48, b = s.charCodeAt(k + 1) - 48;
      return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
    };
    const h = two(p), min = two(p + 3), sec = two(p + 6);
    if (h < 0 || min < 0 || sec < 0) return false;
    let q = p + 8;
    if (s.charCodeAt(q) === 46) {
      const from = ++q;
      while (q < n && s.charCodeAt(q) >= 48 && s.charCodeAt(q) <= 57) q++;
      if (q === from) return false;
    }
    const z = s.charCodeAt(q);
    if (z === 122 || z === 90) {
      if (q + 1 !== n) return false;
    } else if (z === 43 || z === 45) {
      const rest = n - q - 1;
      const oh = two(q + 1);
      const om = rest === 4 ? two(q + 3) : rest === 5 && s.charCodeAt(q + 3) === 58 ? two(q + 4) : -1;
      if (oh < 0 || om < 0 || oh > 23 || om > 59) return false;
    } else return false;
    return h <= 23 && min <= 59 && sec <= 59;
  },
  email(s) {
    return /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i.test(s);
  },
  uri(s) {
    return /^[a-z][a-z0-9+\-.]*:[^\s]*$/i.test(s);
  },
  uuid(s) {
    return /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(s);
  },
  duration(s) {
    return /^P(?!$)((\d+Y)?(\d+M)?(\d+W)?(\d+D)?)(T(?=\d)(\d+H)?(\d+M)?(\d+(?:\.\d+)?S)?)?$/.test(s) && !/^P.*W.*[YMD]|^P[^T]*[YMD].*W/.test(s);
  },
};

/** Module source exporting only the named formats. */
export function formatsModule(names) {
  const body = names
    .map((n) => {
      if (!formats[n]) throw new Error(`format "${n}" is not supported (supported: ${Object.keys(formats).join(', ')})`);
      const src = formats[n].toString();
      // Method shorthand `date(s) {` / `'date-time'(s) {` → a function expression.
      return `  ${JSON.stringify(n)}: function ${src.slice(src.indexOf('('))},`;
    })
    .join('\n');
  return `export const formats = {\n${body}\n};\n`;
}

export const ucs2lengthModule = `export default function ucs2length(str) {
  const len = str.length;
  let length = 0, pos = 0, value;
  while (pos < len) {
    length++;
    value = str.charCodeAt(pos++);
    if (value >= 0xd800 && value <= 0xdbff && pos < len) {
      value = str.charCodeAt(pos);
      if ((value & 0xfc00) === 0xdc00) pos++;
    }
  }
  return length;
}
`;

export const equalModule = `export default function equal(a, b) {
  if (a === b) return true;
  if (a && b && typeof a == 'object' && typeof b == 'object') {
    if (a.constructor !== b.constructor) return false;
    if (Array.isArray(a)) {
      if (a.length != b.length) return false;
      for (let i = a.length; i-- !== 0;) if (!equal(a[i], b[i])) return false;
      return true;
    }
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    for (let i = keys.length; i-- !== 0;) if (!Object.prototype.hasOwnProperty.call(b, keys[i])) return false;
    for (let i = keys.length; i-- !== 0;) if (!equal(a[keys[i]], b[keys[i]])) return false;
    return true;
  }
  return a !== a && b !== b;
}
`;
