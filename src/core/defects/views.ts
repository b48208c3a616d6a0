import { epochMsOr, shanghaiDate, type Instant } from '../kernel/time.js';
import { commonProblemsFor } from './batch.js';
import { filterDefects, groupDefects, type DefectFilter, type DefectGroupBy } from './filter.js';
import { problemList, type ProblemListGroup } from './problem-list.js';
import { isOverdue } from './time.js';
import { defectActions, rejectionCount, type DefectRuleContext } from './transitions.js';
import type { DefectSummary } from './summary.js';
import type { CommonProblem, CommonProblems, Defect, DefectAction, DefectActor, DefectContractor, DefectSeverity, HouseLocation, Trade } from './types.js';

/**
 * View models of the defect checklist's four views (batch entry, list, summary, problem list):
 * pure functions from the defects and the view's settings to the rows a view draws — codes,
 * counts, calendar dates in Asia/Shanghai and the actions allowed with their reasons — never
 * formatted text or markup. An element maps them to labels; a server or a report can use the
 * very same rows.
 */

// ——— header ———

// In its own module so an element's header takes the counts without the views' code.
export { checklistCounts, type ChecklistCounts } from './counts.js';

// ——— batch entry ———

export interface EntryViewOptions {
  readonly location: HouseLocation;
  readonly trade: Trade;
  /** The severity picked for the batch; default the configuration's. */
  readonly severity?: DefectSeverity | undefined;
  /** Ids of the defects added last, newest first. */
  readonly recent?: readonly string[];
}

export interface EntryViewModel {
  /** One-tap common problems for the location and trade, in configured order. */
  readonly problems: readonly CommonProblem[];
  /** The severity new defects get. */
  readonly severity: DefectSeverity;
  /** The defects added last that still exist, newest first. */
  readonly recent: readonly Defect[];
}

export function entryView(items: readonly Defect[], config: CommonProblems, options: EntryViewOptions): EntryViewModel {
  const byId = new Map(items.map((d) => [d.id, d]));
  return {
    problems: commonProblemsFor(config, options.location, options.trade),
    severity: options.severity ?? config.defaults.severity,
    recent: (options.recent ?? []).map((id) => byId.get(id)).filter((d): d is Defect => !!d),
  };
}

// ——— list ———

export interface ListGroupRow {
  readonly kind: 'group';
  /** The code grouped on (`''`: unassigned contractor). */
  readonly key: string;
  readonly by: Exclude<DefectGroupBy, 'none'>;
  readonly count: number;
}

export interface ListItemRow {
  readonly kind: 'item';
  readonly item: Defect;
  /** 1-based position among the defects shown (group headings not counted). */
  readonly pos: number;
  readonly overdue: boolean;
  /** Failed re-inspections so far. */
  readonly rejections: number;
  /** Calendar dates in Asia/Shanghai (`YYYY-MM-DD`; '' when none). */
  readonly due: string;
  readonly found: string;
  /** The status changes the actor may make now, in offer order. */
  readonly actions: readonly DefectAction[];
}

export type ListRow = ListGroupRow | ListItemRow;

export interface ListViewOptions extends DefectRuleContext {
  readonly filter: DefectFilter;
  readonly groupBy: DefectGroupBy;
  /** Contractor order for grouping (unknown ids after, unassigned last). */
  readonly contractorOrder?: readonly string[];
  readonly now: Instant;
  readonly actor: DefectActor | undefined;
  /** Read-only lists offer no actions. */
  readonly readonly?: boolean;
}

export interface ListViewModel {
  /** The defects matching the filter, in the original order. */
  readonly shown: readonly Defect[];
  readonly rows: readonly ListRow[];
  readonly total: number;
}

