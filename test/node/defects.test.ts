// The defect checklist core (src/core/defects): permissions, the reject loop, summary, problem
// list and CSV, batch entry parsing; and the shipped defect schemas, vocabularies and examples.
import { withoutProvenance } from '../../src/core/provenance.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { validate, toCsv } from '../../src/core/index.js';
import {
  applyAction,
  assignDefects,
  availableActions,
  canAssign,
  canRecord,
  checkAction,
  createDefect,
  defectReason,
  filterDefects,
  groupDefects,
  isOverdue,
  parseBatch,
  problemList,
  problemListTable,
  rejectionCount,
  resolveConfig,
  schemaDefaults,
  summariseDefects,
  commonProblemsFor,
  defaultDue,
  DEFECT_TRANSITIONS,
} from '../../src/core/defects/index.js';
import type { CommonProblems, Defect, DefectAction, DefectActor, DefectStatus } from '../../src/core/defects/index.js';

const read = (f: string) => JSON.parse(readFileSync(f, 'utf8'));
const config = withoutProvenance(read('schemas/common-problems.json')) as CommonProblems;
const contractors = read('schemas/examples/contractors.json') as { id: string; name: { 'zh-CN': string; en: string } }[];
const house = { project: '华苑花园', building: '3栋', unit: '2单元', floor: '12', room: '1202' };

const inspector: DefectActor = { id: 'E1', name: '陈工', roles: ['inspector'] };
const inspector2: DefectActor = { id: 'E2', name: '李工', roles: ['inspector'] };
const staff: DefectActor = { id: 'S1', name: '周敏', roles: ['staff'] };
const civil: DefectActor = { id: 'C-TJ01', name: '王师傅', roles: ['contractor'] };
const plumber: DefectActor = { id: 'C-SD03', name: '刘师傅', roles: ['contractor'] };
const owner: DefectActor = { id: 'O1', name: '张伟', roles: ['owner'] };
const NOW = '2026-11-10T10:00:00+08:00';

function item(over: Partial<Defect> = {}): Defect {
  return {
    id: 'D-1',
    house,
    location: 'bathroom',
    trade: 'civil',
    description: '墙面空鼓',
    severity: 'general',
    foundBy: { id: 'E1', name: '陈工' },
    foundAt: '2026-11-02T09:00:00+08:00',
    status: 'open',
    contractorId: 'C-TJ01',
    due: '2026-11-09T18:00:00+08:00',
    ...over,
  };
}

function must(d: Defect, action: DefectAction, actor: DefectActor, note?: string, mode: 'internal' | 'move-in' = 'internal'): Defect {
  const r = applyAction(d, action, actor, { now: NOW, mode, ...(note ? { note } : {}) });
  assert.ok(r.ok, `${actor.id} ${action} from ${d.status}: ${r.ok ? '' : r.reason}`);
  return r.item;
}

test('the shipped common problems validate and their defaults are the schema default', () => {
  assert.deepEqual(validate('common-problems', config).errors, []);
  assert.deepEqual(config.defaults, schemaDefaults());
  assert.deepEqual(resolveConfig(undefined), { defaults: schemaDefaults(), problems: [] });
  const ids = config.problems.map((p) => p.id);
  assert.equal(new Set(ids).size, ids.length, 'common problem ids are unique');
});

test('the defect, checklist and common-problems examples validate or fail as declared', () => {
  for (const name of ['defect', 'checklist', 'common-problems']) {
    for (const [i, rec] of (read(`schemas/examples/${name}.valid.json`) as unknown[]).entries()) {
      assert.deepEqual(validate(name, rec).errors, [], `${name}.valid[${i}]`);
    }
    for (const c of read(`schemas/examples/${name}.invalid.json`) as { name: string; expect: { path: string; keyword: string }[]; data: unknown }[]) {
      const r = validate(name, c.data, { locale: 'en' });
      assert.equal(r.valid, false, c.name);
      for (const e of c.expect) assert.ok(r.errors.some((x) => x.path === e.path && x.keyword === e.keyword), `${name}: ${c.name}: ${JSON.stringify(r.errors.map((x) => [x.path, x.keyword]))}`);
    }
  }
});

