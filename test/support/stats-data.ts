// Synthetic complaint records and offices for the statistics benchmarks, pages and stories:
// compact (shared nested objects and a pool of timestamps) and deterministic.
import type { StatsOffice } from '../../src/core/stats/index.js';

const CATEGORIES = ['management', 'staff', 'efficiency', 'developer', 'dispute', 'other'];
const KINDS = ['complaint', 'complaint', 'complaint', 'reasonable-need', 'suggestion'];
const CHANNELS = ['phone', 'visit', 'letter', 'online', 'email', 'on-site'];
const SEVERITIES = ['minor', 'minor', 'serious', 'major'];
const TYPES = [{ type: 'owner' }, { type: 'owner' }, { type: 'staff-partner' }, { type: 'other' }];
const SAT = ['satisfied', 'basically-satisfied', 'dissatisfied'];

/** `count` offices in `regions` regions (names in zh-CN and en). */
export function makeOffices(count: number, regions = Math.max(1, Math.round(count / 150))): StatsOffice[] {
  return Array.from({ length: count }, (_, i) => {
    const r = i % regions;
    return {
      id: `O${String(i).padStart(5, '0')}`,
      name: { 'zh-CN': `第${i + 1}管理处`, en: `Office ${i + 1}` },
      region: `R${r}`,
      regionName: { 'zh-CN': `第${r + 1}区域`, en: `Region ${r + 1}` },
    };
  });
}

/** A small deterministic generator (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `n` complaint-shaped records over `officeIds`, received in the 24 months from `startYear`-01,
 * each a distinct object with the optional fields present or not as in real data (so records
 * have several shapes). Timestamps and nested reply/visit objects come from small pools.
 */
export function makeRecords(n: number, officeIds: readonly string[], { startYear = 2025, seed = 7 } = {}): object[] {
  const rand = rng(seed);
  const stamps: string[] = [];
  for (let m = 0; m < 24; m++) {
    const y = startYear + Math.floor(m / 12);
    const mo = String((m % 12) + 1).padStart(2, '0');
    for (let d = 1; d <= 28; d += 3) for (const h of ['08', '13', '23']) stamps.push(`${y}-${mo}-${String(d).padStart(2, '0')}T${h}:15:00+08:00`);
  }
  // Flat strings, as JSON.parse gives them: template literals build rope strings whose
  // characters are slower to read, which no real record has.
  stamps.splice(0, stamps.length, ...(JSON.parse(JSON.stringify(stamps)) as string[]));
  const deadline = '2026-12-31T18:00:00+08:00';
  const replies = [{ at: '2026-06-01T10:00:00+08:00', content: 'ok' }, { at: '2027-02-01T10:00:00+08:00', content: 'late' }];
  const visits = SAT.map((satisfaction) => ({ at: '2027-02-02T10:00:00+08:00', satisfaction }));
  const out = new Array<object>(n);
  for (let i = 0; i < n; i++) {
    const x = rand();
    const base = {
      recordNo: `S-${i}`,
      kind: KINDS[i % KINDS.length],
      receivedAt: stamps[Math.floor(x * stamps.length)],
      channel: CHANNELS[i % CHANNELS.length],
      officeId: officeIds[Math.floor(rand() * officeIds.length)],
      complainant: TYPES[i % TYPES.length],
      category: CATEGORIES[Math.floor(rand() * 6)],
      severity: SEVERITIES[i % SEVERITIES.length],
      subject: '电梯故障',
    };
    const stage = i % 5;
    out[i] =
      stage === 0
        ? base
        : stage === 1
          ? { ...base, validity: 'invalid', deadline }
          : stage === 2
            ? { ...base, validity: 'valid', deadline, reply: replies[i & 1] }
            : { ...base, validity: 'valid', deadline, reply: replies[i & 1], returnVisit: visits[i % 3] };
  }
  return out;
}

/**
 * The same records as a host has them: parsed from JSON (an API response, a file). Objects built
 * by JSON.parse share a few hidden classes; the literal-and-spread objects above have many more,
 * which made every loop over them, ours and the hand-written peer alike, about 2.5× slower than
 * over real data.
 */
export function makeJsonRecords(n: number, officeIds: readonly string[], options: { startYear?: number; seed?: number } = {}): object[] {
  return JSON.parse(JSON.stringify(makeRecords(n, officeIds, options))) as object[];
}
