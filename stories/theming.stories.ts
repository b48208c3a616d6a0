import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define.js';
import type { JsonSchema, UiSchema } from '../src/core/form/index.js';
import complaint from '../schemas/complaint.schema.json';
import complaintUi from '../schemas/complaint.ui.json';
import examples from '../schemas/examples/complaint.valid.json';
import offices from '../schemas/examples/offices.json';

/**
 * Restyling through `--wy-*` tokens only: no `::part()`, no element-specific CSS. The same
 * elements, three themes, set on a wrapper.
 */
const meta: Meta = {
  title: 'Theming/Tokens only',
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj;

const themes: Record<string, string> = {
  default: '',
  jade: `--wy-color-primary: #0b7a5f; --wy-color-focus: #0b7a5f; --wy-color-border: #9cc9b9; --wy-color-surface-alt: #eef7f3;
    --wy-radius: 12px; --wy-space-m: 1rem; --wy-font-size: 0.9375rem;`,
  'high contrast': `--wy-color-primary: #000; --wy-color-on-primary: #ff0; --wy-color-text: #000; --wy-color-border: #000;
    --wy-color-muted: #222; --wy-color-danger: #a00000; --wy-color-danger-surface: #fff; --wy-color-focus: #0000ff;
    --wy-radius: 0; --wy-font-size: 1rem;`,
};

const gallery = (style: string) => html`<div style=${style} class="theme" data-theme>
  <wy-schema-form
    .schema=${complaint as JsonSchema}
    .uiSchema=${{ ...(complaintUi as unknown as UiSchema), groups: (complaintUi as unknown as UiSchema).groups!.slice(0, 2) }}
    .value=${examples[0]}
    error-display="live"
  ></wy-schema-form>
  <wy-complaint-stats .complaints=${examples} .offices=${offices.slice(0, 4)} from="2026-07-01" to="2026-10-31"></wy-complaint-stats>
  <wy-deduction-calculator .complaints=${examples} .offices=${offices} .range=${{ from: '2026-07-01', to: '2026-10-31' }}></wy-deduction-calculator>
</div>`;

export const Default: Story = { render: () => gallery(themes['default']!) };
/** A green, rounder, roomier theme. */
export const Jade: Story = { render: () => gallery(themes['jade']!) };
/** Black on white with strong focus rings. */
export const HighContrast: Story = { render: () => gallery(themes['high contrast']!) };
