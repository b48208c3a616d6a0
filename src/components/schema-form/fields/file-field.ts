import { html, nothing, css, type CSSResultGroup, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { WyFieldBase } from './field-base.js';
import { fieldStyles } from './field.styles.js';
import { msg } from '../messages.js';
import type { Uploader } from '../form-host.js';
import { safeUrl } from '../../shared/safe-url.js';

/** What an attachment value holds: a reference to the stored file, never its bytes. */
export interface AttachmentRef {
  readonly id: string;
  readonly name: string;
  readonly type?: string;
  readonly size?: number;
  readonly url?: string;
}

/**
 * @tag wy-file-field
 * @summary Attachments: pick files (camera on phones), upload each through the host's adapter,
 * keep only references ({ id, name, type, size, url }) in the value.
 * @fires input - When an attachment is added or removed.
 * @fires change - When an attachment is added or removed.
 * @csspart field - The wrapper.
 * @csspart control - The file input's label button.
 * @csspart file-list - The attachments.
 * @csspart field-error - An upload or validation error.
 */
export class WyFileField extends WyFieldBase {
  static override styles: CSSResultGroup = [
    ...fieldStyles,
    css`
      .files {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--_wy-space-xs);
      }
      .files li {
        display: flex;
        gap: var(--_wy-space-s);
        align-items: center;
      }
      .files img {
        width: 3rem;
        height: 3rem;
        object-fit: cover;
        border-radius: var(--_wy-radius);
      }
      .pick {
        display: inline-flex;
        align-items: center;
        gap: 0.25rem;
        border: 1px dashed var(--_wy-border);
        border-radius: var(--_wy-radius);
        padding: 0.375rem 0.75rem;
        cursor: pointer;
        width: fit-content;
      }
      .pick:focus-within {
        outline: 2px solid var(--_wy-focus);
      }
      input[type='file'] {
        position: absolute;
        opacity: 0;
        width: 1px;
        height: 1px;
      }
    `,
  ];

  /** Accepted types for the picker (`image/*`…). */
  @property() accept = '';
  /** Upload adapter; falls back to the enclosing form's `uploader`. */
  @property({ attribute: false }) uploader?: Uploader;
  @property({ type: Number, attribute: 'max-items' }) maxItems = 20;
  @state() private uploading: string[] = [];
  @state() private uploadError = '';
  private readonly abort = new AbortController();

  private get files(): AttachmentRef[] {
    return Array.isArray(this.value) ? (this.value as AttachmentRef[]) : [];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort.abort();
  }

  protected override displayValue(): string {
    return this.files.length ? this.files.map((f) => f.name).join('、') : msg(this.lang_, 'empty');
  }

  protected renderControl(): TemplateResult {
    const l = this.lang_;
    const upload = this.uploader ?? this.host?.uploader;
    return html`
      ${this.files.length
        ? html`<ul class="files" part="file-list">
            ${this.files.map(
              (f, i) => html`<li>
                ${f.url && (f.type ?? '').startsWith('image/') ? html`<img src=${safeUrl(f.url)} alt="" />` : nothing}
                ${f.url ? html`<a href=${safeUrl(f.url)} target="_blank" rel="noopener noreferrer">${f.name}</a>` : html`<span>${f.name}</span>`}
                <button type="button" ?disabled=${this.isDisabled} @click=${() => this.removeAt(i)}>${msg(l, 'remove')}<span class="visually-hidden"> ${f.name}</span></button>
              </li>`,
            )}
          </ul>`
        : nothing}
      ${this.uploading.map((name) => html`<div role="status">${msg(l, 'uploading', { name })}</div>`)}
      ${upload
        ? html`<label class="pick" part="control"
            ><input
              id=${this.ids.control}
              type="file"
              multiple
              accept=${this.accept || nothing}
              capture=${this.accept.startsWith('image/') ? 'environment' : nothing}
              ?disabled=${this.isDisabled || this.files.length >= this.maxItems}
              aria-invalid=${this.error || this.uploadError ? 'true' : 'false'}
              aria-describedby=${this.describedBy() || nothing}
              @change=${this.onPick}
            />＋ ${msg(l, 'attach')}</label
          >`
        : html`<div part="field-help">${msg(l, 'noUploader')}</div>`}
      ${this.uploadError ? html`<div part="field-error" role="alert">${this.uploadError}</div>` : nothing}
    `;
  }

  private removeAt(i: number): void {
    const next = this.files.filter((_, j) => j !== i);
    this.setValue(next);
  }

  private setValue(next: AttachmentRef[]): void {
    this.host?.commit(this.path, next.length ? next : undefined);
    this.setFromUser(next.length ? next : undefined, true);
  }

  private async onPick(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const picked = [...(input.files ?? [])].slice(0, Math.max(0, this.maxItems - this.files.length));
    input.value = '';
    const upload = this.uploader ?? this.host?.uploader;
    if (!upload || !picked.length) return;
    this.uploadError = '';
    for (const file of picked) {
      this.uploading = [...this.uploading, file.name];
      try {
        const ref = await upload(file, { signal: this.abort.signal });
        const att: AttachmentRef = { id: ref.id, name: file.name, type: file.type || undefined, size: file.size, ...(ref.url ? { url: ref.url } : {}) } as AttachmentRef;
        this.setValue([...this.files, JSON.parse(JSON.stringify(att)) as AttachmentRef]);
      } catch (err) {
        this.uploadError = msg(this.lang_, 'uploadFailed', { name: file.name, reason: err instanceof Error ? err.message : String(err) });
      } finally {
        this.uploading = this.uploading.filter((n) => n !== file.name);
      }
    }
  }
}
