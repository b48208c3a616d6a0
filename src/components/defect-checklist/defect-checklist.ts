import { WyDefectChecklist } from './defect-checklist.component.js';

export * from './defect-checklist.component.js';
export * from './defect-checklist.events.js';

if (!customElements.get('wy-defect-checklist')) customElements.define('wy-defect-checklist', WyDefectChecklist);

declare global {
  interface HTMLElementTagNameMap {
    'wy-defect-checklist': WyDefectChecklist;
  }
}
