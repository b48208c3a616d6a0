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
