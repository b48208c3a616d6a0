// Benchmark page: <wy-complaint-form> (offices, actor, routing compute rules, its header) and,
// with ?plain, a bare <wy-schema-form> over the same complaint schema and complaint.ui.json —
// what the wrapper costs. Reports first render (from navigation start until every field has
// rendered) and one keystroke in the description (input event until the field, the fields
// depending on it and the complaint element are updated), 10 keystrokes a sample.
import '../../../src/components/complaint-form/complaint-form.js';
import type { WySchemaForm, WyFieldBase } from '../../../src/components/schema-form/schema-form.js';
import complaint from '../../../schemas/complaint.schema.json';
import ui from '../../../schemas/complaint.ui.json';
import offices from '../../../schemas/examples/offices.json';
import examples from '../../../schemas/examples/complaint.valid.json';
import type { JsonSchema, UiSchema } from '../../../src/core/form/index.js';

declare global {
  interface Window {
    complaintBenchResult?: Promise<{ firstRender: number; keystrokes: number[]; fields: number }>;
  }
}

const plain = new URLSearchParams(location.search).has('plain');
const value = (({ recordNo: _r, meta: _m, ...rest }) => rest)(examples[3] as Record<string, unknown>);

function allFields(root: ShadowRoot): WyFieldBase[] {
  const out: WyFieldBase[] = [];
  for (const n of root.querySelectorAll('*')) {
    if ((n as WyFieldBase).path && n.tagName.endsWith('-FIELD')) out.push(n as WyFieldBase);
    if (n.shadowRoot) out.push(...allFields(n.shadowRoot));
  }
  return out;
}

window.complaintBenchResult = (async () => {
  let host: HTMLElement & { updateComplete: Promise<boolean> };
  let form: WySchemaForm;
  if (plain) {
    // <wy-complaint-form>'s entry does not define <wy-schema-form> (it loads it on demand).
    await import('../../../src/components/schema-form/schema-form.js');
    form = document.createElement('wy-schema-form');
    form.schema = complaint as JsonSchema;
    form.uiSchema = ui as unknown as UiSchema;
    form.value = value;
    host = form;
    document.body.append(form);
  } else {
    const el = document.createElement('wy-complaint-form');
    el.offices = offices;
    el.actor = { id: 'E1001', name: '周敏', roles: [] };
    el.value = value;
    host = el;
    document.body.append(el);
    await el.updateComplete;
    form = el.shadowRoot!.querySelector('wy-schema-form')!;
  }
  await form.updateComplete;
  let fields = allFields(form.shadowRoot!);
  await Promise.all(fields.map((f) => f.updateComplete));
  fields = allFields(form.shadowRoot!);
  await Promise.all(fields.map((f) => f.updateComplete));
  const firstRender = performance.now();
  const description = fields.find((f) => f.path === '/description')!;
  // Built-in fields render into the form's own tree (no shadow root of their own).
  const textarea = (description.shadowRoot ?? description).querySelector('textarea')!;
  const keystrokes: number[] = [];
  for (let i = 0; i < 60; i++) {
    const t0 = performance.now();
    for (let k = 0; k < 10; k++) {
      textarea.value += '字';
      textarea.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await description.updateComplete;
      await host.updateComplete;
    }
    keystrokes.push((performance.now() - t0) / 10);
  }
  return { firstRender, keystrokes: keystrokes.slice(10), fields: fields.length };
})();
