import { validateWith, type ValidationError } from '../errors.js';
import validateCalendar from '../../generated/validators/calendar.js';
import calendarLabels from '../../generated/labels/calendar.js';
import type { Localized } from '../i18n/locale.js';
import { toEpochMs, type Instant } from '../kernel/time.js';

/**
 * Calendar data as `schemas/calendar.schema.json` describes it (and `schemas/calendars/cn-*.json`
 * ships it). Declared here with readonly arrays instead of the generated tuple unions so hosts can
 * pass plain JSON.
 */
export interface CalendarData {
  readonly id: string;
  readonly title: Localized;
  readonly timeZone: string;
  readonly utcOffset: string;
  readonly weekend: readonly number[];
  readonly workingHours: readonly { readonly start: string; readonly end: string }[];
  readonly days: readonly { readonly date: string; readonly kind: 'holiday' | 'workday'; readonly name?: Localized }[];
  readonly coverage?: { readonly from: string; readonly to: string };
  readonly source?: { readonly package: string; readonly version: string; readonly generator?: string };
}

/**
 * What `createCalendar` takes: `CalendarData`, or the same as a JSON import gives it (TypeScript
 * widens `kind` to `string` there), so `createCalendar(cn2026)` type-checks after
 * `import cn2026 from 'wuye-kit/schemas/calendars/cn-2026.json' with { type: 'json' }`. The data
 * is checked against calendar.schema.json either way.
 */
export type CalendarInput = CalendarData | (Omit<CalendarData, 'days'> & { readonly days: readonly { readonly date: string; readonly kind: string; readonly name?: Localized }[] });

/** Why a day is or is not a working day. */
export type DayReason = 'weekday' | 'weekend' | 'holiday' | 'makeup-workday';

export interface DayInfo {
  /** Local date, `YYYY-MM-DD`. */
  readonly date: string;
  readonly workday: boolean;
  readonly reason: DayReason;
  /** The festival a holiday or makeup workday belongs to. */
  readonly name?: Localized;
  /** False when the date lies outside every calendar file's coverage (the weekly rule applied). */
  readonly covered: boolean;
}

export type { Instant } from '../kernel/time.js';

/**
 * A business calendar in one fixed-offset time zone. All arithmetic is on epoch milliseconds;
 * results are epoch milliseconds.
 */
export interface BusinessCalendar {
  readonly id: string;
  readonly timeZone: string;
  /** Offset from UTC in minutes (+480 for Asia/Shanghai). */
  readonly utcOffsetMinutes: number;
  /** Working milliseconds in an ordinary working day (7.5 h for 09:00–12:00 + 13:30–18:00). */
  readonly workdayMs: number;
  /** Whether the local date of `at` (or a `YYYY-MM-DD` date) is a working day, and why. */
  day(at: Instant): DayInfo;
  isWorkday(at: Instant): boolean;
  /** Whether `at` falls inside working hours of a working day. */
  isWorkingTime(at: Instant): boolean;
  /** The instant at which `businessMs` of working time has passed after `from`. */
  addBusinessTime(from: Instant, businessMs: number): number;
  /** Working milliseconds between `from` and `to` (negative when `to` is earlier). */
  businessTimeBetween(from: Instant, to: Instant): number;
  /** `at` itself when it is working time, otherwise the start of the next working period. */
  nextWorkingTime(at: Instant): number;
  /** The local date (`YYYY-MM-DD`) of an instant in the calendar's zone. */
  localDate(at: Instant): string;
}

/** Thrown by createCalendar for data that does not satisfy the calendar schema or disagrees. */
export class CalendarDataError extends Error {
  override readonly name = 'CalendarDataError';
  constructor(
    message: string,
    readonly errors: readonly ValidationError[] = [],
  ) {
    super(message);
  }
}

const DAY = 86_400_000;
/** A calendar with no working day in this many days is broken; arithmetic stops instead of looping. */
const MAX_SCAN_DAYS = 366 * 30;

