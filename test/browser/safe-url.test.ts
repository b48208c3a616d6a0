import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/schema-form/schema-form.js';
import { WyFileField } from '../../src/components/schema-form/fields/file-field.js';

// The file field loads on demand inside a form; registered here to test it alone.
if (!customElements.get('wy-file-field')) customElements.define('wy-file-field', WyFileField);
import { safeUrl } from '../../src/components/shared/safe-url.js';

describe('URLs from data pass an allow-list in every element', () => {
  it('safeUrl keeps http(s), blob and relative paths; any other scheme becomes #', () => {
    for (const ok of ['https://files.example/a.jpg', 'http://x/y', 'blob:https://a/1', '/files/a.pdf', './a.png', '../b.png', 'a.png']) expect(safeUrl(ok)).to.equal(ok);
    for (const bad of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x', '\u0001javascript:x']) expect(safeUrl(bad), bad).to.equal('#');
    expect(safeUrl(undefined)).to.equal('#');
  });

  it('the file field renders a javascript: attachment as an inert link', async () => {
    const el = await fixture<WyFileField>(html`<wy-file-field label="附件" .value=${[{ id: 'f1', name: '照片.png', type: 'image/png', url: 'javascript:alert(1)' }]}></wy-file-field>`);
    await el.updateComplete;
    const a = el.shadowRoot!.querySelector('a')!;
    expect(a.getAttribute('href')).to.equal('#');
    expect(el.shadowRoot!.querySelector('img')!.getAttribute('src')).to.equal('#');
    expect(a.textContent).to.equal('照片.png');
  });
});
