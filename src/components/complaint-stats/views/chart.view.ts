import { html, nothing, svg, type TemplateResult } from 'lit';
import { columnText } from '../../../core/stats/format.js';
import { statsMsg } from '../../../core/stats/messages.js';
import type { StatsTable } from '../../../core/stats/table.js';
import { statsLabel as vocabLabel } from '../../../core/stats/vocab.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { chartStyles } from './chart.styles.js';

export const styles = [chartStyles];

/** A compact SVG bar chart of the total row per category (and the comparison period's, when there is one), described in words for screen readers. */
export function renderChart(table: StatsTable, locale: Locale): TemplateResult {
  const counts = table.total.counts;
  const prev = table.total.previous?.counts;
  const max = Math.max(1, ...counts, ...(prev ?? []));
  const barH = prev ? 10 : 14;
  const rowH = prev ? 34 : 30;
  const labelW = 0;
  const width = 240;
  const barW = 190;
  const height = counts.length * rowH;
  const title = statsMsg(locale, 'chart.title');
  const labels = table.categories.map((code) => vocabLabel('contentCategory', code, locale));
  const previous = () => columnText({ key: 'previous', kind: 'previous', group: 'compare' }, table, locale);
  const desc = labels.map((l, i) => `${l} ${counts[i] ?? 0}${prev ? ` (${statsMsg(locale, 'chart.previous', { period: previous(), count: prev[i] ?? 0 })})` : ''}`).join('；');
  return html`<figure part="chart">
    <figcaption id="chart-title">${title}</figcaption>
    <svg viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="chart-title chart-desc">
      <desc id="chart-desc">${desc}</desc>
      ${table.categories.map((_, i) => {
        const y = i * rowH;
        const w = ((counts[i] ?? 0) / max) * barW;
        const pw = prev ? ((prev[i] ?? 0) / max) * barW : 0;
        return svg`<g aria-hidden="true">
          <text x=${labelW} y=${y + 10}>${labels[i]}</text>
          <rect class="bar" x="0" y=${y + 13} width=${Math.max(w, counts[i] ? 1 : 0)} height=${barH} rx="2"></rect>
          <text class="value" x=${Math.max(w, 0) + 4} y=${y + 13 + barH - 1}>${counts[i] ?? 0}</text>
          ${prev ? svg`<rect class="previous" x="0" y=${y + 14 + barH} width=${Math.max(pw, prev[i] ? 1 : 0)} height="5" rx="1"></rect>` : nothing}
        </g>`;
      })}
    </svg>
  </figure>`;
}
