// Pure formatting for the workflow panel: durations, instants in Asia/Shanghai, and the audit log
// as rows a view renders. No DOM; every string is returned as text, never as markup.
import { pick, type Locale, type Localized } from '../../core/i18n/locale.js';
import type { AuditEntry, Effect, WorkflowDefinition } from '../../workflow/types.js';
import { msg } from './workflow-panel.messages.js';
import { isoShanghai, SHANGHAI_TIME_ZONE } from '../../core/kernel/time.js';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
/** Business time and record times are read in the calendar's zone (schemas/calendars: +08:00). */
export const TIME_ZONE = SHANGHAI_TIME_ZONE;

/**
 * A duration as days, hours and minutes (`2天3小时`, `2 d 3 h`). Business time has no natural
 * day (a working day is a calendar setting), so it is shown in hours and minutes only.
 */
export function formatDuration(ms: number, locale: Locale, { days = true } = {}): string {
  let rest = Math.round(Math.abs(ms) / MINUTE) * MINUTE;
  const parts: string[] = [];
  if (days && rest >= DAY) {
    parts.push(msg(locale, 'durDays', { d: Math.floor(rest / DAY) }));
    rest %= DAY;
  }
  if (rest >= HOUR) {
    parts.push(msg(locale, 'durHours', { h: Math.floor(rest / HOUR) }));
    rest %= HOUR;
  }
  if (rest >= MINUTE) parts.push(msg(locale, 'durMinutes', { m: Math.floor(rest / MINUTE) }));
  if (!parts.length) return msg(locale, 'durZero');
  return parts.join(locale === 'en' ? ' ' : '');
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
/** An instant as a date and time in Asia/Shanghai (`2026/10/16 09:30`). */
export function formatInstant(at: number | string, locale: Locale): string {
  const t = typeof at === 'number' ? at : Date.parse(at);
  if (!Number.isFinite(t)) return String(at);
  let f = dateTimeFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    dateTimeFormats.set(locale, f);
  }
  return f.format(t);
}

/** ISO 8601 with the +08:00 offset, for `<time datetime>` (the kernel's). */
export { isoShanghai };

type Json = Readonly<Record<string, unknown>>;
const isObject = (x: unknown): x is Json => x !== null && typeof x === 'object' && !Array.isArray(x);

export const stateTitle = (def: WorkflowDefinition | undefined, id: string, locale: Locale): string =>
  pick(def?.states.find((s) => s.id === id)?.title, locale) ?? id;
export const roleTitle = (def: WorkflowDefinition | undefined, id: string, locale: Locale): string =>
  pick(def?.roles.find((r) => r.id === id)?.title, locale) ?? id;
export const eventTitle = (def: WorkflowDefinition | undefined, event: string, locale: Locale): string =>
  pick(def?.transitions.find((t) => t.event === event)?.title, locale) ?? event;
const clockTitle = (def: WorkflowDefinition | undefined, id: string, locale: Locale): string =>
  pick(def?.clocks?.find((c) => c.id === id)?.title, locale) ?? id;

/** One value of a payload as text: vocabulary labels, yes/no, people by name, times in Shanghai. */
export function formatValue(value: unknown, schema: Json | undefined, locale: Locale): string {
  if (value === undefined || value === null || value === '') return msg(locale, 'notApplicable');
  if (typeof value === 'boolean') return msg(locale, value ? 'yes' : 'no');
  if (typeof value === 'string') {
    const labels = schema?.['x-labels'];
    if (isObject(labels) && Object.hasOwn(labels, value)) {
      const label = pick(labels[value] as Partial<Localized> | undefined, locale);
      if (label) return label;
    }
    if (schema?.['format'] === 'date-time') return formatInstant(value, locale);
    return value;
  }
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    const items = isObject(schema?.['items']) ? (schema['items'] as Json) : undefined;
    return value.map((v) => formatValue(v, items, locale)).join(msg(locale, 'listSep'));
  }
  if (isObject(value)) {
    // A person ({id, name}) reads as its name; anything else as its labelled fields.
    if (typeof value['name'] === 'string' && (value['id'] === undefined || typeof value['id'] === 'string')) {
      const { name, id } = value as { name: string; id?: string };
      if (!id) return name;
      return locale === 'en' ? `${name} (${id})` : `${name}（${id}）`;
    }
    return payloadRows(value, schema, locale)
      .map((r) => `${r.label}: ${r.value}`)
      .join(msg(locale, 'listSep'));
  }
  return String(value);
}

