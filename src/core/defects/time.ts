import type { CommonProblems, Defect, DefectSeverity } from './types.js';
import { civilFromDays, daysFromCivil, shanghaiDate, SHANGHAI_OFFSET, SHANGHAI_OFFSET_MINUTES } from '../kernel/time.js';

const DAY = 86_400_000;

/** Milliseconds since the epoch of an ISO date-time or a Date; NaN when unreadable. */
export function toTime(value: string | number | { getTime(): number } | undefined): number {
  if (value === undefined) return Number.NaN;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return Date.parse(value);
  return value.getTime();
}

/** Overdue: the time limit has passed and the defect is not closed, relative to `now`. */
export function isOverdue(item: Pick<Defect, 'due' | 'status'>, now: string | number | { getTime(): number }): boolean {
  if (!item.due || item.status === 'closed') return false;
  const due = Date.parse(item.due);
  return Number.isFinite(due) && due < toTime(now);
}

/** Whole days a defect has been open (since found; until closed or `now`). */
export function ageInDays(item: Pick<Defect, 'foundAt' | 'closedAt' | 'status'>, now: string | number | { getTime(): number }): number {
  const end = item.status === 'closed' && item.closedAt ? Date.parse(item.closedAt) : toTime(now);
  const start = Date.parse(item.foundAt);
  if (!Number.isFinite(start) || !Number.isFinite(end)) return 0;
  return Math.max(0, Math.floor((end - start) / DAY));
}

/** The configured time limit in days for a severity (schemas/common-problems.json `defaults`). */
export function timeLimitDays(severity: DefectSeverity, config: Pick<CommonProblems, 'defaults'>): number {
  return config.defaults.timeLimitDays[severity];
}

/** The default time limit of a defect found at `from`: `from` plus the configured days. */
export function defaultDue(severity: DefectSeverity, from: string | number | { getTime(): number }, config: Pick<CommonProblems, 'defaults'>): string {
  return new Date(toTime(from) + timeLimitDays(severity, config) * DAY).toISOString();
}

/**
 * The calendar date (YYYY-MM-DD) of an ISO date-time at a fixed UTC offset. Default +08:00:
 * China Standard Time has no daylight saving, so printed lists read the same everywhere.
 */
export function localDate(iso: string | undefined, utcOffsetMinutes = SHANGHAI_OFFSET_MINUTES): string {
  return iso ? shanghaiDate(iso, utcOffsetMinutes) : '';
}

/**
 * A time limit from a calendar date picked by a person (`<input type="date">`, `YYYY-MM-DD`):
 * the end of that day in Asia/Shanghai (`2026-11-30T23:59:59+08:00`), whatever the browser's
 * zone. `undefined` for anything that is not a real calendar date.
 */
export function endOfShanghaiDay(date: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // A date that does not exist (2026-02-30) does not survive a round trip through the calendar.
  if (civilFromDays(daysFromCivil(y, mo, d)) !== date) return undefined;
  return `${date}T23:59:59${SHANGHAI_OFFSET}`;
}
