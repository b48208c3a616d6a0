import { nothing, type TemplateResult } from 'lit';
import { defectStatus } from '../../../generated/vocab/defect-status.js';
import { listLabel } from '../../../core/i18n/vocab-list.js';
import { applyAction, checkAction } from '../../../core/defects/transitions.js';
import { defectReason } from '../../../core/defects/messages.js';
import { isoShanghai } from '../../../core/kernel/time.js';
import type { DefectAction } from '../../../core/defects/types.js';
import { WyDefectCloseEvent } from '../defect-checklist.events.js';
import type { ChecklistHost } from '../checklist-host.js';
import type { ViewContext } from '../views/view-context.js';
import { lazyModules } from './lazy.js';

/** Actions that ask for a note (required or optional) before they are applied. */
const NOTE_ACTIONS: ReadonlySet<DefectAction> = new Set(['pass', 'reject', 'dispute', 'settle', 'reopen']);

/**
 * Status changes (整改、复验、关闭…): an action from a row, the note asked first for the actions
 * that take one (the note dialog, loaded on demand), the change itself checked by
 * `applyAction` for the current actor (refusals announced with their reason), `wy-defect-close`
 * when a defect closes, and focus back on the same defect (or the row that took its place).
 */
export class StatusChanges {
  /** The note dialog open for a defect and an action. */
  private dialog?: { id: string; action: DefectAction; error?: string };
  private returnFocus?: { id: string; index: number };

  constructor(private readonly host: ChecklistHost) {}

  private set(dialog: StatusChanges['dialog']): void {
    this.dialog = dialog;
    this.host.requestUpdate();
  }

  /** An action pressed in a row. */
  onAction(id: string, action: DefectAction): void {
    if (NOTE_ACTIONS.has(action)) {
      this.returnFocus = undefined;
      this.set({ id, action });
      return;
    }
    this.perform(id, action);
  }

  /** Applies a status change as the current actor; returns false (and says why) when refused. */
  perform(id: string, action: DefectAction, note?: string): boolean {
    const h = this.host;
    if (h.readonly) return false;
    const index = h.items.findIndex((d) => d.id === id);
    const item = h.items[index];
    if (!item) return false;
    const r = applyAction(item, action, h.actor, { now: isoShanghai(h.nowMs), mode: h.mode, ...(note !== undefined ? { note } : {}) });
    if (!r.ok) {
      h.say(h.t('action.denied', { reason: defectReason(r.reason, h.locale) }));
      return false;
    }
    const items = [...h.items];
    items[index] = r.item;
    h.say(h.t('list.actionDone', { id, action: listLabel(defectStatus, r.item.status, h.locale) }));
    this.returnFocus = { id, index: h.rowIndex(id) };
    h.publish(items);
    if (r.item.status === 'closed') h.fire(new WyDefectCloseEvent(r.item), 'wy-item-close');
    return true;
  }

  /** The note dialog (nothing before the first note is asked for). */
  renderDialog(c: ViewContext): TemplateResult | typeof nothing {
    const h = this.host;
    const dlg = this.dialog;
    const view = dlg ? h.need(lazyModules.dialog) : lazyModules.dialog.value;
    if (!view) return nothing;
    if (!dlg) return view.renderNoteDialog(c, undefined);
    const item = h.items.find((d) => d.id === dlg.id);
    const check = item ? checkAction(item, dlg.action, h.actor, { mode: h.mode }) : undefined;
    return view.renderNoteDialog(c, {
      id: dlg.id,
      action: dlg.action,
      item,
      required: check?.transition?.note === 'required',
      error: dlg.error,
      onSubmit: (e) => this.onSubmit(e),
      onCancel: () => this.close(),
      onClose: (e) => {
        if (e.type === 'cancel') e.preventDefault();
        if (this.dialog) this.close();
      },
    });
  }

  private onSubmit(e: Event): void {
    e.preventDefault();
    const h = this.host;
    const dlg = this.dialog;
    if (!dlg) return;
    const area = h.renderRoot.querySelector<HTMLTextAreaElement>('#dialog-note');
    const note = area?.value ?? '';
    const item = h.items.find((d) => d.id === dlg.id);
    const check = item && checkAction(item, dlg.action, h.actor, { mode: h.mode });
    if (check?.transition?.note === 'required' && !note.trim()) {
      this.set({ ...dlg, error: defectReason('note-required', h.locale) });
      area?.focus();
      return;
    }
    this.set(undefined);
    if (!this.perform(dlg.id, dlg.action, note)) this.returnFocus = { id: dlg.id, index: h.rowIndex(dlg.id) };
  }

  private close(): void {
    const dlg = this.dialog;
    this.set(undefined);
    if (dlg) this.returnFocus = { id: dlg.id, index: this.host.rowIndex(dlg.id) };
  }

  /**
   * After each update: opens or closes the dialog as the state says, and hands focus back to
   * the defect changed (`restore`, the list's) — `fallback` when it is no longer listed.
   */
  updated(restore: ((want: { id: string; index: number }) => void) | undefined): void {
    const d = this.host.renderRoot.querySelector('dialog');
    if (d) {
      if (this.dialog && !d.open) {
        d.showModal();
        d.querySelector('textarea')?.focus();
      } else if (!this.dialog && d.open) d.close();
    }
    if (this.returnFocus) {
      restore?.(this.returnFocus);
      this.returnFocus = undefined;
    }
  }
}
