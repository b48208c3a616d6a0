// The business calendar: Asia/Shanghai working hours, statutory holidays and 调休 makeup
// workdays from schemas/calendars (generated from chinese-days), and its time arithmetic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { createCalendar, continuousCalendar, CalendarDataError, durationMs, parseDuration, DurationError, type CalendarData } from '../../src/core/calendar/index.js';
import { validate } from '../../src/core/validate.js';

const read = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as CalendarData;
const files = readdirSync('schemas/calendars').filter((f) => /^cn-\d{4}\.json$/.test(f)).sort();
const years = files.map((f) => read(`schemas/calendars/${f}`));
const cal = createCalendar(years);
const at = (local: string) => Date.parse(`${local}+08:00`);
const H = 3_600_000;

test('every shipped calendar file validates and says where its days come from', () => {
  assert.ok(files.length >= 2, 'at least two years shipped');
  for (const [i, y] of years.entries()) {
    assert.deepEqual(validate('calendar', y).errors, [], files[i]);
    assert.equal(y.source?.package, 'chinese-days');
    assert.equal(y.timeZone, 'Asia/Shanghai');
  }
});

test('National Day 2026 is a holiday, the 调休 Saturday after it a working day, an ordinary Saturday not', () => {
  const nd = cal.day('2026-10-01');
  assert.equal(nd.workday, false);
  assert.equal(nd.reason, 'holiday');
  assert.equal(nd.name?.['zh-CN'], '国庆节');
  assert.equal(nd.name?.en, 'National Day');
  const makeup = cal.day('2026-10-10');
  assert.equal(makeup.workday, true);
  assert.equal(makeup.reason, 'makeup-workday');
  assert.equal(cal.day('2026-10-17').reason, 'weekend');
  assert.equal(cal.day('2026-10-16').reason, 'weekday');
  assert.equal(cal.day('2026-10-16').covered, true);
  assert.equal(cal.day('2040-01-02').covered, false);
});

test('days are local to Asia/Shanghai: 16:30 UTC on 30 September is already 1 October there', () => {
  assert.equal(cal.localDate(Date.parse('2026-09-30T16:30:00Z')), '2026-10-01');
  assert.equal(cal.isWorkday(Date.parse('2026-09-30T16:30:00Z')), false);
  assert.equal(cal.isWorkday(Date.parse('2026-09-30T15:30:00Z')), true);
});

test('working hours: 09:00–12:00 and 13:30–18:00, lunch is not working time', () => {
  assert.equal(cal.workdayMs, 7.5 * H);
  assert.equal(cal.isWorkingTime(at('2026-10-16T09:00:00')), true);
  assert.equal(cal.isWorkingTime(at('2026-10-16T12:30:00')), false);
  assert.equal(cal.isWorkingTime(at('2026-10-16T18:00:00')), false);
  assert.equal(cal.nextWorkingTime(at('2026-10-16T12:30:00')), at('2026-10-16T13:30:00'));
  assert.equal(cal.nextWorkingTime(at('2026-09-30T19:00:00')), at('2026-10-08T09:00:00'));
});

test('adding business time skips lunch, nights, weekends and the whole Golden Week', () => {
  assert.equal(cal.addBusinessTime(at('2026-10-16T11:00:00'), 2 * H), at('2026-10-16T14:30:00'));
  assert.equal(cal.addBusinessTime(at('2026-10-16T17:00:00'), 2 * H), at('2026-10-19T10:00:00'));
  // Wednesday 30 Sept 17:00 + 4 h: 1 h that day, then 1–7 Oct off, Thursday 8 Oct 09:00 + 3 h.
  assert.equal(cal.addBusinessTime(at('2026-09-30T17:00:00'), 4 * H), at('2026-10-08T12:00:00'));
  // Friday 9 Oct 17:00 + 2 h lands on the makeup Saturday 10 Oct.
  assert.equal(cal.addBusinessTime(at('2026-10-09T17:00:00'), 2 * H), at('2026-10-10T10:00:00'));
  assert.equal(cal.addBusinessTime(at('2026-10-16T11:00:00'), 0), at('2026-10-16T11:00:00'));
  assert.throws(() => cal.addBusinessTime(at('2026-10-16T11:00:00'), -1), RangeError);
});

