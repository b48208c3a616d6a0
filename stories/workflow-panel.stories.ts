import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/workflow-panel/workflow-panel.js';
import '../src/components/kit-provider/kit-provider.js';
import type { WyWorkflowPanel } from '../src/components/workflow-panel/workflow-panel.js';
import type { Actor } from '../src/workflow/index.js';
import { scenario, specialist, handler, head, receptionist, type Scenario, type Step } from '../test/support/workflow-panel-fixtures.js';
import people from '../schemas/examples/people.json';
import contractors from '../schemas/examples/contractors.json';
import type { StaffMember } from '../src/components/shared/context.js';

// Each story runs the complaint workflow (schemas/workflows/complaint.json) on an in-memory store:
// complaint SZ-BH-202609-0003 from schemas/examples/complaint.valid.json, received by 郑浩,
// registered, dispatched by 李娜 to 王强, and so on up to the story's step. The clocks are read at
// the scenario's clock, so the read-out is the same every time.
type Args = { locale: string; step: Step; actor: 'specialist' | 'handler' | 'head' | 'receptionist' | 'none'; timelineOrder: 'newest' | 'oldest'; staff: boolean; contractors: boolean };
const actors: Record<Args['actor'], Actor | undefined> = { specialist, handler, head, receptionist, none: undefined };
/**
 * The provider's reference data: the example staff list (schemas/examples/people.json) and the
 * example contractors (schemas/examples/contractors.json), each or none.
 */
const reference = (args: Pick<Args, 'staff' | 'contractors'>) => ({ ...(args.staff ? { staff: people as StaffMember[] } : {}), ...(args.contractors ? { contractors } : {}) });

