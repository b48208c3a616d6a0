import { html, type TemplateResult } from 'lit';
import type { StatsConfig } from '../../../core/stats/config.js';
import { cellText, columnGroupText, columnText, labelColumnText, rowText, statsFormMeta } from '../../../core/stats/format.js';
import { statsMsg } from '../../../core/stats/messages.js';
import { cellValue, statsColumns, type StatsColumn, type StatsTable } from '../../../core/stats/table.js';
import { pick, type Locale } from '../../../core/i18n/locale.js';
import { formStyles } from './form.styles.js';

export const styles = [formStyles];

/** What the paper form prints besides the table. */
export interface FormContext {
  readonly locale: Locale;
  readonly config: StatsConfig;
  readonly reportingUnit: string | undefined;
  readonly signatures: Readonly<Record<string, string>>;
}

/** The paper form (顾客投诉分类统计表 as printed): title, document data, every row, signature lines. */
export function renderForm(table: StatsTable, c: FormContext): TemplateResult {
  const { locale } = c;
  const form = c.config.form;
  const columns = statsColumns(table);
  const groups: { text: string | undefined; span: number; column?: StatsColumn }[] = [];
  for (let i = 0; i < columns.length; ) {
    const col = columns[i]!;
    const text = columnGroupText(col.group, table, locale);
    let j = i + 1;
    if (text !== undefined) while (j < columns.length && columns[j]!.group === col.group) j++;
    groups.push({ text, span: j - i, ...(text === undefined ? { column: col } : {}) });
    i = j;
  }
  const meta = statsFormMeta(form, table, locale, c.reportingUnit);
  return html`<div part="base form">
    <h1>${pick(form.title, locale)}</h1>
    <dl class="form-meta">${meta.map((m) => html`<div><dt>${m.label}</dt><dd>${m.value}</dd></div>`)}</dl>
    <table class="paper">
      <thead>
        <tr>
          <th scope="col" rowspan="2">${labelColumnText(table, locale)}</th>
          ${groups.map((g) =>
            g.text === undefined ? html`<th scope="col" rowspan="2">${columnText(g.column!, table, locale)}</th>` : html`<th scope="colgroup" colspan=${g.span}>${g.text}</th>`,
          )}
        </tr>
        <tr>
          ${columns.filter((col) => columnGroupText(col.group, table, locale) !== undefined).map((col) => html`<th scope="col">${columnText(col, table, locale)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${table.rows.map((r) =>
          r.kind === 'group'
            ? html`<tr class="group"><th scope="rowgroup" colspan=${columns.length + 1}>${rowText(r, locale)}</th></tr>`
            : html`<tr class=${r.kind}>
                <th scope="row">${rowText(r, locale)}</th>
                ${columns.map((col) => html`<td>${cellText(cellValue(r, col), col)}</td>`)}
              </tr>`,
        )}
      </tbody>
    </table>
    <div class="signatures">
      ${form.signatures.map((s) => html`<div>${statsMsg(locale, 'form.signature', { label: pick(s.label, locale) ?? '' })}<span class="line">${c.signatures[s.id] ?? ''}</span></div>`)}
      <div>${statsMsg(locale, 'form.signature', { label: statsMsg(locale, 'form.date') })}<span class="line"></span></div>
    </div>
  </div>`;
}
