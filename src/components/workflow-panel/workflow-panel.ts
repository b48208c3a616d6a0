// <wy-schema-form> (its action forms) is defined on demand, when the first action with fields opens.
import { WyWorkflowPanel } from './workflow-panel.component.js';

export * from './workflow-panel.component.js';

if (!customElements.get('wy-workflow-panel')) customElements.define('wy-workflow-panel', WyWorkflowPanel);

declare global {
  interface HTMLElementTagNameMap {
    'wy-workflow-panel': WyWorkflowPanel;
  }
}
