// Refusals that explain: for every action of the current state an actor cannot take, who may
// (role titles from the definition) or which condition the record does not meet (its `unmet`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionRefusals, availableActions, builtinDefinitions, refusalText, type Actor, type Snapshot } from '../../src/workflow/index.js';

const complaint = builtinDefinitions['complaint']!;
const inspection = builtinDefinitions['internal-inspection']!;
const snap = (definitionId: string, state: string, data: Record<string, unknown> = {}, handler?: { id: string; name: string }): Snapshot => ({
  id: 'X-1',
  definitionId,
  definitionVersion: 1,
  state,
  version: 3,
  data,
  firstReceiver: { id: 'E1001', name: '周敏' },
  ...(handler ? { handler } : {}),
  clocks: {},
  createdAt: 0,
  updatedAt: 0,
  auditCount: 2,
});
const receptionist: Actor = { id: 'E1001', name: '周敏', roles: ['receptionist'] };
const specialist: Actor = { id: 'E2001', name: '林涛', roles: ['specialist'] };
const other: Actor = { id: 'E2002', name: '李娜', roles: ['specialist'] };
const contractor: Actor = { id: 'C-TJ01', name: '土建一队', roles: ['contractor'] };

test('a receptionist on a registered complaint: who may dispatch; the centre head sees why a normal complaint cannot go to HQ', () => {
  const s = snap('complaint', 'registered', { severity: 'normal' });
  const refusals = actionRefusals(complaint, s, receptionist, 0);
  const byEvent = Object.fromEntries(refusals.map((r) => [r.event, r]));
  assert.ok(['dispatch', 'escalate'].every((e) => e in byEvent));
  assert.equal(byEvent['dispatch']!.reason, 'role-not-allowed');
  const titles = (l: 'zh-CN' | 'en') => byEvent['dispatch']!.roles.map((r) => complaint.roles.find((x) => x.id === r)!.title[l]);
  const zh = titles('zh-CN');
  assert.equal(refusalText(byEvent['dispatch']!, complaint, 'zh-CN'), `只有${zh.slice(0, -1).join('、')}或${zh.at(-1)}可以执行此操作`);
  const en = titles('en');
  assert.equal(refusalText(byEvent['dispatch']!, complaint, 'en'), `Only ${en.slice(0, -1).join(', ')} or ${en.at(-1)} may take this action`);
  const head: Actor = { id: 'E3001', name: '陈立', roles: ['centre-head'] };
  const escalate = actionRefusals(complaint, s, head, 0).find((r) => r.event === 'escalate')!;
  assert.equal(escalate.reason, 'guard-failed');
  assert.equal(refusalText(escalate, complaint, 'zh-CN'), '条件未满足：只有尚未上报的重大投诉或突发事件可以上报总部');
  assert.equal(refusalText(escalate, complaint, 'en'), 'Condition not met: Only a major complaint or an emergency not yet reported may go to HQ');
  // Never in both lists.
  const available = availableActions(complaint, s, receptionist, 0).filter((a) => a.enabled).map((a) => a.event);
  assert.ok(available.every((e) => !(e in byEvent)));
});

test('accept: only the assigned handler or the centre head; a major case may be escalated by the centre head', () => {
  const s = snap('complaint', 'dispatched', { severity: 'major' }, { id: 'E2001', name: '林涛' });
  assert.equal(actionRefusals(complaint, s, specialist, 0).find((r) => r.event === 'accept'), undefined);
  const r = actionRefusals(complaint, s, other, 0).find((x) => x.event === 'accept')!;
  assert.equal(refusalText(r, complaint, 'zh-CN'), '条件未满足：只有被派单的处理人或客服中心负责人可以接单');
  assert.equal(actionRefusals(complaint, s, { id: 'E3001', name: '陈立', roles: ['centre-head'] }, 0).find((x) => x.event === 'escalate'), undefined);
});

test('an inspection: the contractor sees who generates the list; an empty list cannot be sent', () => {
  const recording = actionRefusals(inspection, snap('internal-inspection', 'recording'), contractor, 0);
  assert.deepEqual(recording.map((r) => [r.event, r.reason, r.roles]), [['generate-list', 'role-not-allowed', ['specialist']]]);
  assert.equal(refusalText(recording[0]!, inspection, 'zh-CN'), '只有客服专员可以执行此操作');
  const listed = actionRefusals(inspection, snap('internal-inspection', 'listed', { problemCount: 0 }), specialist, 0);
  assert.deepEqual(listed.map((r) => refusalText(r, inspection, 'en')), ['Condition not met: The problem list is empty: nothing to send']);
  assert.deepEqual(actionRefusals(inspection, snap('internal-inspection', 'summarised'), specialist, 0), []);
});
