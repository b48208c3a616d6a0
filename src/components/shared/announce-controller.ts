import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/**
 * One polite live region per element, for what a sighted user sees change and a screen-reader
 * user must hear: `announce(text)` and put `${this.announcer.render()}` once in the template.
 * Saying the same words twice is heard twice (the region is cleared for a frame first).
 */
export class AnnounceController implements ReactiveController {
  private text = '';
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** What the region says now (for tests and for elements that also show it). */
  get message(): string {
    return this.text;
  }

  announce(text: string): void {
    clearTimeout(this.pending);
    if (text === this.text && text !== '') {
      this.text = '';
      this.host.requestUpdate();
      this.pending = setTimeout(() => this.set(text), 50);
      return;
    }
    this.set(text);
  }

  private set(text: string): void {
    this.text = text;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    clearTimeout(this.pending);
  }

  render(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite">${this.text}</div>`;
  }
}
