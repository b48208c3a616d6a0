import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, LitElement, css } from 'lit';
import '../src/components/schema-form/schema-form.js';
import type { JsonSchema, UiSchema } from '../src/core/form/index.js';
import complaint from '../schemas/complaint.schema.json';
import complaintUi from '../schemas/complaint.ui.json';
import examples from '../schemas/examples/complaint.valid.json';

const schema = complaint as JsonSchema;
const ui = complaintUi as unknown as UiSchema;

const meta: Meta = {
  title: 'Forms/Schema form',
  component: 'wy-schema-form',
  parameters: { layout: 'padded' },
  argTypes: {
    errorDisplay: { control: 'inline-radio', options: ['touched', 'submit', 'live'] },
    readonly: { control: 'boolean' },
    disabled: { control: 'boolean' },
  },
  args: { errorDisplay: 'touched', readonly: false, disabled: false },
  render: (args) => html`<wy-schema-form
    .schema=${args['schema'] ?? schema}
    .uiSchema=${args['uiSchema'] ?? ui}
    .value=${args['value']}
    error-display=${args['errorDisplay']}
    ?readonly=${args['readonly']}
    ?disabled=${args['disabled']}
    style="max-width: 60rem"
  ></wy-schema-form>`,
};
export default meta;
type Story = StoryObj;

/** The complaint record (顾客服务记录表) with its UI schema: groups, columns, rules. Empty. */
export const ComplaintEmpty: Story = {};

/** Filled with a real record from schemas/examples. */
export const ComplaintFilled: Story = { args: { value: examples[3] } };

/** Every problem shown at once (`error-display="live"`, submit pressed): summary, field errors. */
export const ComplaintErrors: Story = {
  args: { errorDisplay: 'live', value: { complainant: { type: 'owner', phone: '12345' }, room: '#12', repeat: true } },
  play: async ({ canvasElement }) => {
    const form = canvasElement.querySelector('wy-schema-form')!;
    await form.updateComplete;
    await form.requestSubmit();
  },
};

/** A repeat, major complaint: the escalation notice and the earlier-records list appear. */
export const ComplaintEscalated: Story = { args: { value: { ...examples[3], severity: 'major', repeat: true, relatedRecords: [examples[0]!.recordNo] } } };

/** Read view: values as text, option labels, the paper-record header. */
export const ReadView: Story = { args: { readonly: true, value: examples[0] } };

/** Disabled. */
export const Disabled: Story = { args: { disabled: true, value: examples[1] } };

/** English. */
export const English: Story = {
  args: { value: examples[2] },
  render: (args) => html`<wy-schema-form locale="en" .schema=${schema} .uiSchema=${ui} .value=${args['value']} style="max-width: 60rem"></wy-schema-form>`,
};

/** The same record as a three-step wizard; each step is validated before the next. */
export const Wizard: Story = {
  args: {
    uiSchema: {
      ...ui,
      groups: undefined,
      steps: [
        { id: 'who', title: { 'zh-CN': '投诉人', en: 'Who' }, groups: [ui.groups![0]!, ui.groups![1]!] },
        { id: 'what', title: { 'zh-CN': '内容', en: 'What' }, groups: [ui.groups![2]!] },
        { id: 'serious', title: { 'zh-CN': '严重程度', en: 'How serious' }, groups: [ui.groups![3]!] },
      ],
    } as UiSchema,
  },
};

const widgets: JsonSchema = {
  type: 'object',
  required: ['text', 'select'],
  properties: {
    text: { type: 'string', maxLength: 20, 'x-label': { 'zh-CN': '文本', en: 'Text' }, 'x-help': { 'zh-CN': '最多 20 个字', en: 'Up to 20 characters' } },
    textarea: { type: 'string', maxLength: 500, 'x-label': { 'zh-CN': '多行文本', en: 'Multi-line text' } },
    number: { type: 'integer', minimum: 0, maximum: 99, 'x-label': { 'zh-CN': '数字', en: 'Number' } },
    select: { type: 'string', enum: ['a', 'b', 'c', 'd'], 'x-labels': { a: { 'zh-CN': '甲', en: 'A' }, b: { 'zh-CN': '乙', en: 'B' }, c: { 'zh-CN': '丙', en: 'C' }, d: { 'zh-CN': '丁', en: 'D' } }, 'x-label': { 'zh-CN': '下拉选择', en: 'Select' } },
    radio: { type: 'string', enum: ['minor', 'serious', 'major'], 'x-labels': { minor: { 'zh-CN': '一般', en: 'Minor' }, serious: { 'zh-CN': '较重', en: 'Serious' }, major: { 'zh-CN': '重大', en: 'Major' } }, 'x-label': { 'zh-CN': '单选', en: 'Radio group' } },
    checkbox: { type: 'boolean', 'x-label': { 'zh-CN': '复选框', en: 'Checkbox' } },
    multi: { type: 'array', items: { type: 'string', enum: ['lift', 'water', 'power'], 'x-labels': { lift: { 'zh-CN': '电梯', en: 'Lift' }, water: { 'zh-CN': '供水', en: 'Water' }, power: { 'zh-CN': '供电', en: 'Power' } } }, 'x-label': { 'zh-CN': '多选', en: 'Multi-select' } },
    date: { type: 'string', format: 'date', 'x-label': { 'zh-CN': '日期', en: 'Date' } },
    datetime: { type: 'string', format: 'date-time', 'x-label': { 'zh-CN': '日期时间', en: 'Date and time' } },
    phone: { type: 'string', pattern: '^1[3-9][0-9]{9}$', 'x-label': { 'zh-CN': '手机', en: 'Mobile' } },
    person: { type: 'object', 'x-label': { 'zh-CN': '对象分组', en: 'Object group' }, properties: { name: { type: 'string', 'x-label': { 'zh-CN': '姓名', en: 'Name' } }, id: { type: 'string', 'x-label': { 'zh-CN': '工号', en: 'ID' } } } },
    list: { type: 'array', 'x-label': { 'zh-CN': '对象列表', en: 'List of objects' }, items: { type: 'object', 'x-label': { 'zh-CN': '联系人', en: 'Contact' }, properties: { name: { type: 'string', 'x-label': { 'zh-CN': '姓名', en: 'Name' } }, phone: { type: 'string', 'x-label': { 'zh-CN': '电话', en: 'Phone' } } } } },
  },
};
const widgetsValue = { text: '楼道灯坏了', textarea: '三楼楼道灯不亮已有一周。', number: 3, select: 'b', radio: 'serious', checkbox: true, multi: ['lift', 'power'], date: '2026-11-26', datetime: '2026-11-26T09:30:00+08:00', phone: '13812345678', person: { name: '周敏', id: 'E1001' }, list: [{ name: '王女士', phone: '13800000000' }] };
const widgetsUi: UiSchema = { columns: 2, fields: { '/textarea': { widget: 'textarea' } } };

