// SLA clocks: their state lives in the snapshot, their deadlines are derived (pure) and stored as
// timers. Business-time clocks measure working time on the business calendar; calendar-time
// clocks measure wall-clock time.
import type { BusinessCalendar } from '../core/calendar/calendar.js';
import { durationMs } from '../core/calendar/duration.js';
import type { Localized } from '../core/i18n/locale.js';
import type { ClockDef, ClockState, Effect, Snapshot, Timer, WorkflowDefinition } from './types.js';

export const DAY_MS = 86_400_000;

/** Limits in ms by `limit` (calendar time) or `limit@workdayMs` (business time): parsed once. */
const limits = new Map<string, number>();

export function clockLimitMs(clock: ClockDef, calendar: BusinessCalendar): number {
  const key = clock.time === 'business' ? `${clock.limit}@${calendar.workdayMs}` : clock.limit;
  let ms = limits.get(key);
  if (ms === undefined) {
    ms = clock.time === 'business' ? durationMs(clock.limit, calendar.workdayMs, true) : durationMs(clock.limit);
    if (limits.size < 1000) limits.set(key, ms);
  }
  return ms;
}

function stepMs(after: string, clock: ClockDef, calendar: BusinessCalendar): number {
  return clock.time === 'business' ? durationMs(after, calendar.workdayMs, true) : durationMs(after);
}

/** Time between two instants in the clock's basis. */
function measure(clock: ClockDef, calendar: BusinessCalendar, from: number, to: number): number {
  return clock.time === 'business' ? calendar.businessTimeBetween(from, to) : to - from;
}

/** The instant `ms` of the clock's basis after `from`. */
function advance(clock: ClockDef, calendar: BusinessCalendar, from: number, ms: number): number {
  return clock.time === 'business' ? calendar.addBusinessTime(from, Math.max(0, ms)) : from + Math.max(0, ms);
}

/**
 * A clock state, built in one key order: the five fields every state has, then whichever of
 * runningSince, startedAt, stoppedAt, warnedAt, breachedAt are set (undefined: absent). States of
 * one shape share one hidden class in the JavaScript engine. Copies by spread or rest
 * (`{ ...cs, x }`, `{ a, ...rest }`) did not (V8: a rest copy always, a spread copy once MemoryStore
 * froze it, got a hidden class of its own), and every reader of clocks turned slow (issue 16).
 * @internal
 */
export function clockState(
  status: ClockState['status'],
  epoch: number,
  elapsedMs: number,
  limitMs: number,
  escalations: number,
  runningSince: number | undefined,
  startedAt: number | undefined,
  stoppedAt: number | undefined,
  warnedAt: number | undefined,
  breachedAt: number | undefined,
): ClockState {
  const cs: { -readonly [K in keyof ClockState]: ClockState[K] } = { status, epoch, elapsedMs, limitMs, escalations };
  if (runningSince !== undefined) cs.runningSince = runningSince;
  if (startedAt !== undefined) cs.startedAt = startedAt;
  if (stoppedAt !== undefined) cs.stoppedAt = stoppedAt;
  if (warnedAt !== undefined) cs.warnedAt = warnedAt;
  if (breachedAt !== undefined) cs.breachedAt = breachedAt;
  return cs;
}

/** The clocks record with `id` set to `cs`: a copy made key by key (see clockState). */
function withClock(clocks: Readonly<Record<string, ClockState>>, id: string, cs: ClockState): Record<string, ClockState> {
  const out: Record<string, ClockState> = {};
  for (const k in clocks) out[k] = clocks[k]!;
  out[id] = cs;
  return out;
}

const idleClock = (c: ClockDef, calendar: BusinessCalendar): ClockState => clockState('idle', 0, 0, clockLimitMs(c, calendar), 0, undefined, undefined, undefined, undefined, undefined);

const NO_CLOCKS: readonly ClockDef[] = [];

export function initialClocks(def: WorkflowDefinition, calendar: BusinessCalendar): Record<string, ClockState> {
  const out: Record<string, ClockState> = {};
  for (const c of def.clocks ?? []) out[c.id] = idleClock(c, calendar);
  return out;
}

