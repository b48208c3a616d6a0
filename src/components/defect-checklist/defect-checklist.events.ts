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

/** `wy-defect-close`: a defect was closed (passed re-inspection, or a dispute settled). */
export class WyDefectCloseEvent extends WyEvent<{ readonly item: Defect }> {
  static readonly type = 'wy-defect-close';
  constructor(item: Defect) {
    super(WyDefectCloseEvent.type, { item });
  }
}

/** `wy-owner-decide`: in move-in mode, the owner's decision whether to accept the house (是否收房) was recorded. */
export class WyOwnerDecideEvent extends WyEvent<{ readonly decision: OwnerDecision }> {
  static readonly type = 'wy-owner-decide';
  constructor(decision: OwnerDecision) {
    super(WyOwnerDecideEvent.type, { decision });
  }
}

/** @deprecated since 0.2: `WyDefectCloseEvent` (`wy-defect-close`). */
export const WyDefectItemCloseEvent = WyDefectCloseEvent;
/** @deprecated since 0.2: `WyDefectCloseEvent`. */
export type WyDefectItemCloseEvent = WyDefectCloseEvent;
/** @deprecated since 0.2: `WyOwnerDecideEvent` (`wy-owner-decide`). */
export const WyOwnerDecisionEvent = WyOwnerDecideEvent;
/** @deprecated since 0.2: `WyOwnerDecideEvent`. */
export type WyOwnerDecisionEvent = WyOwnerDecideEvent;

/** The checklist's event names of 0.1, fired beside the new ones until 0.3. */
export const CHECKLIST_RENAMED_EVENTS: Readonly<Record<string, string>> = {
  'wy-item-close': 'wy-defect-close',
  'wy-owner-decision': 'wy-owner-decide',
};

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
    'wy-defect-close': WyDefectCloseEvent;
    'wy-owner-decide': WyOwnerDecideEvent;
    /** @deprecated since 0.2: `wy-defect-close`. */
    'wy-item-close': WyDefectCloseEvent;
    /** @deprecated since 0.2: `wy-owner-decide`. */
    'wy-owner-decision': WyOwnerDecideEvent;
  }
}