test('validation messages name the defect fields in zh-CN and en', () => {
  const zh = validate('defect', { ...item(), description: '' });
  assert.match(zh.errors[0]!.message, /问题描述/);
  const en = validate('defect', { ...item(), description: '' }, { locale: 'en' });
  assert.match(en.errors[0]!.message, /Description/);
});

test('full loop: repair, reject at re-inspection, repair again, pass; history keeps every step', () => {
  let d = item();
  d = must(d, 'start-repair', civil);
  d = must(d, 'report-fixed', civil);
  d = must(d, 'reject', inspector, '仍有空鼓');
  assert.equal(d.status, 'rejected');
  d = must(d, 'report-fixed', civil);
  d = must(d, 'pass', inspector2, '复验合格');
  assert.equal(d.status, 'closed');
  assert.deepEqual(d.closedBy, { id: 'E2', name: '李工' });
  assert.equal(d.closedAt, NOW);
  assert.equal(d.closeNote, '复验合格');
  assert.deepEqual(d.history!.map((s) => `${s.from}>${s.to}:${s.role}`), [
    'open>in-repair:contractor',
    'in-repair>awaiting-reinspection:contractor',
    'awaiting-reinspection>rejected:inspector',
    'rejected>awaiting-reinspection:contractor',
    'awaiting-reinspection>closed:inspector',
  ]);
  assert.equal(rejectionCount(d), 1);
  assert.deepEqual(validate('defect', d).errors, []);
});

test('closing needs a re-inspection by someone other than the contractor or whoever reported the repair', () => {
  const waiting = must(item(), 'report-fixed', inspector);
  // The inspector who reported the repair done cannot pass it; another inspector can.
  assert.deepEqual(checkAction(waiting, 'pass', inspector), { action: 'pass', allowed: false, reason: 'not-independent' });
  assert.equal(checkAction(waiting, 'pass', inspector2).allowed, true);
  // A contractor cannot pass its own work, even with an inspector role as well.
  const both: DefectActor = { id: 'C-TJ01', name: '王', roles: ['contractor', 'inspector'] };
  assert.equal(checkAction(waiting, 'pass', both).reason, 'not-independent');
  assert.equal(checkAction(waiting, 'reject', civil).reason, 'role');
  // The input is never changed, and a refusal says why.
  const r = applyAction(waiting, 'pass', civil, { now: NOW });
  assert.equal(r.ok, false);
  assert.equal(waiting.status, 'awaiting-reinspection');
});

