/** An ISO 8601 duration split into its parts (`P1W`, `P2DT4H30M`). */
export interface Duration {
  readonly weeks: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

export class DurationError extends Error {
  override readonly name = 'DurationError';
}

const PATTERN = /^P(?!$)(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** Parses the ISO 8601 durations workflow definitions use (no years or months: their length varies). */
export function parseDuration(text: string): Duration {
  const m = PATTERN.exec(text);
  if (!m) throw new DurationError(`Not a supported ISO 8601 duration (PnW, PnDTnHnMnS): ${JSON.stringify(text)}`);
  const n = (i: number) => Number(m[i] ?? 0);
  return { weeks: n(1), days: n(2), hours: n(3), minutes: n(4), seconds: n(5) };
}

/**
 * Milliseconds of a duration. In calendar time a day is 24 h; in business time pass the length
 * of a working day (`calendar.workdayMs`), so `P1D` means one working day and `PT4H` four working
 * hours. A week is seven days in calendar time and five working days in business time.
 */
export function durationMs(text: string, dayMs = 86_400_000, business = false): number {
  const d = parseDuration(text);
  const weekDays = business ? 5 : 7;
  return (d.weeks * weekDays + d.days) * dayMs + d.hours * 3_600_000 + d.minutes * 60_000 + d.seconds * 1000;
}
