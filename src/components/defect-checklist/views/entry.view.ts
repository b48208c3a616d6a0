import { html, nothing, type TemplateResult } from 'lit';
import { defectVocabLabel as vocabLabel, defectVocabOptions as vocabOptions } from '../../../core/defects/vocab.js';
import type { EntryViewModel } from '../../../core/defects/views.js';
import type { CommonProblem, DefectSeverity, HouseLocation, Trade } from '../../../core/defects/types.js';
import { valueOf, type ViewContext } from './view-context.js';
import { vt } from '../defect-checklist.view-messages.js';

/** The batch-entry view (集中录入): what it shows and what it calls back. */
export interface EntryViewProps {
  readonly model: EntryViewModel;
  readonly location: HouseLocation;
  readonly trade: Trade;
  /** The common problems are still being checked (a host's configuration): no "none" notice yet. */
  readonly configPending: boolean;
  readonly draftShown: boolean;
  readonly draftText: string;
  readonly errors: readonly string[];
  readonly count: number;
  readonly entryComplete: boolean;
  /** The photo controls (the upload queue's), when the host gave an uploader. */
  readonly photos: TemplateResult | typeof nothing;
  onLocation(v: HouseLocation): void;
  onTrade(v: Trade): void;
  onSeverity(v: DefectSeverity): void;
  onProblem(p: CommonProblem): void;
  onSubmit(e: Event): void;
  onKey(e: KeyboardEvent): void;
  onInput(): void;
  onDiscardDraft(): void;
  onComplete(): void;
}

export function renderEntryView(c: ViewContext, p: EntryViewProps): TemplateResult {
  const l = c.locale;
  const m = p.model;
  return html`<form part="entry" @submit=${p.onSubmit} aria-labelledby="entry-heading">
    <h3 id="entry-heading">${vt(c, `entry.heading.${c.mode}`)}</h3>
    <div class="row">
      <label>${c.field('location')}
        <select name="location" @change=${(e: Event) => p.onLocation(valueOf(e) as HouseLocation)}>
          ${vocabOptions('houseLocation', l).map((o) => html`<option value=${o.value} ?selected=${o.value === p.location}>${o.label}</option>`)}
        </select>
      </label>
      <label>${c.field('trade')}
        <select name="trade" @change=${(e: Event) => p.onTrade(valueOf(e) as Trade)}>
          ${vocabOptions('trade', l).map((o) => html`<option value=${o.value} ?selected=${o.value === p.trade}>${o.label}</option>`)}
        </select>
      </label>
      <label>${c.field('severity')}
        <select name="severity" @change=${(e: Event) => p.onSeverity(valueOf(e) as DefectSeverity)}>
          ${vocabOptions('defectSeverity', l).map((o) => html`<option value=${o.value} ?selected=${o.value === m.severity}>${o.label}</option>`)}
        </select>
      </label>
    </div>
    <fieldset class="chips" aria-busy=${p.configPending ? 'true' : 'false'}>
      <legend>${vt(c, 'entry.common')}</legend>
      ${m.problems.length
        ? m.problems.map((x) => html`<button type="button" part="chip" data-problem=${x.id} @click=${() => p.onProblem(x)}>${x.label[l]}</button>`)
        : p.configPending
          ? nothing
          : html`<p class="muted">${vt(c, 'entry.commonNone')}</p>`}
    </fieldset>
    <label for="entry-text">${vt(c, 'entry.text')}</label>
    ${p.draftShown
      ? html`<div part="draft-notice" class="draft-notice">
          <span>${c.t('entry.draftRestored')}</span>
          <button type="button" @click=${p.onDiscardDraft}>${vt(c, 'entry.draftDiscard')}</button>
        </div>`
      : nothing}
    <textarea id="entry-text" name="text" rows="3" aria-describedby="entry-hint entry-errors" .value=${p.draftText} @keydown=${p.onKey} @input=${p.onInput}></textarea>
    <p id="entry-hint" class="muted">${vt(c, 'entry.hint')}</p>
    <div id="entry-errors">${p.errors.map((e) => html`<p class="error">${e}</p>`)}</div>
    ${p.photos}
    <div class="actions">
      <button type="submit" class="primary">${vt(c, 'entry.add')}</button>
      ${p.entryComplete ? html`<button type="button" part="entry-complete" @click=${p.onComplete}>${vt(c, 'entry.complete', { count: p.count })}</button>` : nothing}
    </div>
    ${m.recent.length
      ? html`<h4>${vt(c, 'entry.recent')}</h4>
          <ol class="recent">${m.recent.map((d) => html`<li>${vocabLabel('houseLocation', d.location, l)} · ${vocabLabel('trade', d.trade, l)} · ${d.description}</li>`)}</ol>`
      : nothing}
  </form>`;
}