test('who may do each status change (the permission matrix)', () => {
  const matrix: [DefectStatus, DefectActor, DefectAction[], 'internal' | 'move-in'][] = [
    ['open', civil, ['start-repair', 'report-fixed', 'dispute'], 'internal'],
    ['open', plumber, [], 'internal'],
    ['open', inspector, ['start-repair', 'report-fixed'], 'internal'],
    ['open', owner, [], 'move-in'],
    ['in-repair', civil, ['report-fixed', 'dispute'], 'internal'],
    ['awaiting-reinspection', civil, [], 'internal'],
    ['awaiting-reinspection', inspector, ['pass', 'reject'], 'internal'],
    ['awaiting-reinspection', owner, ['pass', 'reject', 'dispute'], 'move-in'],
    ['awaiting-reinspection', owner, [], 'internal'],
    ['rejected', civil, ['start-repair', 'report-fixed', 'dispute'], 'internal'],
    ['closed', owner, ['dispute'], 'move-in'],
    ['closed', staff, ['reopen'], 'internal'],
    ['closed', civil, [], 'internal'],
    ['disputed', staff, ['settle', 'reopen'], 'internal'],
    ['disputed', owner, [], 'move-in'],
  ];
  for (const [status, actor, expected, mode] of matrix) {
    assert.deepEqual(availableActions(item({ status }), actor, { mode }).sort(), [...expected].sort(), `${actor.id} at ${status} (${mode})`);
  }
  assert.deepEqual(availableActions(item(), undefined), []);
  assert.equal(checkAction(item({ contractorId: undefined }), 'start-repair', inspector).reason, 'no-contractor');
  assert.equal(checkAction(item(), 'start-repair', plumber).reason, 'not-assigned');
  assert.equal(checkAction(item({ status: 'closed' }), 'start-repair', civil).reason, 'status');
  assert.equal(canRecord(owner, 'internal'), false);
  assert.equal(canRecord(owner, 'move-in'), true);
  assert.equal(canRecord(civil, 'internal'), false);
  assert.equal(canAssign(staff) && canAssign(inspector), true);
  assert.equal(canAssign(civil) || canAssign(owner) || canAssign(undefined), false);
  // Every transition lands in a known status and names at least one role.
  for (const t of DEFECT_TRANSITIONS) assert.ok(t.roles.length && t.from.length);
});

test('reject, dispute, settle and reopen need a note; owner disputes are recorded in move-in', () => {
  const waiting = item({ status: 'awaiting-reinspection' });
  const r = applyAction(waiting, 'reject', inspector, { now: NOW, note: '   ' });
  assert.deepEqual([r.ok, r.ok ? '' : r.reason], [false, 'note-required']);
  assert.equal(defectReason('note-required', 'en'), 'Please add a note');
  const closed = must(waiting, 'pass', owner, undefined, 'move-in');
  const disputed = must(closed, 'dispute', owner, '卫生间仍有异味', 'move-in');
  assert.equal(disputed.status, 'disputed');
  assert.equal(disputed.closedBy, undefined, 'a disputed defect is no longer closed');
  const reopened = must(disputed, 'reopen', staff, '安排施工单位返修');
  assert.equal(reopened.status, 'open');
});

test('bulk assignment sets contractor and time limit, leaves closed items and others alone', () => {
  const items = [item({ id: 'a', contractorId: undefined, due: undefined }), item({ id: 'b', status: 'closed', contractorId: undefined }), item({ id: 'c' })];
  const { items: out, changed } = assignDefects(items, ['a', 'b'], { contractorId: 'C-SD03', due: '2026-11-20T18:00:00+08:00' });
  assert.equal(changed, 1);
  assert.equal(out[0]!.contractorId, 'C-SD03');
  assert.equal(out[1], items[1]);
  assert.equal(out[2], items[2]);
  assert.equal(items[0]!.contractorId, undefined, 'input untouched');
});

test('overdue is relative to now and never for closed defects', () => {
  assert.equal(isOverdue(item(), NOW), true);
  assert.equal(isOverdue(item(), '2026-11-09T17:00:00+08:00'), false);
  assert.equal(isOverdue(item({ status: 'closed' }), NOW), false);
  assert.equal(isOverdue(item({ due: undefined }), NOW), false);
  assert.equal(defaultDue('serious', '2026-11-02T00:00:00Z', config), '2026-11-05T00:00:00.000Z');
});

