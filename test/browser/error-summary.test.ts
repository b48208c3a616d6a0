import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/error-summary/error-summary.js';
import type { WyErrorSummary } from '../../src/components/error-summary/error-summary.js';
import { validate } from '../../src/core/index.js';
import invalidComplaints from '../../schemas/examples/complaint.invalid.json';
import type { InvalidCase } from '../support/examples.js';

const cases = invalidComplaints as InvalidCase[];

describe('<wy-error-summary> renders validator output', () => {
  it('passes axe with errors shown', async () => {
    const { errors } = validate('complaint', { recordNo: 'X' });
    const el = await fixture<WyErrorSummary>(html`<wy-error-summary .errors=${errors}></wy-error-summary>`);
    await expect(el).to.be.accessible();
  });

  it('renders nothing without errors', async () => {
    const el = await fixture<WyErrorSummary>(html`<wy-error-summary></wy-error-summary>`);
    expect(el.shadowRoot!.querySelector('[part="base"]')).to.equal(null);
  });

  it('lists each problem of an invalid complaint in zh-CN', async () => {
    const { errors } = validate('complaint', cases.find((c) => c.name === 'bad phone')!.data);
    const el = await fixture<WyErrorSummary>(html`<wy-error-summary .errors=${errors}></wy-error-summary>`);
    const items = [...el.shadowRoot!.querySelectorAll('[part="item"]')].map((li) => li.textContent!.trim());
    expect(items).to.deep.equal(['投诉人·联系电话的格式不正确']);
    expect(el.shadowRoot!.querySelector('[part="heading"]')!.textContent).to.equal('请修正以下问题');
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.be.instanceOf(HTMLElement);
  });

  it('speaks English with locale="en" and counts the problems', async () => {
    const { errors } = validate('complaint', { recordNo: 'X' }, { locale: 'en' });
    const el = await fixture<WyErrorSummary>(html`<wy-error-summary locale="en" .errors=${errors}></wy-error-summary>`);
    expect(el.shadowRoot!.querySelector('[part="heading"]')!.textContent).to.equal(`Please fix the ${errors.length} problems below`);
  });

  it('follows the closest [lang] when no locale is set', async () => {
    const { errors } = validate('complaint', { recordNo: 'X' });
    const wrap = await fixture(html`<div lang="en"><wy-error-summary .errors=${errors}></wy-error-summary></div>`);
    const el = wrap.querySelector('wy-error-summary')!;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="heading"]')!.textContent).to.match(/^Please fix/);
  });

  it('fires wy-error-select with the path when a problem is chosen by keyboard', async () => {
    const { errors } = validate('complaint', cases.find((c) => c.name === 'missing category')!.data);
    const el = await fixture<WyErrorSummary>(html`<wy-error-summary .errors=${errors}></wy-error-summary>`);
    const link = el.shadowRoot!.querySelector('a')!;
    link.focus();
    setTimeout(() => link.click());
    const ev = await oneEvent(el, 'wy-error-select');
    expect(ev.detail.path).to.equal('/category');
    expect(ev.bubbles && ev.composed).to.equal(true);
  });

  it('shows hostile text as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const el = await fixture<WyErrorSummary>(
      html`<wy-error-summary .errors=${[{ path: '/subject', keyword: 'x', message: hostile, params: {} }]}></wy-error-summary>`,
    );
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(el.shadowRoot!.querySelector('a')!.textContent).to.equal(hostile);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
