/**
 * The one home of time in wuye-kit. Every record carries its own offset
 * (`2026-07-01T08:00:00+08:00`); dates are read in China Standard Time (Asia/Shanghai, UTC+08:00,
 * no daylight saving since 1991), never in the machine's zone, so a list, a CSV and a statistics
 * table read the same in Beijing, in a CI runner in UTC and in a browser in Berlin.
 * No `Intl`, no DOM: runs in Node and browsers. ESLint keeps fixed offsets and
 * `getTimezoneOffset` out of every other module.
 */

/** An instant wherever the kit takes one: epoch milliseconds, a `Date` (or anything with `getTime()`), or an RFC 3339 / ISO 8601 string. */
export type Instant = number | string | { getTime(): number };

/** The zone business dates are read in (schemas/calendars: `timeZone`). */
export const SHANGHAI_TIME_ZONE = 'Asia/Shanghai';
/** Asia/Shanghai is UTC+08:00 all year. */
export const SHANGHAI_OFFSET_MINUTES = 480;
/** The same offset as RFC 3339 text. */
export const SHANGHAI_OFFSET = '+08:00';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Epoch milliseconds of an instant; NaN when it is not one (a bad string, an invalid Date). */
export function epochMs(at: Instant): number {
  if (typeof at === 'number') return at;
  if (typeof at === 'string') return Date.parse(at);
  return at !== null && typeof at === 'object' && typeof at.getTime === 'function' ? at.getTime() : Number.NaN;
}

/** Epoch milliseconds of an instant; throws a RangeError naming the value when it is not one. */
export function toEpochMs(at: Instant): number {
  const ms = epochMs(at);
  if (!Number.isFinite(ms)) throw new RangeError(`Not a valid instant: ${String(at)}`);
  return ms;
}

/** Epoch milliseconds of `at`, or of `fallback()` (default: now) when `at` is unset or not an instant. */
export function epochMsOr(at: Instant | undefined | null, fallback: () => number = Date.now): number {
  const ms = at === undefined || at === null ? Number.NaN : epochMs(at);
  return Number.isFinite(ms) ? ms : fallback();
}

/** The calendar date `YYYY-MM-DD` of an instant at a fixed offset (default Asia/Shanghai); '' when it is not an instant. */
export function shanghaiDate(at: Instant | undefined, utcOffsetMinutes = SHANGHAI_OFFSET_MINUTES): string {
  if (at === undefined) return '';
  const t = epochMs(at);
  if (!Number.isFinite(t)) return '';
  return new Date(t + utcOffsetMinutes * MINUTE).toISOString().slice(0, 10);
}

/** An offset in minutes as RFC 3339 text (`480` → `+08:00`). */
export function offsetText(utcOffsetMinutes: number): string {
  const sign = utcOffsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(utcOffsetMinutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * An instant as RFC 3339 text at a fixed offset, seconds kept, milliseconds dropped
 * (`2026-07-01T08:00:00+08:00`); '' when it is not an instant.
 */
export function isoAtOffset(at: Instant, utcOffsetMinutes = SHANGHAI_OFFSET_MINUTES): string {
  const t = epochMs(at);
  if (!Number.isFinite(t)) return '';
  return new Date(t + utcOffsetMinutes * MINUTE).toISOString().replace(/\.\d{3}Z$/, offsetText(utcOffsetMinutes));
}

/** An instant as RFC 3339 text in Asia/Shanghai (`2026-07-01T08:00:00+08:00`). */
export function isoShanghai(at: Instant): string {
  return isoAtOffset(at, SHANGHAI_OFFSET_MINUTES);
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The calendar date `YYYY-MM-DD` of a day count since 1970-01-01 (H. Hinnant's civil_from_days). */
export function civilFromDays(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z: the years `toISOString` writes with four digits. */
const YEAR_0_MS = -62_167_219_200_000;
const YEAR_10000_MS = 253_402_300_800_000;
const two = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * `new Date(ms).toISOString()` (UTC, `2026-10-19T02:01:00.000Z`), worked out arithmetically for
 * whole milliseconds in the years 0000–9999 (formatting through a Date costs about 1 µs, and the
 * workflow engine formats `now` for rules that read it). Anything else goes through Date, which
 * also throws its RangeError for what is not a time.
 */
export function isoUtc(ms: number): string {
  if (!(ms >= YEAR_0_MS && ms < YEAR_10000_MS) || Math.floor(ms) !== ms) return new Date(ms).toISOString();
  const days = Math.floor(ms / DAY);
  let rest = ms - days * DAY;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const min = Math.floor(rest / MINUTE);
  rest -= min * MINUTE;
  const s = Math.floor(rest / 1000);
  const milli = rest - s * 1000;
  return `${civilFromDays(days)}T${two(h)}:${two(min)}:${two(s)}.${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`;
}

/** Days since 1970-01-01 of the local date of `ms` at a fixed offset (default Asia/Shanghai). */
export function localDayIndex(ms: number, utcOffsetMinutes = SHANGHAI_OFFSET_MINUTES): number {
  return Math.floor((ms + utcOffsetMinutes * MINUTE) / DAY);
}

/** Minutes east of UTC of an RFC 3339 offset (`+08:00`, `-0330`); undefined when it is not one. */
export function parseOffset(text: string): number | undefined {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(text);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : undefined;
}
