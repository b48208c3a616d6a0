/**
 * Instants and periods for the deduction calculator, without `Intl` or the host's time zone:
 * every record carries its own offset (`2026-07-01T08:00:00+08:00`), and a period's calendar
 * dates are read in one fixed offset (China Standard Time by default), so the same data gives
 * the same result on every machine.
 */
import { civilFromDays, daysFromCivil, SHANGHAI_OFFSET_MINUTES } from '../kernel/time.js';

/** China has one time zone, UTC+08:00 all year (the kernel's Asia/Shanghai offset). */
export const DEFAULT_UTC_OFFSET_MINUTES = SHANGHAI_OFFSET_MINUTES;

const DAY_MS = 86_400_000;

export { daysFromCivil, civilFromDays } from '../kernel/time.js';

/**
 * Epoch milliseconds of an RFC 3339 date-time (`2026-07-01T08:00:00+08:00`, `…Z`, optional
 * fraction); NaN when the text is not one. A hand-written fast path: the benchmark reads three
 * instants per record and `Date.parse` would cost more than the whole rule evaluation.
 */
export function parseInstant(s: string | null | undefined): number {
  if (typeof s !== 'string' || s.length < 20) return Number.NaN;
  // Each digit as 0–9; anything else becomes > 9 after the unsigned shift.
  const y0 = (s.charCodeAt(0) - 48) >>> 0;
  const y1 = (s.charCodeAt(1) - 48) >>> 0;
  const y2 = (s.charCodeAt(2) - 48) >>> 0;
  const y3 = (s.charCodeAt(3) - 48) >>> 0;
  const m0 = (s.charCodeAt(5) - 48) >>> 0;
  const m1 = (s.charCodeAt(6) - 48) >>> 0;
  const d0 = (s.charCodeAt(8) - 48) >>> 0;
  const d1 = (s.charCodeAt(9) - 48) >>> 0;
  const h0 = (s.charCodeAt(11) - 48) >>> 0;
  const h1 = (s.charCodeAt(12) - 48) >>> 0;
  const i0 = (s.charCodeAt(14) - 48) >>> 0;
  const i1 = (s.charCodeAt(15) - 48) >>> 0;
  const s0 = (s.charCodeAt(17) - 48) >>> 0;
  const s1 = (s.charCodeAt(18) - 48) >>> 0;
  if (y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || m0 > 9 || m1 > 9 || d0 > 9 || d1 > 9 || h0 > 9 || h1 > 9 || i0 > 9 || i1 > 9 || s0 > 9 || s1 > 9) return Number.NaN;
  const t = s.charCodeAt(10);
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || (t !== 84 && t !== 116 && t !== 32) || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return Number.NaN;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const mo = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  const h = h0 * 10 + h1;
  const mi = i0 * 10 + i1;
  const se = s0 * 10 + s1;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || se > 60) return Number.NaN;
  let i = 19;
  let ms = 0;
  let c = s.charCodeAt(i);
  if (c === 46) {
    let scale = 100;
    const start = ++i;
    while (i < s.length && (c = s.charCodeAt(i)) >= 48 && c <= 57) {
      ms += (c - 48) * scale;
      scale /= 10;
      i++;
    }
    if (i === start) return Number.NaN;
    ms = Math.floor(ms);
    c = s.charCodeAt(i);
  }
  let offset = 0;
  if ((c === 90 || c === 122) && i + 1 === s.length) offset = 0;
  else if ((c === 43 || c === 45) && i + 6 === s.length && s.charCodeAt(i + 3) === 58) {
    const a = (s.charCodeAt(i + 1) - 48) >>> 0;
    const b = (s.charCodeAt(i + 2) - 48) >>> 0;
    const e = (s.charCodeAt(i + 4) - 48) >>> 0;
    const f = (s.charCodeAt(i + 5) - 48) >>> 0;
    if (a > 9 || b > 9 || e > 9 || f > 9) return Number.NaN;
    const oh = a * 10 + b;
    const om = e * 10 + f;
    if (oh > 23 || om > 59) return Number.NaN;
    offset = (c === 45 ? -1 : 1) * (oh * 60 + om);
  } else return Number.NaN;
  return (daysFromCivil(y, mo, d) * 1440 + h * 60 + mi - offset) * 60_000 + Math.min(se, 59) * 1000 + ms;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** An instant as RFC 3339 text in a fixed offset (`2026-07-31T23:59:59+08:00`). */
