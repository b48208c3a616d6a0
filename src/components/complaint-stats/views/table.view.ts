import { html, nothing, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { cellText, columnGroupText, columnText, labelColumnText, rowText } from '../../../core/stats/format.js';
import { statsMsg } from '../../../core/stats/messages.js';
import type { StatsSort } from '../../../core/stats/sort.js';
import { cellValue, statsColumns, type StatsColumn, type StatsRow, type StatsTable } from '../../../core/stats/table.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { tableStyles } from './table.styles.js';

export const styles = [tableStyles];

const LABEL_W = '11rem';
const colWidth = (c: StatsColumn): string => (c.kind === 'category' ? '6.75rem' : c.kind === 'measure' ? '6.5rem' : '5rem');

/** What the table shows besides the data, and whom it tells. */
export interface TableContext {
  readonly locale: Locale;
  readonly sort: StatsSort | undefined;
  /** Index of the row at the top of the scrolled table (its group goes in the sticky bar). */
  readonly topRow: number;
  /** A sort button was pressed: its `data-key` is the column. */
  readonly onSort: (event: Event) => void;
  /** A number was chosen: its `data-row` and `data-col` are the cell's keys. */
  readonly onDrill: (event: Event) => void;
  readonly onScroll: (event: Event) => void;
}

/**
 * The interactive table: an ARIA grid of rows virtualised under a sticky two-row header, a
 * sticky first column and a sticky bar naming the group of the top row.
 */
export function renderTable(table: StatsTable, c: TableContext): TemplateResult {
  const columns = statsColumns(table);
  const cols = [LABEL_W, ...columns.map(colWidth)];
  const style = styleMap({ '--_cols': cols.join(' '), '--_width': `calc(${cols.join(' + ')})`, '--_label-w': LABEL_W });
  const top = table.rows[Math.min(c.topRow, table.rows.length - 1)];
  const group = top?.group && top.kind !== 'group' ? table.rows.find((r) => r.key === top.group) : undefined;
  return html`
    <div part="table" role="table" tabindex="0" aria-labelledby="caption" aria-rowcount=${table.rows.length + 2} aria-colcount=${columns.length + 1} style=${style} @scroll=${c.onScroll}>
      <div class="head" role="rowgroup">
        ${renderHead(table, columns, c)}
        <div class="sticky-group" aria-hidden="true">${group ? html`<div part="group-bar">${rowText(group, c.locale)}</div>` : nothing}</div>
      </div>
      <div class="body" role="rowgroup">
        ${virtualize({
          items: table.rows as StatsRow[],
          keyFunction: (r: StatsRow) => r.key,
          renderItem: (r: StatsRow, i: number) => renderRow(table, columns, r, i, c),
        })}
      </div>
    </div>
  `;
}

function renderHead(table: StatsTable, columns: readonly StatsColumn[], c: TableContext): TemplateResult {
  const { locale, sort } = c;
  const sortButton = (key: string, label: string) => {
    const active = sort?.key === key ? sort.direction : undefined;
    return html`<button class="sort" type="button" data-key=${key} @click=${c.onSort} title=${statsMsg(locale, 'action.sort', { column: label })}>
      <span>${label}</span><span class="arrow" aria-hidden="true">${active === 'ascending' ? '▲' : active === 'descending' ? '▼' : ''}</span>
    </button>`;
  };
  const ariaSort = (key: string) => (sort?.key === key ? sort.direction : 'none');
  const first: TemplateResult[] = [];
  const second: TemplateResult[] = [];
  let index = 2;
  for (let i = 0; i < columns.length; ) {
    const col = columns[i]!;
    const group = columnGroupText(col.group, table, locale);
    if (group === undefined) {
      const label = columnText(col, table, locale);
      first.push(html`<div role="columnheader" aria-colindex=${index} aria-sort=${ariaSort(col.key)} style="grid-column: ${index}; grid-row: 1 / span 2">${sortButton(col.key, label)}</div>`);
      i++;
      index++;
      continue;
    }
    let j = i;
    while (j < columns.length && columns[j]!.group === col.group) j++;
    first.push(html`<div role="columnheader" aria-colindex=${index} aria-colspan=${j - i} style="grid-column: ${index} / span ${j - i}; grid-row: 1">${group}</div>`);
    for (let k = i; k < j; k++, index++) {
      const label = columnText(columns[k]!, table, locale);
      second.push(html`<div role="columnheader" aria-colindex=${index} aria-sort=${ariaSort(columns[k]!.key)} style="grid-column: ${index}; grid-row: 2">${sortButton(columns[k]!.key, label)}</div>`);
    }
    i = j;
  }
  const labelHead = labelColumnText(table, locale);
  return html`
    <div role="row" aria-rowindex="1">
      <div role="columnheader" class="label" aria-colindex="1" aria-sort=${ariaSort('label')} style="grid-column: 1; grid-row: 1 / span 2">${sortButton('label', labelHead)}</div>
      ${first}
    </div>
    <div role="row" aria-rowindex="2">${second}</div>
  `;
}

function renderRow(table: StatsTable, columns: readonly StatsColumn[], row: StatsRow, i: number, c: TableContext): TemplateResult {
  const label = rowText(row, c.locale);
  if (row.kind === 'group') {
    return html`<div class="row group" role="row" aria-rowindex=${i + 3}>
      <div role="rowheader" aria-colindex="1" aria-colspan=${columns.length + 1}><span>${label}</span></div>
    </div>`;
  }
  const indent = row.group && row.kind === 'detail' ? '1.5rem' : '0.5rem';
  return html`<div class="row ${row.kind}" role="row" aria-rowindex=${i + 3} style="--_indent: ${indent}">
    <div role="rowheader" aria-colindex="1" title=${label}>${label}</div>
    ${columns.map((col, k) => renderCell(table, row, col, k + 2, label, c))}
  </div>`;
}

function renderCell(table: StatsTable, row: StatsRow, col: StatsColumn, colindex: number, rowLabel: string, c: TableContext): TemplateResult {
  const v = cellValue(row, col);
  const text = cellText(v, col);
  const tone = col.kind === 'delta' || col.kind === 'deltaPct' ? (v !== null && v > 0 ? 'up' : v !== null && v < 0 ? 'down' : '') : v === 0 || v === null ? 'zero' : '';
  const count = col.kind === 'measure' ? (row.measures[col.index]?.denominator ?? 0) : col.kind === 'previous' ? (row.previous?.total ?? 0) : col.kind === 'share' ? 0 : (v ?? 0);
  if (count > 0 && col.kind !== 'delta' && col.kind !== 'deltaPct') {
    const name = statsMsg(c.locale, 'action.drill', { value: text, count, row: rowLabel, column: columnText(col, table, c.locale) });
    return html`<div role="cell" aria-colindex=${colindex} class=${tone}>
      <button class="drill" type="button" aria-label=${name} data-row=${row.key} data-col=${col.key} @click=${c.onDrill}>${text}</button>
    </div>`;
  }
  return html`<div role="cell" aria-colindex=${colindex} class=${tone}>${text}</div>`;
}