export interface PayloadRow {
  readonly key: string;
  readonly label: string;
  readonly value: string;
}

/** A payload as label/value rows in the order of its schema (unknown keys after, by key). */
export function payloadRows(payload: unknown, schema: Json | undefined, locale: Locale): PayloadRow[] {
  if (!isObject(payload)) return payload === undefined || payload === null ? [] : [{ key: '', label: '', value: formatValue(payload, schema, locale) }];
  const props = isObject(schema?.['properties']) ? (schema['properties'] as Json) : {};
  const keys = [...Object.keys(props).filter((k) => Object.hasOwn(payload, k)), ...Object.keys(payload).filter((k) => !Object.hasOwn(props, k))];
  return keys
    .filter((k) => k !== '__proto__')
    .map((k) => {
      const ps = isObject(props[k]) ? (props[k] as Json) : undefined;
      const label = pick(ps?.['x-label'] as Partial<Localized> | undefined, locale) ?? k;
      return { key: k, label, value: formatValue(payload[k], ps, locale) };
    });
}

export interface TimelineRow {
  readonly seq: number;
  readonly at: number;
  readonly kind: AuditEntry['kind'];
  readonly title: string;
  readonly actor: string;
  readonly roles: string;
  readonly stateText: string;
  readonly moved: boolean;
  readonly payload: readonly PayloadRow[];
  readonly effects: readonly string[];
}

function effectText(e: Effect, def: WorkflowDefinition | undefined, locale: Locale): string | undefined {
  if (e.type === 'assign') return e.handler ? msg(locale, 'assigned', { name: e.handler.name }) : undefined;
  if (e.type === 'reassign') return msg(locale, 'reassigned', { role: roleTitle(def, e.role, locale) });
  return undefined;
}

/**
 * The audit log as rows: event label, who (with role titles), the state change, what was entered
 * (labelled from the event's field schema) and what followed (notifications, handler changes).
 */
export function timelineRows(
  history: readonly AuditEntry[],
  def: WorkflowDefinition | undefined,
  locale: Locale,
  schemaOf: (event: string) => Json | undefined,
): TimelineRow[] {
  return history.map((a) => {
    let title: string;
    if (a.kind === 'start') title = msg(locale, 'started');
    else if (a.kind === 'migration') title = msg(locale, 'migrated', { from: a.note ?? '?' });
    else if (a.kind === 'timer') {
      const [kind = '', clock = ''] = a.event.split(':');
      const key = kind === 'warning' ? 'timerWarning' : kind === 'breach' ? 'timerBreach' : 'timerEscalation';
      title = msg(locale, key, { clock: clockTitle(def, clock, locale) });
    } else title = eventTitle(def, a.event, locale);
    const system = a.kind === 'timer' || a.actor.id === 'system';
    const stateText =
      a.from === null
        ? msg(locale, 'stateStart', { to: stateTitle(def, a.to, locale) })
        : a.from === a.to
          ? msg(locale, 'stateSame', { state: stateTitle(def, a.to, locale) })
          : msg(locale, 'stateChange', { from: stateTitle(def, a.from, locale), to: stateTitle(def, a.to, locale) });
    const notified = [...new Set(a.effects.flatMap((e) => (e.type === 'notify' ? [roleTitle(def, e.role, locale)] : [])))];
    const effects = [
      ...(notified.length ? [msg(locale, 'notified', { roles: notified.join(msg(locale, 'listSep')) })] : []),
      ...a.effects.flatMap((e) => effectText(e, def, locale) ?? []),
    ];
    return {
      seq: a.seq,
      at: a.at,
      kind: a.kind,
      title,
      actor: system ? msg(locale, 'system') : a.actor.name,
      // Role titles, never codes: roles the definition does not declare (a host's own codes) are left out.
      roles: system ? '' : a.actor.roles.filter((r) => !def || def.roles.some((x) => x.id === r)).map((r) => roleTitle(def, r, locale)).join(msg(locale, 'listSep')),
      stateText,
      moved: a.from !== a.to,
      payload: a.kind === 'transition' ? payloadRows(a.payload, schemaOf(a.event), locale) : [],
      effects,
    };
  });
}
