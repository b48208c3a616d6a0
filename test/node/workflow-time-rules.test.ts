// Time rules (issue 15): a reply or return-visit time not in the future and not before the previous
// step, a dispatch deadline not in the past. The engine enforces them, so a server running it
// refuses a forged command however it was sent; the form's check (action-defaults.ts) agrees.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { builtinDefinitions, checkTimes, createEngine, MemoryStore, refusalMessage, timeRulesOf, transition, type Actor, type SendResult } from '../../src/workflow/index.js';
import { createWorkflowHandler } from '../../src/server/index.js';
import { createCalendar, type CalendarData } from '../../src/core/calendar/index.js';

const calendar = createCalendar(['cn-2025', 'cn-2026'].map((y) => JSON.parse(readFileSync(`schemas/calendars/${y}.json`, 'utf8')) as CalendarData));
const T0 = Date.parse('2026-10-16T09:30:00+08:00');
const MIN = 60_000;
const receptionist: Actor = { id: 'E1001', name: '周敏', roles: ['receptionist'] };
const specialist: Actor = { id: 'E2001', name: '李娜', roles: ['specialist'] };
const record = { recordNo: 'SZ-HY-202610-0001', kind: 'complaint', receivedAt: '2026-10-16T09:30:00+08:00', channel: 'phone', officeId: 'SZ-HY', complainant: { type: 'owner', name: '王女士' }, category: 'efficiency', severity: 'serious', subject: '报修三次未上门', description: '厨房下水道堵塞。' };

async function handling(locale: 'zh-CN' | 'en' = 'zh-CN') {
  let now = T0;
  const engine = createEngine({ definitions: [builtinDefinitions['complaint']!], store: new MemoryStore(), clock: () => now, calendar, locale });
  const ok = (r: SendResult) => assert.ok(r.ok, JSON.stringify(r));
  ok(await engine.start('complaint', { id: 'C1', data: record }, receptionist));
  ok(await engine.send('C1', { type: 'register', payload: { category: 'efficiency', severity: 'serious' } }, receptionist));
  ok(await engine.send('C1', { type: 'dispatch', payload: { handler: { id: specialist.id, name: specialist.name } } }, specialist));
  now = T0 + 30 * MIN; // 10:00
  ok(await engine.send('C1', { type: 'accept' }, specialist));
  now = T0 + 90 * MIN; // 11:00
  return { engine, at: (t: number) => (now = t) };
}

test('the engine refuses a reply time in the future or before the previous step, with the field and a reason', async () => {
  const { engine } = await handling();
  const future = await engine.send('C1', { type: 'reply', payload: { at: '2026-10-16T15:00:00+08:00', content: '已处理' } }, specialist);
  assert.ok(!future.ok);
  assert.equal(future.code, 'invalid-fields');
  assert.deepEqual(future.errors, [{ path: '/at', keyword: 'times', message: '不能晚于现在（2026-10-16 11:00）' }]);
  assert.equal(refusalMessage(future.code, 'zh-CN'), '填写的信息有误，请检查');
  const early = await engine.send('C1', { type: 'reply', payload: { at: '2026-10-16T09:45:00+08:00', content: '已处理' } }, specialist);
  assert.ok(!early.ok);
  assert.deepEqual(early.errors, [{ path: '/at', keyword: 'times', message: '不能早于上一步的时间（2026-10-16 10:00）' }]);
  assert.equal((await engine.get('C1'))!.state, 'handling', 'nothing changed');
  // Within the minute of now, and at the previous step's minute, are both fine.
  const r = await engine.send('C1', { type: 'reply', payload: { at: '2026-10-16T11:00:00+08:00', content: '已处理' } }, specialist);
  assert.ok(r.ok, JSON.stringify(r));
});

test('the return visit: not in the future, not before the reply; English reasons from an English engine', async () => {
  const { engine, at } = await handling('en');
  assert.ok((await engine.send('C1', { type: 'reply', payload: { at: '2026-10-16T10:30:00+08:00', content: 'done' } }, specialist)).ok);
  at(T0 + 3 * 60 * MIN); // 12:30
  const before = await engine.send('C1', { type: 'visit', payload: { at: '2026-10-16T10:59:00+08:00', satisfaction: 'satisfied' } }, specialist);
  assert.ok(!before.ok);
  assert.deepEqual(before.errors, [{ path: '/at', keyword: 'times', message: 'Cannot be earlier than the previous step (2026-10-16 11:00)' }]);
  const future = await engine.send('C1', { type: 'visit', payload: { at: '2026-10-17T10:00:00+08:00', satisfaction: 'satisfied' } }, specialist);
  assert.ok(!future.ok);
  assert.deepEqual(future.errors, [{ path: '/at', keyword: 'times', message: 'Cannot be later than now (2026-10-16 12:30)' }]);
  assert.ok((await engine.send('C1', { type: 'visit', payload: { at: '2026-10-16T12:00:00+08:00', satisfaction: 'satisfied' } }, specialist)).ok);
  // The close records the server's own time, after the visit by construction.
  at(T0 + 4 * 60 * MIN);
  const closed = await engine.send('C1', { type: 'close', payload: { validity: 'valid' } }, specialist);
  assert.ok(closed.ok);
  assert.ok(Date.parse(closed.snapshot.data['closedAt'] as string) >= Date.parse((closed.snapshot.data['returnVisit'] as { at: string }).at));
});