/**
 * Applies the start / pause / resume / stop rules for entering `state` at `now`. Returns `clocks`
 * itself when no clock changes (so the engine keeps the timers it derived from them).
 */
export function enterState(
  def: WorkflowDefinition,
  clocks: Readonly<Record<string, ClockState>>,
  state: string,
  now: number,
  calendar: BusinessCalendar,
): Record<string, ClockState> {
  let out: Record<string, ClockState> | undefined;
  // Indexed loops (here and in pendingTimers): a sealed definition's arrays are frozen, and V8
  // walks frozen arrays with for…of through its generic, allocating iterator.
  const defs = def.clocks ?? NO_CLOCKS;
  for (let i = 0; i < defs.length; i++) {
    const c = defs[i]!;
    const cs = clocks[c.id] ?? idleClock(c, calendar);
    let next: ClockState | undefined;
    if (c.stop.includes(state)) {
      if (cs.status === 'running' || cs.status === 'paused') {
        next = clockState('stopped', cs.epoch, cs.elapsedMs + runElapsed(c, cs, calendar, now), cs.limitMs, cs.escalations, undefined, cs.startedAt, now, cs.warnedAt, cs.breachedAt);
      }
    } else if (c.start.includes(state) && (cs.status === 'idle' || cs.status === 'stopped')) {
      next = clockState('running', cs.epoch + 1, 0, clockLimitMs(c, calendar), 0, now, now, undefined, undefined, undefined);
    } else if (c.pause?.includes(state) && cs.status === 'running') {
      next = clockState('paused', cs.epoch, cs.elapsedMs + runElapsed(c, cs, calendar, now), cs.limitMs, cs.escalations, undefined, cs.startedAt, cs.stoppedAt, cs.warnedAt, cs.breachedAt);
    } else if (cs.status === 'paused' && !c.pause?.includes(state)) {
      next = clockState('running', cs.epoch + 1, cs.elapsedMs, cs.limitMs, cs.escalations, now, cs.startedAt, cs.stoppedAt, cs.warnedAt, cs.breachedAt);
    }
    if (next !== undefined) {
      if (out === undefined) out = withClock(clocks, c.id, next);
      else out[c.id] = next;
    }
  }
  return out ?? (clocks as Record<string, ClockState>);
}

/** Time of the current run (measured only when a clock stops or pauses: business time walks the calendar). */
function runElapsed(c: ClockDef, cs: ClockState, calendar: BusinessCalendar, now: number): number {
  return cs.status === 'running' && cs.runningSince !== undefined ? measure(c, calendar, cs.runningSince, now) : 0;
}

/** When a running clock reaches `targetMs` of elapsed time (its basis). */
function reachAt(c: ClockDef, cs: ClockState, calendar: BusinessCalendar, targetMs: number): number {
  return advance(c, calendar, cs.runningSince ?? 0, targetMs - cs.elapsedMs);
}

export const timerId = (instanceId: string, clock: string, epoch: number, kind: string, step?: number): string =>
  `${instanceId}/${clock}/${epoch}/${kind}${step === undefined ? '' : `/${step}`}`;

/** The deadlines an instance is waiting for: warning, breach, next escalation step per running clock. */
export function pendingTimers(def: WorkflowDefinition, snapshot: Snapshot, calendar: BusinessCalendar): Timer[] {
  return timersOf(def, snapshot, calendar, undefined, NO_TIMERS);
}

/**
 * pendingTimers of `snapshot`, given `before`, a snapshot of the same instance and definition
 * whose pending timers (on the same calendar) are `beforeTimers`: a clock whose state is the very
 * object it was in `before` keeps its timers from there (a clock's timers follow from its
 * definition, its state, the instance id and the calendar alone), the others are worked out.
 * The same list as pendingTimers(def, snapshot, calendar), without remaking what did not change.
 */
