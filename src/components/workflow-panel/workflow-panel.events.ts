import { WyEvent } from '../shared/events.js';
import type { Effect, Snapshot, WorkflowEvent } from '../../workflow/types.js';

/** What `wy-transition` carries: the instance after the event, the event sent, and the effects to carry out. */
export interface TransitionDetail {
  readonly instance: Snapshot;
  readonly event: WorkflowEvent;
  /** Notifications and other effects of the transition, for the host to carry out. */
  readonly effects: readonly Effect[];
}

/** Fired after the engine accepted an event sent from the panel. */
export class WyTransitionEvent extends WyEvent<TransitionDetail> {
  static readonly type = 'wy-transition';
  constructor(detail: TransitionDetail) {
    super(WyTransitionEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'wy-transition': WyTransitionEvent;
  }
}
