// Shared by the workflow panel's tests, stories, screenshot page and bench: the complaint
// workflow on a MemoryStore with a controllable clock and the shipped 2026 business calendar,
// one instance started from a real example complaint and moved through several steps by
// different roles.
import { createEngine, MemoryStore, builtinDefinitions, type Actor, type Engine } from '../../src/workflow/index.js';
import { createCalendar, type CalendarData } from '../../src/core/calendar/index.js';
import { calendars } from '../../src/generated/data/calendars.js';
import examples from '../../schemas/examples/complaint.valid.json';

/** Tuesday 8 September 2026, 09:30 in Shanghai: working time. */
export const T0 = Date.parse('2026-09-08T09:30:00+08:00');
export const MIN = 60_000;
export const HOUR = 60 * MIN;

export const receptionist: Actor = { id: 'E1003', name: '郑浩', roles: ['receptionist'] };
export const specialist: Actor = { id: 'E2001', name: '李娜', roles: ['specialist'] };
export const handler: Actor = { id: 'E3001', name: '王强', roles: ['specialist'] };
export const head: Actor = { id: 'E9001', name: '陈主任', roles: ['centre-head'] };
export const owner: Actor = { id: 'O1', name: '业主', roles: ['owner'] };

/** The example complaint SZ-BH-202609-0003 as received at intake (nothing after intake). */
export function intakeComplaint(over: Record<string, unknown> = {}): Record<string, unknown> {
  const c = structuredClone((examples as Record<string, unknown>[]).find((x) => x['recordNo'] === 'SZ-BH-202609-0003')!);
  return { ...c, receivedAt: '2026-09-08T09:30:00+08:00', ...over };
}

export const calendar = createCalendar(['cn-2025', 'cn-2026'].map((y) => calendars[y] as CalendarData));

export interface Scenario {
  readonly engine: Engine;
  readonly store: MemoryStore;
  readonly id: string;
  /** The engine's clock. */
  now(): number;
  set(t: number): void;
}

export type Step = 'received' | 'registered' | 'dispatched' | 'handling' | 'warning' | 'overdue' | 'suspended' | 'replied' | 'reopened' | 'closed' | 'closed-late';

const ok = (r: { ok: boolean }, what: string) => {
  if (!r.ok) throw new Error(`fixture step ${what} refused: ${JSON.stringify(r)}`);
};

/**
 * A complaint instance moved up to `step`: received by the receptionist, registered, dispatched by
 * the specialist to 王强, taken on by him, then (by step) near or past the reply deadline with the
 * timers fired, replied, visited and reopened, or closed.
 */
export async function scenario(step: Step, { id = 'SZ-BH-202609-0003', data = intakeComplaint(), store = new MemoryStore() } = {}): Promise<Scenario> {
  let now = T0;
  const engine = createEngine({ definitions: Object.values(builtinDefinitions), store, clock: () => now, calendar });
  const at = (t: number) => (now = t);
  ok(await engine.start('complaint', { id, data }, receptionist), 'start');
  const env: Scenario = { engine, store, id, now: () => now, set: at };
  if (step === 'received') return env;
  at(T0 + 10 * MIN);
  ok(await engine.send(id, { type: 'register', payload: { category: 'management', severity: 'serious', repeat: false } }, receptionist), 'register');
  if (step === 'registered') return env;
  at(T0 + 30 * MIN);
  ok(await engine.send(id, { type: 'dispatch', payload: { handler: { id: handler.id, name: handler.name }, note: '请今天上门查看车库排水' } }, specialist), 'dispatch');
  if (step === 'dispatched') return env;
  at(T0 + 60 * MIN);
  ok(await engine.send(id, { type: 'accept' }, handler), 'accept');
  if (step === 'handling') return env;
  if (step === 'warning') {
    // 75 % of one working day (7.5 h) gone: the reply clock warns.
    at(Date.parse('2026-09-08T16:40:00+08:00'));
    await engine.tick();
    return env;
  }
  if (step === 'overdue' || step === 'closed-late') {
    // Next working day, afternoon: the reply deadline passed, escalations fired.
    at(Date.parse('2026-09-09T15:00:00+08:00'));
    await engine.tick();
    if (step === 'overdue') return env;
    // Then replied late, visited and closed: the reply clock stopped as missed.
    at(Date.parse('2026-09-09T15:30:00+08:00'));
    ok(await engine.send(id, { type: 'reply', payload: { at: '2026-09-09T15:30:00+08:00', content: '已安排抽水并清理排水沟。' } }, handler), 'late reply');
    at(Date.parse('2026-09-09T16:00:00+08:00'));
    ok(await engine.send(id, { type: 'visit', payload: { at: '2026-09-09T16:00:00+08:00', satisfaction: 'satisfied' } }, specialist), 'visit');
    at(Date.parse('2026-09-09T16:30:00+08:00'));
    ok(await engine.send(id, { type: 'close', payload: { validity: 'valid', note: '已解决' } }, specialist), 'close');
    return env;
  }
  if (step === 'suspended') {
    at(T0 + 2 * HOUR);
    ok(await engine.send(id, { type: 'suspend', payload: { reason: '业主出差，约定下周一上门' } }, handler), 'suspend');
    return env;
  }
  at(T0 + 5 * HOUR);
  ok(await engine.send(id, { type: 'reply', payload: { at: '2026-09-08T14:30:00+08:00', content: '已安排抽水并清理排水沟，明日复查。' } }, handler), 'reply');
  if (step === 'replied') return env;
  at(Date.parse('2026-09-09T10:00:00+08:00'));
  if (step === 'reopened') {
    ok(await engine.send(id, { type: 'visit', payload: { at: '2026-09-09T10:00:00+08:00', satisfaction: 'dissatisfied', note: '车库仍有积水' } }, specialist), 'visit');
    return env;
  }
  ok(await engine.send(id, { type: 'visit', payload: { at: '2026-09-09T10:00:00+08:00', satisfaction: 'satisfied' } }, specialist), 'visit');
  at(Date.parse('2026-09-09T11:00:00+08:00'));
  ok(await engine.send(id, { type: 'close', payload: { validity: 'valid', note: '已解决' } }, specialist), 'close');
  return env;
}
