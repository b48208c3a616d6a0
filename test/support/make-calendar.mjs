#!/usr/bin/env node
// Writes schemas/calendars/cn-<year>.json from the chinese-days package (statutory holidays and
// 调休 makeup workdays of mainland China, maintained upstream), so no date is typed by hand.
// Usage: node test/support/make-calendar.mjs [fromYear] [toYear]   (default: 2024 … the last
// year the package knows). Working hours and rest days are the project's default and live in
// the generated files, where a configurator may change them.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(require.resolve('chinese-days/package.json'), 'utf8'));
const data = JSON.parse(readFileSync(require.resolve('chinese-days/dist/chinese-days.json'), 'utf8'));

/** "Spring Festival,春节,4" → { zh-CN: 春节, en: Spring Festival }. */
function label(text) {
  const [en, zh] = String(text).split(',');
  return { 'zh-CN': zh || en, en: en || zh };
}

const years = new Set([...Object.keys(data.holidays), ...Object.keys(data.workdays)].map((d) => Number(d.slice(0, 4))));
const last = Math.max(...years);
const from = Number(process.argv[2] ?? 2024);
const to = Number(process.argv[3] ?? last);
mkdirSync('schemas/calendars', { recursive: true });

for (let year = from; year <= to; year++) {
  const days = [];
  for (const [date, text] of Object.entries(data.holidays)) if (date.startsWith(`${year}-`)) days.push({ date, kind: 'holiday', name: label(text) });
  for (const [date, text] of Object.entries(data.workdays)) if (date.startsWith(`${year}-`)) days.push({ date, kind: 'workday', name: label(text) });
  if (days.length === 0) continue;
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const out = {
    $schema: '../calendar.schema.json',
    id: `cn-${year}`,
    title: { 'zh-CN': `中国大陆 ${year} 年工作日历`, en: `Mainland China business calendar ${year}` },
    timeZone: 'Asia/Shanghai',
    utcOffset: '+08:00',
    weekend: [0, 6],
    workingHours: [
      { start: '09:00', end: '12:00' },
      { start: '13:30', end: '18:00' },
    ],
    coverage: { from: `${year}-01-01`, to: `${year}-12-31` },
    source: { package: pkg.name, version: pkg.version, generator: 'test/support/make-calendar.mjs' },
    days,
  };
  const file = `schemas/calendars/cn-${year}.json`;
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`${file}: ${days.filter((d) => d.kind === 'holiday').length} holidays, ${days.filter((d) => d.kind === 'workday').length} makeup workdays`);
}
