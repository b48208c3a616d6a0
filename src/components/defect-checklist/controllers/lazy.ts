import { Lazy } from '../../shared/lazy.js';

/** What the checklist loads on demand (none of it is needed for the first paint of entry or list). */
export const lazyModules = {
  summary: new Lazy(() => import('../parts/summary.part.js')),
  print: new Lazy(() => import('../parts/print.part.js')),
  dialog: new Lazy(() => import('../views/note-dialog.view.js')),
  decision: new Lazy(() => import('../views/owner-decision.view.js')),
  uploads: new Lazy(() => import('./upload-queue.js')),
  config: new Lazy(() => import('./config-check.js')),
  shipped: new Lazy(() => import('../../../generated/data/common-problems.js')),
};
export type LazyName = keyof typeof lazyModules;