test('a dispatch deadline in the past is refused; the pure transition() and the form check agree', async () => {
  const def = builtinDefinitions['complaint']!;
  let now = T0;
  const engine = createEngine({ definitions: [def], store: new MemoryStore(), clock: () => now, calendar });
  await engine.start('complaint', { id: 'C1', data: record }, receptionist);
  await engine.send('C1', { type: 'register', payload: { category: 'efficiency', severity: 'serious' } }, receptionist);
  now = T0 + 60 * MIN;
  const s = (await engine.get('C1'))!;
  const payload = { handler: { id: specialist.id, name: specialist.name }, deadline: '2026-10-16T10:00:00+08:00' };
  const r = transition(def, s, { type: 'dispatch', payload }, specialist, now, { calendar });
  assert.ok(!r.ok);
  assert.deepEqual(r.errors, [{ path: '/deadline', keyword: 'times', message: '不能早于现在（2026-10-16 10:30）' }]);
  const form = checkTimes(timeRulesOf(def, s, 'dispatch'), payload, { now, previous: s.updatedAt });
  assert.deepEqual(form.map((e) => [e.path, e.message]), r.errors!.map((e) => [e.path, e.message]), 'the form says what the engine says');
  assert.ok((await engine.send('C1', { type: 'dispatch', payload: { ...payload, deadline: '2026-10-17T18:00:00+08:00' } }, specialist)).ok);
});

test('through createWorkflowHandler: a forged reply time is a 422 with the field and its reason, and changes nothing', async () => {
  let now = T0;
  const store = new MemoryStore();
  const people: Record<string, Actor> = { r: receptionist, s: specialist };
  const handler = createWorkflowHandler({
    definitions: [builtinDefinitions['complaint']!],
    store,
    clock: () => now,
    calendar,
    authenticate: (req) => people[req.headers.get('x-test-user') ?? ''] ?? null,
  });
  const call = async (who: string, path: string, body: unknown) => {
    const res = await handler(new Request(`http://127.0.0.1/api/workflow${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-test-user': who }, body: JSON.stringify(body) }));
    return { status: res.status, json: (await res.json()) as { snapshot?: { id: string; state: string; version: number }; error?: { code: string; refusal?: string; fields?: unknown } } };
  };
  const started = await call('r', '/instances', { definitionId: 'complaint', data: record, commandId: 'c-1' });
  assert.equal(started.status, 201, JSON.stringify(started.json));
  const id = encodeURIComponent(started.json.snapshot!.id);
  assert.equal((await call('r', `/instances/${id}/events`, { type: 'register', payload: { category: 'efficiency', severity: 'serious' } })).status, 200);
  assert.equal((await call('s', `/instances/${id}/events`, { type: 'dispatch', payload: { handler: { id: specialist.id, name: specialist.name } } })).status, 200);
  assert.equal((await call('s', `/instances/${id}/events`, { type: 'accept' })).status, 200);
  now = T0 + 60 * MIN;
  const before = { snapshot: await store.load(started.json.snapshot!.id), history: await store.history(started.json.snapshot!.id) };
  const forged = await call('s', `/instances/${id}/events`, { type: 'reply', payload: { at: '2026-10-20T09:00:00+08:00', content: '提前写好的答复' } });
  assert.equal(forged.status, 422);
  assert.equal(forged.json.error?.refusal, 'invalid-fields');
  assert.deepEqual(forged.json.error?.fields, [{ path: '/at', message: '不能晚于现在（2026-10-16 10:30）' }]);
  assert.deepEqual({ snapshot: await store.load(started.json.snapshot!.id), history: await store.history(started.json.snapshot!.id) }, before, 'nothing written');
  const honest = await call('s', `/instances/${id}/events`, { type: 'reply', payload: { at: '2026-10-16T10:30:00+08:00', content: '已处理' } });
  assert.equal(honest.status, 200, JSON.stringify(honest.json));
  assert.equal(honest.json.snapshot?.state, 'replied');
});
