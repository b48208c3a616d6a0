// The schema form's view models (src/core/form/view.ts): pure functions over plain data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { showsError, shownErrors, stepOf, inStep, hasColumns } from '../../src/core/form/view.js';
import type { Layout } from '../../src/core/form/ui.js';

const base = { display: 'touched' as const, submitted: false, touched: new Set(['/room']), external: new Set(['/recordNo']) };

test('showsError follows the error-display policy; host and async errors always show', () => {
  assert.equal(showsError(base, '/room'), true);
  assert.equal(showsError(base, '/phone'), false);
  assert.equal(showsError(base, '/recordNo'), true);
  assert.equal(showsError({ ...base, display: 'submit' }, '/room'), false);
  assert.equal(showsError({ ...base, display: 'submit', submitted: true }, '/phone'), true);
  assert.equal(showsError({ ...base, display: 'live' }, '/phone'), true);
  assert.equal(showsError({ ...base, external: (p) => p === '/phone' }, '/phone'), true);
});

test('shownErrors keeps the first message of each shown path', () => {
  const errors = [
    { path: '/room', keyword: 'pattern', message: '房号的格式不正确', params: {} },
    { path: '/room', keyword: 'maxLength', message: '房号太长', params: {} },
    { path: '/phone', keyword: 'required', message: '电话为必填项', params: {} },
  ];
  assert.deepEqual([...shownErrors(errors, (p) => p === '/room')], [['/room', '房号的格式不正确']]);
  assert.equal(shownErrors(errors, () => true).size, 2);
});

const wizard: Layout = {
  wizard: true,
  steps: [
    { id: 'who', groups: [{ id: 'a', fields: ['/complainant'] }] },
    { id: 'what', groups: [{ id: 'b', fields: ['/subject', '/description'], columns: 2 }] },
  ],
};

test('stepOf and inStep find a field (or a field inside it) in the wizard', () => {
  assert.equal(stepOf(wizard, '/complainant/phone'), 0);
  assert.equal(stepOf(wizard, '/description'), 1);
  assert.equal(stepOf(wizard, '/nowhere'), -1);
  assert.equal(stepOf(wizard, '/subjectivity'), -1, 'a prefix of a name is not the field');
  assert.equal(inStep(wizard, 1, '/subject'), true);
  assert.equal(inStep(wizard, 0, '/subject'), false);
  assert.equal(inStep(wizard, 5, '/subject'), false);
});

test('hasColumns: only a layout with a group (or the UI schema) in columns', () => {
  assert.equal(hasColumns({}, wizard), true);
  assert.equal(hasColumns({}, { wizard: false, steps: [{ id: 'main', groups: [{ id: 'main', fields: ['/a'] }] }] }), false);
  assert.equal(hasColumns({ columns: 2 }, { wizard: false, steps: [{ id: 'main', groups: [{ id: 'main', fields: ['/a'] }] }] }), true);
});
