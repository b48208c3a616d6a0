import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/error-summary/error-summary.js';
import { validate } from '../src/core/index.js';
import type { Locale } from '../src/core/index.js';
import invalidComplaints from '../schemas/examples/complaint.invalid.json';

const labels: Record<string, Record<Locale, string>> = {
  '/complainant/phone': { 'zh-CN': '联系电话', en: 'Phone' },
  '/category': { 'zh-CN': '投诉分类', en: 'Content category' },
  '/receivedAt': { 'zh-CN': '受理时间', en: 'Received at' },
};
const errorsOf = (name: string, locale: Locale) =>
  validate('complaint', invalidComplaints.find((c) => c.name === name)!.data, { locale, labelOf: (p) => labels[p]?.[locale] }).errors;

const meta: Meta = {
  title: 'Building blocks/Error summary',
  component: 'wy-error-summary',
  render: (args) => html`<wy-error-summary locale=${args['locale']} .errors=${args['errors']}></wy-error-summary>`,
};
export default meta;
type Story = StoryObj;

/** One problem from a real invalid complaint record (a malformed phone number). */
export const OneProblem: Story = { args: { locale: 'zh-CN', errors: errorsOf('bad phone', 'zh-CN') } };

/** An empty record: every required field of the complaint schema is listed. */
export const ManyProblems: Story = {
  args: { locale: 'zh-CN', errors: validate('complaint', { recordNo: 'SZ-HY-202611-0001' }).errors },
};

/** The same in English. */
export const English: Story = {
  args: { locale: 'en', errors: validate('complaint', { recordNo: 'SZ-HY-202611-0001' }, { locale: 'en' }).errors },
};

/** No errors: the element renders nothing. */
export const NoProblems: Story = { args: { locale: 'zh-CN', errors: [] } };

/** Restyled only through `--wy-*` tokens. */
export const Themed: Story = {
  args: { locale: 'zh-CN', errors: errorsOf('bad receivedAt', 'zh-CN') },
  render: (args) => html`<wy-error-summary
    style="--wy-error-summary-color: #7a2e0e; --wy-error-summary-background: #fffaeb; --wy-radius: 0"
    locale=${args['locale']}
    .errors=${args['errors']}
  ></wy-error-summary>`,
};