/** Every widget, empty. (This schema is not shipped, so Storybook compiles it with Ajv at run time.) */
export const WidgetsEmpty: Story = { args: { schema: widgets, uiSchema: widgetsUi } };
/** Every widget, filled. */
export const WidgetsFilled: Story = { args: { schema: widgets, uiSchema: widgetsUi, value: widgetsValue } };
/** Every widget with an error (live display, bad values). */
export const WidgetsInvalid: Story = { args: { schema: widgets, uiSchema: widgetsUi, errorDisplay: 'live', value: { ...widgetsValue, text: '这一段文字明显超过了二十个字的长度限制，所以会报错', number: 120, phone: '12345', select: undefined } } };
/** Every widget disabled. */
export const WidgetsDisabled: Story = { args: { schema: widgets, uiSchema: widgetsUi, value: widgetsValue, disabled: true } };
/** Every widget as a read view. */
export const WidgetsRead: Story = { args: { schema: widgets, uiSchema: widgetsUi, value: widgetsValue, readonly: true } };

function longSchema(n: number): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (let i = 0; i < n; i++) properties[`f${i}`] = i % 3 ? { type: 'string', 'x-label': { 'zh-CN': `字段 ${i + 1}`, en: `Field ${i + 1}` } } : { type: 'integer', 'x-label': { 'zh-CN': `数量 ${i + 1}`, en: `Count ${i + 1}` } };
  return { type: 'object', properties };
}
/** A long form: 120 fields in three columns. */
export const LongForm: Story = { args: { schema: longSchema(120), uiSchema: { columns: 3 } } };

/** A schema that cannot be used: the error panel names where and why. */
export const InvalidSchema: Story = { args: { schema: { type: 'object', properties: { a: { type: 'text' } } } } };

/**
 * Playground: edit the JSON schema and the UI schema; the form re-renders live and shows what is
 * wrong with either (a configurator's loop without code).
 */
class WyFormPlayground extends LitElement {
  static override styles = css`
    :host { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.4fr); gap: 1rem; font: 14px system-ui, sans-serif; }
    textarea { width: 100%; min-height: 16rem; font: 12px ui-monospace, monospace; box-sizing: border-box; }
    .err { color: #b42318; white-space: pre-wrap; }
    label { font-weight: 600; display: block; margin: 0.5rem 0 0.25rem; }
  `;
  static override properties = { schemaText: { state: true }, uiText: { state: true } };
  schemaText = JSON.stringify({ type: 'object', required: ['name'], properties: { name: { type: 'string', title: '姓名' }, vip: { type: 'boolean', title: 'VIP' }, level: { type: 'integer', minimum: 1, maximum: 5, title: '等级' } } }, null, 2);
  uiText = JSON.stringify({ rules: [{ effect: 'show', target: '/level', when: { var: 'vip' } }] }, null, 2);
  private parse(text: string): { value?: unknown; error?: string } {
    try {
      return { value: JSON.parse(text) };
    } catch (e) {
      return { error: (e as Error).message };
    }
  }
  override render() {
    const s = this.parse(this.schemaText);
    const u = this.parse(this.uiText);
    return html`<div>
        <label for="s">JSON Schema</label>
        <textarea id="s" .value=${this.schemaText} @input=${(e: Event) => (this.schemaText = (e.target as HTMLTextAreaElement).value)}></textarea>
        ${s.error ? html`<div class="err" role="alert">${s.error}</div>` : ''}
        <label for="u">UI schema</label>
        <textarea id="u" .value=${this.uiText} @input=${(e: Event) => (this.uiText = (e.target as HTMLTextAreaElement).value)}></textarea>
        ${u.error ? html`<div class="err" role="alert">${u.error}</div>` : ''}
      </div>
      <wy-schema-form error-display="live" .schema=${s.value as JsonSchema} .uiSchema=${u.value as UiSchema}></wy-schema-form>`;
  }
}
if (!customElements.get('wy-form-playground')) customElements.define('wy-form-playground', WyFormPlayground);

export const Playground: Story = { render: () => html`<wy-form-playground></wy-form-playground>`, parameters: { controls: { disable: true } } };
