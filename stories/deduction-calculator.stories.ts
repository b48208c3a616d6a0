import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/deduction-calculator/deduction-calculator.js';
import '../src/components/kit-provider/kit-provider.js';
import type { WyDeductionCalculator } from '../src/components/deduction-calculator/deduction-calculator.js';
import type { Complaint } from '../src/generated/types/complaint.js';
import type { DeductionRules } from '../src/core/deductions/index.js';
import defaults from '../schemas/deduction-rules.default.json';
import ruleSets from '../schemas/examples/deduction-rules.valid.json';
import broken from '../schemas/examples/deduction-rules-broken.json';
import examples from '../schemas/examples/complaint.valid.json';
import offices from '../schemas/examples/offices.json';

const complaints = examples as unknown as Complaint[];

const meta: Meta = {
  title: 'Deductions/Deduction calculator',
  component: 'wy-deduction-calculator',
  args: { range: '2026-Q3', groupBy: 'office', rules: defaults },
  argTypes: {
    range: { control: 'text' },
    groupBy: { control: 'select', options: ['office', 'handler', 'first-receiver'] },
  },
  render: (args) => html`<wy-kit-provider .reference=${{ offices }}>
    <wy-deduction-calculator
      range=${args['range']}
      group-by=${args['groupBy']}
      .complaints=${complaints}
      .rules=${args['rules'] as DeductionRules}
    ></wy-deduction-calculator>
  </wy-kit-provider>`,
};
export default meta;
type Story = StoryObj;

const calculatorIn = async (canvasElement: HTMLElement): Promise<WyDeductionCalculator> => {
  const el = canvasElement.querySelector('wy-deduction-calculator')!;
  await el.updateComplete;
  return el;
};

/** The shipped example rules (marked as a default to replace) on the 36 example records, third quarter 2026. */
export const DefaultRules: Story = {};

/** An office expanded: every record, its status and each rule line with its inputs. */
export const Explained: Story = {
  play: async ({ canvasElement }) => {
    const el = await calculatorIn(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('tr[data-key="SZ-LJ"] button.expand')?.click();
  },
};

/** A custom rule set: staff star rating per handler, reasonable needs included, total rounded half-even to whole points. */
export const CustomRuleSet: Story = { args: { rules: ruleSets[1], groupBy: 'handler' } };

/** A rule set with problems the schema cannot catch: duplicate id, missing base cell, overlapping and gapped bands. Nothing is computed. */
export const InvalidRuleSet: Story = { args: { rules: broken } };

/** "What if": one record's severity and repeat flag changed; before and after for the record and its office. */
export const WhatIf: Story = {
  play: async ({ canvasElement }) => {
    const el = await calculatorIn(canvasElement);
    const root = el.shadowRoot!;
    root.querySelector<HTMLButtonElement>('tr[data-key="SZ-LJ"] button.expand')?.click();
    await el.updateComplete;
    const index = complaints.findIndex((c) => c.recordNo === 'SZ-LJ-202608-0014');
    root.querySelector<HTMLButtonElement>(`#what-if-${index}`)?.click();
    await el.updateComplete;
    const severity = root.querySelector<HTMLSelectElement>('select[data-fact="severity"]');
    if (severity) {
      severity.value = 'major';
      severity.dispatchEvent(new Event('change'));
    }
    await el.updateComplete;
    root.querySelector<HTMLInputElement>('input[data-fact="repeat"]')?.click();
  },
};

/** The configurator's panel: paste a rule set, check it, see its problems in place. */
export const PasteRules: Story = {
  play: async ({ canvasElement }) => {
    const el = await calculatorIn(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-controls="rules-editor"]')?.click();
  },
};

/** In English (the toolbar's locale switch does the same for every story). */
export const English: Story = {
  render: (args) => html`<wy-kit-provider locale="en" .reference=${{ offices }}>
    <wy-deduction-calculator range=${args['range']} .complaints=${complaints} .rules=${args['rules'] as DeductionRules}></wy-deduction-calculator>
  </wy-kit-provider>`,
};

/** No `rules` property: the shipped example rule set is used and marked as one to replace. */
export const ShippedDefault: Story = {
  render: (args) => html`<wy-kit-provider .reference=${{ offices }}>
    <wy-deduction-calculator range=${args['range']} .complaints=${complaints}></wy-deduction-calculator>
  </wy-kit-provider>`,
};

/** Restyled only through `--wy-*` tokens. */
export const Themed: Story = {
  render: (args) => html`<wy-kit-provider .reference=${{ offices }}>
    <wy-deduction-calculator
      style="--wy-deduction-calculator-accent: #7a2e0e; --wy-deduction-calculator-stripe: #fffaf5; --wy-radius: 0"
      range=${args['range']}
      .complaints=${complaints}
      .rules=${args['rules'] as DeductionRules}
    ></wy-deduction-calculator>
  </wy-kit-provider>`,
};
