// The checklist's view models and rules in core (src/core/defects/views.ts, owner-decision.ts,
// photos.ts, vocab.ts, time.ts): pure data in, data out, read with real data from schemas/examples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { validate } from '../../src/core/index.js';
import {
  allSelected,
  attachPhoto,
  canDecideOwner,
  checklistFieldLabel,
  checkOwnerDecision,
  defectFieldLabel,
  defectLabel,
  defectVocab,
  defectVocabLabel,
  endOfShanghaiDay,
  entryView,
  isPhotoFile,
  listView,
  nextItemRow,
  OWNER_DECISION_LIMITS,
  PHOTO_LIMITS,
  photoFromUpload,
  printView,
  resolveConfig,
  summariseDefects,
  summaryBars,
  type Checklist,
  type CommonProblems,
  type Defect,
  type DefectContractor,
} from '../../src/core/defects/index.js';
import { vocab } from '../../src/generated/vocab.js';

const read = <T>(p: string): T => JSON.parse(readFileSync(p, 'utf8')) as T;
const checklists = read<Checklist[]>('schemas/examples/checklist.valid.json');
const contractors = read<DefectContractor[]>('schemas/examples/contractors.json');
const shipped = read<CommonProblems>('schemas/common-problems.json');
const internal = checklists.find((c) => c.mode === 'internal')!;
const items = internal.items as Defect[];
const NOW = '2026-11-20T10:00:00+08:00';
const inspector = { id: 'E3102', name: '李工', roles: ['inspector'] };
const civil = { id: 'C-TJ01', name: '王师傅', roles: ['contractor'] };

test('listView: rows with positions, Shanghai dates, overdue flags and the actions each actor may take', () => {
  const m = listView(items, { filter: {}, groupBy: 'none', now: NOW, actor: inspector });
  assert.equal(m.total, items.length);
  assert.deepEqual(m.rows.map((r) => r.kind), ['item', 'item']);
  const [open, closed] = m.rows as Extract<(typeof m.rows)[number], { kind: 'item' }>[];
  assert.equal(open!.pos, 1);
  assert.equal(open!.found, '2026-11-02');
  assert.equal(closed!.due, '2026-11-05');
  assert.equal(closed!.overdue, false, 'a closed defect is never overdue');
  assert.deepEqual(open!.actions, [], 'no contractor yet: nothing to start or report (the reason is no-contractor)');
  assert.deepEqual(closed!.actions, ['reopen']);
  // A contractor sees only what it may do on its own defects; read-only offers nothing.
  const asCivil = listView(items, { filter: {}, groupBy: 'none', now: NOW, actor: civil });
  assert.deepEqual(asCivil.rows.flatMap((r) => (r.kind === 'item' ? r.actions : [])), []);
  const ro = listView(items, { filter: {}, groupBy: 'none', now: NOW, actor: inspector, readonly: true });
  assert.deepEqual(ro.rows.flatMap((r) => (r.kind === 'item' ? r.actions : [])), []);
});

test('listView groups (headings apart from positions); nextItemRow skips headings; allSelected', () => {
  const m = listView(items, { filter: {}, groupBy: 'status', now: NOW, actor: inspector });
  assert.deepEqual(
    m.rows.map((r) => (r.kind === 'group' ? `#${r.by}:${r.key}:${r.count}` : r.pos)),
    ['#status:open:1', 1, '#status:closed:1', 2],
  );
  assert.equal(nextItemRow(m.rows, 1, 1), 3);
  assert.equal(nextItemRow(m.rows, 3, -1), 1);
  assert.equal(nextItemRow(m.rows, 3, 1), undefined);
  assert.equal(nextItemRow(m.rows, 1, -1), undefined);
  const filtered = listView(items, { filter: { status: 'not-closed' }, groupBy: 'none', now: NOW, actor: inspector });
  assert.deepEqual(filtered.shown.map((d) => d.id), ['HY-3-1202-001']);
  assert.equal(allSelected(filtered.shown, new Set(['HY-3-1202-001'])), true);
  assert.equal(allSelected(filtered.shown, new Set()), false);
  assert.equal(allSelected([], new Set()), false);
});

