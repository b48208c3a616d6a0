// What <wy-deduction-calculator> shows below its header once the engine has loaded: the period
// controls, the rule-set editor (when open), why nothing can be computed, what is counted and what
// is not, the summary table and the what-if panel. Templates over the model; the editor and the
// what-if panel render once their own modules have loaded.
import { html, nothing, type TemplateResult } from 'lit';
import { deductionCoverage, deductionCoverageText } from '../../../core/deductions/coverage.js';
import type { DeductionResult } from '../../../core/deductions/types.js';
import type { DeductionModel } from '../controllers/model.js';
import { msg } from './messages.js';
import { renderDeductionTable } from './table.js';

/** Everything below the header. */
export function renderReport(m: DeductionModel): TemplateResult {
  return html`${m.host.hidePeriodControls ? nothing : m.period.render()} ${m.editor.render() ?? nothing} ${renderProblem(m)} ${renderCoverage(m)}
  ${m.result ? renderTable(m, m.result) : nothing} ${m.whatIf.render() ?? nothing}`;
}

function renderProblem(m: DeductionModel): TemplateResult | typeof nothing {
  const locale = m.locale;
  if (m.problem === 'period') {
    const range = m.effectiveRange;
    return html`<p part="error" role="alert">${msg(locale, 'periodInvalid', { period: typeof range === 'string' ? range : JSON.stringify(range) })}</p>`;
  }
  if (m.problem === 'rules') {
    // The summary element loads with the first unusable rule set; until then the sentence stands alone.
    const summary = m.services.need(m.services.parts.errorSummary);
    return html`<div part="error">
      <p>${msg(locale, 'rulesInvalid')}</p>
      ${summary ? html`<wy-error-summary locale=${locale} .errors=${m.rulesErrors()} @wy-error-select=${m.editor.openAt}></wy-error-summary>` : nothing}
    </div>`;
  }
  const unreadable = m.result?.unreadable ?? [];
  if (unreadable.length) {
    return html`<p part="error" class="note">${msg(locale, 'unreadable', { count: unreadable.length })} ${unreadable.slice(0, 20).map((u) => `${u.recordNo || `#${u.index}`} (${u.path})`).join(', ')}</p>`;
  }
  return nothing;
}

function renderCoverage(m: DeductionModel): TemplateResult | typeof nothing {
  if (!m.result) return nothing;
  const text = deductionCoverageText(deductionCoverage(m.result, m.records), m.locale);
  return html`<div part="coverage" class="coverage" aria-labelledby="coverage-heading">
    <h3 id="coverage-heading">${msg(m.locale, 'coverageHeading')}</h3>
    <p>${text.counted}</p>
    ${text.excluded.length ? html`<ul>${text.excluded.map((x) => html`<li>${x}</li>`)}</ul>` : nothing}
  </div>`;
}

function renderTable(m: DeductionModel, result: DeductionResult): TemplateResult {
  const locale = m.locale;
  const { compareResult, whatIf } = m;
  return renderDeductionTable(result, {
    locale,
    rules: m.activeRules!,
    compare: m.host.compare,
    ...(compareResult ? { previous: compareResult } : {}),
    expanded: m.expanded,
    showAll: m.showAll,
    ...(whatIf.state ? { whatIfIndex: whatIf.state.index } : {}),
    nameOf: (key) => m.nameOf(key, locale),
    onToggle: (key) => m.toggle(key),
    onShowAll: (key) => m.set({ showAll: new Set([...m.showAll, key]) }),
    onWhatIf: (index) => m.whatIf.open(index),
  });
}
