// Yardstick: one bare Lit element rendering the same controls as <wy-schema-form> for the
// page-load schema (label + input/select/radio group/checkbox/date per field), no validation,
// no rules. The schema is fetched as JSON, as the other pages do.
import { LitElement, html } from 'lit';
import { measure } from './page-load-measure.js';

type Prop = { type: string; enum?: string[]; format?: string; 'x-label': { 'zh-CN': string } };

class BareForm extends LitElement {
  properties: [string, Prop][] = [];
  values: Record<string, unknown> = {};
  private set(k: string, v: unknown) {
    this.values = { ...this.values, [k]: v };
    this.requestUpdate();
  }
  private control(k: string, p: Prop) {
    const label = p['x-label']['zh-CN'];
    if (p.enum && p.enum.length <= 3) {
      return html`<fieldset><legend>${label}</legend>${p.enum.map((o) => html`<label><input type="radio" name=${k} .value=${o} @change=${() => this.set(k, o)} />${o}</label>`)}</fieldset>`;
    }
    if (p.enum) {
      return html`<label for=${k}>${label}</label><select id=${k} @change=${(e: Event) => this.set(k, (e.target as HTMLSelectElement).value)}>
          <option value=""></option>${p.enum.map((o) => html`<option .value=${o}>${o}</option>`)}</select>`;
    }
    if (p.type === 'boolean') return html`<label><input type="checkbox" .checked=${Boolean(this.values[k])} @change=${(e: Event) => this.set(k, (e.target as HTMLInputElement).checked)} />${label}</label>`;
    const type = p.type === 'number' ? 'number' : p.format === 'date' ? 'date' : 'text';
    return html`<label for=${k}>${label}</label><input id=${k} type=${type} .value=${String(this.values[k] ?? '')} @input=${(e: Event) => this.set(k, (e.target as HTMLInputElement).value)} />`;
  }
  override render() {
    return html`<form>${this.properties.map(([k, p]) => html`<div class="field">${this.control(k, p)}</div>`)}</form>`;
  }
}
customElements.define('bare-form', BareForm);

const el = document.createElement('bare-form') as BareForm;
const timing = measure(() => el.shadowRoot?.getElementById('f299') ?? el.shadowRoot?.querySelector('[name="f299"]'));
const schema = (await (await fetch('./schema.json')).json()) as { properties: Record<string, Prop> };
el.properties = Object.entries(schema.properties);
document.body.append(el);
timing.start();
