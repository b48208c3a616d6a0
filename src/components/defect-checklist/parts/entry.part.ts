import { html, nothing, type TemplateResult } from 'lit';
import { createDefect, draftFromProblem, MAX_DESCRIPTION, parseBatch, type DefectDraft } from '../../../core/defects/batch.js';
import { defaultDue } from '../../../core/defects/time.js';
import { entryView } from '../../../core/defects/views.js';
import { isoShanghai } from '../../../core/kernel/time.js';
import type { CommonProblem, DefectSeverity, HouseLocation, Trade } from '../../../core/defects/types.js';
import { WyEntryCompleteEvent } from '../defect-checklist.events.js';
import type { ChecklistHost } from '../checklist-host.js';
import type { UploadQueue } from '../controllers/upload-queue.js';
import { lazyModules } from '../controllers/lazy.js';
import { renderEntryView } from '../views/entry.view.js';
import { entryStyles } from '../views/entry.styles.js';
import type { ViewContext } from '../views/view-context.js';
import { vt } from '../defect-checklist.view-messages.js';

/**
 * Batch entry (集中录入): the location, trade and severity chosen for the batch, lines typed
 * (Enter adds them; lines too long stay in the box, so nothing typed is lost) or one tap on a
 * common problem, the defects made with their default due dates (Asia/Shanghai), the ids added
 * last, and the photo queue wired in (loaded on demand when the host gives an `uploader`).
 */
export class EntryPart {
  location: HouseLocation = 'living-room';
  trade: Trade = 'civil';
  severity?: DefectSeverity;
  private errors: string[] = [];
  private recent: string[] = [];
  private uploads?: UploadQueue;
  private seq = 0;

  constructor(private readonly host: ChecklistHost) {}

  private get area(): HTMLTextAreaElement | null {
    return this.host.renderRoot.querySelector<HTMLTextAreaElement>('#entry-text');
  }

  private change(apply: () => void): void {
    apply();
    this.host.requestUpdate();
  }

  /** The photo controls: the upload queue's, once loaded (only with an `uploader`). */
  private photos(): TemplateResult | typeof nothing {
    const h = this.host;
    if (!h.uploader) return nothing;
    if (!this.uploads) {
      const mod = h.need(lazyModules.uploads);
      if (mod) this.uploads = new mod.UploadQueue(h);
    }
    return this.uploads?.render() ?? h.pending();
  }

  render(c: ViewContext): TemplateResult {
    const h = this.host;
    if (!h.house) return html`<p>${vt(h, 'entry.noHouse')}</p>`;
    return renderEntryView(c, {
      model: entryView(h.items, h.config, { location: this.location, trade: this.trade, severity: this.severity, recent: this.recent }),
      location: this.location,
      trade: this.trade,
      configPending: h.configPending,
      draftShown: h.draft.shown,
      draftText: h.draft.text,
      errors: this.errors,
      count: h.items.length,
      entryComplete: h.entryComplete,
      photos: this.photos(),
      onLocation: (v) => this.change(() => (this.location = v)),
      onTrade: (v) => this.change(() => (this.trade = v)),
      onSeverity: (v) => this.change(() => (this.severity = v)),
      onProblem: (p) => this.addProblem(p),
      onSubmit: (e) => {
        e.preventDefault();
        this.addFromText();
      },
      onKey: (e) => {
        if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
          e.preventDefault();
          this.addFromText();
        }
      },
      onInput: h.draft.save,
      onDiscardDraft: () => this.discardDraft(),
      onComplete: () => h.fire(new WyEntryCompleteEvent(h.items.length)),
    });
  }

  private discardDraft(): void {
    const area = this.area;
    if (area) area.value = '';
    this.host.draft.discard();
    this.host.say(vt(this.host, 'entry.draftDiscarded'));
    area?.focus();
  }

  private addFromText(): void {
    const h = this.host;
    const area = this.area;
    if (!area) return;
    const { drafts, errors } = parseBatch(area.value, {
      location: this.location,
      trade: this.trade,
      config: h.config,
      ...(this.severity ? { severity: this.severity } : {}),
    });
    this.change(() => (this.errors = errors.map((x) => vt(h, 'entry.tooLong', { line: x.line, max: MAX_DESCRIPTION }))));
    if (!drafts.length) {
      if (!errors.length) this.change(() => (this.errors = [vt(h, 'entry.empty')]));
      area.focus();
      return;
    }
    // Keep the lines that were not added, so nothing typed is lost.
    area.value = errors.map((x) => x.text).join('\n');
    h.draft.dismiss();
    h.draft.save();
    this.add(drafts);
    area.focus();
  }

  private addProblem(p: CommonProblem): void {
    const draft = draftFromProblem(p, this.location, this.host.locale, this.host.config);
    this.add([this.severity ? { ...draft, severity: this.severity } : draft]);
  }

  private makeId(): string {
    const make = this.host.newId;
    if (make) return make();
    return `D-${Date.now().toString(36)}-${(++this.seq).toString(36)}`;
  }

  private add(drafts: readonly DefectDraft[]): void {
    const h = this.host;
    const actor = h.actor;
    const house = h.house;
    if (!h.canEnter || !actor || !house) return;
    const now = isoShanghai(h.nowMs);
    const created = drafts.map((d) => createDefect(d, { id: this.makeId(), house, actor, now, due: defaultDue(d.severity, now, h.config) }));
    const ids = created.map((d) => d.id);
    this.change(() => (this.recent = [...[...ids].reverse(), ...this.recent].slice(0, 5)));
    h.say(created.length === 1 ? vt(h, 'entry.addedOne', { text: created[0]!.description }) : vt(h, 'entry.added', { count: created.length }));
    h.publish([...h.items, ...created]);
    // Photos picked for these defects: attach them once uploaded.
    this.uploads?.attach(ids);
  }
}

/** Adopted by the element when this part is shown. */
export const styles = [entryStyles];
