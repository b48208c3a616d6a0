import { html, nothing, type TemplateResult } from 'lit';
import { tableStyles } from './tables.styles.js';
import { printStyles } from './print.styles.js';
import { defectVocabLabel as vocabLabel } from '../../../core/defects/vocab.js';
import { houseLabel } from '../../../core/defects/problem-list.js';
import type { PrintViewModel } from '../../../core/defects/views.js';
import { checkedOf, valueOf, type ViewContext } from './view-context.js';
import { tt } from '../defect-checklist.more-messages.js';
import { vt } from '../defect-checklist.view-messages.js';

/** The printable problem list (生成问题清单), loaded on demand: one sheet per contractor. */
export interface PrintViewProps {
  readonly model: PrintViewModel;
  /** `*` every contractor, `''` the unassigned, else a contractor id. */
  readonly contractor: string;
  readonly includeClosed: boolean;
  onContractor(v: string): void;
  onIncludeClosed(on: boolean): void;
  onPrint(): void;
  onCsv(): void;
}

export function renderPrintView(c: ViewContext, p: PrintViewProps): TemplateResult {
  const l = c.locale;
  const m = p.model;
  return html`
    <div class="print-toolbar">
      <label>${tt(c, 'print.contractor')}
        <select data-print="contractor" @change=${(e: Event) => p.onContractor(valueOf(e))}>
          <option value="*">${vt(c, 'list.all')}</option>
          ${c.contractors.map((x) => html`<option value=${x.id} ?selected=${p.contractor === x.id}>${c.contractor(x.id)}</option>`)}
          <option value="" ?selected=${p.contractor === ''}>${c.t('list.unassigned')}</option>
        </select>
      </label>
      <label class="check"><input type="checkbox" data-print="closed" .checked=${p.includeClosed} @change=${(e: Event) => p.onIncludeClosed(checkedOf(e))} />${tt(c, 'print.includeClosed')}</label>
      <button type="button" data-print="print" @click=${p.onPrint}>${tt(c, 'print.print')}</button>
      <button type="button" data-print="csv" @click=${p.onCsv}>${tt(c, 'print.csv')}</button>
    </div>
    ${m.sheets.length ? nothing : html`<p class="empty">${tt(c, 'print.empty')}</p>`}
    ${m.sheets.map(
      (g) => html`<article part="sheet" class="sheet" data-contractor=${g.contractorId ?? ''}>
        <h3>${tt(c, `print.heading.${c.mode}`)} — ${c.contractor(g.contractorId)}</h3>
        <p class="muted">${tt(c, 'print.meta', { date: m.date, count: g.count })}</p>
        ${g.houses.map(
          (h) => html`<table>
            <caption>${houseLabel(h.house)}</caption>
            <thead><tr>
              <th scope="col">${tt(c, 'print.col.no')}</th><th scope="col">${c.field('id')}</th><th scope="col">${c.field('location')}</th>
              <th scope="col">${c.field('trade')}</th><th scope="col">${c.field('description')}</th><th scope="col">${c.field('severity')}</th>
              <th scope="col">${c.field('due')}</th><th scope="col">${c.field('status')}</th><th scope="col">${tt(c, 'print.col.check')}</th>
            </tr></thead>
            <tbody>${h.rows.map(
              (r) => html`<tr class=${r.overdue ? 'overdue' : ''}>
                <td>${r.no}</td><td>${r.item.id}</td><td>${vocabLabel('houseLocation', r.item.location, l)}</td><td>${vocabLabel('trade', r.item.trade, l)}</td>
                <td>${r.item.description}</td><td>${vocabLabel('defectSeverity', r.item.severity, l)}</td>
                <td>${r.due}${r.overdue ? html` <strong>${vt(c, 'list.overdue')}</strong>` : nothing}</td>
                <td>${vocabLabel('defectStatus', r.item.status, l)}</td><td></td>
              </tr>`,
            )}</tbody>
          </table>`,
        )}
        <p class="signatures"><span>${tt(c, 'print.sign.contractor')}</span><span>${tt(c, 'print.sign.inspector')}</span><span>${tt(c, 'print.sign.date')}</span></p>
      </article>`,
    )}
  `;
}

/** Adopted by the element when this module loads. */
export const styles = [tableStyles, printStyles];
