// The string formats of the generated validators (.scripts/formats.mjs). `date-time` is read
// character by character (the engine checks event times on every event, issue 16); it must give
// exactly the answers of the regular expressions it replaced (ajv-formats' "full" mode), kept
// here as the reference, on a corpus of valid values and every one-character change of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formats } from '../../.scripts/formats.mjs';
import validateWorkflowEvents from '../../src/generated/validators/workflow-events.js';

/** The regular-expression version `date-time` had before (the reference). */
function dateTimeByRegExp(s: string): boolean {
  const i = s.search(/[tT ]/);
  if (i < 0) return false;
  const d = s.slice(0, i);
  const t = s.slice(i + 1);
  const dm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (!dm) return false;
  const y = +dm[1]!;
  const mo = +dm[2]!;
  const day = +dm[3]!;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = [0, 31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (!(mo >= 1 && mo <= 12 && day >= 1 && day <= days[mo]!)) return false;
  const tm = /^(\d{2}):(\d{2}):(\d{2})(\.\d+)?(z|[+-](\d{2}):?(\d{2}))$/i.exec(t);
  if (!tm) return false;
  if (tm[6] !== undefined && (+tm[6] > 23 || +tm[7]! > 59)) return false;
  return +tm[1]! <= 23 && +tm[2]! <= 59 && +tm[3]! <= 59;
}

const SEEDS = [
  '2026-10-16T15:00:00+08:00',
  '2026-10-16t15:00:00z',
  '2026-10-16 15:00:00.123-0530',
  '2024-02-29T23:59:59.5Z',
  '2026-02-28T00:00:00+00:00',
  '2026-12-31T12:34:56.000001+14:00',
  '1999-04-30T09:05:07-11:59',
];
/** Characters a change puts in: digits at the edges of the ranges, separators, letters, other scripts. */
const CHARS = ['0', '1', '2', '3', '4', '5', '9', '-', '+', ':', '.', 'T', 't', ' ', 'Z', 'z', 'x', '\n', '٣', '\u{1F600}', ''];

function corpus(): string[] {
  const out = new Set<string>(['', 'T', ' ', '2026-10-16', '2026-10-16T', '15:00:00Z', '2026-10-16T15:00:00', '2026-13-01T00:00:00Z', '2026-02-29T00:00:00Z', '1900-02-29T00:00:00Z', '2000-02-29T00:00:00Z', '2026-04-31T00:00:00Z', '2026-10-16T24:00:00Z', '2026-10-16T23:60:00Z', '2026-10-16T23:59:60Z', '2026-10-16T23:59:59+24:00', '2026-10-16T23:59:59+23:60', '2026-10-16T15:00:00.+08:00', '2026-10-16T15:00:00+0800', '2026-10-16T15:00:00+08:000', '2026-10-16T15:00:00+08', '2026-10-16T15:00:00Zx', 'x2026-10-16T15:00:00Z', '2026-10-16TT15:00:00Z', '2026-10-16 T15:00:00Z']);
  for (const seed of SEEDS) {
    out.add(seed);
    for (let i = 0; i <= seed.length; i++) {
      for (const c of CHARS) {
        out.add(seed.slice(0, i) + c + seed.slice(i + 1)); // replace (or delete, with '')
        out.add(seed.slice(0, i) + c + seed.slice(i)); // insert
      }
    }
  }
  return [...out];
}

test('date-time read by characters answers as the regular expressions did, on every one-character change of valid values', () => {
  const all = corpus();
  const dateTime = formats['date-time']!;
  let valid = 0;
  for (const s of all) {
    const expected = dateTimeByRegExp(s);
    assert.equal(dateTime(s), expected, JSON.stringify(s));
    if (expected) valid++;
  }
  assert.ok(all.length > 5000 && valid > 300 && valid < all.length / 2, `${all.length} strings, ${valid} valid: both answers occur`);
});

test('the generated validator uses it: an event time is accepted or refused by the same rule', () => {
  const reply = (at: string) => validateWorkflowEvents({ reply: { at, content: '已安排维修' } });
  assert.equal(reply('2026-10-16T15:00:00+08:00'), true);
  assert.equal(reply('2026-10-16T15:00:00.250Z'), true);
  assert.equal(reply('2026-02-29T15:00:00+08:00'), false, 'no 29 February in 2026');
  assert.equal(reply('2026-10-16T15:00:00+08'), false, 'an offset needs its minutes');
  assert.equal(reply('2026-10-16T15:00'), false);
});
