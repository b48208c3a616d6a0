import '../schema-form/schema-form.js';
import { WyComplaintForm } from './complaint-form.component.js';

export * from './complaint-form.component.js';

if (!customElements.get('wy-complaint-form')) customElements.define('wy-complaint-form', WyComplaintForm);

declare global {
  interface HTMLElementTagNameMap {
    'wy-complaint-form': WyComplaintForm;
  }
}