export function pendingTimersSince(def: WorkflowDefinition, snapshot: Snapshot, calendar: BusinessCalendar, before: Snapshot, beforeTimers: readonly Timer[]): Timer[] {
  return before.id === snapshot.id && before.definitionId === snapshot.definitionId && before.definitionVersion === snapshot.definitionVersion
    ? timersOf(def, snapshot, calendar, before.clocks, beforeTimers)
    : pendingTimers(def, snapshot, calendar);
}

/** The one empty list of timers (frozen: shared by every instance waiting for none). */
export const NO_TIMERS: readonly Timer[] = Object.freeze([]);

function timersOf(def: WorkflowDefinition, snapshot: Snapshot, calendar: BusinessCalendar, beforeClocks: Snapshot['clocks'] | undefined, beforeTimers: readonly Timer[]): Timer[] {
  const out: Timer[] = [];
  const defs = def.clocks ?? NO_CLOCKS;
  for (let i = 0; i < defs.length; i++) {
    const c = defs[i]!;
    const cs = snapshot.clocks[c.id];
    if (!cs || cs.status !== 'running') continue;
    if (beforeClocks !== undefined && beforeClocks[c.id] === cs) {
      for (let j = 0; j < beforeTimers.length; j++) if (beforeTimers[j]!.clock === c.id) out.push(beforeTimers[j]!);
      continue;
    }
    if (c.warning !== undefined && cs.warnedAt === undefined && cs.breachedAt === undefined) {
      out.push({ id: timerId(snapshot.id, c.id, cs.epoch, 'warning'), instanceId: snapshot.id, clock: c.id, kind: 'warning', dueAt: reachAt(c, cs, calendar, cs.limitMs * c.warning) });
    }
    if (cs.breachedAt === undefined) {
      out.push({ id: timerId(snapshot.id, c.id, cs.epoch, 'breach'), instanceId: snapshot.id, clock: c.id, kind: 'breach', dueAt: reachAt(c, cs, calendar, cs.limitMs) });
    } else {
      const step = c.escalation?.[cs.escalations];
      if (step) {
        const dueAt = Math.max(advance(c, calendar, cs.breachedAt, stepMs(step.after, c, calendar)), cs.runningSince ?? 0);
        out.push({ id: timerId(snapshot.id, c.id, cs.epoch, 'escalation', cs.escalations), instanceId: snapshot.id, clock: c.id, kind: 'escalation', step: cs.escalations, dueAt });
      }
    }
  }
  return out;
}

/** What firing a timer does to the clocks and which effects it produces; undefined when stale. */
export function applyTimer(
  def: WorkflowDefinition,
  snapshot: Snapshot,
  timer: Timer,
  calendar: BusinessCalendar,
): { clocks: Record<string, ClockState>; effects: Effect[]; handlerRole?: string } | undefined {
  const pending = pendingTimers(def, snapshot, calendar);
  if (!pending.some((t) => t.id === timer.id)) return undefined;
  const c = def.clocks?.find((x) => x.id === timer.clock);
  const cs = snapshot.clocks[timer.clock];
  if (!c || !cs) return undefined;
  const effects: Effect[] = [];
  if (timer.kind === 'warning') {
    const clocks = withClock(snapshot.clocks, c.id, clockState(cs.status, cs.epoch, cs.elapsedMs, cs.limitMs, cs.escalations, cs.runningSince, cs.startedAt, cs.stoppedAt, timer.dueAt, cs.breachedAt));
    for (const role of c.warn ?? []) effects.push({ type: 'notify', role, reason: 'warning', clock: c.id });
    return { clocks, effects };
  }
  if (timer.kind === 'breach') {
    const clocks = withClock(snapshot.clocks, c.id, clockState(cs.status, cs.epoch, cs.elapsedMs, cs.limitMs, cs.escalations, cs.runningSince, cs.startedAt, cs.stoppedAt, cs.warnedAt, timer.dueAt));
    return { clocks, effects };
  }
  const step = c.escalation?.[timer.step ?? -1];
  if (!step) return undefined;
  const clocks = withClock(snapshot.clocks, c.id, clockState(cs.status, cs.epoch, cs.elapsedMs, cs.limitMs, cs.escalations + 1, cs.runningSince, cs.startedAt, cs.stoppedAt, cs.warnedAt, cs.breachedAt));
  if (step.action === 'notify') {
    effects.push({ type: 'notify', role: step.role, reason: 'escalation', clock: c.id });
    return { clocks, effects };
  }
  effects.push({ type: 'reassign', role: step.role, clock: c.id });
  return { clocks, effects, handlerRole: step.role };
}

