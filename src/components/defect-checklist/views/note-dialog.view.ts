import { html, nothing, type TemplateResult } from 'lit';
import { dialogStyles } from './dialog.styles.js';
import { defectVocabLabel as vocabLabel } from '../../../core/defects/vocab.js';
import type { Defect, DefectAction } from '../../../core/defects/types.js';
import type { ViewContext } from './view-context.js';
import { tt } from '../defect-checklist.more-messages.js';

/** The note asked before a status change (pass, reject, dispute, settle, reopen), loaded on demand. */
export interface NoteDialogProps {
  readonly id: string;
  readonly action: DefectAction;
  readonly item: Defect | undefined;
  readonly required: boolean;
  readonly error: string | undefined;
  onSubmit(e: Event): void;
  onCancel(): void;
  onClose(e: Event): void;
}

export function renderNoteDialog(c: ViewContext, p: NoteDialogProps | undefined): TemplateResult {
  const action = p ? vocabLabel('defectAction', p.action, c.locale) : '';
  return html`<dialog part="dialog" aria-labelledby="dialog-title" @close=${(e: Event) => p?.onClose(e)} @cancel=${(e: Event) => p?.onClose(e)}>
    ${p
      ? html`<form method="dialog" @submit=${p.onSubmit} novalidate>
          <h3 id="dialog-title">${tt(c, 'dialog.title', { action, id: p.id })}</h3>
          ${p.item ? html`<p class="desc">${p.item.description}</p>` : nothing}
          <label for="dialog-note">${p.required ? tt(c, 'dialog.noteRequired') : tt(c, 'dialog.note')}</label>
          <textarea id="dialog-note" rows="3" maxlength="500" ?required=${p.required} aria-invalid=${p.error ? 'true' : 'false'} aria-describedby="dialog-error"></textarea>
          <p id="dialog-error" class="error" role="alert">${p.error ?? ''}</p>
          <div class="actions">
            <button type="button" data-dialog="cancel" @click=${p.onCancel}>${tt(c, 'dialog.cancel')}</button>
            <button type="submit" class="primary" data-dialog="confirm">${tt(c, 'dialog.confirm')}</button>
          </div>
        </form>`
      : nothing}
  </dialog>`;
}

/** Adopted by the element when this module loads. */
export const styles = [dialogStyles];
