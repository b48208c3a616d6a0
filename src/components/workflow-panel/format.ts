// The panel's own wording of the view model (src/workflow/panel-view.ts): durations, instants in
// Asia/Shanghai, values entered with an event, what an audit line says. No DOM; every string is
// returned as text, never as markup.
import { pick, type Locale, type Localized } from '../../core/i18n/locale.js';
import type { AuditEffectView, AuditLineView } from '../../workflow/panel-view.js';
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
    const props = isObject(schema?.['properties']) ? (schema['properties'] as Json) : {};
    return Object.keys(value)
      .filter((k) => k !== '__proto__')
      .map((k) => {
        const ps = isObject(props[k]) ? (props[k] as Json) : undefined;
        return `${pick(ps?.['x-label'] as Partial<Localized> | undefined, locale) ?? k}: ${formatValue(value[k], ps, locale)}`;
      })
      .join(msg(locale, 'listSep'));
  }
  return String(value);
}

/** What an audit line records, in words. */
export function lineTitle(line: AuditLineView, locale: Locale): string {
  const w = line.what;
  if (w.kind === 'start') return msg(locale, 'started');
  if (w.kind === 'migration') return msg(locale, 'migrated', { from: w.from });
  if (w.kind === 'timer') return msg(locale, w.timer === 'warning' ? 'timerWarning' : w.timer === 'breach' ? 'timerBreach' : 'timerEscalation', { clock: w.clock });
  return w.title;
}

/** The state change of an audit line, in words. */
export function lineState(line: AuditLineView, locale: Locale): string {
  if (line.from === null) return msg(locale, 'stateStart', { to: line.to });
  return line.moved ? msg(locale, 'stateChange', { from: line.from, to: line.to }) : msg(locale, 'stateSame', { state: line.to });
}

/** What followed an event (notifications, handler changes), in words. */
export function effectText(e: AuditEffectView, locale: Locale): string {
  if (e.type === 'notify') return msg(locale, 'notified', { roles: e.roles.join(msg(locale, 'listSep')) });
  if (e.type === 'assign') return msg(locale, 'assigned', { name: e.name });
  return msg(locale, 'reassigned', { role: e.role });
}
