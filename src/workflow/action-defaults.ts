// What an action form starts with, and the time rules it checks before sending: pure functions
// over the record, the actor and the clock, so the form knows the case instead of re-asking it.
import { catalog } from '../core/i18n/catalog.js';
import type { Locale } from '../core/i18n/locale.js';
import type { Actor, Snapshot, TimeRule, WorkflowDefinition } from './types.js';

const SHANGHAI_MS = 8 * 3_600_000;

/** An instant as `YYYY-MM-DDTHH:mm:00+08:00` (Asia/Shanghai, to the minute: what a datetime field shows). */
export function shanghaiMinute(ms: number): string {
  return `${new Date(ms + SHANGHAI_MS).toISOString().slice(0, 16)}:00+08:00`;
}

type Schema = { readonly type?: unknown; readonly format?: unknown; readonly properties?: Readonly<Record<string, Schema>>; readonly enum?: readonly unknown[] };

const fits = (value: unknown, schema: Schema): boolean => {
  if (schema.enum) return schema.enum.includes(value);
  if (schema.type === 'string') return typeof value === 'string';
  if (schema.type === 'boolean') return typeof value === 'boolean';
  if (schema.type === 'integer' || schema.type === 'number') return typeof value === 'number';
  return false;
};

/**
 * Initial values of an event's fields: what the record already holds under the same name (登记's
 * category and severity from intake), the actor for a `by` person, and now for a time the
 * event records (`at`). A draft the user typed wins over these (the caller merges).
 */
export function actionDefaults(schema: Readonly<Record<string, unknown>> | undefined, snapshot: Snapshot, actor: Actor | undefined, now: number): Record<string, unknown> {
  const props = (schema as Schema | undefined)?.properties ?? {};
  const out: Record<string, unknown> = {};
  for (const [key, prop] of Object.entries(props)) {
    const held = snapshot.data[key];
    if (held !== undefined && fits(held, prop)) out[key] = held;
    else if (key === 'at' && prop.format === 'date-time') out[key] = shanghaiMinute(now);
    else if (key === 'by' && actor && prop.properties?.['id'] && prop.properties?.['name']) out[key] = { id: actor.id, name: actor.name };
  }
  return out;
}

const msg = catalog(
  {
    future: '不能晚于现在（{now}）',
    beforePrevious: '不能早于上一步的时间（{previous}）',
    past: '不能早于现在（{now}）',
  },
  {
    future: 'Cannot be later than now ({now})',
    beforePrevious: 'Cannot be earlier than the previous step ({previous})',
    past: 'Cannot be earlier than now ({now})',
  },
);

const show = (ms: number) => shanghaiMinute(ms).slice(0, 16).replace('T', ' ');

/** The time rules of `event` from the state of `snapshot` (definition data: the transition's `times`). */
export function timeRulesOf(def: WorkflowDefinition, snapshot: Snapshot, event: string): readonly TimeRule[] {
  return def.transitions.find((t) => t.event === event && t.from.includes(snapshot.state) && t.times)?.times ?? [];
}

/**
 * Checks a payload against time rules: `now` the clock, `previous` the time of the instance's
 * last step. Returns errors with JSON-pointer paths (relative to the payload) for the form.
 * Minutes count: a time entered to the minute is never "in the future" within its own minute.
 */
export function checkTimes(rules: readonly TimeRule[], payload: unknown, ctx: { readonly now: number; readonly previous: number }, locale: Locale = 'zh-CN'): { path: string; message: string }[] {
  const errors: { path: string; message: string }[] = [];
  if (payload === null || typeof payload !== 'object') return errors;
  const minute = (ms: number) => Math.floor(ms / 60_000);
  for (const r of rules) {
    const v = (payload as Record<string, unknown>)[r.field];
    if (typeof v !== 'string') continue;
    const t = Date.parse(v);
    if (Number.isNaN(t)) continue;
    const path = `/${r.field}`;
    if (r.notAfter === 'now' && minute(t) > minute(ctx.now)) errors.push({ path, message: msg(locale, 'future', { now: show(ctx.now) }) });
    else if (r.notBefore === 'previous' && minute(t) < minute(ctx.previous)) errors.push({ path, message: msg(locale, 'beforePrevious', { previous: show(ctx.previous) }) });
    else if (r.notBefore === 'now' && minute(t) < minute(ctx.now)) errors.push({ path, message: msg(locale, 'past', { now: show(ctx.now) }) });
  }
  return errors;
}