test('entryView: common problems for the place and trade, the severity in force, recent defects that still exist', () => {
  const m = entryView(items, shipped, { location: 'bathroom', trade: 'plumbing', recent: ['HY-3-1202-002', 'gone'] });
  assert.ok(m.problems.length > 0);
  assert.ok(m.problems.every((p) => p.trade === 'plumbing' && (!p.locations?.length || p.locations.includes('bathroom'))));
  assert.equal(m.severity, shipped.defaults.severity);
  assert.deepEqual(m.recent.map((d) => d.id), ['HY-3-1202-002']);
  assert.equal(entryView([], resolveConfig(undefined), { location: 'kitchen', trade: 'civil', severity: 'serious' }).severity, 'serious');
});

test('summaryBars: bar lengths relative to the longest, the closed share of each', () => {
  const bars = summaryBars(summariseDefects(items, { now: NOW }));
  const plumbing = bars.find((b) => b.key === 'plumbing')!;
  assert.equal(bars.length, vocab.trade.codes.length);
  assert.ok(bars.every((b) => b.width >= 0 && b.width <= 100 && b.closedWidth >= 0 && b.closedWidth <= 100));
  assert.equal(Math.max(...bars.map((b) => b.width)), 100);
  assert.equal(plumbing.count, items.filter((d) => d.trade === 'plumbing').length);
  assert.deepEqual(summaryBars(summariseDefects([], { now: NOW })).map((b) => b.width), vocab.trade.codes.map(() => 0));
});

test('printView: one sheet per contractor, rows numbered per house, dates in Asia/Shanghai whatever the clock', () => {
  const all = printView(items, { contractors, now: '2026-11-20T17:30:00Z', includeClosed: true });
  assert.equal(all.date, '2026-11-21', '17:30 UTC is already the next day in Shanghai');
  assert.deepEqual(all.sheets.map((s) => s.contractorId ?? ''), ['C-TJ01', '']);
  assert.deepEqual(all.sheets[0]!.houses[0]!.rows.map((r) => [r.no, r.item.id, r.due]), [[1, 'HY-3-1202-002', '2026-11-05']]);
  assert.deepEqual(printView(items, { contractors, now: NOW }).sheets.map((s) => s.contractorId ?? ''), [''], 'closed defects left out by default');
  assert.deepEqual(printView(items, { contractors, now: NOW, contractorId: 'C-TJ01', includeClosed: true }).sheets.length, 1);
});

test('owner decision: who may decide, what a complete decision needs, and the record it makes (valid against the schema)', () => {
  const owner = { id: 'O-1202', name: '张伟', roles: ['owner'] };
  assert.equal(canDecideOwner(owner), true);
  assert.equal(canDecideOwner(inspector), true);
  assert.equal(canDecideOwner(civil), false);
  assert.equal(canDecideOwner(undefined), false);
  assert.equal(canDecideOwner(owner, { readonly: true }), false);
  assert.equal(canDecideOwner(owner, { mode: 'internal' }), false);

  assert.deepEqual(checkOwnerDecision({}, NOW), { ok: false, errors: { decision: 'choose', signature: 'signature-required' } });
  assert.deepEqual(checkOwnerDecision({ decision: 'refuse', reason: '  ', signature: '张伟' }, NOW), { ok: false, errors: { reason: 'reason-required' } });
  assert.deepEqual(checkOwnerDecision({ decision: 'accept', signature: 'x'.repeat(OWNER_DECISION_LIMITS.signature + 1) }, NOW), { ok: false, errors: { signature: 'too-long' } });
  const refused = checkOwnerDecision({ decision: 'refuse', reason: ' 卫生间渗水未修复 ', signature: ' 张伟 ' }, '2026-12-01T03:00:00Z');
  assert.ok(refused.ok);
  assert.deepEqual(refused.decision, { decision: 'refuse', reason: '卫生间渗水未修复', signatureName: '张伟', at: '2026-12-01T11:00:00+08:00' });
  // The record is the one the example move-in checklist holds, and it validates as such.
  const example = checklists.find((c) => c.ownerDecision?.decision === 'refuse')!;
  assert.deepEqual(refused.decision, example.ownerDecision);
  assert.equal(validate('checklist', { ...example, ownerDecision: refused.decision }).valid, true);
  assert.equal(OWNER_DECISION_LIMITS.reason, 500);
  assert.equal(OWNER_DECISION_LIMITS.signature, 40);
});

