// <wy-deduction-calculator> while its on-demand parts load (deduction-calculator.parts.ts): the
// header and a loading note first, `aria-busy` until the result is there, `updateComplete` waiting
// for it; a part that fails to load shows an error with a retry that works. The parts are swapped
// for gated or failing ones here, in this file's own page.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/deduction-calculator/deduction-calculator.js';
import type { WyDeductionCalculator } from '../../src/components/deduction-calculator/deduction-calculator.js';
import { parts } from '../../src/components/deduction-calculator/deduction-calculator.parts.js';
import { Lazy } from '../../src/components/shared/lazy.js';
import type { Complaint } from '../../src/generated/types/complaint.js';
import type { DeductionRules } from '../../src/core/deductions/index.js';
import defaultsJson from '../../schemas/deduction-rules.default.json';
import examplesJson from '../../schemas/examples/complaint.valid.json';

const defaults = defaultsJson as unknown as DeductionRules;
const examples = examplesJson as unknown as Complaint[];
const original = parts.report;
const rows = (el: WyDeductionCalculator) => el.shadowRoot!.querySelectorAll('tr[part="row"]').length;

describe('<wy-deduction-calculator> loading its parts', () => {
  afterEach(() => {
    parts.report = original;
  });

  it('shows the header and a loading note until the engine arrives; updateComplete waits for the table', async () => {
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    parts.report = new Lazy(async () => {
      await gate;
      return original.load();
    });
    const el = document.createElement('wy-deduction-calculator');
    el.setAttribute('locale', 'en');
    el.range = '2026-Q3';
    el.complaints = examples;
    el.rules = defaults;
    document.body.append(el);
    try {
      const done = el.updateComplete.then(() => 'done');
      await new Promise((r) => setTimeout(r, 50));
      expect(await Promise.race([done, Promise.resolve('waiting')])).to.equal('waiting');
      const root = el.shadowRoot!;
      expect(root.querySelector('h2')!.textContent).to.contain('Complaint deductions');
      expect(root.querySelector('[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
      expect(root.querySelector('.note')!.textContent).to.equal('Loading the deduction calculator…');
      expect(root.querySelector<HTMLButtonElement>('[part="toolbar"] button')!.disabled).to.equal(true);
      expect(el.value).to.equal(undefined);
      expect(el.toCsv()).to.equal('');
      await expect(el).to.be.accessible();
      open();
      expect(await done).to.equal('done');
      expect(rows(el)).to.equal(3);
      expect(root.querySelector('[part="base"]')!.getAttribute('aria-busy')).to.equal('false');
      expect(root.querySelector('.note')?.textContent).not.to.equal('Loading the deduction calculator…');
      expect(el.toCsv('groups', { bom: false }).startsWith('ID,Management office')).to.equal(true);
    } finally {
      el.remove();
    }
  });

  it('says so when the engine cannot be loaded, and loads it on retry', async () => {
    parts.report = new Lazy(() => Promise.reject(new Error('offline')));
    const el = await fixture<WyDeductionCalculator>(html`<wy-deduction-calculator range="2026-Q3" .complaints=${examples} .rules=${defaults}></wy-deduction-calculator>`);
    const alert = el.shadowRoot!.querySelector('[part="error"][role="alert"]')!;
    expect(alert.textContent).to.contain('扣分计算未能加载。');
    await expect(el).to.be.accessible();
    parts.report = original;
    alert.querySelector('button')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    expect(rows(el)).to.equal(3);
  });
});
