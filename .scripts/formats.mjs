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
    const i = s.search(/[tT ]/);
    if (i < 0) return false;
    const d = s.slice(0, i), t = s.slice(i + 1);
    const dm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
    if (!dm) return false;
    const y = +dm[1], mo = +dm[2], day = +dm[3];
    const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
    const days = [0, 31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if (!(mo >= 1 && mo <= 12 && day >= 1 && day <= days[mo])) return false;
    const tm = /^(\d{2}):(\d{2}):(\d{2})(\.\d+)?(z|[+-](\d{2}):?(\d{2}))$/i.exec(t);
    if (!tm) return false;
    if (tm[6] !== undefined && (+tm[6] > 23 || +tm[7] > 59)) return false;
    return +tm[1] <= 23 && +tm[2] <= 59 && +tm[3] <= 59;
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
