import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DEFAULT_DRAFT_MAX_AGE_DAYS, isDraftExpired, localStorageDrafts, type Draft } from '../../schema-form/drafts.js';

/**
 * Keeps the batch-entry text not yet added (localStorage, `<draftKey>:entry`): saved on input
 * and when the page goes away (`pagehide`, `visibilitychange`, leaving the page), restored once
 * with a notice (`shown`), dropped when older than `maxAgeDays` or discarded.
 */
export class EntryDraftController implements ReactiveController {
  /** The restored text was put back and the notice is showing. */
  shown = false;
  /** The text the entry box holds (restored or last saved). */
  text = '';
  key?: string | undefined;
  maxAgeDays = DEFAULT_DRAFT_MAX_AGE_DAYS;
  private loaded = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Reads what the entry box holds now (undefined when it is not on screen). */
    private readonly read: () => string | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('pagehide', this.save);
    document.addEventListener('visibilitychange', this.save);
  }

  hostDisconnected(): void {
    this.save();
    window.removeEventListener('pagehide', this.save);
    document.removeEventListener('visibilitychange', this.save);
  }

  /** Restores the draft once (for the first key set); true when one was restored. */
  load(): boolean {
    if (this.loaded || !this.key) return false;
    this.loaded = true;
    const key = `${this.key}:entry`;
    const d = localStorageDrafts.load(key) as Draft | undefined; // localStorage answers synchronously
    if (!d || typeof d.value !== 'string') return false;
    if (isDraftExpired(d, this.maxAgeDays)) {
      localStorageDrafts.clear(key);
      return false;
    }
    this.text = d.value;
    this.shown = true;
    this.host.requestUpdate();
    return true;
  }

  /** Writes what the entry box holds (or forgets the draft when it is empty). */
  readonly save = (): void => {
    if (!this.key) return;
    const value = this.read();
    if (value === undefined) return;
    this.text = value;
    const key = `${this.key}:entry`;
    if (value.trim()) localStorageDrafts.save(key, { schemaId: 'wy-defect-checklist:entry', savedAt: new Date().toISOString(), value });
    else localStorageDrafts.clear(key);
  };

  /** Hides the notice (the text was added or changed on purpose). */
  dismiss(): void {
    this.shown = false;
    this.host.requestUpdate();
  }

  /** Drops the restored text and the stored draft. */
  discard(): void {
    this.text = '';
    this.shown = false;
    if (this.key) localStorageDrafts.clear(`${this.key}:entry`);
    this.host.requestUpdate();
  }
}
