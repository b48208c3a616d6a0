// The kernel's time (src/core/kernel/time.ts): one home for instants and Asia/Shanghai dates,
// the same on every machine; and the lint rule that keeps offsets and getTimezoneOffset out of
// every other module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { ESLint } from 'eslint';
import { civilFromDays, daysFromCivil, epochMs, epochMsOr, isoAtOffset, isoShanghai, isoUtc, parseOffset, shanghaiDate, toEpochMs } from '../../src/core/kernel/time.js';
import { epochMs as fromCore, type Instant } from '../../src/core/index.js';

test('an Instant is epoch ms, a Date or an ISO string; anything else is NaN, or a RangeError from toEpochMs', () => {
  const t = Date.UTC(2026, 6, 1, 0, 0, 0);
  const forms: Instant[] = [t, new Date(t), '2026-07-01T08:00:00+08:00', '2026-07-01T00:00:00Z'];
  assert.deepEqual(forms.map(epochMs), [t, t, t, t]);
  assert.equal(fromCore, epochMs);
  assert.ok(Number.isNaN(epochMs('soon')));
  assert.ok(Number.isNaN(epochMs(new Date('nope'))));
  assert.throws(() => toEpochMs('soon'), /Not a valid instant: soon/);
  assert.equal(epochMsOr(undefined, () => 7), 7);
  assert.equal(epochMsOr('soon', () => 7), 7);
  assert.equal(epochMsOr(t, () => 7), t);
});

test('dates are read in Asia/Shanghai: midnight falls at 16:00 UTC', () => {
  assert.equal(shanghaiDate('2026-07-01T15:59:59Z'), '2026-07-01');
  assert.equal(shanghaiDate('2026-07-01T16:00:00Z'), '2026-07-02');
  assert.equal(shanghaiDate('2026-06-30T17:00:00-07:00'), '2026-07-01');
  assert.equal(shanghaiDate('soon'), '');
  assert.equal(shanghaiDate(undefined), '');
  assert.equal(isoShanghai(Date.UTC(2026, 6, 1, 0, 0, 0, 123)), '2026-07-01T08:00:00+08:00');
  assert.equal(isoAtOffset('2026-07-01T00:00:00Z', -210), '2026-06-30T20:30:00-03:30');
  assert.equal(isoShanghai(Number.NaN), '');
  assert.equal(parseOffset('+08:00'), 480);
  assert.equal(parseOffset('-0330'), -210);
  assert.equal(parseOffset('Z'), undefined);
});

test('the civil-date arithmetic agrees with Date.UTC across four centuries', () => {
  for (let days = -146_097; days <= 146_097 * 2; days += 997) {
    const date = civilFromDays(days);
    assert.equal(date, new Date(days * 86_400_000).toISOString().slice(0, 10));
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    assert.equal(daysFromCivil(y, m, d), days);
  }
});

test('isoUtc writes what Date#toISOString writes, at the edges of its years and anywhere between', () => {
  const edges = [0, -0, 1, -1, 999, 1000, 86_399_999, 86_400_000, -62_167_219_200_000, -62_167_219_200_001, 253_402_300_799_999, 253_402_300_800_000, 951_782_400_000, 4_107_542_400_000, Date.UTC(2026, 9, 19, 2, 1), 1.5, -0.5, 8.64e15];
  let seed = 7;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const values = [...edges, ...Array.from({ length: 20_000 }, () => Math.floor((random() * 2 - 0.6) * 2.6e14))];
  for (const ms of values) assert.equal(isoUtc(ms), new Date(ms).toISOString(), String(ms));
  for (const bad of [NaN, Infinity, 8.64e15 + 1]) assert.throws(() => isoUtc(bad), RangeError);
});

test('the same dates under any machine time zone (a child process in UTC-10 and UTC+14)', () => {
  const script = "import('./src/core/kernel/time.ts').then((k) => console.log(k.shanghaiDate('2026-07-01T16:30:00Z'), k.isoShanghai(Date.UTC(2026, 0, 1))))";
  for (const tz of ['Pacific/Honolulu', 'Pacific/Kiritimati']) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { env: { ...process.env, TZ: tz }, encoding: 'utf8' }).trim();
    assert.equal(out, '2026-07-02 2026-01-01T08:00:00+08:00', tz);
  }
});

test('lint: getTimezoneOffset and fixed UTC+8 offsets are refused outside the kernel', async () => {
  const eslint = new ESLint();
  const code = "export const a = new Date().getTimezoneOffset();\nexport const b = '+08:00';\nexport const c = 480;\nexport const utc = '+00:00';\n";
  const [outside] = await eslint.lintText(code, { filePath: 'src/components/shared/clock.ts' });
  const hits = outside!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.line);
  assert.deepEqual(hits, [1, 2, 3]);
  const [inside] = await eslint.lintText(code, { filePath: 'src/core/kernel/clock.ts' });
  assert.deepEqual(inside!.messages.filter((m) => m.ruleId === 'no-restricted-syntax'), []);
});

test('pointers: one escaping, strict and lenient parsing, no prototype keys', async () => {
  const { escapeKey, unescapeKey, joinPointer, splitPointer, parsePointer, overlaps, PointerError } = await import('../../src/core/kernel/pointer.js');
  assert.equal(joinPointer('/a', 'b/c~d'), '/a/b~1c~0d');
  assert.equal(unescapeKey(escapeKey('x/~y')), 'x/~y');
  assert.deepEqual(splitPointer('/a/b~1c~0d'), ['a', 'b/c~d']);
  assert.deepEqual(splitPointer('/'), []);
  assert.throws(() => parsePointer('a/b'), PointerError);
  assert.throws(() => parsePointer('/x/__proto__'), /Refusing the pointer segment "__proto__"/);
  assert.ok(overlaps('/reply', '/reply/content') && overlaps('/reply/content', '/reply') && !overlaps('/reply', '/replyTo'));
  // The form engine and the workflow runtime read through the same primitives.
  const form = await import('../../src/core/form/pointer.js');
  const workflow = await import('../../src/workflow/pointer.js');
  assert.equal(form.joinPointer, joinPointer);
  assert.equal(workflow.parsePointer, parsePointer);
  assert.equal(form.getAt({ a: { 'b/c': 1 } }, '/a/b~1c'), 1);
  assert.equal(workflow.getAt({ a: { 'b/c': 1 } }, '/a/b~1c'), 1);
});

test('ids: random, prefixed, distinct', async () => {
  const { randomId } = await import('../../src/core/kernel/ids.js');
  const ids = new Set(Array.from({ length: 1000 }, () => randomId('panel')));
  assert.equal(ids.size, 1000);
  for (const id of ids) assert.match(id, /^panel-[0-9a-f-]{36}$/);
});
