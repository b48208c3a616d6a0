import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Tells an element when the page is being printed, so it can render the paper view (every row,
 * no virtual scrolling, no controls): `printing` is true between `beforeprint` and `afterprint`,
 * and the host re-renders on each change. Optional hooks run before the re-render.
 */
export class PrintController implements ReactiveController {
  printing = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly hooks: { before?: () => void; after?: () => void } = {},
  ) {
    host.addController(this);
  }

  private readonly onBefore = (): void => {
    this.printing = true;
    this.hooks.before?.();
    this.host.requestUpdate();
  };

  private readonly onAfter = (): void => {
    this.printing = false;
    this.hooks.after?.();
    this.host.requestUpdate();
  };

  hostConnected(): void {
    window.addEventListener('beforeprint', this.onBefore);
    window.addEventListener('afterprint', this.onAfter);
  }

  hostDisconnected(): void {
    window.removeEventListener('beforeprint', this.onBefore);
    window.removeEventListener('afterprint', this.onAfter);
  }
}
