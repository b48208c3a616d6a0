// View models of <wy-schema-form> as pure functions over plain data (no DOM): which errors show,
// which step holds a field, whether a layout has columns. The element maps their results to markup.
import type { ValidationError } from '../errors.js';
import type { Layout, UiSchema } from './ui.js';

/** When errors show: after a field is left (`touched`), after the first submit (`submit`), or at once (`live`). */
export type ErrorDisplay = 'touched' | 'submit' | 'live';

/** What decides whether a field's error is shown now. */
export interface ErrorShowState {
  readonly display: ErrorDisplay;
  /** A submit (or validate()) happened. */
  readonly submitted: boolean;
  readonly touched: ReadonlySet<string>;
  /** Paths with an error from the host (setErrors) or an async check: always shown. */
  readonly external: ReadonlySet<string> | ((path: string) => boolean);
}

/** Whether the error of the field at `path` is shown under the error-display policy. */
export function showsError(state: ErrorShowState, path: string): boolean {
  const external = typeof state.external === 'function' ? state.external(path) : state.external.has(path);
  return state.display === 'live' || state.submitted || (state.display === 'touched' && state.touched.has(path)) || external;
}

/** The message shown on each field: the first error of each path the policy shows. */
export function shownErrors(errors: readonly ValidationError[], shows: (path: string) => boolean): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of errors) if (!out.has(e.path) && shows(e.path)) out.set(e.path, e.message);
  return out;
}

/** Whether `path` is (inside) one of the fields a group lists. */
const listed = (fields: readonly string[], path: string): boolean => fields.some((f) => path === f || path.startsWith(`${f}/`));

/** Index of the step whose groups hold the field at `path` (-1 when none does). */
export function stepOf(layout: Layout, path: string): number {
  return layout.steps.findIndex((s) => s.groups.some((g) => listed(g.fields, path)));
}

/** Whether the field at `path` is in step `index`. */
export function inStep(layout: Layout, index: number, path: string): boolean {
  return layout.steps[index]?.groups.some((g) => listed(g.fields, path)) ?? false;
}

/**
 * Whether any group lays its fields out in columns. Only then is the form a size container (a
 * narrow form stacks the columns); a one-column form is laid out in plain block flow.
 */
export function hasColumns(ui: UiSchema, layout: Layout): boolean {
  return (ui.columns ?? 1) > 1 || layout.steps.some((s) => s.groups.some((g) => (g.columns ?? 1) > 1));
}
