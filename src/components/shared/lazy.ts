import type { CSSResult, ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A module loaded on first use and shared by every element on the page. `value` is there once it
 * has loaded; `load()` starts (or joins) the import; a failed import may be tried again.
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

type LazyHost = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * Parts of an element loaded on demand (views, rules, catalogues): what an element's entry and
 * `define.js` hold up front stays the class shell.
 *
 * `need(lazy)` returns the module when it is there, or `undefined` while it loads (the host
 * re-renders when it arrives); a module's exported `styles` are adopted into the host's shadow
 * root once. `failed` is set when an import fails; nothing is imported again until `retry()`
 * clears it. Hosts make their
 * `updateComplete` wait for what they show with `settled()`:
 *
 * ```ts
 * protected override async getUpdateComplete() {
 *   return this.lazy.settled(() => super.getUpdateComplete());
 * }
 * ```
 */
export class LazyController implements ReactiveController {
  /** An import failed: render a retry in place of the part. */
  failed = false;
  private readonly loading = new Set<Promise<unknown>>();
  private readonly adopted = new Set<unknown>();

  constructor(private readonly host: LazyHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The module, or `undefined` while it loads (the host updates once it has). */
  need<T>(lazy: Lazy<T>): T | undefined {
    if (lazy.value) {
      this.adopt(lazy.value);
      return lazy.value;
    }
    // After a failure nothing is imported again until `retry()`: a render must not start a
    // request (and another failure, and another render) of its own.
    if (!this.failed) this.track(lazy.load());
    return undefined;
  }

  /** Starts loading without asking for a render (e.g. on hover or idle). */
  prefetch(lazy: Lazy<unknown>): void {
    if (!lazy.value) lazy.load().catch(() => {});
  }

  /** Whether something is still loading. */
  get pending(): boolean {
    return this.loading.size > 0;
  }

  /** Clears a failure and renders again (which asks for the modules again). */
  retry(): void {
    this.failed = false;
    this.host.requestUpdate();
  }

  /** Resolves once `update()` (the host's own updateComplete) is done and nothing it asked for is still loading. */
  async settled(update: () => Promise<boolean>): Promise<boolean> {
    let done = await update();
    while (this.loading.size) {
      await Promise.allSettled([...this.loading]);
      done = await update();
    }
    return done;
  }

  /** Follows a promise: the host updates when it settles; a rejection sets `failed`. */
  track(p: Promise<unknown>): void {
    if (this.loading.has(p)) return;
    this.loading.add(p);
    p.then(
      () => {
        this.loading.delete(p);
        this.host.requestUpdate();
      },
      () => {
        this.loading.delete(p);
        this.failed = true;
        this.host.requestUpdate();
      },
    );
  }

  /** Adds the styles a module loaded on demand brings (`styles`) to the host's shadow root, once. */
  adopt(mod: unknown): void {
    const sheets = (mod as { styles?: readonly CSSResult[] }).styles;
    const root = this.host.renderRoot;
    if (!sheets || this.adopted.has(mod) || !(root instanceof ShadowRoot)) return;
    this.adopted.add(mod);
    for (const sheet of sheets) {
      if (sheet.styleSheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet.styleSheet];
      else {
        // No constructable stylesheets: the same fallback Lit itself uses.
        const el = document.createElement('style');
        el.textContent = sheet.cssText;
        root.append(el);
      }
    }
  }
}
