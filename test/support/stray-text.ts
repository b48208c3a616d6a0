// Stray-language heuristic for the message-language sweep (issue 15): text a user sees that is in
// the other language. In an English view, a run of Chinese characters is stray unless it is part
// of data (names, addresses, complaint text: the example records and the stories' own data); in a
// Chinese view, a Latin word of three or more letters is stray unless it is data, a code (SZ-HY,
// WI/KF-007, E2001, P1D), or a format name everyone writes in Latin (CSV, XLSX, PDF).
const CJK = /[\u3400-\u9fff\uf900-\ufaff]+/gu;
const LATIN_WORD = /[A-Za-z][A-Za-z'’-]*[A-Za-z]/g;

/** Words written in Latin letters in Chinese interfaces too. */
export const LATIN_OK: ReadonlySet<string> = new Set(['CSV', 'XLSX', 'PDF', 'JSON', 'Excel', 'ID', 'HQ', 'SLA', 'URL', 'wuye-kit', 'JSONLogic', 'Shift', 'Enter', 'Tab', 'Esc', 'Ctrl', 'IndexedDB', 'SQLite']);

/**
 * The data a page may show in either language: every string of the example records (schemas/
 * examples, the portal's demo batch), the manual's quotes and the configurators' notes (x-source,
 * x-note), and the stories' and fixtures' own data (their string literals holding Chinese).
 */
export function shippedData(read: (file: string) => string, list: (dir: string) => string[]): string[] {
  const json = (f: string) => JSON.parse(read(f)) as unknown;
  const values: unknown[] = list('schemas/examples').filter((f) => f.endsWith('.json')).map((f) => json(`schemas/examples/${f}`));
  values.push(json('stories/portal/move-in-project.json'));
  const out = dataStrings(values);
  const provenance = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(provenance);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if ((k === 'x-source' || k === 'x-note') && typeof x === 'string') out.push(x);
        else provenance(x);
      }
  };
  const schemaFiles = (dir: string): string[] => list(dir).flatMap((f) => (f.endsWith('.json') ? [`${dir}/${f}`] : f.includes('.') || f === 'examples' ? [] : schemaFiles(`${dir}/${f}`)));
  for (const f of schemaFiles('schemas')) provenance(json(f));
  const literal = /'([^'\n]*[\u3400-\u9fff][^'\n]*)'|`([^`]*[\u3400-\u9fff][^`]*)`|"([^"\n]*[\u3400-\u9fff][^"\n]*)"/g;
  const sources = [...list('stories').filter((f) => f.endsWith('.stories.ts')).map((f) => `stories/${f}`), ...list('test/support').filter((f) => /fixtures|data/.test(f) && f.endsWith('.ts')).map((f) => `test/support/${f}`)];
  for (const f of sources) for (const m of read(f).matchAll(literal)) out.push((m[1] ?? m[2] ?? m[3])!);
  return out;
}

export interface Stray {
  readonly text: string;
  readonly found: string;
}

/** Every data string of the given JSON values (deep), for the allow-list. */
export function dataStrings(values: readonly unknown[]): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  values.forEach(walk);
  return out;
}

/** The stray runs of one piece of visible text, for a view in `locale`. */
export function strays(text: string, locale: 'zh-CN' | 'en', data: readonly string[]): Stray[] {
  const inData = (run: string) => data.some((d) => d.includes(run));
  const out: Stray[] = [];
  if (locale === 'en') {
    for (const m of text.matchAll(CJK)) if (!inData(m[0])) out.push({ text, found: m[0] });
  } else {
    // A token holding a digit is an id or a code (wf-819a…, E2001, P1D, 30cm), not a word.
    for (const token of text.split(/[\s，。、：；！？（）()「」【】“”"'‘’,;:!?·—–]+/u)) {
      if (!token || /\d/.test(token)) continue;
      for (const m of token.matchAll(LATIN_WORD)) {
        const w = m[0];
        if (w.length < 3 || LATIN_OK.has(w) || /^[A-Z]+(?:[-/_.][A-Z]+)*$/.test(w) || inData(w)) continue;
        out.push({ text, found: w });
      }
    }
  }
  return out;
}
