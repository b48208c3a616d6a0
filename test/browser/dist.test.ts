import { expect, fixture, html } from '@open-wc/testing';
import validComplaints from '../../schemas/examples/complaint.valid.json';
import type * as KitModule from '../../src/index.js';

// Imports the built package (npm test builds before it runs the browser tests), not src/,
// to prove the published shape works: entry points, registration, lit as a peer.
type Kit = typeof KitModule;
const load = (url: string): Promise<Kit> => import(/* @vite-ignore */ url) as Promise<Kit>;

describe('the built dist/', () => {
  it('wuye-kit (index) exports without registering elements', async () => {
    const kit = await load('/dist/index.js');
    expect(kit.validate('complaint', validComplaints[0]).valid).to.equal(true);
    expect(typeof kit.WyErrorSummary).to.equal('function');
    expect(customElements.get('wy-error-summary')).to.equal(undefined);
  });

  it('wuye-kit/core validates', async () => {
    const core = await load('/dist/core/index.js');
    expect(core.validate('complaint', {}).valid).to.equal(false);
    expect(core.vocab.contentCategory.codes).to.have.length(6);
  });

  it('wuye-kit/define.js registers every element and they render', async () => {
    await load('/dist/define.js');
    expect(customElements.get('wy-error-summary')).to.be.a('function');
    expect(customElements.get('wy-kit-provider')).to.be.a('function');
    const core = await load('/dist/core/index.js');
    const { errors } = core.validate('complaint', { recordNo: 'A-1' }, { locale: 'en' });
    const el = await fixture(html`<wy-kit-provider locale="en"><wy-error-summary .errors=${errors}></wy-error-summary></wy-kit-provider>`);
    const summary = el.querySelector('wy-error-summary')!;
    await summary.updateComplete;
    expect(summary.shadowRoot!.querySelector('[part="heading"]')!.textContent).to.match(/^Please fix the \d+ problems below$/);
  });

  it('the custom elements manifest describes the elements', async () => {
    // The test server turns .json into a module (esbuild's json loader), so import it.
    const manifest = ((await import(/* @vite-ignore */ '/dist/custom-elements.json' as string)) as {
      default: { modules: { declarations?: { tagName?: string; events?: { name: string }[] }[] }[] };
    }).default;
    const decls = manifest.modules.flatMap((m) => m.declarations ?? []);
    const summary = decls.find((d) => d.tagName === 'wy-error-summary');
    expect(summary?.events?.map((e) => e.name)).to.include('wy-error-select');
  });
});
