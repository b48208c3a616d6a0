import { WyEvent, WyChangeEvent } from '../shared/events.js';
import type { Defect, OwnerDecision } from '../../core/defects/types.js';

/** `detail` of the checklist's `wy-change`: the whole new array of items (the old one is never mutated). */
export interface DefectChangeDetail {
  readonly items: readonly Defect[];
}

/** The checklist's `wy-change` (the kit's shared `WyChangeEvent`) for a new array of items. */
export function defectChangeEvent(items: readonly Defect[]): WyChangeEvent<DefectChangeDetail> {
  return new WyChangeEvent<DefectChangeDetail>({ items });
}

/** A defect was closed (passed re-inspection, or a dispute settled). */
export class WyDefectItemCloseEvent extends WyEvent<{ readonly item: Defect }> {
  static readonly type = 'wy-item-close';
  constructor(item: Defect) {
    super(WyDefectItemCloseEvent.type, { item });
  }
}

/** In move-in mode, the owner's decision whether to accept the house (是否收房) was recorded. */
export class WyOwnerDecisionEvent extends WyEvent<{ readonly decision: OwnerDecision }> {
  static readonly type = 'wy-owner-decision';
  constructor(decision: OwnerDecision) {
    super(WyOwnerDecisionEvent.type, { decision });
  }
}

/** Batch entry is done (the "entry complete" button): a host moves its inspection workflow on. */
export class WyEntryCompleteEvent extends WyEvent<{ readonly count: number }> {
  static readonly type = 'wy-entry-complete';
  constructor(count: number) {
    super(WyEntryCompleteEvent.type, { count });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'wy-entry-complete': WyEntryCompleteEvent;
    'wy-item-close': WyDefectItemCloseEvent;
    'wy-owner-decision': WyOwnerDecisionEvent;
  }
}
