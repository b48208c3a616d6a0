// The SLA clocks as cards: a running or paused clock says what is left (business and calendar
// time) and when it is due; a stopped one says how long it took and by how much it was late,
// never a remaining time. Level in words and shape, not colour alone.
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../../../core/i18n/locale.js';
import type { ClockCardView } from '../../../workflow/panel-view.js';
import { clockLevelLabel } from '../../../workflow/messages.js';
import { formatDuration, formatInstant, isoShanghai } from '../format.js';
import { msg } from '../workflow-panel.messages.js';

export { styles } from './clocks.styles.js';

function remainingText(ms: number | null, basis: 'business' | 'calendar', l: Locale): string {
  if (ms === null) return msg(l, 'notApplicable');
  const d = formatDuration(ms, l, { days: basis === 'calendar' });
  return ms < 0 ? `${msg(l, 'overdueBy')} ${d}` : `${msg(l, 'remaining')} ${d}`;
}

function renderCard(c: ClockCardView, l: Locale): TemplateResult {
  const days = c.basis === 'calendar';
  return html`<li part="clock" class=${`clock ${c.look}`} data-level=${c.level} data-clock=${c.id}>
    <div class="clock-head">
      <span class="clock-title">${c.title}</span>
      <span part="clock-level" class="level"><span class="icon" aria-hidden="true"></span>${clockLevelLabel(c.readout, l)}</span>
    </div>
    <dl class="clock-facts">
      ${c.stopped
        ? html`<div>
            <dt>${msg(l, 'took')}</dt>
            <dd class="took">${formatDuration(c.tookMs ?? 0, l, { days })}${c.lateByMs !== undefined ? html`（${msg(l, 'lateBy')} ${formatDuration(c.lateByMs, l, { days })}）` : nothing}</dd>
          </div>`
        : html`<div><dt>${msg(l, 'businessTime')}</dt><dd class="business">${remainingText(c.businessRemainingMs, 'business', l)}</dd></div>
            <div><dt>${msg(l, 'calendarTime')}</dt><dd class="calendar">${remainingText(c.calendarRemainingMs, 'calendar', l)}</dd></div>`}
      ${c.dueAt !== null ? html`<div><dt>${msg(l, 'due')}</dt><dd><time datetime=${isoShanghai(c.dueAt)}>${formatInstant(c.dueAt, l)}</time></dd></div>` : nothing}
      <div>
        <dt>${msg(l, 'limit')}</dt>
        <dd>${msg(l, c.basis === 'business' ? 'businessTime' : 'calendarTime')} ${formatDuration(c.limitMs, l, { days })}</dd>
      </div>
    </dl>
    ${c.escalations > 0 ? html`<p class="escalated">${msg(l, 'escalations', { n: c.escalations, total: c.escalationSteps })}</p>` : nothing}
    <div class="bar" aria-hidden="true"><span style=${`inline-size: ${(c.ratio * 100).toFixed(1)}%`}></span></div>
  </li>`;
}

export function renderClocks(cards: readonly ClockCardView[], l: Locale): TemplateResult {
  return html`<section class="section" aria-labelledby="clocks-title">
    <h3 id="clocks-title">${msg(l, 'clocks')}</h3>
    ${cards.length === 0 ? html`<p class="empty">${msg(l, 'noClocks')}</p>` : html`<ul part="clocks" class="clocks">${cards.map((c) => renderCard(c, l))}</ul>`}
  </section>`;
}