/** What a view shows for one clock. Durations in ms; `null` where a value does not apply. */
export interface ClockReadout {
  readonly id: string;
  readonly title: Localized;
  readonly time: 'business' | 'calendar';
  readonly status: ClockState['status'];
  /** ok / warning / overdue while running or paused; met / missed once stopped; idle before start. */
  readonly level: 'idle' | 'ok' | 'warning' | 'overdue' | 'met' | 'missed';
  readonly limitMs: number;
  /** Elapsed in the clock's basis, including the current run. */
  readonly elapsedMs: number;
  /** The deadline while running. */
  readonly dueAt: number | null;
  readonly warnAt: number | null;
  /** Working time left until the deadline (negative when overdue). */
  readonly businessRemainingMs: number | null;
  /** Wall-clock time left until the deadline (negative when overdue). */
  readonly calendarRemainingMs: number | null;
  /** Escalation steps taken, and how many the ladder has. */
  readonly escalations: number;
  readonly escalationSteps: number;
  readonly startedAt: number | null;
  readonly stoppedAt: number | null;
}

/** Every clock of an instance, read at `now`: easy to render (remaining times, warning, overdue). */
export function readClocks(def: WorkflowDefinition, snapshot: Snapshot, now: number, calendar: BusinessCalendar): ClockReadout[] {
  return (def.clocks ?? []).map((c) => {
    const cs = snapshot.clocks[c.id] ?? { status: 'idle' as const, epoch: 0, elapsedMs: 0, limitMs: clockLimitMs(c, calendar), escalations: 0 };
    const running = cs.status === 'running' && cs.runningSince !== undefined;
    const elapsed = cs.elapsedMs + (running ? measure(c, calendar, cs.runningSince!, Math.max(now, cs.runningSince!)) : 0);
    const warnMs = c.warning === undefined ? undefined : cs.limitMs * c.warning;
    const dueAt = running ? reachAt(c, cs, calendar, cs.limitMs) : null;
    const warnAt = running && warnMs !== undefined ? reachAt(c, cs, calendar, warnMs) : null;
    let businessRemainingMs: number | null = null;
    let calendarRemainingMs: number | null = null;
    if (dueAt !== null) {
      calendarRemainingMs = dueAt - now;
      businessRemainingMs = calendar.businessTimeBetween(now, dueAt);
    } else if (cs.status !== 'idle') {
      // Paused or stopped: only the clock's own basis is defined (the rest depends on a resume).
      const left = cs.limitMs - cs.elapsedMs;
      if (c.time === 'business') businessRemainingMs = left;
      else calendarRemainingMs = left;
    }
    let level: ClockReadout['level'];
    if (cs.status === 'idle') level = 'idle';
    else if (cs.status === 'stopped') level = cs.elapsedMs > cs.limitMs || cs.breachedAt !== undefined ? 'missed' : 'met';
    else if (elapsed >= cs.limitMs || cs.breachedAt !== undefined) level = 'overdue';
    else if ((warnMs !== undefined && elapsed >= warnMs) || cs.warnedAt !== undefined) level = 'warning';
    else level = 'ok';
    return {
      id: c.id,
      title: c.title,
      time: c.time,
      status: cs.status,
      level,
      limitMs: cs.limitMs,
      elapsedMs: elapsed,
      dueAt,
      warnAt,
      businessRemainingMs,
      calendarRemainingMs,
      escalations: cs.escalations,
      escalationSteps: c.escalation?.length ?? 0,
      startedAt: cs.startedAt ?? null,
      stoppedAt: cs.stoppedAt ?? null,
    };
  });
}
