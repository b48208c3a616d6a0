// The script of csp.html: an external module (the policy forbids inline script).
import { validate } from '/dist/wuye-kit.bundle.js';

const [schema, uiSchema] = await Promise.all([
  fetch('/schemas/complaint.schema.json').then((r) => r.json()),
  fetch('/schemas/complaint.ui.json').then((r) => r.json()),
]);
await customElements.whenDefined('wy-schema-form');
const form = document.getElementById('form');
const log = document.getElementById('log');
form.schema = schema;
form.uiSchema = uiSchema;
form.addEventListener('wy-submit', (e) => {
  // The same precompiled validator is available to the host, e.g. before sending to a backend.
  const { valid } = validate('complaint', e.detail.value);
  log.textContent = `submitted ${e.detail.value.recordNo} (valid: ${valid})`;
});
form.addEventListener('wy-invalid', (e) => {
  log.textContent = `invalid: ${e.detail.errors.length}`;
});
document.documentElement.dataset.ready = 'true';
