import { html, nothing, type TemplateResult } from 'lit';
import type { StatsConfig } from '../../../core/stats/config.js';
import { coverageText, type StatsCoverage } from '../../../core/stats/coverage.js';
import { spanText } from '../../../core/stats/format.js';
import { statsMsg } from '../../../core/stats/messages.js';
import type { StatsTable } from '../../../core/stats/table.js';
import { pick, type Locale } from '../../../core/i18n/locale.js';
import { reportStyles } from './report.styles.js';

export const styles = [reportStyles];

/** The toolbar's actions. */
export interface ToolbarActions {
  readonly onCsv: () => void;
  readonly onXlsx: () => void;
  readonly onPrint: () => void;
}

/** The caption (title and period) and the export and print buttons. */
export function renderToolbar(table: StatsTable, config: StatsConfig, locale: Locale, a: ToolbarActions): TemplateResult {
  const caption = statsMsg(locale, 'caption', { title: pick(config.form.title, locale) ?? '', period: spanText(table.range, table.period, locale) });
  return html`<div part="toolbar">
    <h2 part="caption" id="caption">${caption}</h2>
    <button class="action" type="button" @click=${a.onCsv}>${statsMsg(locale, 'action.csv')}</button>
    <button class="action" type="button" @click=${a.onXlsx}>${statsMsg(locale, 'action.xlsx')}</button>
    <button class="action" type="button" @click=${a.onPrint}>${statsMsg(locale, 'action.print')}</button>
  </div>`;
}

/**
 * What is counted and what is not, and why, with counts (a table counted here), or that the
 * server counted it (`counted`).
 */
export function renderCoverage(table: StatsTable, coverage: StatsCoverage | undefined, counted: boolean, locale: Locale): TemplateResult | typeof nothing {
  if (counted) return html`<div part="coverage" class="coverage"><p>${statsMsg(locale, 'load.served', { given: table.recordCount })}</p></div>`;
  if (!coverage) return nothing;
  const text = coverageText(coverage, locale);
  return html`<div part="coverage" class="coverage" aria-labelledby="coverage-heading">
    <h3 id="coverage-heading">${statsMsg(locale, 'coverage.heading')}</h3>
    <p>${text.counted}</p>
    ${text.excluded.length ? html`<ul>${text.excluded.map((x) => html`<li>${x}</li>`)}</ul>` : nothing}
  </div>`;
}

/** The note for a period without records. */
export function renderEmpty(table: StatsTable, locale: Locale): TemplateResult | typeof nothing {
  return table.total.total === 0 ? html`<p part="notice">${statsMsg(locale, 'empty')}</p>` : nothing;
}
