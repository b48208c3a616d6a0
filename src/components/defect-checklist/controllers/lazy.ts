/**
 * A module loaded on first use and shared by every checklist on the page. `value` is there once
 * it has loaded; `load()` starts (or joins) the import; a failed import may be tried again.
 */
export class Lazy<T> {
  value: T | undefined;
  private promise: Promise<T> | undefined;

  constructor(private readonly importer: () => Promise<T>) {}

  load(): Promise<T> {
    this.promise ??= this.importer().then(
      (m) => (this.value = m),
      (err: unknown) => {
        this.promise = undefined;
        throw err;
      },
    );
    return this.promise;
  }
}

/** What the checklist loads on demand (none of it is needed for the first paint of entry or list). */
export const lazyModules = {
  summary: new Lazy(() => import('../views/summary.view.js')),
  print: new Lazy(() => import('../views/print.view.js')),
  dialog: new Lazy(() => import('../views/note-dialog.view.js')),
  decision: new Lazy(() => import('../views/owner-decision.view.js')),
  uploads: new Lazy(() => import('./upload-queue.js')),
  config: new Lazy(() => import('./config-check.js')),
  shipped: new Lazy(() => import('../../../generated/data/common-problems.js')),
};
export type LazyName = keyof typeof lazyModules;
