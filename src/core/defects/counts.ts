import { epochMsOr, type Instant } from '../kernel/time.js';
import { isOverdue } from './time.js';
import type { Defect } from './types.js';

export interface ChecklistCounts {
  readonly total: number;
  /** Not closed. */
  readonly open: number;
  readonly overdue: number;
}

/** The counts a checklist shows in its header (the full breakdown is `summariseDefects`). */
export function checklistCounts(items: readonly Defect[], now: Instant): ChecklistCounts {
  const at = epochMsOr(now);
  let open = 0, overdue = 0;
  for (const d of items) {
    if (d.status !== 'closed') open++;
    if (isOverdue(d, at)) overdue++;
  }
  return { total: items.length, open, overdue };
}
