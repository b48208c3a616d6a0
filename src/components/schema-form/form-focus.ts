// Where <wy-schema-form> moves focus: to the error summary after a failed submit, to a field
// (or the closest field holding it) from the summary or focusField(), to the first control.
import type { WyFieldBase } from './fields/field-base.js';
import type { WyErrorSummary } from '../error-summary/error-summary.component.js';

/** Focuses the error summary in `root`, if shown. */
export function focusSummary(root: ParentNode): void {
  (root.querySelector('wy-error-summary') as WyErrorSummary | null)?.focus();
}

/** Focuses the field at `path`, or the closest enclosing field registered (an array for its item), once rendered. */
export async function focusFieldAt(fields: ReadonlyMap<string, WyFieldBase>, path: string): Promise<void> {
  let el = fields.get(path);
  for (let p = path; !el && p; p = p.slice(0, p.lastIndexOf('/'))) el = fields.get(p);
  if (!el) return;
  await el.updateComplete;
  el.scrollIntoView?.({ block: 'center' });
  el.focus();
}