test('business time between two instants counts only working time; both directions', () => {
  assert.equal(cal.businessTimeBetween(at('2026-09-30T17:00:00'), at('2026-10-08T10:00:00')), 2 * H);
  assert.equal(cal.businessTimeBetween(at('2026-10-08T10:00:00'), at('2026-09-30T17:00:00')), -2 * H);
  assert.equal(cal.businessTimeBetween(at('2026-10-03T10:00:00'), at('2026-10-04T10:00:00')), 0);
});

test('property: adding d of business time, then measuring back, gives d (fast-check)', () => {
  const start = at('2026-01-01T00:00:00');
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 360 * 24 * 60 }), fc.integer({ min: 1, max: 40 * 7.5 * 60 }), (startMin, durMin) => {
      const from = start + startMin * 60_000;
      const d = durMin * 60_000;
      const to = cal.addBusinessTime(from, d);
      assert.ok(to >= from);
      assert.equal(cal.businessTimeBetween(from, to), d);
      assert.equal(cal.isWorkingTime(to - 1), true, 'the last millisecond counted is working time');
    }),
    { numRuns: 300 },
  );
});

test('bad data is refused with the schema errors, nothing half-built', () => {
  const bad = { ...years[0]!, days: [{ date: '2026-02-30', kind: 'holiday' }] } as unknown as CalendarData;
  assert.throws(
    () => createCalendar(bad),
    (err: unknown) => err instanceof CalendarDataError && err.errors.some((e) => e.path === '/days/0/date' && e.keyword === 'format'),
  );
  assert.throws(() => createCalendar([]), CalendarDataError);
  const overlapping = { ...years[0]!, workingHours: [{ start: '09:00', end: '12:00' }, { start: '11:00', end: '13:00' }] };
  assert.throws(() => createCalendar(overlapping), /not overlap/);
  const otherZone = { ...years[1]!, utcOffset: '+09:00' };
  assert.throws(() => createCalendar([years[0]!, otherZone]), /offset/);
  const noWork = { ...years[0]!, weekend: [0, 1, 2, 3, 4, 5, 6], days: [] };
  assert.throws(() => createCalendar(noWork).addBusinessTime(0, H), CalendarDataError);
});

test('a __proto__ key in calendar data is ignored, not followed', () => {
  const hostile = JSON.parse(JSON.stringify(years[0]).replace('"id":', '"__proto__":{"polluted":true},"id":'));
  assert.throws(() => createCalendar(hostile), CalendarDataError, 'an unknown key is refused by the schema');
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
});

test('the continuous calendar counts every moment', () => {
  const c = continuousCalendar();
  assert.equal(c.addBusinessTime(0, 5 * H), 5 * H);
  assert.equal(c.businessTimeBetween(0, 86_400_000), 86_400_000);
});

test('ISO 8601 durations: calendar days are 24 h, business days one working day, weeks five of them', () => {
  assert.deepEqual(parseDuration('P1W2DT3H4M5S'), { weeks: 1, days: 2, hours: 3, minutes: 4, seconds: 5 });
  assert.equal(durationMs('P1D'), 24 * H);
  assert.equal(durationMs('P1D', cal.workdayMs, true), 7.5 * H);
  assert.equal(durationMs('P1W', cal.workdayMs, true), 5 * 7.5 * H);
  assert.equal(durationMs('PT30M'), 30 * 60_000);
  for (const bad of ['P', 'PT', '1D', 'P1Y', 'P1M', 'PT1.5H', 'P-1D']) assert.throws(() => parseDuration(bad), DurationError, bad);
});
