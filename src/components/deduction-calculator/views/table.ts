// The summary table of <wy-deduction-calculator> and its expanded explanations: templates over the
// view models of src/core/deductions/view.ts. No state here: the element passes what it shows and
// its handlers.
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../../../core/i18n/locale.js';
import { describeInputs, formatPoints, ruleLabel } from '../../../core/deductions/explain.js';
import { labelOf } from '../../../core/deductions/vocab.js';
import { deductionRows, periodSpan, signedPoints } from '../../../core/deductions/view.js';
import type { ComplaintDeduction, DeductionGroup, DeductionLine, DeductionResult, DeductionRules } from '../../../core/deductions/types.js';
import type { PeriodCompare } from '../../../core/stats/period.js';
import { msg } from './messages.js';

/** Rows of one office shown before a "show all" button: a period of 100,000 records stays responsive. */
export const DETAIL_LIMIT = 200;

export interface DeductionTableView {
  readonly locale: Locale;
  readonly rules: DeductionRules;
  readonly compare: PeriodCompare;
  /** The comparison period's result, when comparing. */
  readonly previous?: DeductionResult;
  readonly expanded: ReadonlySet<string>;
  readonly showAll: ReadonlySet<string>;
  /** The record whose what-if panel is open. */
  readonly whatIfIndex?: number;
  nameOf(key: string): string;
  onToggle(key: string): void;
  onShowAll(key: string): void;
  onWhatIf(index: number): void;
}

type Key = Parameters<typeof msg>[1];

/** One rule line: its points, the rule's label and id, and the inputs it read. */
export function renderLine(l: DeductionLine, rules: DeductionRules, locale: Locale): TemplateResult {
  const inputs = describeInputs(l.inputs, locale);
  return html`<li part="line" data-rule=${l.ruleId}>
    <span class="pts">${signedPoints(l.points)}</span>
    <span class="rule">${ruleLabel(rules, l.ruleId, locale)}</span>
    <code>${l.ruleId}</code>
    ${inputs ? html`<span class="inputs">${inputs}</span>` : nothing}
  </li>`;
}

function renderRating(g: DeductionGroup, locale: Locale): TemplateResult | string {
  if (!g.rating) return msg(locale, 'noRating');
  const label = g.rating.label[locale];
  const stars = g.rating.stars && !label.includes('★') ? html`<span class="stars" aria-hidden="true">${'★'.repeat(g.rating.stars)}</span> ` : nothing;
  return html`${stars}<span>${label}</span>`;
}

/** The summary table: one row per office (or staff member) that expands into its explanation. */
export function renderDeductionTable(result: DeductionResult, v: DeductionTableView): TemplateResult {
  const locale = v.locale;
  const t = (k: Key, p?: Record<string, string | number>) => msg(locale, k, p);
  const who = result.groupBy === 'office' ? t('office') : t('staff');
  if (!result.groups.length) return html`<p class="note">${t('empty')}</p>`;
  const prev = v.previous;
  const { rows, totals } = deductionRows(result, prev);
  const cols = prev ? 12 : 10;
  const head = (['counted', 'valid', 'invalid', 'pending', 'points', 'cap', 'deducted', 'finalScore'] as const).map((k) => html`<th scope="col" class="num">${t(k)}</th>`);
  return html`<table part="table">
    <caption>${t('tableCaption', { who, period: periodSpan(result.period) ?? t('periodAll') })}</caption>
    <thead>
      <tr>
        <th scope="col">${who}</th>
        ${head}
        <th scope="col">${t('rating')}</th>
        ${prev
          ? html`<th scope="col" class="num" title=${periodSpan(prev.period) ?? ''}>${t(v.compare === 'yoy' ? 'previousYoy' : 'previousMom')}</th>
              <th scope="col" class="num">${t('change')}</th>`
          : nothing}
      </tr>
    </thead>
    ${rows.map(({ group: g, previous, change }, i) => {
      const name = v.nameOf(g.key);
      const open = v.expanded.has(g.key);
      return html`<tbody>
        <tr part="row" data-key=${g.key}>
          <th scope="row" part="cell">
            <button type="button" class="expand" aria-expanded=${open ? 'true' : 'false'} aria-controls=${`details-${i}`} @click=${() => v.onToggle(g.key)}>
              <span class="chevron" aria-hidden="true">${open ? '▾' : '▸'}</span>${name}
            </button>
          </th>
          <td part="cell" class="num">${g.counted}</td>
          <td part="cell" class="num">${g.valid}</td>
          <td part="cell" class="num">${g.invalid}</td>
          <td part="cell" class="num">${g.pending}</td>
          <td part="cell" class="num">${formatPoints(g.points)}</td>
          <td part="cell" class="num">${g.cap === null ? t('noCap') : formatPoints(g.cap)}${g.capped ? html` <span class="capped">${t('capped')}</span>` : nothing}</td>
          <td part="cell" class="num">${formatPoints(g.deducted)}</td>
          <td part="cell" class="num score">${formatPoints(g.finalScore)}</td>
          <td part="cell">${renderRating(g, locale)}</td>
          ${previous !== null ? html`<td part="cell" class="num">${formatPoints(previous)}</td><td part="cell" class="num delta">${signedPoints(change!)}</td>` : nothing}
        </tr>
        ${open
          ? html`<tr part="details" id=${`details-${i}`}>
              <td colspan=${cols}>${renderDetails(g, name, v)}</td>
            </tr>`
          : nothing}
      </tbody>`;
    })}
    <tfoot>
      <tr part="total">
        <th scope="row">${t('total')}</th>
        <td class="num">${result.totals.counted}</td>
        <td class="num">${result.totals.valid}</td>
        <td class="num">${result.totals.invalid}</td>
        <td class="num">${result.totals.pending}</td>
        <td class="num"></td>
        <td class="num"></td>
        <td class="num">${formatPoints(result.totals.deducted)}</td>
        <td class="num"></td>
        <td></td>
        ${totals.previous !== null ? html`<td class="num">${formatPoints(totals.previous)}</td><td class="num delta">${signedPoints(totals.change!)}</td>` : nothing}
      </tr>
    </tfoot>
  </table>`;
}

