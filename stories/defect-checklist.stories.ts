import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/defect-checklist/defect-checklist.js';
import type { WyDefectChecklist } from '../src/components/defect-checklist/defect-checklist.js';
import type { Actor } from '../src/components/shared/context.js';
import type { CommonProblems, Defect, OwnerDecision } from '../src/core/defects/types.js';
import commonProblems from '../schemas/common-problems.json';
import contractors from '../schemas/examples/contractors.json';
import { HOUSE, NOW, makeDefects } from '../test/support/defect-fixtures.js';

const inspector: Actor = { id: 'E3102', name: '李工', roles: ['inspector'] };
const owner: Actor = { id: 'O-1202', name: '张伟', roles: ['owner'] };
const contractor: Actor = { id: 'C-TJ01', name: '王师傅', roles: ['contractor'] };

/** Stories keep the items in sync with wy-change, as a host would. */
const sync = (e: Event) => {
  const el = e.currentTarget as WyDefectChecklist;
  el.items = (e as CustomEvent<{ items: Defect[] }>).detail.items;
};
// A stand-in for the host's upload: a real host stores the file and returns its URL.
const upload = async (file: File) => ({ id: `demo-${file.name}`, url: URL.createObjectURL(file) });

const meta: Meta = {
  title: 'Defects/Defect checklist',
  component: 'wy-defect-checklist',
  args: { mode: 'internal', view: 'entry', readonly: false, items: [] as Defect[], actor: inspector, ownerDecision: undefined },
  argTypes: {
    mode: { control: 'inline-radio', options: ['internal', 'move-in'] },
    view: { control: 'inline-radio', options: ['entry', 'list', 'summary', 'print'] },
  },
  render: (args) => html`<wy-defect-checklist
    .items=${args['items']}
    mode=${args['mode']}
    view=${args['view']}
    ?readonly=${args['readonly']}
    .house=${HOUSE}
    .now=${NOW}
    .contractors=${contractors}
    .commonProblems=${commonProblems as CommonProblems}
    .actor=${args['actor']}
    .ownerDecision=${args['ownerDecision'] as OwnerDecision | undefined}
    .uploader=${upload}
    @wy-change=${sync}
  ></wy-defect-checklist>`,
};
export default meta;
type Story = StoryObj;

/** A new internal inspection: nothing recorded yet; pick a location and trade, then type or tap. */
export const Empty: Story = {};

/** Mid-inspection: 40 defects in every status, some overdue, assigned to five contractors. */
export const MidInspection: Story = { args: { items: makeDefects(40), view: 'list' } };

/** The list grouped by contractor, as a contractor sees it: only their own defects can be acted on. */
export const ContractorView: Story = { args: { items: makeDefects(40), view: 'list', actor: contractor } };

/** The inspection summary (验房总结): counts, closure rate, overdue, ageing and the bar chart per trade. */
export const Summary: Story = { args: { items: makeDefects(120), view: 'summary' } };

/** The printable problem list per contractor (生成问题清单); use the browser's print preview. */
export const PrintedList: Story = { args: { items: makeDefects(40), view: 'print' } };

/** Move-in acceptance, owner-facing wording; the owner records problems in their own home. */
export const MoveIn: Story = { args: { mode: 'move-in', actor: owner, items: makeDefects(6) } };

/** Move-in: the owner decides whether to accept the house (是否收房), with a reason and signature. */
export const MoveInDeciding: Story = { args: { mode: 'move-in', actor: owner, items: makeDefects(6), view: 'summary' } };

/** Move-in: the owner refused the house; the decision is on record. */
export const MoveInRefused: Story = {
  args: {
    mode: 'move-in',
    actor: owner,
    items: makeDefects(6),
    view: 'summary',
    ownerDecision: { decision: 'refuse', reason: '卫生间渗水未修复，入户门锁不灵活', signatureName: '张伟', at: NOW },
  },
};

/** Read-only: everything shown, nothing can change. */
export const Readonly: Story = { args: { items: makeDefects(40), view: 'list', readonly: true } };

/** 1,000 defects in one checklist: the list is virtualised; arrow keys move between rows. */
export const ThousandItems: Story = { args: { items: makeDefects(1000), view: 'list' } };

/** The same in English. */
export const English: Story = {
  args: { items: makeDefects(40), view: 'list' },
  render: (args) => html`<wy-defect-checklist
    locale="en"
    .items=${args['items']}
    view=${args['view']}
    .house=${HOUSE}
    .now=${NOW}
    .contractors=${contractors}
    .commonProblems=${commonProblems as CommonProblems}
    .actor=${args['actor']}
    @wy-change=${sync}
  ></wy-defect-checklist>`,
};

/**
 * Reopened after a reload with batch-entry text that was not added yet: the text is back, with a
 * notice and a discard button (`draft-key`; kept 7 days by default).
 */
export const DraftRestored: Story = {
  args: { items: makeDefects(3) },
  render: (args) => {
    localStorage.setItem(
      'wy-draft:story-inspection:entry',
      JSON.stringify({ schemaId: 'wy-defect-checklist:entry', savedAt: new Date().toISOString(), value: '阳台栏杆松动\n主卧：窗户密封胶条缺失 [严重]' }),
    );
    return html`<wy-defect-checklist
      draft-key="story-inspection"
      entry-complete
      .items=${args['items']}
      .house=${HOUSE}
      .now=${NOW}
      .contractors=${contractors}
      .commonProblems=${commonProblems as CommonProblems}
      .actor=${args['actor']}
      @wy-change=${sync}
    ></wy-defect-checklist>`;
  },
};

/**
 * Errors a user can meet: a host's common-problems configuration that fails its schema (the
 * defaults are used, and the alert says why).
 */
export const InvalidConfiguration: Story = {
  render: (args) => html`<wy-defect-checklist
    .items=${args['items']}
    .house=${HOUSE}
    .now=${NOW}
    .contractors=${contractors}
    .commonProblems=${{ defaults: { severity: 'huge' }, problems: [] } as unknown as CommonProblems}
    .actor=${args['actor']}
    @wy-change=${sync}
  ></wy-defect-checklist>`,
};
