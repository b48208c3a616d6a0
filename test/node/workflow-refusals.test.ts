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

test('a receptionist on a registered complaint: who may dispatch and dismiss; escalate needs a major/repeat/emergency case', () => {
  const s = snap('complaint', 'registered', { severity: 'normal' });
  const refusals = actionRefusals(complaint, s, receptionist, 0);
  const byEvent = Object.fromEntries(refusals.map((r) => [r.event, r]));
  assert.deepEqual(Object.keys(byEvent).sort(), ['dismiss', 'dispatch', 'escalate', 'forward']);
  assert.equal(byEvent['dispatch']!.reason, 'role-not-allowed');
  assert.equal(refusalText(byEvent['dispatch']!, complaint, 'zh-CN'), '只有客服专员或客服中心负责人可以执行此操作');
  assert.equal(refusalText(byEvent['dispatch']!, complaint, 'en'), 'Only Customer-service specialist or Service-centre head may take this action');
  assert.equal(byEvent['escalate']!.reason, 'guard-failed');
  assert.equal(refusalText(byEvent['escalate']!, complaint, 'zh-CN'), '条件未满足：只有重大、重复或紧急且尚未上报的投诉可以上报总部');
  assert.equal(refusalText(byEvent['escalate']!, complaint, 'en'), 'Condition not met: Only a major, repeat or emergency complaint not yet escalated may go to HQ');
  // Never in both lists.
  const available = availableActions(complaint, s, receptionist, 0).filter((a) => a.enabled).map((a) => a.event);
  assert.ok(available.every((e) => !(e in byEvent)));
});

test('accept: only the assigned handler or the centre head; a major case may be escalated', () => {
  const s = snap('complaint', 'dispatched', { severity: 'major' }, { id: 'E2001', name: '林涛' });
  assert.equal(actionRefusals(complaint, s, specialist, 0).find((r) => r.event === 'accept'), undefined);
  const r = actionRefusals(complaint, s, other, 0).find((x) => x.event === 'accept')!;
  assert.equal(refusalText(r, complaint, 'zh-CN'), '条件未满足：只有被派单的处理人或客服中心负责人可以受理');
  assert.equal(actionRefusals(complaint, s, other, 0).find((x) => x.event === 'escalate'), undefined);
});

test('an inspection: the contractor sees who generates the list; an empty list cannot be sent', () => {
  const recording = actionRefusals(inspection, snap('internal-inspection', 'recording'), contractor, 0);
  assert.deepEqual(recording.map((r) => [r.event, r.reason, r.roles]), [['generate-list', 'role-not-allowed', ['specialist']]]);
  assert.equal(refusalText(recording[0]!, inspection, 'zh-CN'), '只有客服专员可以执行此操作');
  const listed = actionRefusals(inspection, snap('internal-inspection', 'listed', { problemCount: 0 }), specialist, 0);
  assert.deepEqual(listed.map((r) => refusalText(r, inspection, 'en')), ['Condition not met: The problem list is empty: nothing to send']);
  assert.deepEqual(actionRefusals(inspection, snap('internal-inspection', 'summarised'), specialist, 0), []);
});
