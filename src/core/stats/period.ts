/**
 * Months, periods and instants for the statistics table. A month is an integer index
 * (`year * 12 + month - 1`) in Asia/Shanghai time (UTC+8, no daylight saving since 1991), so
 * bucketing a record is arithmetic on the characters of its ISO 8601 timestamp: no `Date`, no
 * `Intl` per record. Anything unusual (no offset, odd precision) takes a slower exact path.
 */
import { SHANGHAI_OFFSET_MINUTES } from '../kernel/time.js';

/** Reporting period: the unit of the range and of the comparison. */
export type StatsPeriod = 'month' | 'quarter' | 'year';

/** An inclusive span of months, as `YYYY-MM` strings (Asia/Shanghai). */
export interface MonthSpan {
  readonly from: string;
  readonly to: string;
}

const SHANGHAI_OFFSET_MIN = SHANGHAI_OFFSET_MINUTES;
const DAY_MS = 86_400_000;

/** Days in month `m0` (0-based) of `year`, proleptic Gregorian. */
export function daysInMonth(year: number, m0: number): number {
  if (m0 === 1) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return m0 === 3 || m0 === 5 || m0 === 8 || m0 === 10 ? 30 : 31;
}

/** Year and 0-based month of a day count since 1970-01-01 (H. Hinnant's civil_from_days). */
function monthFromDays(days: number): number {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return y * 12 + m - 1;
}

/** Month index (Asia/Shanghai) of an epoch-millisecond instant. */
export function monthOfInstant(ms: number): number {
  return monthFromDays(Math.floor((ms + SHANGHAI_OFFSET_MIN * 60_000) / DAY_MS));
}

/** The exact path: whatever `Date.parse` accepts, or -1. */
function slowMonth(s: string): number {
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? -1 : monthOfInstant(ms);
}

/**
 * The Asia/Shanghai month index of an ISO 8601 date-time with an offset
 * (`2026-06-30T17:00:00-07:00` → July 2026), or -1 when it is not a date-time.
 * Hot path of `aggregateComplaints`: reads characters, never allocates.
 */
export function shanghaiMonth(s: unknown): number {
  if (typeof s !== 'string') return -1;
  const n = s.length;
  if (n < 20) return slowMonth(s);
  const y0 = s.charCodeAt(0) - 48, y1 = s.charCodeAt(1) - 48, y2 = s.charCodeAt(2) - 48, y3 = s.charCodeAt(3) - 48;
  const mo0 = s.charCodeAt(5) - 48, mo1 = s.charCodeAt(6) - 48;
  // Any non-digit gives a value outside 0..9; `>>> 0` makes negatives huge, so one test covers both.
  if ((y0 >>> 0) > 9 || (y1 >>> 0) > 9 || (y2 >>> 0) > 9 || (y3 >>> 0) > 9 || (mo0 >>> 0) > 9 || (mo1 >>> 0) > 9) return slowMonth(s);
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return slowMonth(s);
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const m0 = mo0 * 10 + mo1 - 1;
  if (m0 < 0 || m0 > 11) return -1;
  const sign = s.charCodeAt(n - 6);
  let offset: number;
  if (sign === 43 /* + */ || sign === 45 /* - */) {
    if (s.charCodeAt(n - 3) !== 58) return slowMonth(s);
    const oh = (s.charCodeAt(n - 5) - 48) * 10 + s.charCodeAt(n - 4) - 48;
    const om = (s.charCodeAt(n - 2) - 48) * 10 + s.charCodeAt(n - 1) - 48;
    offset = sign === 43 ? oh * 60 + om : -(oh * 60 + om);
    if (offset === SHANGHAI_OFFSET_MIN) return year * 12 + m0; // the common case: already local
  } else {
    const last = s.charCodeAt(n - 1);
    if (last !== 90 && last !== 122) return slowMonth(s); // no Z: let Date decide (local time is ambiguous)
    offset = 0;
  }
  const t = s.charCodeAt(10);
  if ((t !== 84 && t !== 116 && t !== 32) || s.charCodeAt(13) !== 58) return slowMonth(s);
  const day = (s.charCodeAt(8) - 48) * 10 + s.charCodeAt(9) - 48;
  const hour = (s.charCodeAt(11) - 48) * 10 + s.charCodeAt(12) - 48;
  const minute = (s.charCodeAt(14) - 48) * 10 + s.charCodeAt(15) - 48;
  if (!(day >= 1 && day <= 31 && hour >= 0 && hour <= 24 && minute >= 0 && minute <= 59)) return slowMonth(s);
  // Minutes since the start of the month, moved to UTC+8: at most a day either way, so the
  // month can only become the previous or the next one.
  const minutes = (day - 1) * 1440 + hour * 60 + minute + (SHANGHAI_OFFSET_MIN - offset);
  if (minutes < 0) return year * 12 + m0 - 1;
  if (minutes >= daysInMonth(year, m0) * 1440) return year * 12 + m0 + 1;
  return year * 12 + m0;
}

