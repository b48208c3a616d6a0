// One conformance suite run for every form-associated field element: value, FormData, reset,
// disabled, validity (:invalid), focus, axe, zh-CN/en. (Material Web's habit: the same suite for
// every control.)
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/schema-form/schema-form.js';
import type { WyFieldBase } from '../../src/components/schema-form/schema-form.js';

interface Case {
  readonly tag: string;
  /** A value to set, and what FormData then holds. */
  readonly value: unknown;
  readonly formData: string;
  readonly options?: { value: unknown; label: string }[];
  /** Keys typed into the focused control, and the value they must give. */
  readonly type?: { keys: string; value: unknown };
}

const options = [
  { value: 'minor', label: '一般' },
  { value: 'serious', label: '较重' },
  { value: 'major', label: '重大' },
];

const cases: Case[] = [
  { tag: 'wy-text-field', value: '电梯停运', formData: '电梯停运', type: { keys: '漏水', value: '漏水' } },
  { tag: 'wy-phone-field', value: '13812345678', formData: '13812345678', type: { keys: '138 1234 5678', value: '13812345678' } },
  { tag: 'wy-number-field', value: 3, formData: '3', type: { keys: '42', value: 42 } },
  { tag: 'wy-date-field', value: '2026-11-26', formData: '2026-11-26' },
  { tag: 'wy-datetime-field', value: '2026-11-26T09:30:00+08:00', formData: '2026-11-26T09:30:00+08:00' },
  { tag: 'wy-textarea-field', value: '第一行\n第二行', formData: '第一行\n第二行', type: { keys: 'abc', value: 'abc' } },
  { tag: 'wy-select-field', value: 'serious', formData: 'serious', options },
  { tag: 'wy-radio-field', value: 'major', formData: 'major', options },
  { tag: 'wy-checkbox-field', value: true, formData: 'on', type: { keys: ' ', value: true } },
  { tag: 'wy-multi-select-field', value: ['minor', 'major'], formData: '["minor","major"]', options },
];

for (const c of cases) {
  describe(`<${c.tag}> conformance`, () => {
    const make = async (attrs: { required?: boolean; value?: unknown; locale?: string } = {}) => {
      const form = await fixture<HTMLFormElement>(html`<form><fieldset></fieldset></form>`);
      const el = document.createElement(c.tag) as WyFieldBase;
      el.name = 'f';
      el.label = '严重程度';
      if (c.options) el.options = c.options;
      if (attrs.required) el.required = true;
      if (attrs.locale) el.locale = attrs.locale;
      if (attrs.value !== undefined) el.value = attrs.value;
      form.querySelector('fieldset')!.append(el);
      await el.updateComplete;
      return { form, el };
    };

    it('passes axe', async () => {
      const { el } = await make({ required: true, value: c.value });
      await expect(el).to.be.accessible();
    });

    it('puts its value in FormData under its name', async () => {
      const { form, el } = await make({ value: c.value });
      expect(new FormData(form).get('f')).to.equal(c.formData);
      el.value = undefined;
      await el.updateComplete;
      expect(new FormData(form).get('f')).to.equal(null);
    });

    it('resets to its first value with the form', async () => {
      const { form, el } = await make({ value: c.value });
      el.value = undefined;
      await el.updateComplete;
      form.reset();
      await el.updateComplete;
      expect(el.value).to.deep.equal(c.value);
    });

    it('is disabled by a disabled fieldset, and then not validated', async () => {
      const { form, el } = await make({ required: true });
      expect(el.matches(':invalid')).to.equal(true);
      form.querySelector('fieldset')!.disabled = true;
      await el.updateComplete;
      expect(el.matches(':disabled')).to.equal(true);
      expect(el.checkValidity()).to.equal(true);
    });

    it('is :invalid when required and empty, with a message in zh-CN or en', async () => {
      const { el } = await make({ required: true });
      expect(el.validity.valueMissing).to.equal(true);
      expect(el.validationMessage).to.equal('严重程度为必填项');
      const en = await make({ required: true, locale: 'en' });
      expect(en.el.validationMessage).to.equal('严重程度 is required');
      el.value = c.value;
      await el.updateComplete;
      expect(el.matches(':invalid')).to.equal(false);
    });

    it('shows a custom error, sets aria-invalid and describes the control with it', async () => {
      const { el } = await make({ value: c.value });
      el.error = '号码不存在';
      await el.updateComplete;
      expect(el.validity.customError).to.equal(true);
      const control = el.shadowRoot!.querySelector('[aria-invalid]')!;
      expect(control.getAttribute('aria-invalid')).to.equal('true');
      const ids = control.getAttribute('aria-describedby')!.split(' ');
      const described = ids.map((id) => el.shadowRoot!.getElementById(id)?.textContent).join(' ');
      expect(described).to.contain('号码不存在');
    });

    it("keeps its control's attributes in step with its properties, both ways", async () => {
      const { el } = await make();
      const control = () => el.shadowRoot!.querySelector<HTMLElement>('[part="control"]')!;
      const described = () => control().getAttribute('aria-describedby') ?? '';
      expect(control().getAttribute('aria-invalid')).to.equal('false');
      el.error = '号码不存在';
      el.disabled = true;
      el.help = '填写说明';
      await el.updateComplete;
      expect(control().getAttribute('aria-invalid')).to.equal('true');
      const text = described().split(' ').map((id) => el.shadowRoot!.getElementById(id)?.textContent).join(' ');
      expect(text).to.contain('号码不存在').and.to.contain('填写说明');
      expect(control().hasAttribute('disabled') || control().closest('fieldset[disabled]') !== null).to.equal(true);
      el.error = '';
      el.disabled = false;
      el.help = '';
      await el.updateComplete;
      expect(control().getAttribute('aria-invalid')).to.equal('false');
      expect(control().hasAttribute('aria-describedby')).to.equal(c.tag === 'wy-textarea-field');
      expect(control().hasAttribute('disabled')).to.equal(false);
      expect(el.shadowRoot!.querySelector('[part="field-help"], [part="field-error"]')).to.equal(null);
    });

    it('takes focus (delegated to its control) and fires input on typing', async () => {
      const { el } = await make();
      el.focus();
      expect(el.shadowRoot!.activeElement).to.not.equal(null);
      if (c.type) {
        let inputs = 0;
        el.addEventListener('input', () => inputs++);
        await sendKeys({ type: c.type.keys });
        await el.updateComplete;
        expect(el.value).to.deep.equal(c.type.value);
        expect(inputs).to.be.greaterThan(0);
      }
    });

    it('renders a read view with the value as text', async () => {
      const { el } = await make({ value: c.value });
      el.readonly = true;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('input, select, textarea')).to.equal(null);
      expect(el.shadowRoot!.querySelector('[part="read-value"]')!.textContent!.length).to.be.greaterThan(0);
    });
  });
}
