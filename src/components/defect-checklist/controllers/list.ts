import type { TemplateResult } from 'lit';
import type { LitVirtualizer } from '@lit-labs/virtualizer';
import { assignDefects } from '../../../core/defects/transitions.js';
import { endOfShanghaiDay } from '../../../core/defects/time.js';
import { listView, nextItemRow, type ListViewModel } from '../../../core/defects/views.js';
import type { DefectFilter, DefectGroupBy } from '../../../core/defects/filter.js';
import type { ChecklistHost } from '../checklist-host.js';
import { renderListView, type ListViewProps } from '../views/list.view.js';
import { listStyles } from '../views/list.styles.js';
import type { ViewContext } from '../views/view-context.js';
import { vt } from '../defect-checklist.view-messages.js';
import { deepActiveElement, focusMovedFrom } from '../../shared/focus.js';

/**
 * The list view's state and behaviour: filter and grouping, the selection and bulk assignment
 * (a due date picked is the end of that day in Asia/Shanghai), arrow keys between the rows of
 * the virtualised list, and focus back on a defect after a change. The rows are `listView`'s
 * (src/core/defects), made again on each render.
 */
export class ListController {
  filter: DefectFilter = {};
  groupBy: DefectGroupBy = 'none';
  private selected: ReadonlySet<string> = new Set();
  private bulkContractor = '';
  private bulkDue = '';
  private bulkMessage = '';
  /** The rows shown now (made by the last render). */
  model?: ListViewModel;

  constructor(private readonly host: ChecklistHost) {}

  /** The list view for the items, filter and actor now. */
  render(c: ViewContext): TemplateResult {
    const h = this.host;
    this.model = listView(h.items, {
      filter: this.filter,
      groupBy: this.groupBy,
      contractorOrder: h.contractors.map((x) => x.id),
      now: h.nowMs,
      actor: h.actor,
      mode: h.mode,
      readonly: h.readonly,
    });
    return renderListView(c, this.props());
  }

  /** Changes state and re-renders the host. */
  private change(apply: () => void): void {
    apply();
    this.host.requestUpdate();
  }

  /** The list view's props. */
  props(): ListViewProps {
    return {
      model: this.model!,
      filter: this.filter,
      groupBy: this.groupBy,
      bulk: this.host.canBulk,
      selected: this.selected,
      bulkContractor: this.bulkContractor,
      bulkDue: this.bulkDue,
      bulkMessage: this.bulkMessage,
      onFilter: (patch) => this.setFilter(patch),
      onGroupBy: (by) => this.change(() => (this.groupBy = by)),
      onSelect: (id, on) => this.toggle(id, on),
      onSelectAll: (on) => this.selectAll(on),
      onBulkContractor: (id) => this.change(() => (this.bulkContractor = id)),
      onBulkDue: (date) => this.change(() => (this.bulkDue = date)),
      onBulkApply: () => this.bulkApply(),
      onAction: (id, action) => this.host.onAction(id, action),
      onKey: (e) => this.onKey(e),
    };
  }

  private setFilter(patch: Partial<DefectFilter>): void {
    const next: Record<string, unknown> = { ...this.filter, ...patch };
    for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
    this.change(() => (this.filter = next as DefectFilter));
  }

  private toggle(id: string, on: boolean): void {
    const next = new Set(this.selected);
    if (on) next.add(id);
    else next.delete(id);
    this.change(() => (this.selected = next));
  }

  private selectAll(on: boolean): void {
    const next = new Set(this.selected);
    for (const d of this.model?.shown ?? []) {
      if (on) next.add(d.id);
      else next.delete(d.id);
    }
    this.change(() => (this.selected = next));
  }

  private bulkApply(): void {
    if (!this.host.canBulk) return;
    // The date picked is a day in Asia/Shanghai: the limit is its end there, whatever the browser's zone.
    const due = this.bulkDue ? endOfShanghaiDay(this.bulkDue) : undefined;
    if (!this.selected.size || (!this.bulkContractor && !due)) {
      this.change(() => (this.bulkMessage = vt(this.host, 'list.bulkNothing')));
      return;
    }
    const { items, changed } = assignDefects(this.host.items, this.selected, {
      ...(this.bulkContractor ? { contractorId: this.bulkContractor } : {}),
      ...(due ? { due } : {}),
    });
    this.change(() => (this.bulkMessage = vt(this.host, 'list.bulkDone', { count: changed })));
    this.host.say(this.bulkMessage);
    this.change(() => (this.selected = new Set()));
    if (changed) this.host.publish(items);
  }

  /** The row of a defect in the list now (-1 when it is not shown). */
  rowIndex(id: string): number {
    return this.model?.rows.findIndex((r) => r.kind === 'item' && r.item.id === id) ?? -1;
  }

  private get virtualizer(): (LitVirtualizer & { layoutComplete?: Promise<void> }) | null {
    return this.host.renderRoot.querySelector('lit-virtualizer');
  }

  /** Arrow keys move between rows of the virtualised list; the row is scrolled into view first. */
  private onKey(e: KeyboardEvent): void {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const from = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!from || (e.target as HTMLElement).tagName === 'SELECT') return;
    e.preventDefault();
    const i = nextItemRow(this.model?.rows ?? [], Number(from.dataset['index']), e.key === 'ArrowDown' ? 1 : -1);
    if (i !== undefined) void this.focusRow(i);
  }

  private async focusRow(index: number): Promise<void> {
    const v = this.virtualizer;
    if (!v) return;
    const find = () => this.host.renderRoot.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (!find()) {
      v.element(index)?.scrollIntoView({ block: 'nearest' });
      for (let tries = 0; tries < 10 && !find(); tries++) await frames(1);
    }
    const row = find();
    if (!row) return;
    row.scrollIntoView({ block: 'nearest' });
    (row.querySelector<HTMLElement>('input, [part~="action"]') ?? row).focus();
  }

  /**
   * Back to the same defect; if it left the filtered list, to the row that took its place, else
   * `fallback`. Waits for the virtualised list to lay out first — and then never takes focus from
   * where the user has moved it meanwhile (a keyboard user already on the next row's action must
   * not land back on this row's, whose button may now do something else, e.g. 重新打开).
   */
  async restoreFocus(want: { id: string; index: number }, fallback: string): Promise<void> {
    const before = deepActiveElement();
    const v = this.virtualizer;
    if (v) {
      await v.updateComplete;
      // A layout runs only when a row changed size: wait for it, or two frames when none comes
      // (the list's promise would stay pending until it disconnects).
      await Promise.race([v.layoutComplete?.catch(() => undefined), frames(2)]);
    }
    if (focusMovedFrom(before)) return;
    const q = (sel: string) => this.host.renderRoot.querySelector<HTMLElement>(sel);
    const row = q(`[part~="row"][data-id="${CSS.escape(want.id)}"]`) ?? q(`[part~="row"][data-index="${want.index}"]`) ?? q(`[part~="row"][data-index="${want.index - 1}"]`);
    const target = row?.querySelector<HTMLElement>('[part~="action"]') ?? row?.querySelector<HTMLElement>('input') ?? q(fallback);
    target?.focus();
  }
}

const frames = (n: number): Promise<void> =>
  new Promise((r) => (n <= 0 ? r() : requestAnimationFrame(() => void frames(n - 1).then(r))));

/** Adopted by the element when the list is shown. */
export const styles = [listStyles];
