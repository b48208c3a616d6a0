// What `await form.updateComplete` waits for besides Lit's own update: a build waiting for the
// shipped vocabularies or the UI-schema validator, and field elements being defined on demand
// (with their first render).

/** Promises to settle before an element counts as updated. */
export class PendingWork {
  private readonly pending = new Set<Promise<unknown>>();
  private readonly seen = new WeakSet<Promise<unknown>>();

  /** Waits for `p`, then for `after()` (e.g. the upgraded elements' own updates); failures go to `failed`. */
  track(p: Promise<unknown>, after: () => Promise<unknown>, failed: (err: unknown) => void): void {
    if (this.seen.has(p)) return;
    this.seen.add(p);
    const done: Promise<unknown> = p
      .then(after)
      .catch(failed)
      .finally(() => this.pending.delete(done));
    this.pending.add(done);
  }

  /** `update()` (the element's own updateComplete), again until nothing is pending. */
  async settle(update: () => Promise<boolean>): Promise<boolean> {
    let result = await update();
    while (this.pending.size) {
      await Promise.all(this.pending);
      result = await update();
    }
    return result;
  }
}
