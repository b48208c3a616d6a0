import { html, type TemplateResult } from 'lit';
import { tableStyles } from './tables.styles.js';
import { summaryStyles } from './summary.styles.js';
import { defectVocabLabel as vocabLabel } from '../../../core/defects/vocab.js';
import { summaryBars } from '../../../core/defects/views.js';
import { summariseDefects, type DefectCount } from '../../../core/defects/summary.js';
import type { Defect } from '../../../core/defects/types.js';
import type { Instant } from '../../../core/kernel/time.js';
import type { ViewContext } from './view-context.js';
import { tt } from '../defect-checklist.more-messages.js';

/** The summary view (验房总结), loaded on demand: figures, a bar chart per trade, breakdown tables. */
export function renderSummaryView(c: ViewContext, items: readonly Defect[], now: Instant, decision: TemplateResult | string): TemplateResult {
  const s = summariseDefects(items, { now });
  const l = c.locale;
  const pct = (n: number) => new Intl.NumberFormat(l, { style: 'percent', maximumFractionDigits: 1 }).format(n);
  const table = (caption: string, head: string, rows: readonly DefectCount[], label: (k: string) => string) => html`<table>
    <caption>${caption}</caption>
    <thead><tr><th scope="col">${head}</th><th scope="col">${tt(c, 'summary.col.count')}</th><th scope="col">${tt(c, 'summary.col.closed')}</th><th scope="col">${tt(c, 'summary.col.overdue')}</th></tr></thead>
    <tbody>${rows.map((r) => html`<tr><th scope="row">${label(r.key)}</th><td>${r.count}</td><td>${r.closed}</td><td>${r.overdue}</td></tr>`)}</tbody>
  </table>`;
  return html`<div part="summary">
    ${decision}
    <dl class="stats">
      <div><dt>${tt(c, 'summary.total')}</dt><dd data-stat="total">${s.total}</dd></div>
      <div><dt>${tt(c, 'summary.closed')}</dt><dd data-stat="closed">${s.closed}</dd></div>
      <div><dt>${tt(c, 'summary.rate')}</dt><dd data-stat="rate">${pct(s.closureRate)}</dd></div>
      <div class=${s.overdue ? 'alert' : ''}><dt>${tt(c, 'summary.overdue')}</dt><dd data-stat="overdue">${s.overdue}</dd></div>
      <div><dt>${tt(c, 'summary.rejected')}</dt><dd data-stat="rejected">${s.rejectedOnce}</dd></div>
      <div><dt>${tt(c, 'summary.unassigned')}</dt><dd data-stat="unassigned">${s.unassigned}</dd></div>
    </dl>
    <figure part="chart">
      <figcaption>${tt(c, 'summary.chart')}<span class="muted" aria-hidden="true">${tt(c, 'summary.chartLegend')}</span></figcaption>
      <ul>
        ${summaryBars(s).map(
          (r) => html`<li>
            <span class="label">${vocabLabel('trade', r.key, l)}</span>
            <span class="track" aria-hidden="true"><span part="bar" class="bar" style=${`inline-size:${r.width}%`}><span class="closed" style=${`inline-size:${r.closedWidth}%`}></span></span></span>
            <span class="value">${r.count}</span>
            <span class="visually-hidden">${tt(c, 'summary.chartRow', { label: vocabLabel('trade', r.key, l), count: r.count, closed: r.closed })}</span>
          </li>`,
        )}
      </ul>
    </figure>
    <div class="tables">
      ${table(tt(c, 'summary.byStatus'), c.field('status'), s.byStatus, (k) => vocabLabel('defectStatus', k, l))}
      ${table(tt(c, 'summary.bySeverity'), c.field('severity'), s.bySeverity, (k) => vocabLabel('defectSeverity', k, l))}
      ${table(tt(c, 'summary.byLocation'), c.field('location'), s.byLocation.filter((r) => r.count), (k) => vocabLabel('houseLocation', k, l))}
      ${table(tt(c, 'summary.byContractor'), c.field('contractorId'), s.byContractor, (k) => c.contractor(k || undefined))}
      <table>
        <caption>${tt(c, 'summary.ageing')}</caption>
        <thead><tr><th scope="col">${tt(c, 'summary.col.age')}</th><th scope="col">${tt(c, 'summary.col.count')}</th></tr></thead>
        <tbody>${s.ageing.map(
          (b) => html`<tr><th scope="row">${b.max === undefined ? tt(c, 'summary.ageOver', { min: b.min - 1 }) : tt(c, 'summary.ageRange', { min: b.min, max: b.max })}</th><td>${b.count}</td></tr>`,
        )}</tbody>
      </table>
    </div>
  </div>`;
}

/** Adopted by the element when this module loads. */
export const styles = [tableStyles, summaryStyles];
