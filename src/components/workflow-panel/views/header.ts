// The panel's header: title, record number, state, handler, first receiver, routing, and the
// steps the instance went through. A view over the view model (src/workflow/panel-view.ts).
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../../../core/i18n/locale.js';
import type { HeaderView, StepView } from '../../../workflow/panel-view.js';
import { msg } from '../workflow-panel.messages.js';

/** Vocabulary labels, loaded on demand with the record labels; without them a code reads as itself. */
export type VocabLabel = (name: 'routingUnit' | 'routingReason', code: string, locale: Locale) => string;

export function renderHeader(h: HeaderView, steps: readonly StepView[], l: Locale, vocabLabel: VocabLabel | undefined): TemplateResult {
  // Not <header>: inside a page it would be a second banner landmark.
  return html`<div part="header" class="header">
    <h2 class="title">${h.title}${h.document ? html` <span class="doc">${h.document}</span>` : nothing}</h2>
    <dl class="facts">
      <div><dt>${msg(l, 'instance')}</dt><dd>${h.recordNo}</dd></div>
      <div>
        <dt>${msg(l, 'state')}</dt>
        <dd><span part="state" class=${h.state.final ? 'state final' : 'state'} tabindex="-1">${h.state.title}</span></dd>
      </div>
      ${h.handler ? html`<div><dt>${msg(l, 'handler')}</dt><dd>${h.handler}</dd></div>` : nothing}
      <div><dt>${msg(l, 'firstReceiver')}</dt><dd>${h.firstReceiver}</dd></div>
      ${h.routing ? renderRouting(h.routing, l, vocabLabel) : nothing}
    </dl>
    ${steps.length > 1
      ? html`<ol part="steps" class="steps" aria-label=${msg(l, 'steps')}>
          ${steps.map((s) => html`<li class=${s.current ? 'step current' : 'step'} aria-current=${s.current ? 'step' : nothing}>${s.title}</li>`)}
        </ol>`
      : nothing}
  </div>`;
}

function renderRouting(r: NonNullable<HeaderView['routing']>, l: Locale, vocabLabel: VocabLabel | undefined): TemplateResult {
  const label = (name: 'routingUnit' | 'routingReason', code: string) => vocabLabel?.(name, code, l) ?? code;
  const why = r.reason ? label('routingReason', r.reason) : '';
  return html`<div part="routing">
    <dt>${msg(l, 'routing')}</dt>
    <dd>${label('routingUnit', r.unit)}${r.department ? ` · ${r.department}` : ''}${why ? html` <span class="why-route">${msg(l, 'routingWhy', { reason: why })}</span>` : nothing}</dd>
  </div>`;
}