/** Epoch milliseconds of an ISO date-time, or NaN. */
export function instant(s: unknown): number {
  return typeof s === 'string' ? Date.parse(s) : Number.NaN;
}

/**
 * Whether `at` is not later than `limit` (both ISO 8601 with offsets). Same length and same
 * offset compare as strings (what most records are); anything else compares instants.
 */
export function notLater(at: string, limit: string): boolean {
  const n = at.length;
  if (n === limit.length && n >= 20 && at.charCodeAt(n - 6) === limit.charCodeAt(n - 6) && at.endsWith(limit.slice(n - 6))) {
    return at <= limit;
  }
  return Date.parse(at) <= Date.parse(limit);
}

/** `2026-07` → month index; also accepts `2026-07-15…` (the month of it), `2026`, `2026-Q3`. */
export function parseMonth(text: string, end = false): number {
  const m = /^(\d{4})(?:-(\d{2})|-?Q([1-4]))?/.exec(text.trim());
  if (!m) throw new RangeError(`not a month: "${text}" (expected YYYY-MM, YYYY-Qn or YYYY)`);
  const year = Number(m[1]);
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) throw new RangeError(`not a month: "${text}"`);
    return year * 12 + month - 1;
  }
  if (m[3] !== undefined) return year * 12 + (Number(m[3]) - 1) * 3 + (end ? 2 : 0);
  return year * 12 + (end ? 11 : 0);
}

