import { WyComplaintStats } from './complaint-stats.component.js';

export * from './complaint-stats.component.js';

if (!customElements.get('wy-complaint-stats')) customElements.define('wy-complaint-stats', WyComplaintStats);

declare global {
  interface HTMLElementTagNameMap {
    'wy-complaint-stats': WyComplaintStats;
  }
}
