// The audit timeline: an ordered list (newest first by default), each line with what happened,
// who (role titles, never codes), when (Asia/Shanghai), the state change, what was entered and
// what followed.
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Locale } from '../../../core/i18n/locale.js';
import type { AuditLineView } from '../../../workflow/panel-view.js';
import { effectText, formatInstant, formatValue, isoShanghai, lineState, lineTitle } from '../format.js';
import { msg } from '../workflow-panel.messages.js';

export { styles } from './timeline.styles.js';

function renderLine(r: AuditLineView, l: Locale): TemplateResult {
  // No `value` attribute: seq runs 1, 2, 3 … without gaps, so the list's own numbering (counting
  // down when reversed) is the seq, and Chromium renumbers a long list slowly on each `value`.
  return html`<li part="entry" class=${`entry ${r.kind}`} data-seq=${r.seq}><div class="entry-body">
    <div class="entry-head">
      <span class="entry-title">${lineTitle(r, l)}</span>
      <time datetime=${isoShanghai(r.at)}>${formatInstant(r.at, l)}</time>
    </div>
    <div class="entry-who">${r.actor ?? msg(l, 'system')}${r.roles.length ? html`<span class="roles"> · ${r.roles.join(msg(l, 'listSep'))}</span>` : nothing}</div>
    <div class=${r.moved ? 'entry-state moved' : 'entry-state'}>${lineState(r, l)}</div>
    ${r.payload.length
      ? html`<span class="visually-hidden">${msg(l, 'changed')}</span>
          <dl class="entry-data">
            ${r.payload.map((p) => html`<div><dt>${p.label}</dt><dd>${formatValue(p.value, p.schema, l)}</dd></div>`)}
          </dl>`
      : nothing}
    ${r.effects.length ? html`<ul class="entry-effects">${r.effects.map((e) => html`<li>${effectText(e, l)}</li>`)}</ul>` : nothing}
  </div></li>`;
}

export function renderTimeline(lines: readonly AuditLineView[], order: 'newest' | 'oldest', l: Locale): TemplateResult {
  const newest = order !== 'oldest';
  const ordered = newest ? [...lines].reverse() : lines;
  return html`<section class="section" aria-labelledby="timeline-title">
    <h3 id="timeline-title">${msg(l, 'timeline')}${newest ? html` <span class="order">(${msg(l, 'timelineOrder')})</span>` : nothing}</h3>
    ${lines.length === 0
      ? html`<p class="empty">${msg(l, 'noHistory')}</p>`
      : html`<ol part="timeline" class="timeline" ?reversed=${newest}>
          ${repeat(ordered, (r) => r.seq, (r) => renderLine(r, l))}
        </ol>`}
  </section>`;
}