export function listView(items: readonly Defect[], options: ListViewOptions): ListViewModel {
  const now = epochMsOr(options.now);
  const shown = filterDefects(items, options.filter, now);
  const rows: ListRow[] = [];
  let pos = 0;
  const ctx: DefectRuleContext = { ...(options.mode ? { mode: options.mode } : {}), ...(options.transitions ? { transitions: options.transitions } : {}) };
  for (const g of groupDefects(shown, options.groupBy, options.contractorOrder ?? [])) {
    if (options.groupBy !== 'none') rows.push({ kind: 'group', key: g.key, by: options.groupBy, count: g.items.length });
    for (const item of g.items) {
      rows.push({
        kind: 'item',
        item,
        pos: ++pos,
        overdue: isOverdue(item, now),
        rejections: rejectionCount(item),
        due: shanghaiDate(item.due),
        found: shanghaiDate(item.foundAt),
        actions: options.readonly ? [] : defectActions(item, options.actor, ctx).filter((c) => c.allowed).map((c) => c.action),
      });
    }
  }
  return { shown, rows, total: items.length };
}

/** The next row index a keyboard arrow moves to (group headings skipped); `undefined` at either end. */
export function nextItemRow(rows: readonly ListRow[], from: number, step: 1 | -1): number | undefined {
  let i = from + step;
  while (rows[i]?.kind === 'group') i += step;
  return i >= 0 && i < rows.length ? i : undefined;
}

/** Whether every defect shown is selected (the "select all" box). */
export function allSelected(shown: readonly Defect[], selected: ReadonlySet<string>): boolean {
  return shown.length > 0 && shown.every((d) => selected.has(d.id));
}

// ——— summary ———

export interface SummaryBar {
  readonly key: Trade;
  readonly count: number;
  readonly closed: number;
  /** Bar length as a share of the longest bar (0–100). */
  readonly width: number;
  /** The closed part as a share of this bar (0–100). */
  readonly closedWidth: number;
}

/** The summary chart's bars (defects per trade, closed part shaded). */
export function summaryBars(summary: DefectSummary): SummaryBar[] {
  const max = Math.max(1, ...summary.byTrade.map((r) => r.count));
  return summary.byTrade.map((r) => ({ key: r.key, count: r.count, closed: r.closed, width: (r.count / max) * 100, closedWidth: r.count ? (r.closed / r.count) * 100 : 0 }));
}

// ——— problem list (print) ———

export interface PrintRow {
  /** 1-based number within its house's table. */
  readonly no: number;
  readonly item: Defect;
  readonly overdue: boolean;
  /** The time limit's calendar date in Asia/Shanghai ('' when none). */
  readonly due: string;
}

export interface PrintSheet {
  readonly contractorId?: string;
  readonly count: number;
  readonly overdue: number;
  readonly houses: readonly { readonly key: string; readonly house: Defect['house']; readonly rows: readonly PrintRow[] }[];
}

export interface PrintViewOptions {
  readonly contractors?: readonly DefectContractor[];
  /** A contractor id, `''` for the unassigned; `undefined`: every contractor. */
  readonly contractorId?: string | undefined;
  readonly includeClosed?: boolean;
  readonly now: Instant;
}

export interface PrintViewModel {
  /** The date printed on every sheet (Asia/Shanghai). */
  readonly date: string;
  readonly sheets: readonly PrintSheet[];
}

/** The printable problem list: one sheet per contractor, numbered rows per house. */
export function printView(items: readonly Defect[], options: PrintViewOptions): PrintViewModel {
  const now = epochMsOr(options.now);
  const groups: ProblemListGroup[] = problemList(items, {
    now,
    ...(options.contractors ? { contractors: options.contractors } : {}),
    ...(options.includeClosed ? { includeClosed: true } : {}),
    ...(options.contractorId !== undefined ? { contractorId: options.contractorId } : {}),
  });
  return {
    date: shanghaiDate(now),
    sheets: groups.map((g) => ({
      ...(g.contractorId ? { contractorId: g.contractorId } : {}),
      count: g.count,
      overdue: g.overdue,
      houses: g.houses.map((h) => ({ key: h.key, house: h.house, rows: h.items.map((item, i) => ({ no: i + 1, item, overdue: isOverdue(item, now), due: shanghaiDate(item.due) })) })),
    })),
  };
}
