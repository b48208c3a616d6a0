import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/complaint-form/complaint-form.js';
import '../src/components/kit-provider/kit-provider.js';
import type { ComplaintStore, WyComplaintForm } from '../src/components/complaint-form/complaint-form.js';
import offices from '../schemas/examples/offices.json';
import examples from '../schemas/examples/complaint.valid.json';

const actor = { id: 'E1001', name: '周敏', roles: ['receptionist'] };
const record = examples[5] as Record<string, unknown>;
/** What the receptionist typed (without the parts the element and the workflow fill). */
const { recordNo: _r, firstReceiver: _f, meta: _m, handler: _h, deadline: _d, reply: _rp, validity: _v, returnVisit: _rv, closedAt: _c, ...typed } = record;

/** A store that answers after a second and remembers each idempotency key once. */
const slowStore = (fail = 0): ComplaintStore => {
  const seen = new Map<string, unknown>();
  let calls = 0;
  return {
    submitComplaint: (r, { idempotencyKey }) =>
      new Promise((resolve, reject) =>
        setTimeout(() => {
          if (++calls <= fail) reject(new Error('网络中断 (503)'));
          else resolve(seen.get(idempotencyKey) ?? (seen.set(idempotencyKey, r), r));
        }, 1000),
      ),
  };
};
const submit = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const el = canvasElement.querySelector('wy-complaint-form') as WyComplaintForm;
  await el.updateComplete;
  await el.shadowRoot!.querySelector('wy-schema-form')!.updateComplete;
  void el.requestSubmit();
};

const meta: Meta = {
  title: 'Complaints/Complaint form',
  component: 'wy-complaint-form',
  parameters: { layout: 'padded' },
  argTypes: {
    locale: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    readonly: { control: 'boolean' },
    errorDisplay: { control: 'inline-radio', options: ['touched', 'submit', 'live'] },
  },
  args: { locale: 'zh-CN', readonly: false, errorDisplay: 'touched', actor, store: slowStore() },
  render: (args) => html`<wy-complaint-form
    style="max-width: 60rem"
    locale=${args['locale']}
    error-display=${args['errorDisplay']}
    ?readonly=${args['readonly']}
    .value=${args['value']}
    .offices=${offices}
    .actor=${args['actor']}
    .store=${args['store']}
    .recordNumber=${args['recordNumber']}
  ></wy-complaint-form>`,
};
export default meta;
type Story = StoryObj;

/** A new intake: the first receiver is the signed-in user; the record number comes on submit. */
export const Empty: Story = {};

/** Filled in by a receptionist, ready to register (the store answers after a second). */
export const Filled: Story = { args: { value: typed } };

/** Submitted empty: every required field says what is missing, the summary takes focus. */
export const RequiredErrors: Story = { play: submit };

/** Phone and room in the wrong format, shown while typing. */
export const FormatErrors: Story = {
  args: { errorDisplay: 'live', value: { ...typed, complainant: { type: 'owner', name: '赵女士', phone: '12345' }, room: '6#02' } },
};

/** A complaint about a company rule: it will go to the department that owns the document. */
export const RoutedToDepartment: Story = {
  args: { value: { ...typed, complainant: { type: 'staff-partner', name: '钱工' }, concern: 'company-rule', ruleDocument: '装修管理规定', ruleOwner: '工程管理部' } },
};

/** A major complaint that reached the media: escalation notice and routing to HR/admin. */
/**
 * The manual's complaint definition at intake (WI/KF-007 四(二), from schemas/complaint-definition.json):
 * help beside the type of feedback and the category, a hint for the type chosen (here 意见/建议), and
 * the definition with its explanations in a disclosure, opened here.
 */
export const ComplaintDefinition: Story = {
  args: { value: { ...typed, kind: 'suggestion' } },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('wy-complaint-form') as WyComplaintForm;
    await el.updateComplete;
    const details = el.shadowRoot!.querySelector<HTMLDetailsElement>('[part="definition"]');
    if (details) details.open = true;
  },
};

/** The same in English. */
export const ComplaintDefinitionEnglish: Story = { ...ComplaintDefinition, args: { ...ComplaintDefinition.args, locale: 'en' } };

export const MediaAndMajor: Story = { args: { value: { ...typed, severity: 'major', externalBody: 'media' } } };

/** While the store works the button shows progress. */
export const Saving: Story = {
  args: { value: typed, store: { submitComplaint: () => new Promise(() => undefined) } satisfies ComplaintStore },
  play: submit,
};

/** The store failed once: the error is shown, everything typed is kept; submit again stores one record. */
export const SaveFailed: Story = { args: { value: typed, store: slowStore(1) }, play: submit };

/**
 * The form's schema, layout and validator load when the element connects; here that load fails
 * (offline, a deploy in between): the element says so and keeps its header; connecting again retries.
 */
export const DataLoadFailed: Story = {
  render: (args, context) => {
    // One failed load, for the element this story renders; the next element loads normally.
    const Form = customElements.get('wy-complaint-form') as unknown as typeof WyComplaintForm;
    const real = Form.loadFormData;
    Form.loadFormData = () => {
      Form.loadFormData = real;
      return Promise.reject(new Error(args['locale'] === 'en' ? 'network unreachable' : '网络不可用'));
    };
    return meta.render!(args, context);
  },
};

/**
 * The form's data and `<wy-schema-form>` load when the element connects; until both are here the
 * element shows its header, the routing and placeholder bars with a "loading" status
 * (`part="loading"`, `aria-busy` on `part="base"`). Here the load never finishes.
 */
export const Loading: Story = {
  render: (args, context) => {
    // A load that never finishes, for the element this story renders; the next element loads normally.
    const Form = customElements.get('wy-complaint-form') as unknown as typeof WyComplaintForm;
    const real = Form.loadFormData;
    Form.loadFormData = () => {
      Form.loadFormData = real;
      return new Promise(() => undefined);
    };
    return meta.render!(args, context);
  },
};

/** No signed-in user: the record cannot have a first receiver, so nothing is sent. */
export const NoFirstReceiver: Story = { args: { value: typed, actor: undefined }, play: submit };

/** The host's numbering returned something that is not a record number. */
export const BadRecordNumber: Story = { args: { value: typed, recordNumber: () => '2026/第12号' }, play: submit };

/** Read view: the record as a paper form (its number is empty until a company sets one), handling and return visit included. */
export const ReadView: Story = { args: { readonly: true, value: examples[0] } };

/**
 * Print: the read view with its print button. Printing hides the buttons and notices and puts
 * the document number, version and page x / y in the page margins (try the browser's print preview).
 */
export const Print: Story = { args: { readonly: true, value: { ...examples[0], severity: 'major' } } };

/** English, everything from the same schema and catalog. */
export const English: Story = { args: { locale: 'en', value: typed } };

/** Inside a `<wy-kit-provider>`: actor, offices and store come from context. */
export const FromProvider: Story = {
  render: () => html`<wy-kit-provider locale="zh-CN" .actor=${{ id: 'E2002', name: '黄佳', roles: ['specialist'] }} .reference=${{ offices }} .store=${slowStore()}>
    <wy-complaint-form style="max-width: 60rem"></wy-complaint-form>
  </wy-kit-provider>`,
};
