import type { FormField } from '../../core/form/types.js';
import type { UiField } from '../../core/form/ui.js';

/**
 * Ranks how well an element renders a field: -1 = cannot, higher wins. Adding a widget is one
 * tester plus one element: `registerWidget({ tag: 'my-map-field', rank: (f) => f.format === 'geo' ? 50 : -1 })`.
 */
export interface WidgetTester {
  readonly tag: string;
  readonly rank: (field: FormField, ui: UiField | undefined) => number;
}

/** UI schema `widget` names → element tags. */
export const WIDGET_TAGS: Readonly<Record<string, string>> = {
  text: 'wy-text-field',
  textarea: 'wy-textarea-field',
  number: 'wy-number-field',
  select: 'wy-select-field',
  radio: 'wy-radio-field',
  checkbox: 'wy-checkbox-field',
  multiselect: 'wy-multi-select-field',
  date: 'wy-date-field',
  datetime: 'wy-datetime-field',
  phone: 'wy-phone-field',
  array: 'wy-array-field',
  object: 'wy-object-field',
  file: 'wy-file-field',
};

const isAttachmentList = (f: FormField) =>
  f.type === 'array' && f.item?.type === 'object' && ['id', 'name'].every((k) => f.item!.children?.some((c) => c.key === k));

const testers: WidgetTester[] = [
  { tag: 'wy-object-field', rank: (f) => (f.type === 'object' ? 10 : -1) },
  { tag: 'wy-array-field', rank: (f) => (f.type === 'array' && !f.multiple ? 5 : -1) },
  { tag: 'wy-file-field', rank: (f) => (isAttachmentList(f) ? 20 : -1) },
  { tag: 'wy-multi-select-field', rank: (f) => (f.type === 'array' && f.multiple ? 10 : -1) },
  { tag: 'wy-checkbox-field', rank: (f) => (f.type === 'boolean' ? 10 : -1) },
  { tag: 'wy-select-field', rank: (f) => (f.options && f.type !== 'array' ? 5 : -1) },
  { tag: 'wy-radio-field', rank: (f) => (f.options && f.type !== 'array' && f.options.length <= 3 ? 6 : -1) },
  { tag: 'wy-number-field', rank: (f) => ((f.type === 'number' || f.type === 'integer') && !f.options ? 5 : -1) },
  { tag: 'wy-date-field', rank: (f) => (f.type === 'string' && f.format === 'date' ? 8 : -1) },
  { tag: 'wy-datetime-field', rank: (f) => (f.type === 'string' && f.format === 'date-time' ? 8 : -1) },
  { tag: 'wy-textarea-field', rank: (f) => (f.type === 'string' && !f.options && (f.schema.maxLength ?? 0) > 200 ? 4 : -1) },
  { tag: 'wy-phone-field', rank: (f) => (f.type === 'string' && !f.options && /(^|[-_])?(phone|mobile|tel)$/i.test(f.key) ? 6 : -1) },
  { tag: 'wy-text-field', rank: (f) => (f.type === 'string' || f.type === 'null' ? 1 : -1) },
];

/** Adds a widget; later registrations win ties. */
export function registerWidget(tester: WidgetTester): void {
  testers.push(tester);
}

/** The tag that renders `field`: the UI schema's explicit widget, else the best-ranked tester. */
export function pickWidget(field: FormField, ui: UiField | undefined): string {
  // An explicit widget wins, except a choice widget for a field with nothing to choose from
  // (a UI schema asking for a select while the host has not supplied the options yet).
  const choice = ui?.widget === 'select' || ui?.widget === 'radio' || ui?.widget === 'multiselect';
  if (ui?.widget && WIDGET_TAGS[ui.widget] && !(choice && !field.options?.length)) return WIDGET_TAGS[ui.widget]!;
  let best = 'wy-text-field';
  let bestRank = -1;
  for (const t of testers) {
    const r = t.rank(field, ui);
    if (r >= bestRank && r >= 0) {
      best = t.tag;
      bestRank = r;
    }
  }
  return best;
}

const lazy = new Map<string, () => Promise<unknown>>();
const loading = new Map<string, Promise<unknown>>();

/**
 * A widget whose element is defined on first use (its module loaded then): object, array and
 * attachment fields, so a flat form does not download them. `load` must define the tag.
 */
export function registerLazyWidget(tag: string, load: () => Promise<unknown>): void {
  lazy.set(tag, load);
}

/** Starts loading `tag`'s element if it is lazy and not defined yet; the promise settles when it is. */
export function ensureWidget(tag: string): Promise<unknown> | undefined {
  // Asked once per field drawn: a lazy tag not yet defined is the only case with work to do.
  const load = lazy.get(tag);
  if (!load || customElements.get(tag)) return undefined;
  let p = loading.get(tag);
  if (!p) loading.set(tag, (p = load()));
  return p;
}