const toMs = toEpochMs;

const minutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
};

function dayIndexOfDate(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY;
}

function dateOfDayIndex(index: number): string {
  return new Date(index * DAY).toISOString().slice(0, 10);
}

/**
 * Makes a business calendar from one or more calendar data files (for example every
 * `schemas/calendars/cn-*.json` year). The first file sets the zone, rest days and working
 * hours; the others must agree on the offset and add their dated days. Invalid data throws a
 * CalendarDataError listing the schema errors.
 */
export function createCalendar(data: CalendarInput | readonly CalendarInput[]): BusinessCalendar {
  // Checked against the schema below, so each entry is CalendarData from then on.
  const list = (Array.isArray(data) ? data : [data]) as readonly CalendarData[];
  if (list.length === 0) throw new CalendarDataError('createCalendar needs at least one calendar data object.');
  for (const d of list) {
    const r = validateWith(validateCalendar, calendarLabels, d, { locale: 'en' });
    if (!r.valid) {
      const id = typeof (d as { id?: unknown })?.id === 'string' ? (d as { id: string }).id : '(no id)';
      throw new CalendarDataError(`Calendar data ${id} is invalid: ${r.errors.map((e) => `${e.path || '/'} ${e.message}`).join('; ')}`, r.errors);
    }
  }
  const first = list[0]!;
  for (const d of list) {
    if (d.utcOffset !== first.utcOffset) {
      throw new CalendarDataError(`Calendar ${d.id} has offset ${d.utcOffset}, but ${first.id} has ${first.utcOffset}; combine calendars of one zone only.`);
    }
  }
  const sign = first.utcOffset.startsWith('-') ? -1 : 1;
  const offsetMin = sign * minutes(first.utcOffset.slice(1));
  const offsetMs = offsetMin * 60_000;
  const weekend = new Set(first.weekend);

  const periods: [number, number][] = first.workingHours.map((p) => [minutes(p.start) * 60_000, minutes(p.end) * 60_000]);
  for (let i = 0; i < periods.length; i++) {
    const [s, e] = periods[i]!;
    const prevEnd = i > 0 ? periods[i - 1]![1] : 0;
    if (e <= s || s < prevEnd) {
      throw new CalendarDataError(`Calendar ${first.id}: working hours must be in order and not overlap (period ${i + 1}).`);
    }
  }
  if (periods.length === 0) periods.push([0, DAY]);
  const workdayMs = periods.reduce((sum, [s, e]) => sum + (e - s), 0);

  const exceptions = new Map<number, { kind: 'holiday' | 'workday'; name?: Localized }>();
  const coverage: [number, number][] = [];
  for (const d of list) {
    for (const day of d.days) {
      const entry = day.name ? { kind: day.kind, name: day.name } : { kind: day.kind };
      exceptions.set(dayIndexOfDate(day.date), entry);
    }
    if (d.coverage) coverage.push([dayIndexOfDate(d.coverage.from), dayIndexOfDate(d.coverage.to)]);
  }

  const dayIndexOf = (ms: number): number => Math.floor((ms + offsetMs) / DAY);
  /** Epoch ms of local midnight of a day index. */
  const midnight = (index: number): number => index * DAY - offsetMs;

  function info(index: number): DayInfo {
    const date = dateOfDayIndex(index);
    const covered = coverage.some(([a, b]) => index >= a && index <= b);
    const ex = exceptions.get(index);
    if (ex?.kind === 'holiday') return { date, workday: false, reason: 'holiday', ...(ex.name ? { name: ex.name } : {}), covered };
    if (ex?.kind === 'workday') return { date, workday: true, reason: 'makeup-workday', ...(ex.name ? { name: ex.name } : {}), covered };
    // 1970-01-01 (index 0) was a Thursday.
    const weekday = (((index + 4) % 7) + 7) % 7;
    return weekend.has(weekday) ? { date, workday: false, reason: 'weekend', covered } : { date, workday: true, reason: 'weekday', covered };
  }

  function isWorkdayIndex(index: number): boolean {
    const ex = exceptions.get(index);
    if (ex) return ex.kind === 'workday';
    return !weekend.has((((index + 4) % 7) + 7) % 7);
  }

  const indexOfInstantOrDate = (at: Instant): number =>
    typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at) ? dayIndexOfDate(at) : dayIndexOf(toMs(at));

  function addBusinessTime(fromAt: Instant, businessMs: number): number {
    const from = toMs(fromAt);
    if (!(businessMs >= 0) || !Number.isFinite(businessMs)) throw new RangeError(`Business time must be a finite, non-negative number of ms: ${businessMs}`);
    if (businessMs === 0) return from;
    let left = businessMs;
    const startIndex = dayIndexOf(from);
    for (let index = startIndex; index < startIndex + MAX_SCAN_DAYS; index++) {
      if (!isWorkdayIndex(index)) continue;
      const base = midnight(index);
      for (const [s, e] of periods) {
        const start = Math.max(base + s, from);
        const end = base + e;
        if (end <= start) continue;
        if (left <= end - start) return start + left;
        left -= end - start;
      }
    }
    throw new CalendarDataError(`Calendar ${first.id} has no working time within ${MAX_SCAN_DAYS} days.`);
  }

  function businessTimeBetween(fromAt: Instant, toAt: Instant): number {
    const a = toMs(fromAt);
    const b = toMs(toAt);
    if (b < a) return -businessTimeBetween(b, a);
    let total = 0;
    const last = dayIndexOf(b);
    for (let index = dayIndexOf(a); index <= last; index++) {
      if (!isWorkdayIndex(index)) continue;
      const base = midnight(index);
      for (const [s, e] of periods) {
        const start = Math.max(base + s, a);
        const end = Math.min(base + e, b);
        if (end > start) total += end - start;
      }
    }
    return total;
  }

  function isWorkingTime(at: Instant): boolean {
    const ms = toMs(at);
    const index = dayIndexOf(ms);
    if (!isWorkdayIndex(index)) return false;
    const t = ms - midnight(index);
    return periods.some(([s, e]) => t >= s && t < e);
  }

  function nextWorkingTime(at: Instant): number {
    const ms = toMs(at);
    if (isWorkingTime(ms)) return ms;
    const startIndex = dayIndexOf(ms);
    for (let index = startIndex; index < startIndex + MAX_SCAN_DAYS; index++) {
      if (!isWorkdayIndex(index)) continue;
      const base = midnight(index);
      for (const [s] of periods) if (base + s >= ms) return base + s;
    }
    throw new CalendarDataError(`Calendar ${first.id} has no working time within ${MAX_SCAN_DAYS} days.`);
  }

  return {
    id: list.map((d) => d.id).join('+'),
    timeZone: first.timeZone,
    utcOffsetMinutes: offsetMin,
    workdayMs,
    day: (at) => info(indexOfInstantOrDate(at)),
    isWorkday: (at) => isWorkdayIndex(indexOfInstantOrDate(at)),
    isWorkingTime,
    addBusinessTime,
    businessTimeBetween,
    nextWorkingTime,
    localDate: (at) => dateOfDayIndex(dayIndexOf(toMs(at))),
  };
}

/**
 * A calendar in which every moment is working time (UTC, no rest days): business time equals
 * calendar time. The workflow engine uses it when the host gives no calendar.
 */
export function continuousCalendar(): BusinessCalendar {
  return createCalendar({
    id: 'continuous',
    title: { 'zh-CN': '全天候', en: 'Around the clock' },
    timeZone: 'UTC',
    utcOffset: '+00:00',
    weekend: [],
    workingHours: [],
    days: [],
  });
}
