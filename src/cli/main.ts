// The wuye-kit command line: `check` (configuration files, line-precise findings) and `compile`
// (a custom schema → a precompiled validator). `main` takes its arguments and output streams, so
// tests run it in-process; src/cli/wuye-kit.ts is the executable that calls it.
import { readFileSync, writeFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { matchLocale, DEFAULT_LOCALE, type Locale } from '../core/i18n/locale.js';
import { checkText, checkDefaultsText, KINDS, type DefaultsReport, type FileKind, type FileReport, type Finding } from './check.js';
import { compileSchema, CompileError } from './compile.js';
import { calendarOf, loadChineseDays, yearsOf, CalendarSourceError, type ChineseDaysPackage } from './calendar.js';
import { cliText, type CliTextKey } from './messages.js';
import { loadShipped, type ShippedSchemas } from './shipped.js';
import type { JsonSchema } from '../core/form/types.js';

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

const nodeIo = (): CliIo => ({
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  cwd: process.cwd(),
  env: process.env,
});

/** Exit codes: 0 no errors, 1 errors found (or warnings with --strict), 2 bad usage. */
export async function main(argv: readonly string[], io: CliIo = nodeIo(), shipped: ShippedSchemas = loadShipped()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        kind: { type: 'string' },
        schema: { type: 'string' },
        against: { type: 'string' },
        locale: { type: 'string' },
        json: { type: 'boolean' },
        strict: { type: 'boolean' },
        defaults: { type: 'boolean' },
        out: { type: 'string', short: 'o' },
        config: { type: 'string', short: 'c' },
        port: { type: 'string' },
        host: { type: 'string' },
        db: { type: 'string' },
        root: { type: 'string' },
        embedded: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    const locale = matchLocale(io.env['WY_LOCALE']) ?? DEFAULT_LOCALE;
    io.err(`${cliText(locale, 'err.arg', { detail: err instanceof Error ? err.message : String(err) })}\n\n${usage(locale)}\n`);
    return 2;
  }
  const { values: opts, positionals } = parsed;
  const locale: Locale = matchLocale(opts.locale) ?? matchLocale(io.env['WY_LOCALE']) ?? DEFAULT_LOCALE;
  const t = (key: CliTextKey, params?: Record<string, string | number>) => cliText(locale, key, params);
  const [command, ...files] = positionals;
  if (opts.help || command === undefined || command === 'help') {
    io.out(`${usage(locale)}\n`);
    return opts.help || command === 'help' ? 0 : 2;
  }
  const abs = (f: string) => resolve(io.cwd, f);
  const shown = (f: string) => {
    const rel = relative(io.cwd, abs(f));
    return rel === '' || rel.startsWith('..') ? abs(f) : rel;
  };

  if (command === 'check' && opts.defaults) {
    const list = files.length > 0 ? files.map(abs) : shippedConfigFiles(shipped.dir);
    const reports: DefaultsReport[] = [];
    for (const f of list) {
      let text: string;
      try {
        text = readFileSync(f, 'utf8');
      } catch (err) {
        const detail = (err as { code?: string }).code ?? (err instanceof Error ? err.message : String(err));
        reports.push({ file: shown(f), shape: 'unknown', manual: 0, defaults: [], findings: [{ severity: 'error', code: 'read', path: '', message: t('err.read', { detail }), line: 1, column: 1 }] });
        continue;
      }
      const r = checkDefaultsText(text, shown(f), locale);
      // The folder listing leaves out meta-schemas (formats, no business facts).
      if (files.length > 0 || r.shape !== 'meta') reports.push(r);
    }
    const count = (s: Finding['severity']) => reports.reduce((n, r) => n + r.findings.filter((x) => x.severity === s).length, 0);
    const errors = count('error');
    const warnings = count('warning');
    const defaults = reports.reduce((n, r) => n + r.defaults.length, 0);
    if (opts.json) io.out(`${JSON.stringify({ files: reports, defaults, errors, warnings }, null, 2)}\n`);
    else {
      for (const r of reports) {
        io.out(`${t('defaults.file', { file: r.file, defaults: r.defaults.length, manual: r.manual })}\n`);
        for (const d of r.defaults) {
          const title = d.title?.[locale] ?? d.title?.['zh-CN'];
          const note = d.provenance.kind === 'default' ? d.provenance.note : '';
          io.out(`  ${t('defaults.item', { file: r.file, line: d.line, column: d.column, what: d.what, title: title ? ` 「${title}」` : '', note, path: d.path || '/' })}\n`);
        }
        for (const x of r.findings) io.out(`  ${r.file}:${x.line}:${x.column}: ${x.severity} [${x.code}] ${x.message}${x.path ? ` (${x.path})` : ''}\n`);
      }
      io.out(`${t('defaults.summary', { files: reports.length, defaults, errors, warnings })}\n`);
    }
    return errors > 0 || (opts.strict && (defaults > 0 || warnings > 0)) ? 1 : 0;
  }

  if (command === 'check') {
    if (files.length === 0) return usageError(t('err.noFiles'));
    if (opts.kind !== undefined && !(KINDS as readonly string[]).includes(opts.kind)) return usageError(t('err.badKind', { kind: opts.kind, kinds: KINDS.join(', ') }));
    let against: JsonSchema | undefined;
    if (opts.against !== undefined) {
      try {
        against = JSON.parse(readFileSync(abs(opts.against), 'utf8')) as JsonSchema;
      } catch (err) {
        return usageError(`${opts.against}: ${t('err.read', { detail: err instanceof Error ? err.message : String(err) })}`);
      }
    }
    const reports: FileReport[] = [];
    for (const f of files) {
      let text: string;
      try {
        text = readFileSync(abs(f), 'utf8');
      } catch (err) {
        const detail = (err as { code?: string }).code ?? (err instanceof Error ? err.message : String(err));
        reports.push({ file: shown(f), kind: 'unknown', findings: [{ severity: 'error', code: 'read', path: '', message: t('err.read', { detail }), line: 1, column: 1 }] });
        continue;
      }
      reports.push(
        await checkText(text, {
          file: shown(f),
          locale,
          shipped: shipped.forFile(abs(f)),
          ...(opts.kind ? { kind: opts.kind as FileKind } : {}),
          ...(opts.schema ? { schema: opts.schema } : {}),
          ...(against ? { against } : {}),
        }),
      );
    }
    const errors = reports.reduce((n, r) => n + r.findings.filter((x) => x.severity === 'error').length, 0);
    const warnings = reports.reduce((n, r) => n + r.findings.filter((x) => x.severity === 'warning').length, 0);
    if (opts.json) io.out(`${JSON.stringify({ files: reports, errors, warnings }, null, 2)}\n`);
    else {
      for (const r of reports) {
        if (r.findings.length === 0) io.out(`${t('ok', { file: r.file, kind: kindLabel(locale, r) })}\n`);
        // file:line:column: severity [code] message (pointer): the shape editors' problem matchers read.
        for (const x of r.findings) io.out(`${r.file}:${x.line}:${x.column}: ${x.severity} [${x.code}] ${x.message}${x.path ? ` (${x.path})` : ''}\n`);
      }
      io.out(`${t('summary', { files: reports.length, errors, warnings })}\n`);
    }
    return errors > 0 || (opts.strict && warnings > 0) ? 1 : 0;
  }

  if (command === 'calendar') {
    // wuye-kit calendar [fromYear] [toYear] [-o dir]: cn-<year>.json from chinese-days.
    let source: ChineseDaysPackage;
    try {
      source = loadChineseDays(io.cwd);
    } catch (err) {
      if (!(err instanceof CalendarSourceError)) throw err;
      io.err(`${t('calendar.deps')}\n`);
      return 1;
    }
    const known = yearsOf(source.data);
    const year = (text: string | undefined, fallback: number) => (text === undefined ? fallback : /^\d{4}$/.test(text) ? Number(text) : NaN);
    const from = year(files[0], 2024);
    const to = year(files[1], files[0] !== undefined ? from : Math.max(...known));
    if (Number.isNaN(from) || Number.isNaN(to) || from > to) return usageError(t('calendar.years', { given: files.join(' ') }));
    const dir = abs(opts.out ?? join('schemas', 'calendars'));
    mkdirSync(dir, { recursive: true });
    let written = 0;
    for (let y = from; y <= to; y++) {
      const cal = calendarOf(source, y);
      if (!cal) {
        io.err(`${t('calendar.none', { year: y, package: `${source.name}@${source.version}`, known: `${known[0]}–${known[known.length - 1]}` })}\n`);
        continue;
      }
      const file = join(dir, `${cal.id}.json`);
      writeFileSync(file, `${JSON.stringify(cal.json, null, 2)}\n`);
      const days = cal.json['days'] as { kind: string }[];
      io.out(`${t('calendar.wrote', { file: shown(file), holidays: days.filter((d) => d.kind === 'holiday').length, workdays: days.filter((d) => d.kind === 'workday').length })}\n`);
      written++;
    }
    return written > 0 ? 0 : 1;
  }

  if (command === 'compile') {
    if (files.length !== 1) return usageError(t('err.noFiles'));
    const file = files[0]!;
    let text: string;
    try {
      text = readFileSync(abs(file), 'utf8');
    } catch (err) {
      io.err(`${shown(file)}: ${t('err.read', { detail: (err as { code?: string }).code ?? String(err) })}\n`);
      return 1;
    }
    // A validator is for run time: the schema's provenance notes are check's business, not compile's.
    const report = await checkText(text, { file: shown(file), locale, kind: 'schema', shipped: shipped.forFile(abs(file)), provenance: false });
    const errs = report.findings.filter((x) => x.severity === 'error');
    for (const x of report.findings) io.err(`${report.file}:${x.line}:${x.column}: ${x.severity} [${x.code}] ${x.message}${x.path ? ` (${x.path})` : ''}\n`);
    if (errs.length) {
      io.err(`${t('compile.invalid', { file: shown(file) })}\n`);
      return 1;
    }
    const out = abs(opts.out ?? join(dirname(file), `${basename(file).replace(/(\.schema)?\.json$/, '')}.validator.js`));
    const dts = out.replace(/\.m?js$/, '') + '.d.ts';
    try {
      const compiled = await compileSchema(JSON.parse(text) as object, shipped.forFile(abs(file)), locale);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, compiled.code);
      writeFileSync(dts, compiled.dts);
      io.out(`${t('compile.done', { out: shown(out), bytes: Buffer.byteLength(compiled.code), dts: shown(dts) })}\n`);
      return 0;
    } catch (err) {
      if (err instanceof CompileError) {
        io.err(`${err.message}\n`);
        return 1;
      }
      throw err;
    }
  }
  if (command === 'serve' || command === 'demo') {
    // Loaded only for these commands: they need the server (better-sqlite3, jose).
    const { runService } = await import('./serve-command.js');
    return runService(command, { config: opts.config, port: opts.port, host: opts.host, db: opts.db, root: opts.root, embedded: opts.embedded }, io, t, abs, untilStopped);
  }
  return usageError(t('err.arg', { detail: command }));

  function usageError(message: string): number {
    io.err(`${message}\n\n${usage(locale)}\n`);
    return 2;
  }
}

/** Resolves when the process is asked to stop (Ctrl+C, SIGTERM). */
function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

function usage(locale: Locale): string {
  return cliText(locale, 'usage', { kinds: KINDS.join(', ') });
}

function kindLabel(locale: Locale, r: FileReport): string {
  return r.kind === 'record' ? cliText(locale, 'kind.record', { schema: r.schema ?? '' }) : cliText(locale, `kind.${r.kind}`);
}

/**
 * The configuration files of a schemas/ folder, sorted: vocabularies, data and meta-schemas, UI
 * schemas, rule sets, workflows, calendars. Not the examples (test data) or the OpenAPI document.
 */
export function shippedConfigFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) {
        if (name !== 'examples') walk(p);
      } else if (name.endsWith('.json') && !name.endsWith('.openapi.json')) out.push(p);
    }
  };
  walk(dir);
  return out;
}
