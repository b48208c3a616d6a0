// The parts of <wy-deduction-calculator> that are not in its entry: each is imported on first use
// and shared by every calculator on the page (src/components/shared/lazy.ts). The element's
// LazyController asks for them and its `updateComplete` waits for what it shows.
import { Lazy } from '../shared/lazy.js';

export const parts = {
  /** The deduction engine, the rule-set check (with its schema validator) and the views of a result: on the first update. */
  report: new Lazy(() => import('./deduction-calculator.report.js')),
  /** The shipped example rule set: only when neither `rules` nor a pasted rule set is given. */
  defaults: new Lazy(() => import('../../core/deductions/default-rules.js')),
  /** The what-if panel's template: when a user first opens it. */
  whatIf: new Lazy(() => import('./views/what-if.js')),
  /** The paste-a-rule-set panel's template: when a user first opens it. */
  editor: new Lazy(() => import('./views/editor.js')),
  /** `<wy-error-summary>`: with the editor, or with the first unusable `rules`. */
  errorSummary: new Lazy(() => import('../error-summary/error-summary.js')),
  /** The CSV tables and the download: fetched after the first result; `updateComplete` waits for it so `toCsv()` answers synchronously. */
  csv: new Lazy(() => import('./controllers/csv.js')),
};

export type DeductionParts = typeof parts;
