// Baseline: a bare Lit element with 300 labelled inputs, no validation, no rules.
import { LitElement, html } from 'lit';

class BareForm extends LitElement {
  values: string[] = Array.from({ length: 300 }, () => '');
  override render() {
    return html`${this.values.map(
      (v, i) => html`<label>字段 ${i}<input .value=${v} @input=${(e: Event) => {
        this.values[i] = (e.target as HTMLInputElement).value;
        this.requestUpdate();
      }} /></label>`,
    )}`;
  }
}
customElements.define('bare-form', BareForm);

declare global {
  interface Window {
    benchResult?: Promise<{ firstRender: number; keystrokes: number[] }>;
  }
}

window.benchResult = (async () => {
  const el = document.createElement('bare-form') as BareForm;
  document.body.append(el);
  await el.updateComplete;
  const firstRender = performance.now();
  const input = el.shadowRoot!.querySelector('input')!;
  const keystrokes: number[] = [];
  for (let i = 0; i < 60; i++) {
    const t0 = performance.now();
    for (let k = 0; k < 10; k++) {
      input.value = `值${i}-${k}`;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await el.updateComplete;
    }
    keystrokes.push((performance.now() - t0) / 10);
  }
  return { firstRender, keystrokes: keystrokes.slice(10) };
})();
