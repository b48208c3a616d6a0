// <wy-schema-form> is not imported here: the element loads it with the form's data when it connects.
import { WyComplaintForm } from './complaint-form.component.js';

export * from './complaint-form.component.js';

if (!customElements.get('wy-complaint-form')) customElements.define('wy-complaint-form', WyComplaintForm);

declare global {
  interface HTMLElementTagNameMap {
    'wy-complaint-form': WyComplaintForm;
  }
}
