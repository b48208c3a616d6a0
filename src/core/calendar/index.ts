// The business calendar: working hours, statutory holidays and 调休 makeup workdays as data.
export { createCalendar, continuousCalendar, CalendarDataError } from './calendar.js';
export type { BusinessCalendar, CalendarData, CalendarInput, DayInfo, DayReason, Instant } from './calendar.js';
export { parseDuration, durationMs, DurationError } from './duration.js';
export type { Duration } from './duration.js';
