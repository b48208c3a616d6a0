// `wuye-kit calendar`: writes business calendars (schemas/calendars/cn-<year>.json) from the
// chinese-days package — mainland China's statutory holidays and 调休 makeup workdays, maintained
// upstream — so no date is typed by hand. `npm run calendars` regenerates the shipped ones; a host
// runs it for a year the package knows before the next wuye-kit release. chinese-days is a
// development tool, not a runtime dependency: it is loaded only here, and a missing one is said
// with the command that installs it. Working hours are the project's default (x-default + x-note
// in every file, as the meta-schema requires); a configurator changes them in the written file.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { SHANGHAI_OFFSET, SHANGHAI_TIME_ZONE } from '../core/kernel/time.js';

/** What chinese-days ships: `{ holidays: { "2026-10-01": "National Day,国庆节,8" }, workdays: {…} }`. */
export interface ChineseDays {
  readonly holidays: Readonly<Record<string, string>>;
  readonly workdays: Readonly<Record<string, string>>;
}
export interface ChineseDaysPackage {
  readonly name: string;
  readonly version: string;
  readonly data: ChineseDays;
}

export class CalendarSourceError extends Error {
  override readonly name = 'CalendarSourceError';
}

/**
 * Loads chinese-days from the project being worked on (its node_modules), else from where wuye-kit
 * is installed (`fallback`); a CalendarSourceError when neither has it.
 */
export function loadChineseDays(cwd: string, fallback: string = import.meta.url): ChineseDaysPackage {
  for (const base of [join(cwd, 'package.json'), fallback]) {
    try {
      const require = createRequire(base);
      const pkg = JSON.parse(readFileSync(require.resolve('chinese-days/package.json'), 'utf8')) as { name: string; version: string };
      const data = JSON.parse(readFileSync(require.resolve('chinese-days/dist/chinese-days.json'), 'utf8')) as ChineseDays;
      return { name: pkg.name, version: pkg.version, data };
    } catch (err) {
      if ((err as { code?: string }).code !== 'MODULE_NOT_FOUND') throw err;
    }
  }
  throw new CalendarSourceError('chinese-days is not installed');
}

/** "Spring Festival,春节,4" → { zh-CN: 春节, en: Spring Festival }. */
function label(text: string): { 'zh-CN': string; en: string } {
  const [en, zh] = String(text).split(',');
  return { 'zh-CN': zh || en || '', en: en || zh || '' };
}

/** The years the package has dates for. */
export function yearsOf(data: ChineseDays): number[] {
  return [...new Set([...Object.keys(data.holidays), ...Object.keys(data.workdays)].map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);
}

/** The calendar file of one year (undefined when the package has no dates for it), as written. */
export function calendarOf(source: ChineseDaysPackage, year: number): { id: string; json: Record<string, unknown> } | undefined {
  const days: { date: string; kind: 'holiday' | 'workday'; name: { 'zh-CN': string; en: string } }[] = [];
  for (const [date, text] of Object.entries(source.data.holidays)) if (date.startsWith(`${year}-`)) days.push({ date, kind: 'holiday', name: label(text) });
  for (const [date, text] of Object.entries(source.data.workdays)) if (date.startsWith(`${year}-`)) days.push({ date, kind: 'workday', name: label(text) });
  if (days.length === 0) return undefined;
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const id = `cn-${year}`;
  return {
    id,
    json: {
      $schema: '../calendar.schema.json',
      id,
      title: { 'zh-CN': `中国大陆 ${year} 年工作日历`, en: `Mainland China business calendar ${year}` },
      'x-default': true,
      'x-note': 'Statutory holidays and 调休 days come from the chinese-days package (see source), not the manual; the working hours are the project’s: set your offices’ hours.',
      timeZone: SHANGHAI_TIME_ZONE,
      utcOffset: SHANGHAI_OFFSET,
      weekend: [0, 6],
      workingHours: [
        { start: '09:00', end: '12:00' },
        { start: '13:30', end: '18:00' },
      ],
      coverage: { from: `${year}-01-01`, to: `${year}-12-31` },
      source: { package: source.name, version: source.version, generator: 'wuye-kit calendar' },
      days,
    },
  };
}
