/**
 * Record numbers. The host numbers records (its sequence is the truth): give
 * <wy-complaint-form> a `recordNumber(draft)` hook. Without one, the local fallback is
 *
 *     <office>-<yyyymm>-L<6 random base-36 characters>     e.g.  SZ-HY-202607-L4K9ZQ
 *
 * `office` is the office id with anything outside [A-Za-z0-9_-] replaced by `-` (or `WY` when
 * there is none); `yyyymm` is the month of `receivedAt` as written (the office's wall clock),
 * else of `now` in `offset`; `L` marks a locally made number so nobody mistakes it for the
 * host's sequence. 36^6 ≈ 2.2 billion values a month and office: collisions are negligible, and
 * the store's idempotency key, not the number, is what prevents duplicates.
 */
import { isoAtOffset, parseOffset, SHANGHAI_OFFSET, SHANGHAI_OFFSET_MINUTES } from '../kernel/time.js';
export interface FallbackOptions {
  /** Uniform random integers in [0, 36): crypto in browsers; injectable for tests. */
  readonly random?: () => number;
  readonly now?: Date;
  /** UTC offset used when `receivedAt` is missing (China Standard Time by default). */
  readonly offset?: string;
}

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const cryptoRandom = (): number => {
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (!c?.getRandomValues) return Math.floor(Math.random() * 36);
  // Rejection sampling keeps the 36 characters equally likely.
  for (;;) {
    const b = c.getRandomValues(new Uint8Array(1))[0]!;
    if (b < 252) return b % 36;
  }
};

export function fallbackRecordNumber(draft: { readonly officeId?: unknown; readonly receivedAt?: unknown }, options: FallbackOptions = {}): string {
  const office = typeof draft.officeId === 'string' && draft.officeId.trim() ? draft.officeId.trim().replace(/[^A-Za-z0-9_-]/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 24) || 'WY' : 'WY';
  const month = monthOf(draft.receivedAt) ?? monthOf(localIso(options.now ?? new Date(), options.offset ?? SHANGHAI_OFFSET))!;
  const random = options.random ?? cryptoRandom;
  let tail = '';
  for (let i = 0; i < 6; i++) tail += ALPHABET[Math.abs(Math.floor(random())) % 36];
  return `${office}-${month}-L${tail}`;
}

function monthOf(v: unknown): string | undefined {
  const m = typeof v === 'string' ? /^(\d{4})-(\d{2})-\d{2}T/.exec(v) : null;
  return m ? `${m[1]}${m[2]}` : undefined;
}

/** `now` as an RFC 3339 date-time at `offset` (`2026-07-01T08:00:00+08:00`), seconds kept, ms dropped. */
export function localIso(now: Date, offset = SHANGHAI_OFFSET): string {
  return isoAtOffset(now, parseOffset(offset) ?? SHANGHAI_OFFSET_MINUTES);
}
