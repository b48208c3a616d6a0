import { expect } from '@open-wc/testing';

// The self-registering bundle for <script type="module"> hosts: lit inside, nothing else needed.
describe('dist/wuye-kit.bundle.js', () => {
  it('loads from a module script tag and defines every element', async () => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = '/dist/wuye-kit.bundle.js';
    const loaded = new Promise((resolve, reject) => {
      script.onload = resolve;
      script.onerror = reject;
    });
    document.head.append(script);
    await loaded;
    await customElements.whenDefined('wy-error-summary');
    const el = document.createElement('wy-error-summary');
    el.errors = [{ path: '/subject', keyword: 'required', message: '主题为必填项', params: {} }];
    document.body.append(el);
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('主题为必填项');
    el.remove();
  });

  it('does not import lit from outside (self-contained)', async () => {
    const text = await (await fetch('/dist/wuye-kit.bundle.js')).text();
    expect(text).not.to.match(/from\s*["']lit/);
  });
});
