import { html, nothing, type TemplateResult } from 'lit';
import '@lit-labs/virtualizer';
import { repeat } from 'lit/directives/repeat.js';
import { defectVocabLabel as vocabLabel, defectVocabOptions as vocabOptions } from '../../../core/defects/vocab.js';
import { allSelected, type ListItemRow, type ListRow, type ListViewModel } from '../../../core/defects/views.js';
import type { DefectFilter, DefectGroupBy } from '../../../core/defects/filter.js';
import type { DefectAction, HouseLocation, Trade } from '../../../core/defects/types.js';
import { safeUrl } from '../../shared/safe-url.js';
import { checkedOf, valueOf, type ViewContext } from './view-context.js';
import { vt } from '../defect-checklist.view-messages.js';

/** The list view: filters, bulk assignment, the virtualised rows. */
export interface ListViewProps {
  readonly model: ListViewModel;
  readonly filter: DefectFilter;
  readonly groupBy: DefectGroupBy;
  /** Bulk assignment offered (inspectors and staff). */
  readonly bulk: boolean;
  readonly selected: ReadonlySet<string>;
  readonly bulkContractor: string;
  readonly bulkDue: string;
  readonly bulkMessage: string;
  onFilter(patch: Partial<DefectFilter>): void;
  onGroupBy(by: DefectGroupBy): void;
  onSelect(id: string, on: boolean): void;
  onSelectAll(on: boolean): void;
  onBulkContractor(id: string): void;
  onBulkDue(date: string): void;
  onBulkApply(): void;
  onAction(id: string, action: DefectAction): void;
  onKey(e: KeyboardEvent): void;
}

const orUndefined = <T extends string>(v: string): T | undefined => (v || undefined) as T | undefined;

export function renderListView(c: ViewContext, p: ListViewProps): TemplateResult {
  const l = c.locale;
  const f = p.filter;
  return html`
    <div part="filters" role="group" aria-label=${vt(c, 'list.filters')}>
      <label>${c.field('status')}
        <select data-filter="status" @change=${(e: Event) => p.onFilter({ status: orUndefined<NonNullable<DefectFilter['status']>>(valueOf(e)) })}>
          <option value="" ?selected=${!f.status}>${vt(c, 'list.all')}</option>
          <option value="not-closed" ?selected=${f.status === 'not-closed'}>${vt(c, 'list.notClosed')}</option>
          ${vocabOptions('defectStatus', l).map((o) => html`<option value=${o.value} ?selected=${f.status === o.value}>${o.label}</option>`)}
        </select>
      </label>
      <label>${c.field('location')}
        <select data-filter="location" @change=${(e: Event) => p.onFilter({ location: orUndefined<HouseLocation>(valueOf(e)) })}>
          <option value="">${vt(c, 'list.all')}</option>
          ${vocabOptions('houseLocation', l).map((o) => html`<option value=${o.value} ?selected=${f.location === o.value}>${o.label}</option>`)}
        </select>
      </label>
      <label>${c.field('trade')}
        <select data-filter="trade" @change=${(e: Event) => p.onFilter({ trade: orUndefined<Trade>(valueOf(e)) })}>
          <option value="">${vt(c, 'list.all')}</option>
          ${vocabOptions('trade', l).map((o) => html`<option value=${o.value} ?selected=${f.trade === o.value}>${o.label}</option>`)}
        </select>
      </label>
      <label>${c.field('contractorId')}
        <select data-filter="contractor" @change=${(e: Event) => {
          const v = valueOf(e);
          p.onFilter({ contractorId: v === '*' ? undefined : v });
        }}>
          <option value="*">${vt(c, 'list.all')}</option>
          <option value="" ?selected=${f.contractorId === ''}>${c.t('list.unassigned')}</option>
          ${c.contractors.map((x) => html`<option value=${x.id} ?selected=${f.contractorId === x.id}>${c.contractor(x.id)}</option>`)}
        </select>
      </label>
      <label>${vt(c, 'list.groupBy')}
        <select data-filter="group" @change=${(e: Event) => p.onGroupBy(valueOf(e) as DefectGroupBy)}>
          <option value="none">${vt(c, 'list.group.none')}</option>
          <option value="status" ?selected=${p.groupBy === 'status'}>${c.field('status')}</option>
          <option value="location" ?selected=${p.groupBy === 'location'}>${c.field('location')}</option>
          <option value="trade" ?selected=${p.groupBy === 'trade'}>${c.field('trade')}</option>
          <option value="contractor" ?selected=${p.groupBy === 'contractor'}>${c.field('contractorId')}</option>
        </select>
      </label>
      <label>${vt(c, 'list.search')}
        <input type="search" data-filter="text" .value=${f.text ?? ''} @input=${(e: Event) => p.onFilter({ text: valueOf(e) || undefined })} />
      </label>
      <label class="check"><input type="checkbox" data-filter="overdue" .checked=${!!f.overdueOnly} @change=${(e: Event) => p.onFilter({ overdueOnly: checkedOf(e) || undefined })} />${vt(c, 'list.overdueOnly')}</label>
    </div>
    ${p.bulk ? renderBulk(c, p) : nothing}
    <p class="muted" id="list-count">${vt(c, 'list.shown', { shown: p.model.shown.length, total: p.model.total })}</p>
    ${p.model.rows.length
      ? html`<lit-virtualizer
          part="list"
          role="list"
          aria-label=${vt(c, 'list.label')}
          aria-describedby="list-count"
          scroller
          .items=${p.model.rows}
          .keyFunction=${rowKey}
          .renderItem=${(row: ListRow, index: number) => renderRow(c, p, row, index)}
          @keydown=${p.onKey}
        ></lit-virtualizer>`
      : html`<p class="empty">${vt(c, 'list.empty')}</p>`}
  `;
}

