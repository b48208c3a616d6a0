import { WyErrorSummary } from './error-summary.component.js';

export * from './error-summary.component.js';

if (!customElements.get('wy-error-summary')) customElements.define('wy-error-summary', WyErrorSummary);

declare global {
  interface HTMLElementTagNameMap {
    'wy-error-summary': WyErrorSummary;
  }
}