function renderDetails(g: DeductionGroup, name: string, v: DeductionTableView): TemplateResult {
  const locale = v.locale;
  const t = (k: Key, p?: Record<string, string | number>) => msg(locale, k, p);
  const all = v.showAll.has(g.key);
  return html`<table class="details" aria-label=${t('details', { name })}>
    <thead>
      <tr>
        <th scope="col">${t('recordNo')}</th>
        <th scope="col">${t('category')}</th>
        <th scope="col">${t('severity')}</th>
        <th scope="col">${t('status')}</th>
        <th scope="col" class="num">${t('points')}</th>
        <th scope="col">${t('lines')}</th>
        <th scope="col"><span class="visually-hidden">${t('whatIf')}</span></th>
      </tr>
    </thead>
    <tbody>
      ${(all ? g.complaints : g.complaints.slice(0, DETAIL_LIMIT)).map((c) => renderComplaint(c, v))}
      ${g.complaints.length > DETAIL_LIMIT && !all
        ? html`<tr>
            <td colspan="7">
              <button part="button" type="button" @click=${() => v.onShowAll(g.key)}>${t('showAll', { count: g.complaints.length })}</button>
            </td>
          </tr>`
        : nothing}
      <tr class="group-lines">
        <th scope="row" colspan="4">${t('groupLines', { name })}</th>
        <td class="num">${formatPoints(g.deducted)}</td>
        <td colspan="2">
          <ul class="lines">
            ${g.lines.map((l) => renderLine(l, v.rules, locale))}
            <li part="line">${t('startLine', { points: formatPoints(g.startingScore) })}</li>
            <li part="line">
              ${t('ratingLine', { score: formatPoints(g.finalScore), rating: g.rating ? g.rating.label[locale] : t('noRating') })}
              ${g.rating ? html`<code>${g.rating.ruleId}</code>` : nothing}
            </li>
          </ul>
        </td>
      </tr>
    </tbody>
  </table>`;
}

function renderComplaint(c: ComplaintDeduction, v: DeductionTableView): TemplateResult {
  const locale = v.locale;
  const selected = v.whatIfIndex === c.index;
  return html`<tr class=${selected ? 'selected' : ''}>
    <th scope="row">${c.recordNo}</th>
    <td>${labelOf('contentCategory', c.facts.category, locale)}</td>
    <td>${labelOf('severity', c.facts.severity, locale)}</td>
    <td>${labelOf('deductionStatus', c.status, locale)}</td>
    <td class="num">${formatPoints(c.points)}</td>
    <td>${c.lines.length ? html`<ul class="lines">${c.lines.map((l) => renderLine(l, v.rules, locale))}</ul>` : nothing}</td>
    <td>
      <button part="button" type="button" class="small" id=${`what-if-${c.index}`} aria-pressed=${selected ? 'true' : 'false'} aria-label=${msg(locale, 'whatIfFor', { recordNo: c.recordNo })} @click=${() => v.onWhatIf(c.index)}>
        ${msg(locale, 'whatIf')}
      </button>
    </td>
  </tr>`;
}
