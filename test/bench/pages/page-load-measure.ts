// Shared by the page-load pages: when the last field's control is connected (polled once per
// task, from navigation start), the first frame after that, the number of controls, and the
// synchronous work of each keystroke (from `keydown` at the window, capture phase, to the end of
// the last `input` listener at the window, bubble phase: the browser runs every listener's
// microtasks, Lit's updates included, before the next listener).
export interface PageLoadResult {
  connected: number;
  frame: number;
  controls: number;
}

declare global {
  interface Window {
    pageLoad?: Promise<PageLoadResult>;
    keystrokes?: number[];
    /** After the measurements: the number of errors `validate()` finds, or why it cannot. */
    validation?: () => Promise<number | string>;
  }
}

/** Every input/select/textarea under `root`, through open shadow roots. */
export function countControls(root: Node): number {
  let n = 0;
  const walk = (node: Element | ShadowRoot | Document) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.matches('input, select, textarea')) n++;
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root as Element);
  return n;
}

/**
 * Resolves when `find()` returns a connected control, polling once per task (a MessageChannel,
 * no clamping) from the moment the page calls `start()` (after it appended its element: polling
 * while the schema downloads would only steal time).
 */
export function measure(find: () => Element | null | undefined): { start(): void } {
  let start!: () => void;
  const started = new Promise<void>((r) => (start = r));
  window.pageLoad = started.then(() => new Promise<PageLoadResult>((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      const el = find();
      if (!el?.isConnected) {
        ch.port2.postMessage(0);
        return;
      }
      const connected = performance.now();
      // Marks for the bench's trace (main-thread CPU time up to each).
      performance.mark('wy-connected');
      requestAnimationFrame(() => {
        const after = new MessageChannel();
        after.port1.onmessage = () => {
          const frame = performance.now();
          performance.mark('wy-frame');
          resolve({ connected, frame, controls: countControls(document) });
        };
        after.port2.postMessage(0);
      });
    };
    ch.port2.postMessage(0);
  }));
  const samples: number[] = [];
  window.keystrokes = samples;
  let t0 = -1;
  let counted = false;
  window.addEventListener('keydown', () => {
    t0 = performance.now();
    counted = false;
  }, true);
  window.addEventListener('input', () => {
    if (t0 < 0) return;
    // Several input events in one keystroke (a control's and its element's): the last one ends it.
    if (counted) samples[samples.length - 1] = performance.now() - t0;
    else samples.push(performance.now() - t0);
    counted = true;
  });
  return { start };
}

/** Lets the bench check, after measuring, that the form validates at all on this page. */
export function checkValidation(form: HTMLElement & { validate(): Promise<readonly unknown[]> }): void {
  let failure = '';
  form.addEventListener('wy-error', (e) => (failure = String((e as CustomEvent<{ error: Error }>).detail.error.message)));
  window.validation = async () => {
    const errors = await form.validate();
    return failure || errors.length;
  };
}