test('photos: images only, references only (never inline data), the schema limit per defect', () => {
  assert.equal(isPhotoFile({ type: 'image/jpeg' }), true);
  assert.equal(isPhotoFile({ type: 'application/pdf' }), false);
  assert.deepEqual(photoFromUpload({ id: 'ph-1', url: 'https://files.example.com/a.jpg' }, 'a.jpg'), { ok: true, photo: { id: 'ph-1', url: 'https://files.example.com/a.jpg', name: 'a.jpg' } });
  assert.deepEqual(photoFromUpload({ id: 'ph-1', url: 'data:image/png;base64,AAAA' }, 'a.png'), { ok: false, reason: 'inline-data' });
  assert.deepEqual(photoFromUpload({ id: 'ph-1' }, 'a.png'), { ok: false, reason: 'bad-reference' });
  assert.deepEqual(photoFromUpload(null, 'a.png'), { ok: false, reason: 'bad-reference' });
  assert.deepEqual(photoFromUpload({ id: 'x'.repeat(PHOTO_LIMITS.idLength + 1), url: 'https://e.x/a' }, 'a'), { ok: false, reason: 'too-long' });
  const long = photoFromUpload({ id: 'p', url: 'https://e.x/a' }, 'n'.repeat(300));
  assert.ok(long.ok && long.photo.name!.length === PHOTO_LIMITS.nameLength);

  assert.equal(PHOTO_LIMITS.perDefect, 30);
  const photo = { id: 'ph-9', url: 'https://files.example.com/9.jpg', name: '9.jpg' };
  const full = { ...items[0]!, id: 'FULL', photos: Array.from({ length: 30 }, (_, i) => ({ id: `p${i}`, url: `https://e.x/${i}` })) };
  const before = [items[0]!, full];
  const r = attachPhoto(before, ['HY-3-1202-001', 'FULL'], photo);
  assert.deepEqual(r.attached, ['HY-3-1202-001']);
  assert.deepEqual(r.full, ['FULL']);
  assert.deepEqual(r.items[0]!.photos, [photo]);
  assert.equal(r.items[1], full, 'a full defect is left as it was');
  assert.equal(before[0]!.photos, undefined, 'the input is never changed');
  assert.equal(validate('defect', r.items[0]).valid, true);
});

test('endOfShanghaiDay: a picked date is the end of that day in Asia/Shanghai; impossible dates are refused', () => {
  assert.equal(endOfShanghaiDay('2026-11-30'), '2026-11-30T23:59:59+08:00');
  assert.equal(Date.parse(endOfShanghaiDay('2026-11-30')!), Date.parse('2026-11-30T15:59:59Z'));
  assert.equal(endOfShanghaiDay('2026-02-30'), undefined);
  assert.equal(endOfShanghaiDay('30/11/2026'), undefined);
  assert.equal(endOfShanghaiDay(''), undefined);
});

test('the checklist vocabularies and labels agree with the kit-wide ones', () => {
  for (const name of Object.keys(defectVocab) as (keyof typeof defectVocab)[]) {
    assert.deepEqual(defectVocab[name].codes, vocab[name].codes, name);
    assert.deepEqual(defectVocab[name].labels, vocab[name].labels, name);
  }
  assert.equal(defectVocabLabel('trade', 'plumbing', 'en'), vocab.trade.labels.plumbing.en);
  assert.equal(defectVocabLabel('trade', 'unknown-code', 'en'), 'unknown-code');
  assert.equal(defectLabel('location', 'zh-CN'), defectFieldLabel('location', 'zh-CN'));
  assert.equal(checklistFieldLabel('ownerDecision/reason', 'en'), defectFieldLabel('ownerDecision/reason', 'en', 'checklist'));
  assert.equal(checklistFieldLabel('ownerDecision/reason', 'zh-CN'), '原因');
});

test('a part loaded on demand (shared Lazy, as the checklist uses it) that fails to load can be tried again', async () => {
  const { Lazy } = await import('../../src/components/shared/lazy.js');
  let calls = 0;
  const lazy = new Lazy(async () => {
    calls++;
    if (calls === 1) throw new Error('offline');
    return { ok: true };
  });
  await assert.rejects(lazy.load(), /offline/);
  assert.equal(lazy.value, undefined);
  assert.deepEqual(await lazy.load(), { ok: true });
  assert.deepEqual(lazy.value, { ok: true });
  await lazy.load();
  assert.equal(calls, 2, 'loaded once it succeeded, shared afterwards');
});
