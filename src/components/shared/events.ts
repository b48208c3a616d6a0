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
