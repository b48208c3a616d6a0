import { expect, fixture, html, aTimeout } from '@open-wc/testing';
import '../../src/components/schema-form/schema-form.js';
import type { WySchemaForm } from '../../src/components/schema-form/schema-form.js';
import type { JsonSchema } from '../../src/core/form/index.js';

// A schema typed by a configurator (not shipped, so not precompiled): Ajv is loaded lazily and
// compiles it in the page. Allowed here because this page has no CSP.
describe('<wy-schema-form> with a schema given at run time (no CSP)', () => {
  const custom: JsonSchema = {
    type: 'object',
    required: ['count', 'email'],
    properties: {
      count: { type: 'integer', minimum: 1, title: '数量', 'x-label': { 'zh-CN': '数量', en: 'Count' } },
      email: { type: 'string', format: 'email', 'x-label': { 'zh-CN': '电子邮箱', en: 'E-mail' } },
    },
  };

  it('validates with messages naming the fields, in zh-CN and en', async () => {
    const form = await fixture<WySchemaForm>(html`<wy-schema-form .schema=${custom} .value=${{ count: 0, email: 'not-an-email' }}></wy-schema-form>`);
    await aTimeout(50);
    const zh = await form.validate();
    expect(zh.map((e) => e.message)).to.have.members(['数量不能小于 1', '电子邮箱不是有效的电子邮箱']);
    form.locale = 'en';
    await form.updateComplete;
    const en = await form.validate();
    expect(en.map((e) => e.message)).to.have.members(['Count must be at least 1', 'E-mail must be a valid e-mail address']);
    expect(form.shadowRoot!.querySelector('[part="error-panel"]')).to.equal(null);
  });

  it('submits a valid value', async () => {
    const form = await fixture<WySchemaForm>(html`<wy-schema-form .schema=${custom} .value=${{ count: 2, email: 'wang@example.com' }}></wy-schema-form>`);
    let submitted: unknown;
    form.addEventListener('wy-submit', (e) => (submitted = e.detail.value));
    expect(await form.requestSubmit()).to.equal(true);
    expect(submitted).to.deep.equal({ count: 2, email: 'wang@example.com' });
  });
});
