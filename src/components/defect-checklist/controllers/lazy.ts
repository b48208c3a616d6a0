import { Lazy } from '../../shared/lazy.js';

/**
 * What the checklist loads on demand: every view with its behaviour, styles and messages (the
 * element's entry holds the shell — header, counts, tabs — and what answers synchronously:
 * `perform()`, `toCsv()`), the rules and data only some pages need.
 */
export const lazyModules = {
  entry: new Lazy(() => import('../parts/entry.part.js')),
  list: new Lazy(() => import('./list.js')),
  summary: new Lazy(() => import('../parts/summary.part.js')),
  print: new Lazy(() => import('../parts/print.part.js')),
  dialog: new Lazy(() => import('../views/note-dialog.view.js')),
  decision: new Lazy(() => import('../views/owner-decision.view.js')),
  uploads: new Lazy(() => import('./upload-queue.js')),
  config: new Lazy(() => import('./config-check.js')),
  shipped: new Lazy(() => import('../../../generated/data/common-problems.js')),
};
export type LazyName = keyof typeof lazyModules;
