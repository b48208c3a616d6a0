/**
 * Base of every wuye-kit event: bubbling, composed (crosses shadow roots), with a readonly
 * `detail`. One subclass per event type keeps listeners typed through
 * `GlobalEventHandlersEventMap`.
 */
export class WyEvent<D> extends Event {
  constructor(
    type: string,
    readonly detail: D,
    init: EventInit = {},
  ) {
    super(type, { bubbles: true, composed: true, ...init });
  }
}

/**
 * `wy-change`, fired by every element whose value changes; each element documents its
 * `detail` (`{ value, path }` for forms, `{ items }` for the defect checklist, …).
 */
export class WyChangeEvent<D = unknown> extends WyEvent<D> {
  static readonly type = 'wy-change';
  constructor(detail: D) {
    super(WyChangeEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'wy-change': WyChangeEvent;
  }
}

/**
 * Dispatches `event`, then (until 0.3) the same `detail` under the event's 0.1 name, for hosts
 * that still listen to that. Returns what dispatching `event` returned.
 */
export function dispatchRenamed(target: EventTarget, event: WyEvent<unknown>, oldType: string): boolean {
  const notCancelled = target.dispatchEvent(event);
  target.dispatchEvent(new WyEvent(oldType, event.detail));
  return notCancelled;
}