/** Month index → `YYYY-MM`. */
export function formatMonth(index: number): string {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}`;
}

/** Months in one period. */
export const periodLength = (period: StatsPeriod): number => (period === 'month' ? 1 : period === 'quarter' ? 3 : 12);

/** First month of the period that contains month `index`. */
export function periodStart(index: number, period: StatsPeriod): number {
  const len = periodLength(period);
  return index - (((index % len) + len) % len);
}

/** A span as `YYYY-MM` strings. */
export const span = (from: number, to: number): MonthSpan => ({ from: formatMonth(from), to: formatMonth(to) });

// ── Period presets: what a desk asks for ("this month", "last quarter", …) ────────────────────

/** The period a desk picks: a preset relative to today (Asia/Shanghai), or `custom` (explicit dates). */
export const PERIOD_PRESETS = ['this-month', 'last-month', 'this-quarter', 'last-quarter', 'this-year', 'last-year', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** Comparison with the previous period (环比, `mom`) or the same period a year earlier (同比, `yoy`). */
export type PeriodCompare = 'none' | 'mom' | 'yoy';

/** Calendar dates, both inclusive, `YYYY-MM-DD` (Asia/Shanghai). */
export interface DateRange {
  readonly from: string;
  readonly to: string;
}

/** A preset resolved for one day: the dates, the same span as months, and the natural granularity. */
export interface ResolvedPreset {
  readonly preset: Exclude<PeriodPreset, 'custom'>;
  readonly range: DateRange;
  readonly months: MonthSpan;
  readonly granularity: StatsPeriod;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** First day of month `index`, `YYYY-MM-DD`. */
export function monthFirstDay(index: number): string {
  return `${formatMonth(index)}-01`;
}

/** Last day of month `index`, `YYYY-MM-DD`. */
export function monthLastDay(index: number): string {
  const year = Math.floor(index / 12);
  return `${formatMonth(index)}-${pad2(daysInMonth(year, index - year * 12))}`;
}

/** Whether `preset` is one of PERIOD_PRESETS. */
export const isPeriodPreset = (preset: unknown): preset is PeriodPreset => typeof preset === 'string' && (PERIOD_PRESETS as readonly string[]).includes(preset);

/**
 * The dates of a preset on the day of `now` (epoch ms) in Asia/Shanghai: `this-month` on
 * 2026-11-30T20:00Z is December 2026 (it is already 1 December in Shanghai). Throws for `custom`
 * or an unknown preset.
 */
export function resolvePreset(preset: PeriodPreset, now: number): ResolvedPreset {
  if (preset === 'custom' || !isPeriodPreset(preset)) throw new RangeError(`not a relative period preset: "${String(preset)}"`);
  const m = monthOfInstant(now);
  const granularity: StatsPeriod = preset.endsWith('month') ? 'month' : preset.endsWith('quarter') ? 'quarter' : 'year';
  const len = periodLength(granularity);
  const start = periodStart(m, granularity) - (preset.startsWith('last') ? len : 0);
  const end = start + len - 1;
  return { preset, range: { from: monthFirstDay(start), to: monthLastDay(end) }, months: span(start, end), granularity };
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number since 1970-01-01 of `YYYY-MM-DD`, or undefined when it is not a calendar date. */
function dayOf(date: string): number | undefined {
  const m = DATE_RE.exec(date);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo - 1)) return undefined;
  return Date.UTC(y, mo - 1, d) / DAY_MS;
}

const dateOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Whether a range is two calendar dates, `from` not after `to`. */
export function isDateRange(range: unknown): range is DateRange {
  if (range === null || typeof range !== 'object') return false;
  const { from, to } = range as { from?: unknown; to?: unknown };
  if (typeof from !== 'string' || typeof to !== 'string') return false;
  const a = dayOf(from);
  const b = dayOf(to);
  return a !== undefined && b !== undefined && a <= b;
}

/**
 * The range compared with: `mom` the previous equal span (whole months shift by their month
 * count, other spans by their day count), `yoy` the same dates a year earlier (29 February
 * becomes the 28th). Undefined for `none`. Throws for a range that is not two dates.
 */
export function compareRange(range: DateRange, compare: PeriodCompare): DateRange | undefined {
  if (compare === 'none') return undefined;
  if (!isDateRange(range)) throw new RangeError(`not a date range: ${JSON.stringify(range)}`);
  const [fy, fm, fd] = range.from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = range.to.split('-').map(Number) as [number, number, number];
  const fromM = fy * 12 + fm - 1;
  const toM = ty * 12 + tm - 1;
  const wholeMonths = fd === 1 && range.to === monthLastDay(toM);
  if (compare === 'yoy') {
    if (wholeMonths) return { from: monthFirstDay(fromM - 12), to: monthLastDay(toM - 12) };
    const clamp = (y: number, m: number, d: number) => `${y}-${pad2(m)}-${pad2(Math.min(d, daysInMonth(y, m - 1)))}`;
    return { from: clamp(fy - 1, fm, fd), to: clamp(ty - 1, tm, td) };
  }
  if (wholeMonths) {
    const n = toM - fromM + 1;
    return { from: monthFirstDay(fromM - n), to: monthLastDay(toM - n) };
  }
  const a = dayOf(range.from)!;
  const b = dayOf(range.to)!;
  const n = b - a + 1;
  return { from: dateOf(a - n), to: dateOf(b - n) };
}

/** The months a date range touches, as `YYYY-MM` (the statistics table counts whole months). */
export function rangeMonths(range: DateRange): MonthSpan {
  return { from: range.from.slice(0, 7), to: range.to.slice(0, 7) };
}

/** The preset a date range equals on the day of `now`, else `custom`. */
export function presetOf(range: DateRange, now: number): PeriodPreset {
  for (const p of PERIOD_PRESETS) {
    if (p === 'custom') continue;
    const r = resolvePreset(p, now).range;
    if (r.from === range.from && r.to === range.to) return p;
  }
  return 'custom';
}