function renderBulk(c: ViewContext, p: ListViewProps): TemplateResult {
  return html`<div part="bulk" role="group" aria-label=${vt(c, 'list.bulk')}>
    <label class="check"><input type="checkbox" data-bulk="all" .checked=${allSelected(p.model.shown, p.selected)} @change=${(e: Event) => p.onSelectAll(checkedOf(e))} />${vt(c, 'list.selectAll')}</label>
    <span>${vt(c, 'list.selected', { count: p.selected.size })}</span>
    <label>${c.field('contractorId')}
      <select data-bulk="contractor" @change=${(e: Event) => p.onBulkContractor(valueOf(e))}>
        <option value="">${vt(c, 'list.keep')}</option>
        ${c.contractors.map((x) => html`<option value=${x.id} ?selected=${p.bulkContractor === x.id}>${c.contractor(x.id)}</option>`)}
      </select>
    </label>
    <label>${c.field('due')}
      <input type="date" data-bulk="due" .value=${p.bulkDue} @change=${(e: Event) => p.onBulkDue(valueOf(e))} />
    </label>
    <button type="button" data-bulk="apply" @click=${p.onBulkApply}>${vt(c, 'list.bulkApply')}</button>
    ${p.bulkMessage ? html`<span class="muted">${p.bulkMessage}</span>` : nothing}
  </div>`;
}

function groupName(c: ViewContext, row: Extract<ListRow, { kind: 'group' }>): string {
  const l = c.locale;
  switch (row.by) {
    case 'status':
      return vocabLabel('defectStatus', row.key, l);
    case 'location':
      return vocabLabel('houseLocation', row.key, l);
    case 'trade':
      return vocabLabel('trade', row.key, l);
    default:
      return c.contractor(row.key || undefined);
  }
}

/**
 * Rows keep their DOM per defect across updates (the default key, the row object, is new on
 * every model), and a row's buttons per action: a focused 通过 button never turns into the same
 * defect's 重新打开 under a keyboard user's finger.
 */
const rowKey = (row: ListRow): string => (row.kind === 'group' ? `group:${row.by}:${row.key}` : `item:${(row as ListItemRow).item.id}`);

function renderRow(c: ViewContext, p: ListViewProps, row: ListRow, index: number): TemplateResult {
  const l = c.locale;
  if (row.kind === 'group') {
    return html`<div part="group" role="listitem" data-index=${index}><h3>${groupName(c, row)} <span class="muted">${vt(c, 'list.groupCount', { count: row.count })}</span></h3></div>`;
  }
  const { item: d, overdue } = row as ListItemRow;
  return html`<div
    part=${overdue ? 'row overdue' : 'row'}
    role="listitem"
    class=${`row status-${d.status}${overdue ? ' overdue' : ''}`}
    data-id=${d.id}
    data-index=${index}
    aria-posinset=${row.pos}
    aria-setsize=${p.model.shown.length}
  >
    ${p.bulk
      ? html`<input type="checkbox" class="select" aria-label=${vt(c, 'list.select', { id: d.id })} .checked=${p.selected.has(d.id)} @change=${(e: Event) => p.onSelect(d.id, checkedOf(e))} />`
      : nothing}
    <div class="main">
      <div class="meta">
        <span class="id">${d.id}</span>
        <span>${vocabLabel('houseLocation', d.location, l)} · ${vocabLabel('trade', d.trade, l)}</span>
        <span class=${`badge severity-${d.severity}`}>${vocabLabel('defectSeverity', d.severity, l)}</span>
        <span class=${`badge status status-${d.status}`}>${vocabLabel('defectStatus', d.status, l)}</span>
        ${overdue ? html`<span class="badge overdue">${vt(c, 'list.overdue')}</span>` : nothing}
      </div>
      <p class="desc">${d.description}</p>
      <div class="sub muted">
        <span>${c.contractor(d.contractorId)}</span>
        <span>${row.due ? vt(c, 'list.due', { date: row.due }) : vt(c, 'list.noDue')}</span>
        <span>${vt(c, 'list.found', { name: d.foundBy.name, date: row.found })}</span>
        ${row.rejections ? html`<span class="rejected">${vt(c, 'list.rejected', { count: row.rejections })}</span>` : nothing}
        ${d.photos?.length
          ? html`<span class="thumbs">${d.photos.map((ph) => html`<a href=${safeUrl(ph.url)} target="_blank" rel="noopener noreferrer"><img src=${safeUrl(ph.url)} alt=${ph.name ?? ph.id} loading="lazy" /></a>`)}</span>`
          : nothing}
      </div>
    </div>
    <div class="actions">
      ${repeat(row.actions, (a) => a, (a) => html`<button type="button" part="action" data-action=${a} @click=${() => p.onAction(d.id, a)}>${vocabLabel('defectAction', a, l)}</button>`)}
    </div>
  </div>`;
}
