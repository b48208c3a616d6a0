// <wy-schema-form>'s drafts: the value saved as you type (debounced, written at once when the
// page goes away or out of sight), restored on load when it belongs to the same schema and is
// not too old, and forgotten on request.
import type { ReactiveController } from 'lit';
import { sanitize } from '../../core/form/pointer.js';
import { isDraftExpired, type DraftStore } from './drafts.js';

const DRAFT_DEBOUNCE_MS = 400;

/** The form's public properties the controller reads (the form adds the controller). */
export interface DraftHost {
  requestUpdate(): void;
  readonly draftKey?: string | undefined;
  readonly draftStore: DraftStore;
  readonly draftMaxAgeDays: number;
  /** Its `$id` ('' when none): a draft restores only into the same schema. */
  readonly schema?: { readonly $id?: string } | undefined;
}

/** The form's inside, for the controller. */
export interface DraftTarget {
  /** The value to save; undefined while no form is built. */
  value(): unknown;
  /** Shows a restored draft's value (sanitized). */
  restore(value: unknown): void;
}

export class DraftController implements ReactiveController {
  /** True while a restored draft is shown (the notice with its discard button is on screen). */
  shown = false;
  /** A restore was tried for this element (once). */
  tried = false;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: DraftHost,
    private readonly target: DraftTarget,
  ) {}

  private get schemaId(): string {
    return this.host.schema?.$id ?? '';
  }

  hostConnected(): void {
    window.addEventListener('pagehide', this.flush);
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  hostDisconnected(): void {
    window.removeEventListener('pagehide', this.flush);
    document.removeEventListener('visibilitychange', this.onVisibility);
    // Do not lose the last keystrokes when the element goes away.
    this.flush();
  }

  /** The value changed: save it after a pause in typing. */
  schedule(): void {
    if (!this.host.draftKey) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.save(), DRAFT_DEBOUNCE_MS);
  }

  /** Writes a pending draft now. */
  readonly flush = (): void => {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.save();
  };

  private readonly onVisibility = (): void => {
    if (document.visibilityState === 'hidden') this.flush();
  };

  private save(): void {
    this.timer = undefined;
    const key = this.host.draftKey;
    const value = this.target.value();
    if (!key || value === undefined) return;
    void this.host.draftStore.save(key, { schemaId: this.schemaId, savedAt: new Date().toISOString(), value });
  }

  /** Restores the saved draft, once: dropped when expired, shown when it belongs to this schema. */
  async restore(): Promise<void> {
    const key = this.host.draftKey;
    if (!key || this.target.value() === undefined) return;
    this.tried = true;
    const draft = await this.host.draftStore.load(key);
    if (draft && isDraftExpired(draft, this.host.draftMaxAgeDays)) {
      await this.host.draftStore.clear(key);
      return;
    }
    if (draft && draft.schemaId === this.schemaId && this.target.value() !== undefined) {
      this.shown = true;
      this.target.restore(sanitize(draft.value));
    }
  }

  /** Forgets the saved draft and any pending save. */
  async clear(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.shown = false;
    this.host.requestUpdate();
    const key = this.host.draftKey;
    if (key) await this.host.draftStore.clear(key);
  }
}
