import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Keeps the events of the kit's elements inside another element's shadow root from escaping
 * through its host: an element's events are its own documented API, never an inner form's or
 * error summary's. `redispatch` re-fires an inner event from the host (for example a complaint
 * form's `wy-change`, the value of its inner schema form); everything else listed in `stop` ends at
 * the shadow root. The element's own handlers on the inner elements still run (they are on the
 * target, before the event reaches the shadow root).
 */
export class InnerEventsController implements ReactiveController {
  private root: EventTarget | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment },
    private readonly stop: readonly string[],
    private readonly redispatch: (event: Event) => Event | undefined = () => undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const root = this.host.renderRoot;
    if (this.root === root || root === (this.host as unknown)) return;
    this.root = root;
    for (const type of this.stop) root.addEventListener(type, this.onInner);
  }

  private readonly onInner = (e: Event): void => {
    e.stopPropagation();
    const again = this.redispatch(e);
    if (again) this.host.dispatchEvent(again);
  };
}