export function formatInstant(ms: number, offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): string {
  const local = ms + offsetMinutes * 60_000;
  const days = Math.floor(local / DAY_MS);
  const rest = local - days * DAY_MS;
  const h = Math.floor(rest / 3_600_000);
  const mi = Math.floor((rest % 3_600_000) / 60_000);
  const se = Math.floor((rest % 60_000) / 1000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${civilFromDays(days)}T${p(h)}:${p(mi)}:${p(se)}${sign}${p(Math.floor(abs / 60))}:${p(abs % 60)}`;
}

/** A reporting period: calendar dates, both inclusive. */
export interface DeductionPeriod {
  /** First day, `YYYY-MM-DD`. */
  readonly from: string;
  /** Last day (inclusive), `YYYY-MM-DD`. */
  readonly to: string;
}

/** A period resolved to instants in a fixed offset: `[start, end)` in epoch milliseconds. */
export interface ResolvedPeriod extends DeductionPeriod {
  readonly start: number;
  readonly end: number;
}

/** Thrown for a period that cannot be read; `input` is what was given. */
export class PeriodError extends Error {
  override readonly name = 'PeriodError';
  constructor(readonly input: unknown) {
    super(`Cannot read the period ${JSON.stringify(input)}: use {from, to} dates (YYYY-MM-DD) or "2026", "2026-07", "2026-Q3", "2026-07-01/2026-09-30".`);
  }
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayNumber(date: string): number | undefined {
  const m = DATE.exec(date);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return daysFromCivil(y, mo, d);
}

/**
 * Reads a period: `{from, to}` dates, or the text forms `2026` (a year), `2026-07` (a month),
 * `2026-Q3` (a quarter), `2026-07-01` (a day) and `2026-07-01/2026-09-30` (a range).
 * Throws PeriodError when it cannot.
 */
export function resolvePeriod(period: DeductionPeriod | string, offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): ResolvedPeriod {
  let from: string | undefined;
  let to: string | undefined;
  if (typeof period === 'string') {
    const p = period.trim();
    let m: RegExpExecArray | null;
    if ((m = /^(\d{4})$/.exec(p))) {
      from = `${m[1]}-01-01`;
      to = `${m[1]}-12-31`;
    } else if ((m = /^(\d{4})-(\d{2})$/.exec(p))) {
      const y = Number(m[1]);
      const mo = Number(m[2]);
      if (mo >= 1 && mo <= 12) {
        from = `${m[1]}-${m[2]}-01`;
        to = `${m[1]}-${m[2]}-${String(daysInMonth(y, mo)).padStart(2, '0')}`;
      }
    } else if ((m = /^(\d{4})-[Qq]([1-4])$/.exec(p))) {
      const q = Number(m[2]);
      const last = q * 3;
      from = `${m[1]}-${String(last - 2).padStart(2, '0')}-01`;
      to = `${m[1]}-${String(last).padStart(2, '0')}-${String(daysInMonth(Number(m[1]), last)).padStart(2, '0')}`;
    } else if ((m = /^(\d{4}-\d{2}-\d{2})(?:\s*\/\s*(\d{4}-\d{2}-\d{2}))?$/.exec(p))) {
      from = m[1];
      to = m[2] ?? m[1];
    }
  } else if (period && typeof period === 'object') {
    from = period.from;
    to = period.to;
  }
  const a = from === undefined ? undefined : dayNumber(from);
  const b = to === undefined ? undefined : dayNumber(to);
  if (a === undefined || b === undefined || b < a) throw new PeriodError(period);
  const offsetMs = offsetMinutes * 60_000;
  return { from: from!, to: to!, start: a * DAY_MS - offsetMs, end: (b + 1) * DAY_MS - offsetMs };
}
