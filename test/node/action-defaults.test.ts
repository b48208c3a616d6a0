// Action forms that know the case: defaults from the record, the actor and the clock; time rules
// from the definition data (not in the future, not before the previous step, a deadline not past).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionDefaults, builtinDefinitions, checkTimes, fieldsSchema, shanghaiMinute, timeRulesOf, type Snapshot } from '../../src/workflow/index.js';

const def = builtinDefinitions['complaint']!;
const snap = (state: string, data: Record<string, unknown>, updatedAt = 0): Snapshot => ({
  id: 'C-1', definitionId: 'complaint', definitionVersion: 1, state, version: 2, data, firstReceiver: { id: 'E1001', name: '周敏' }, clocks: {}, createdAt: 0, updatedAt, auditCount: 1,
});
const NOW = Date.parse('2026-11-30T10:15:42+08:00');

test('登记 starts with the category and severity given at intake; unknown codes are not carried over', () => {
  const s = snap('received', { category: 'staff', severity: 'major', subject: '态度差' });
  assert.deepEqual(actionDefaults(fieldsSchema('register'), s, undefined, NOW), { category: 'staff', severity: 'major' });
  assert.deepEqual(actionDefaults(fieldsSchema('register'), snap('received', { category: 'weather' }), undefined, NOW), {});
});

test('a reply starts at now (Asia/Shanghai, to the minute); a return visit is by the actor', () => {
  const reply = actionDefaults(fieldsSchema('reply'), snap('handling', {}), { id: 'E2001', name: '林涛', roles: ['specialist'] }, NOW);
  assert.equal(reply['at'], '2026-11-30T10:15:00+08:00');
  const visit = actionDefaults(fieldsSchema('visit'), snap('replied', {}), { id: 'E2001', name: '林涛', roles: ['specialist'] }, NOW);
  assert.equal(visit['at'], shanghaiMinute(NOW));
  if ('by' in (fieldsSchema('visit') as { properties: Record<string, unknown> }).properties) assert.deepEqual(visit['by'], { id: 'E2001', name: '林涛' });
});

test('time rules come from the definition and say what is wrong, in both languages', () => {
  const handling = snap('handling', {}, Date.parse('2026-11-30T09:00:00+08:00'));
  const rules = timeRulesOf(def, handling, 'reply');
  assert.deepEqual(rules, [{ field: 'at', notAfter: 'now', notBefore: 'previous' }]);
  const ctx = { now: NOW, previous: handling.updatedAt };
  assert.deepEqual(checkTimes(rules, { at: '2026-11-30T10:15:00+08:00' }, ctx), []);
  assert.deepEqual(checkTimes(rules, { at: '2026-11-30T11:00:00+08:00' }, ctx), [{ path: '/at', message: '不能晚于现在（2026-11-30 10:15）' }]);
  assert.deepEqual(checkTimes(rules, { at: '2026-11-30T08:59:00+08:00' }, ctx, 'en'), [{ path: '/at', message: 'Cannot be earlier than the previous step (2026-11-30 09:00)' }]);
  const dispatchRules = timeRulesOf(def, snap('registered', {}), 'dispatch');
  assert.deepEqual(checkTimes(dispatchRules, { deadline: '2026-11-29T18:00:00+08:00' }, ctx), [{ path: '/deadline', message: '不能早于现在（2026-11-30 10:15）' }]);
  assert.deepEqual(checkTimes(dispatchRules, {}, ctx), []);
  assert.deepEqual(timeRulesOf(def, snap('registered', {}), 'close'), []);
});
