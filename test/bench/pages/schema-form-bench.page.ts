// Benchmark page: <wy-schema-form> with 300 fields and 50 rules. Reports first render (from
// navigation start until every field has rendered) and per-keystroke work (input event until
// the DOM of the field and the fields depending on it is updated).
import '../../../src/components/schema-form/schema-form.js';
import type { WySchemaForm, WyFieldBase } from '../../../src/components/schema-form/schema-form.js';
import { bigSchema } from './big-schema.js';
// Written by schema-form.bench.mjs before bundling: the Ajv standalone validator of bigSchema()
// (as `npx wuye-kit compile` makes), so no Ajv compilation runs in the page. (A string-typed
// specifier: the module does not exist until the bench writes it, so tsc must not resolve it.)
const { default: validateBig } = (await import('../.out/big-validator.js' as string)) as { default: unknown };

declare global {
  interface Window {
    benchResult?: Promise<{ firstRender: number; keystrokes: number[] }>;
  }
}

const fieldsOf = (form: WySchemaForm) => [...form.shadowRoot!.querySelectorAll<WyFieldBase>('.field')];

window.benchResult = (async () => {
  const { schema, ui } = bigSchema();
  const form = document.createElement('wy-schema-form');
  form.schema = schema;
  form.uiSchema = ui;
  // Shipped schemas validate with precompiled code; give this generated one a precompiled
  // validator too (what `npx wuye-kit compile` makes) so no Ajv compilation runs here.
  form.precompiled = validateBig as unknown as NonNullable<WySchemaForm['precompiled']>;
  // Worst case: every keystroke validates the whole value and updates errors.
  form.errorDisplay = 'live';
  document.body.append(form);
  await form.updateComplete;
  await Promise.all(fieldsOf(form).map((f) => f.updateComplete));
  const firstRender = performance.now();
  if (fieldsOf(form).length !== 300) throw new Error(`rendered ${fieldsOf(form).length} fields`);

  // f0 drives rules r0 (show /f3); type into it.
  const f0 = fieldsOf(form).find((f) => f.path === '/f0')!;
  const f3 = fieldsOf(form).find((f) => f.path === '/f3')!;
  // A field in the form's tree renders there (no shadow root of its own).
  const input = (f0.shadowRoot ?? f0).querySelector('input')!;
  // Timer resolution is 0.1 ms here, so each sample is ten keystrokes, divided by ten.
  const keystrokes: number[] = [];
  for (let i = 0; i < 60; i++) {
    const t0 = performance.now();
    for (let k = 0; k < 10; k++) {
      input.value = k === 9 && i % 2 ? 'hide' : `值${i}-${k}`;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await f0.updateComplete;
      await f3.updateComplete;
    }
    keystrokes.push((performance.now() - t0) / 10);
  }
  return { firstRender, keystrokes: keystrokes.slice(10) };
})();
