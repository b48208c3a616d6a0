// The counters' layout and the office × month × counter cube they are stored in.
import { statsVocab as vocab } from './vocab.js';
import type { StatsCounter } from './config.js';

/** Counters stored per office and month after the category counts (`records` is their sum). */
export const EXTRA = ['judged', 'valid', 'replyDue', 'repliedOnTime', 'handled', 'visited', 'satisfied'] as const satisfies readonly StatsCounter[];
export const CATEGORIES: readonly string[] = vocab.contentCategory.codes;
export const NCAT = CATEGORIES.length;
export const NC = NCAT + EXTRA.length;
export const [JUDGED, VALID, DUE, ON_TIME, HANDLED, VISITED, SATISFIED] = EXTRA.map((_, i) => NCAT + i) as [number, number, number, number, number, number, number];

/**
 * Counts per office × month × counter in one Int32Array (office-major, so a new office only
 * appends). Months are a window [lo, lo + months) that grows when the range is not known
 * in advance.
 */
export class Cube {
  data: Int32Array;
  constructor(
    public lo: number,
    public months: number,
    public capacity: number,
  ) {
    this.data = new Int32Array(capacity * months * NC);
  }

  growOffices(): void {
    const next = new Int32Array(this.capacity * 2 * this.months * NC);
    next.set(this.data);
    this.data = next;
    this.capacity *= 2;
  }

  growMonths(month: number): void {
    // An empty cube starts a year either side of the first month met.
    const lo = this.months === 0 ? month - 12 : Math.min(this.lo, month - 12);
    const hi = this.months === 0 ? month + 13 : Math.max(this.lo + this.months, month + 13);
    const months = Math.max(hi - lo, this.months * 2);
    const next = new Int32Array(this.capacity * months * NC);
    for (let o = 0; this.months > 0 && o < this.capacity; o++) {
      next.set(this.data.subarray(o * this.months * NC, (o + 1) * this.months * NC), (o * months + (this.lo - lo)) * NC);
    }
    this.data = next;
    this.lo = lo;
    this.months = months;
  }

  /** Adds office `o`'s counters over months [m0, m1] into `out`. */
  addSpan(out: Float64Array, o: number, m0: number, m1: number): void {
    const a = Math.max(m0, this.lo);
    const b = Math.min(m1, this.lo + this.months - 1);
    const d = this.data;
    for (let m = a; m <= b; m++) {
      const base = (o * this.months + m - this.lo) * NC;
      for (let c = 0; c < NC; c++) out[c]! += d[base + c]!;
    }
  }
}
