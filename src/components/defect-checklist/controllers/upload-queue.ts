import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { uploadQueueStyles } from './upload-queue.styles.js';
import { attachPhoto, isPhotoFile, PHOTO_LIMITS, photoFromUpload } from '../../../core/defects/photos.js';
import type { Defect } from '../../../core/defects/types.js';
import type { Uploader } from '../../shared/uploader.js';
import type { ViewContext } from '../views/view-context.js';
import { tt } from '../defect-checklist.more-messages.js';

interface PendingPhoto {
  readonly key: number;
  readonly file: File;
  /** The preview (an object URL, revoked when the photo leaves the queue). */
  readonly url: string;
  /** The defects this photo belongs to (set once they are added). */
  targets: string[];
  failed: boolean;
  /** Aborts the upload under way (the photo was removed, or the element left the page). */
  abort?: AbortController;
}

/** What the queue needs from the checklist. */
export interface UploadQueueHost extends ReactiveControllerHost {
  readonly uploader: Uploader | undefined;
  /** The items now (the queue attaches photos to the latest array). */
  readonly items: readonly Defect[];
  /** Publishes a new array of items (`wy-change`). */
  publish(items: readonly Defect[]): void;
  say(text: string): void;
  context(): ViewContext;
}

/**
 * The photo upload queue of batch entry, loaded on demand when the host gives an `uploader`:
 * picked images wait (with a preview) for the next defects added, then go through the host's
 * uploader; only the references it returns are kept (the schema's photo limits apply), a
 * failure can be retried, and removing a photo or leaving the page aborts its upload.
 */
export class UploadQueue implements ReactiveController {
  private pending: PendingPhoto[] = [];
  private seq = 0;

  constructor(private readonly host: UploadQueueHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    for (const p of this.pending) {
      p.abort?.abort();
      URL.revokeObjectURL(p.url);
    }
    this.pending = [];
  }

  /** Photos picked from a file input (images only). */
  pick(files: Iterable<File>): void {
    const more = [...files].filter(isPhotoFile).map((file) => ({ key: ++this.seq, file, url: URL.createObjectURL(file), targets: [], failed: false }));
    this.pending = [...this.pending, ...more];
    this.host.requestUpdate();
  }

  /** Gives the photos waiting for defects to the ones just added, and uploads them. */
  attach(ids: readonly string[]): void {
    const waiting = this.pending.filter((p) => !p.targets.length);
    for (const p of waiting) p.targets = [...ids];
    for (const p of waiting) void this.upload(p);
  }

  remove(p: PendingPhoto): void {
    p.abort?.abort();
    URL.revokeObjectURL(p.url);
    this.pending = this.pending.filter((x) => x !== p);
    this.host.requestUpdate();
  }

  /** Uploads one photo through the host's uploader and adds its reference to its defects. */
  async upload(p: PendingPhoto): Promise<void> {
    const uploader = this.host.uploader;
    if (!uploader || !p.targets.length) return;
    const c = this.host.context();
    p.failed = false;
    this.host.requestUpdate();
    let answer: unknown;
    try {
      p.abort = new AbortController();
      answer = await uploader(p.file, { signal: p.abort.signal });
      if (p.abort.signal.aborted) return;
    } catch {
      if (p.abort?.signal.aborted) return;
      p.failed = true;
      this.host.say(tt(c, 'entry.photoFailed', { name: p.file.name }));
      this.host.requestUpdate();
      return;
    }
    const made = photoFromUpload(answer, p.file.name);
    if (!made.ok) {
      p.failed = true;
      this.host.say(tt(c, 'entry.photoRefused', { name: p.file.name }));
      this.host.requestUpdate();
      return;
    }
    const { items, full } = attachPhoto(this.host.items, p.targets, made.photo);
    if (full.length) this.host.say(tt(c, 'entry.photoFull', { name: p.file.name, count: full.length, max: PHOTO_LIMITS.perDefect }));
    this.host.publish(items);
    this.remove(p);
  }

  render(): TemplateResult {
    const c = this.host.context();
    const waiting = this.pending.filter((p) => !p.failed && p.targets.length).length;
    return html`<div class="photos">
      <label class="file button">
        ${tt(c, 'entry.photos')}
        <input type="file" accept="image/*" capture="environment" multiple @change=${this.onPick} />
      </label>
      <span class="muted">${tt(c, 'entry.photosHint')}</span>
      ${waiting ? html`<span class="muted">${tt(c, 'entry.uploading', { count: waiting })}</span>` : ''}
      <ul class="previews">
        ${this.pending.map(
          (p) => html`<li class=${p.failed ? 'failed' : ''}>
            <img src=${p.url} alt=${p.file.name} />
            ${p.failed
              ? html`<span class="error">${tt(c, 'entry.photoFailed', { name: p.file.name })}</span>
                  <button type="button" @click=${() => this.upload(p)}>${tt(c, 'entry.retryPhoto', { name: p.file.name })}</button>`
              : ''}
            <button type="button" aria-label=${tt(c, 'entry.removePhoto', { name: p.file.name })} @click=${() => this.remove(p)}>×</button>
          </li>`,
        )}
      </ul>
    </div>`;
  }

  private readonly onPick = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    this.pick(input.files ?? []);
    input.value = '';
  };
}

/** Adopted by the element when this module loads. */
export const styles = [uploadQueueStyles];
