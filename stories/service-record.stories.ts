import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/schema-form/schema-form.js';
import type { JsonSchema, UiSchema } from '../src/core/form/index.js';
import serviceRecord from '../schemas/service-record.schema.json';
import serviceRecordUi from '../schemas/service-record.ui.json';
import serviceExamples from '../schemas/examples/service-record.valid.json';
import emergencyRecord from '../schemas/emergency-record.schema.json';
import emergencyRecordUi from '../schemas/emergency-record.ui.json';
import emergencyExamples from '../schemas/examples/emergency-record.valid.json';

const forms = {
  service: { schema: serviceRecord as JsonSchema, ui: serviceRecordUi as unknown as UiSchema },
  emergency: { schema: emergencyRecord as JsonSchema, ui: emergencyRecordUi as unknown as UiSchema },
};

/**
 * The other records of the customer-service manual, rendered by `<wy-schema-form>` from their
 * schemas and UI schemas alone: 顾客服务记录表 (every contact) and 突发事件处理记录表.
 */
const meta: Meta = {
  title: 'Complaints/Service and emergency records',
  component: 'wy-schema-form',
  parameters: { layout: 'padded' },
  argTypes: {
    record: { control: 'inline-radio', options: ['service', 'emergency'] },
    locale: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    readonly: { control: 'boolean' },
  },
  args: { record: 'service', locale: 'zh-CN', readonly: false },
  render: (args) => {
    const f = forms[args['record'] as keyof typeof forms];
    return html`<wy-schema-form
      style="max-width: 60rem"
      locale=${args['locale']}
      ?readonly=${args['readonly']}
      error-display=${args['errorDisplay'] ?? 'touched'}
      .schema=${f.schema}
      .uiSchema=${f.ui}
      .value=${args['value']}
    ></wy-schema-form>`;
  },
};
export default meta;
type Story = StoryObj;

/** 顾客服务记录表, empty. */
export const ServiceEmpty: Story = {};

/** A repair request, handled and visited back. */
export const ServiceFilled: Story = { args: { value: serviceExamples[0] } };

/** A complaint on the service record: the notice asks for the complaint record's number. */
export const ServiceComplaint: Story = { args: { value: { kind: 'complaint', status: 'complaint' }, errorDisplay: 'live' } };

/** Read view of the service record, like the paper form. */
export const ServiceRead: Story = { args: { value: serviceExamples[0], readonly: true } };

/** 突发事件处理记录表, empty (the escalation notice shows until it is reported to HQ). */
export const EmergencyEmpty: Story = { args: { record: 'emergency' } };

/** A lift entrapment: what happened, measures, who reported to whom, follow-up. */
export const EmergencyFilled: Story = { args: { record: 'emergency', value: emergencyExamples[0] } };

/** Read view of the emergency record. */
export const EmergencyRead: Story = { args: { record: 'emergency', value: emergencyExamples[0], readonly: true } };

/** English. */
export const EmergencyEnglish: Story = { args: { record: 'emergency', value: emergencyExamples[0], locale: 'en' } };