const meta: Meta<Args> = {
  title: 'Workflow/Workflow panel',
  component: 'wy-workflow-panel',
  args: { locale: 'zh-CN', step: 'handling', actor: 'specialist', timelineOrder: 'newest', staff: true, contractors: true },
  argTypes: {
    locale: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    step: { control: 'select', options: ['received', 'registered', 'dispatched', 'handling', 'warning', 'overdue', 'suspended', 'replied', 'reopened', 'closed', 'closed-late'] },
    actor: { control: 'inline-radio', options: ['specialist', 'handler', 'head', 'receptionist', 'none'] },
    staff: { control: 'boolean', description: 'The provider gives a staff list (reference.staff): person fields are pickers' },
    contractors: { control: 'boolean', description: 'The provider gives a contractor list (reference.contractors): contractor fields are pickers' },
    timelineOrder: { control: 'inline-radio', options: ['newest', 'oldest'] },
  },
  loaders: [async ({ args }) => ({ env: await scenario(args.step) })],
  render: (args, { loaded }) => {
    const env = loaded['env'] as Scenario;
    return html`<wy-kit-provider locale=${args.locale} .engine=${env.engine} .actor=${actors[args.actor]} .reference=${reference(args)}>
      <wy-workflow-panel instance-id=${env.id} .now=${env.now()} timeline-order=${args.timelineOrder}></wy-workflow-panel>
    </wy-kit-provider>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

async function click(canvas: HTMLElement, event: string) {
  const panel = canvas.querySelector<WyWorkflowPanel>('wy-workflow-panel')!;
  for (let i = 0; i < 100 && !panel.shadowRoot?.querySelector(`button[data-event="${event}"]`); i++) await new Promise((r) => setTimeout(r, 20));
  panel.shadowRoot?.querySelector<HTMLButtonElement>(`button[data-event="${event}"]`)?.click();
}

/** Registered: the specialist may dispatch, forward or dismiss; escalating is explained as not possible (not a major complaint). */
export const Registered: Story = { args: { step: 'registered' } };

/** Being handled by 王强: both clocks running and on time. */
export const Handling: Story = {};

/** Three quarters of the working day gone: the reply clock is due soon (word, shape and colour). */
export const DueSoon: Story = { args: { step: 'warning' } };

/** The next afternoon: the reply deadline has passed, the first escalation fired; the timeline shows the system's entries. */
export const Overdue: Story = { args: { step: 'overdue' } };

/** On hold while waiting for the customer: the reply clock is paused. */
export const OnHold: Story = { args: { step: 'suspended' } };

/** Reopened after a dissatisfied return visit: the reply clock starts again. */
export const Reopened: Story = { args: { step: 'reopened' } };

/** Closed: both clocks met, no actions, the whole history. */
export const Closed: Story = { args: { step: 'closed' } };

/**
 * The specialist chose "派单": its fields open as a `<wy-schema-form>` laid out by
 * schemas/workflow-events.ui.json; the handler is a picker of the staff of the complaint's office
 * (SZ-BH) and HQ from the provider's staff list, by keyboard like any drop-down.
 */
export const DispatchForm: Story = { args: { step: 'registered' }, play: ({ canvasElement }) => click(canvasElement, 'dispatch') };

/** The same in English: the picker reads the English names and job titles. */
export const DispatchPickerEnglish: Story = { args: { step: 'registered', locale: 'en' }, play: ({ canvasElement }) => click(canvasElement, 'dispatch') };

/** A host without a staff list: the handler is typed as an employee number and a name. */
export const DispatchWithoutStaffList: Story = { args: { step: 'registered', staff: false }, play: ({ canvasElement }) => click(canvasElement, 'dispatch') };

/** Pickers per field: 派单's repair contractor (维修单位, optional) picks from the provider's contractors (`picker: { reference: 'contractors' }` in schemas/workflow-events.ui.json), the handler from the staff. */
export const DispatchContractorPicker: Story = { args: { step: 'registered' }, play: ({ canvasElement }) => click(canvasElement, 'dispatch') };

/** The contractor picker in English: the contractors' English names. */
export const DispatchContractorPickerEnglish: Story = { args: { step: 'registered', locale: 'en' }, play: ({ canvasElement }) => click(canvasElement, 'dispatch') };

/** A host with staff but no contractor list: the handler is a picker, the contractor is typed as an ID and a name. */
export const DispatchWithoutContractorList: Story = { args: { step: 'registered', contractors: false }, play: ({ canvasElement }) => click(canvasElement, 'dispatch') };

/**
 * Refusals explained: the receptionist sees the registered complaint's steps, each disabled with
 * who may take it (role titles, never codes).
 */
export const RefusalsByRole: Story = { args: { step: 'registered', actor: 'receptionist' } };

/** The centre head: 上报总部 is explained by the condition the record does not meet (not a major complaint). */
export const RefusalByCondition: Story = { args: { step: 'registered', actor: 'head' } };

/** Replied late, visited and closed: the stopped reply clock says missed, how long it took and by how much; no time left, no due time. */
export const StoppedClocksMissed: Story = { args: { step: 'closed-late' } };

/**
 * 王强 had started a reply and the page was reloaded: the panel opens the reply form again and
 * the form restores what was typed, saying so, with a button to discard it.
 */
export const DraftRestored: Story = {
  args: { step: 'handling', actor: 'handler' },
  loaders: [
    async ({ args }) => {
      const env = await scenario(args.step);
      const key = `wy-story-panel:${env.id}`;
      const savedAt = new Date().toISOString();
      localStorage.setItem(`wy-draft:${key}:open`, JSON.stringify({ schemaId: 'wy-workflow-panel:open', savedAt, value: 'reply' }));
      localStorage.setItem(
        `wy-draft:${key}:reply`,
        JSON.stringify({ schemaId: '', savedAt, value: { at: '2026-09-08T14:30:00+08:00', by: { id: handler.id, name: handler.name }, content: '已联系业主，今天下午上门查看车库排水。' } }),
      );
      return { env };
    },
  ],
  render: (args, { loaded }) => {
    const env = loaded['env'] as Scenario;
    return html`<wy-kit-provider locale=${args.locale} .engine=${env.engine} .actor=${actors[args.actor]} .reference=${reference(args)}>
      <wy-workflow-panel instance-id=${env.id} .now=${env.now()} draft-key="wy-story-panel"></wy-workflow-panel>
    </wy-kit-provider>`;
  },
};

/** 王强 chose "接单处理", an event without fields: a confirm step. */
export const ConfirmStep: Story = { args: { step: 'dispatched', actor: 'handler' }, play: ({ canvasElement }) => click(canvasElement, 'accept') };

/** No signed-in user: the panel is view-only. */
export const ViewOnly: Story = { args: { actor: 'none' } };

/** The same in English. */
export const English: Story = { args: { locale: 'en', step: 'overdue' } };

/** The timeline oldest first. */
export const OldestFirst: Story = { args: { step: 'closed', timelineOrder: 'oldest' } };

/** Restyled only through `--wy-*` tokens. */
export const Themed: Story = {
  args: { step: 'overdue' },
  render: (args, { loaded }) => {
    const env = loaded['env'] as Scenario;
    return html`<wy-kit-provider locale=${args.locale} .engine=${env.engine} .actor=${actors[args.actor]}>
      <wy-workflow-panel
        style="--wy-color-primary: #0b6e4f; --wy-workflow-panel-overdue: #7a2e0e; --wy-radius: 0; --wy-font-size: 15px"
        instance-id=${env.id}
        .now=${env.now()}
      ></wy-workflow-panel>
    </wy-kit-provider>`;
  },
};

/** An instance id the engine does not know. */
export const UnknownInstance: Story = {
  render: (args, { loaded }) => {
    const env = loaded['env'] as Scenario;
    return html`<wy-workflow-panel locale=${args.locale} .engine=${env.engine} instance-id="SZ-XX-000000-0000"></wy-workflow-panel>`;
  },
};