test('summary: counts by trade, location, severity, status; closure rate, overdue, ageing', () => {
  const items: Defect[] = [
    item({ id: '1', status: 'closed', closedAt: '2026-11-04T10:00:00+08:00', history: [{ action: 'reject', from: 'awaiting-reinspection', to: 'rejected', at: NOW, by: { id: 'E1', name: 'x' }, role: 'inspector' }] }),
    item({ id: '2', trade: 'plumbing', location: 'kitchen', contractorId: 'C-SD03' }),
    item({ id: '3', severity: 'serious', due: '2026-11-20T18:00:00+08:00', foundAt: '2026-10-01T09:00:00+08:00' }),
    item({ id: '4', contractorId: undefined, due: undefined, foundAt: '2026-11-09T09:00:00+08:00' }),
  ];
  const s = summariseDefects(items, { now: NOW });
  assert.equal(s.total, 4);
  assert.equal(s.closed, 1);
  assert.equal(s.closureRate, 0.25);
  assert.equal(s.overdue, 1, 'only #2: #1 is closed, #3 is not due, #4 has no limit');
  assert.equal(s.rejectedOnce, 1);
  assert.equal(s.unassigned, 1);
  assert.deepEqual(s.byTrade.find((r) => r.key === 'plumbing'), { key: 'plumbing', count: 1, closed: 0, overdue: 1 });
  assert.equal(s.byStatus.length, 6, 'every status listed, zeros included');
  assert.equal(s.byStatus.find((r) => r.key === 'open')!.count, 3);
  assert.equal(s.bySeverity.find((r) => r.key === 'serious')!.count, 1);
  assert.equal(s.byLocation.find((r) => r.key === 'bathroom')!.count, 3);
  assert.deepEqual(s.byContractor.map((r) => [r.key, r.count]), [['C-TJ01', 2], ['', 1], ['C-SD03', 1]]);
  assert.deepEqual(s.ageing, [{ min: 0, max: 7, count: 1 }, { min: 8, max: 14, count: 1 }, { min: 15, max: 30, count: 0 }, { min: 31, count: 1 }]);
  assert.equal(summariseDefects([], { now: NOW }).closureRate, 0);
});

test('problem list: grouped per contractor (configured order, unassigned last) then per house', () => {
  const other = { ...house, room: '1201' };
  const items = [
    item({ id: 'x1', contractorId: undefined }),
    item({ id: 'x2', contractorId: 'C-SD03', location: 'kitchen' }),
    item({ id: 'x3', contractorId: 'C-TJ01', house: other }),
    item({ id: 'x4', contractorId: 'C-TJ01', location: 'entrance' }),
    item({ id: 'x5', contractorId: 'C-TJ01', status: 'closed' }),
  ];
  const groups = problemList(items, { contractors, now: NOW });
  assert.deepEqual(groups.map((g) => g.contractorId), ['C-TJ01', 'C-SD03', undefined]);
  assert.deepEqual(groups[0]!.houses.map((h) => h.house.room), ['1201', '1202']);
  assert.equal(groups[0]!.count, 2, 'closed defects are not on the list by default');
  assert.equal(problemList(items, { contractors, now: NOW, includeClosed: true })[0]!.count, 3);
  assert.deepEqual(problemList(items, { contractors, now: NOW, contractorId: 'C-SD03' }).map((g) => g.contractorId), ['C-SD03']);
});

test('problem list CSV: BOM, localized headers and labels, formula guard on hostile text', () => {
  const items = [item({ id: 'y1', description: '=HYPERLINK("http://evil","点我")' }), item({ id: 'y2', contractorId: 'C-SD03', trade: 'plumbing', due: '2026-11-30T18:00:00+08:00' })];
  const zh = toCsv(problemListTable(items, { contractors, now: NOW, locale: 'zh-CN' }));
  assert.ok(zh.startsWith('\uFEFF责任单位,项目,楼栋,单元,房号,问题编号,部位,专业,问题描述,严重程度,状态,整改期限,是否逾期,发现时间,发现人\r\n'), zh.slice(0, 120));
  const lines = zh.split('\r\n');
  assert.equal(lines[1], `深圳建工土建一队,华苑花园,3栋,2单元,1202,y1,卫生间,土建/墙面,"'=HYPERLINK(""http://evil"",""点我"")",一般,待整改,2026-11-09,逾期,2026-11-02,陈工`);
  assert.equal(lines[2], '鹏城水电安装公司,华苑花园,3栋,2单元,1202,y2,卫生间,给排水,墙面空鼓,一般,待整改,2026-11-30,,2026-11-02,陈工');
  const en = toCsv(problemListTable(items, { contractors, now: NOW, locale: 'en' }));
  assert.match(en.split('\r\n')[0]!, /^\uFEFFResponsible contractor,Project,Building,Unit,Room,Defect number,Location,Trade,Description,Severity,Status,Time limit,Overdue,/);
  assert.match(en, /Shenzhen Construction Civil Team 1,.*,Bathroom,Civil works and walls,/);
});

