import { catalog } from '../i18n/catalog.js';
import type { Locale } from '../i18n/locale.js';
import type { Defect } from './types.js';

const text = catalog(
  { summary: '共发现 {count} 项问题，已整改并复查关闭 {closed} 项，仍未关闭 {open} 项。' },
  { summary: '{count} problems found; {closed} fixed and closed after re-inspection; {open} still open.' },
);

/**
 * The inspection workflow step a checklist's defects call for (内部验房 / 入伙): the checklist
 * and the workflow then show the same truth. Pure data in, data out; the host sends the event.
 *
 * - `entry-complete` in `recording`: batch entry is done → `generate-list` with the count.
 * - `items-change` in `fixing`: nothing left to repair (every defect awaits re-inspection or is
 *   closed) → `report-fixed`.
 * - `items-change` in `rechecking`: nothing awaits re-inspection → `recheck` with how many are
 *   closed and how many are still open (0 open leads to the summary).
 */
export type InspectionTrigger = 'entry-complete' | 'items-change';

export interface InspectionStep {
  readonly event: 'generate-list' | 'report-fixed' | 'recheck';
  readonly payload?: Readonly<Record<string, number>>;
}

/** Counts the workflow's forms ask for, from the defects. */
export function inspectionCounts(items: readonly Defect[]): { readonly count: number; readonly closed: number; readonly open: number; readonly awaiting: number; readonly toRepair: number } {
  let closed = 0, awaiting = 0;
  for (const d of items) {
    if (d.status === 'closed') closed++;
    else if (d.status === 'awaiting-reinspection') awaiting++;
  }
  return { count: items.length, closed, open: items.length - closed, awaiting, toRepair: items.length - closed - awaiting };
}

export function inspectionStep(state: string, items: readonly Defect[], trigger: InspectionTrigger): InspectionStep | undefined {
  const c = inspectionCounts(items);
  if (trigger === 'entry-complete') return state === 'recording' ? { event: 'generate-list', payload: { count: c.count } } : undefined;
  if (state === 'fixing' && c.count > 0 && c.toRepair === 0 && c.awaiting > 0) return { event: 'report-fixed' };
  if (state === 'rechecking' && c.awaiting === 0) return { event: 'recheck', payload: { closed: c.closed, open: c.open } };
  return undefined;
}

/**
 * Values the workflow's forms start with, by event, from the defects (`<wy-workflow-panel>`'s
 * `prefill`): the list's size, what re-inspection closed, a summary line.
 */
export function inspectionPrefill(items: readonly Defect[], locale: Locale = 'zh-CN'): Readonly<Record<string, Readonly<Record<string, unknown>>>> {
  const c = inspectionCounts(items);
  return {
    'generate-list': { count: c.count },
    recheck: { closed: c.closed, open: c.open },
    summarise: { text: text(locale, 'summary', { count: c.count, closed: c.closed, open: c.open }) },
  };
}
