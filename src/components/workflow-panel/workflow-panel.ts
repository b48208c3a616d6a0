// The elements this one renders inside itself.
import '../schema-form/schema-form.js';
import { WyWorkflowPanel } from './workflow-panel.component.js';

export * from './workflow-panel.component.js';

if (!customElements.get('wy-workflow-panel')) customElements.define('wy-workflow-panel', WyWorkflowPanel);

declare global {
  interface HTMLElementTagNameMap {
    'wy-workflow-panel': WyWorkflowPanel;
  }
}