test('batch entry: one defect per line, prefixes, severity tags, common problems, long lines reported', () => {
  const text = ['1. 墙面空鼓', '2、厨房：水槽下渗水 [严重]', '卫生间/防水: 墙脚水渍！', '', '  - 地漏堵塞', 'note: 这不是部位', 'Socket has no power', '__proto__: x', 'x'.repeat(501)].join('\n');
  const { drafts, errors } = parseBatch(text, { location: 'living-room', trade: 'civil', config });
  assert.deepEqual(
    drafts.map((d) => [d.location, d.trade, d.description, d.severity, d.problemId ?? '']),
    [
      ['living-room', 'civil', '墙面空鼓', 'general', 'wall-hollow'],
      ['kitchen', 'civil', '水槽下渗水', 'serious', ''],
      ['bathroom', 'waterproofing', '墙脚水渍', 'serious', ''],
      ['living-room', 'plumbing', '地漏堵塞', 'general', 'drain-blocked'],
      ['living-room', 'civil', 'note: 这不是部位', 'general', ''],
      ['living-room', 'electrical', 'Socket has no power', 'general', 'socket-dead'],
      ['living-room', 'civil', '__proto__: x', 'general', ''],
    ],
  );
  assert.deepEqual(errors.map((e) => [e.line, e.reason]), [[9, 'too-long']]);
  assert.deepEqual(({} as Record<string, unknown>)['polluted'], undefined);
});

test('common problems per location and trade; a created defect validates', () => {
  const kitchenPlumbing = commonProblemsFor(config, 'kitchen', 'plumbing').map((p) => p.id);
  assert.ok(kitchenPlumbing.includes('drain-blocked') && !kitchenPlumbing.includes('socket-dead'));
  assert.ok(!commonProblemsFor(config, 'bedroom').some((p) => p.id === 'drain-blocked'));
  const d = createDefect({ location: 'kitchen', trade: 'plumbing', description: '地漏堵塞', severity: 'general', problemId: 'drain-blocked' }, { id: 'N-1', house, actor: inspector, now: NOW });
  assert.deepEqual(validate('defect', d).errors, []);
  assert.equal(d.status, 'open');
});

test('filter and group for the list', () => {
  const items = [item({ id: '1' }), item({ id: '2', status: 'closed', trade: 'plumbing' }), item({ id: '3', contractorId: undefined, description: 'Crack' })];
  assert.deepEqual(filterDefects(items, { status: 'not-closed' }, NOW).map((d) => d.id), ['1', '3']);
  assert.deepEqual(filterDefects(items, { contractorId: '' }, NOW).map((d) => d.id), ['3']);
  assert.deepEqual(filterDefects(items, { overdueOnly: true }, NOW).map((d) => d.id), ['1', '3']);
  assert.deepEqual(filterDefects(items, { text: 'crack' }, NOW).map((d) => d.id), ['3']);
  assert.deepEqual(filterDefects(items, { trade: 'plumbing' }, NOW).map((d) => d.id), ['2']);
  assert.deepEqual(groupDefects(items, 'status').map((g) => g.key), ['open', 'closed']);
  assert.deepEqual(groupDefects(items, 'contractor', ['C-TJ01']).map((g) => [g.key, g.items.length]), [['C-TJ01', 2], ['', 1]]);
});
