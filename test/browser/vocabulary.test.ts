// One vocabulary across elements (README "Renamed in 0.2"): the new names work, the 0.1 names
// keep working until 0.3 with one console note each, and inner events end at their host.
import { expect, fixture, html, oneEvent, aTimeout } from '@open-wc/testing';
import '../../src/components/complaint-form/complaint-form.js';
import '../../src/components/defect-checklist/defect-checklist.js';
import '../../src/components/complaint-stats/complaint-stats.js';
import '../../src/components/schema-form/schema-form.js';
import type { WyComplaintForm, ComplaintStore } from '../../src/components/complaint-form/complaint-form.js';
import type { WySchemaForm } from '../../src/components/schema-form/schema-form.js';
import type { WyDefectChecklist } from '../../src/components/defect-checklist/defect-checklist.js';
import type { WyComplaintStats } from '../../src/components/complaint-stats/complaint-stats.js';
import type { Actor } from '../../src/components/shared/context.js';
import type { CommonProblems } from '../../src/core/defects/types.js';
import type { JsonSchema } from '../../src/core/form/index.js';
import complaint from '../../schemas/complaint.schema.json';
import offices from '../../schemas/examples/offices.json';
import examples from '../../schemas/examples/complaint.valid.json';
import config from '../../schemas/common-problems.json';
import contractors from '../../schemas/examples/contractors.json';
import { HOUSE, NOW, makeDefects } from '../support/defect-fixtures.js';

type Rec = Record<string, unknown>;
const actor = { id: 'E1001', name: '周敏', roles: ['receptionist'] };
const intake: Rec = (() => {
  const { recordNo: _r, firstReceiver: _f, meta: _m, handler: _h, deadline: _d, reply: _rp, validity: _v, returnVisit: _rv, closedAt: _c, routing: _x, ...rest } = examples[0] as Rec;
  return rest;
})();
const inspector: Actor = { id: 'E3101', name: '陈工', roles: ['inspector'] };

/** Console warnings printed while `run` runs. */
async function warnings(run: () => unknown): Promise<string[]> {
  const seen: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => void seen.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.warn = warn;
  }
  return seen;
}

/** Every `wy-*` event that reaches `document` while `run` runs, with its target. */
async function escaping(types: readonly string[], run: () => unknown): Promise<{ type: string; target: EventTarget | null }[]> {
  const seen: { type: string; target: EventTarget | null }[] = [];
  const on = (e: Event) => seen.push({ type: e.type, target: e.composedPath()[0] ?? null });
  for (const t of types) document.addEventListener(t, on);
  try {
    await run();
  } finally {
    for (const t of types) document.removeEventListener(t, on);
  }
  return seen;
}

async function complaintForm(props: Partial<WyComplaintForm>): Promise<WyComplaintForm> {
  const el = await fixture<WyComplaintForm>(html`<wy-complaint-form></wy-complaint-form>`);
  Object.assign(el, { offices, actor, ...props });
  for (let i = 0; i < 4; i++) {
    await el.updateComplete;
    await aTimeout(10);
  }
  return el;
}

describe('one vocabulary (Renamed in 0.2)', () => {
  it('<wy-complaint-form>: wy-complaint-save and the old wy-complaint-saved carry the same record; listening to the old name notes it once', async () => {
    const store: ComplaintStore = { submitComplaint: async (_r, { idempotencyKey }) => ({ id: idempotencyKey }) };
    const el = await complaintForm({ value: { ...intake }, store });
    const notes = await warnings(() => {
      el.addEventListener('wy-complaint-saved', () => undefined);
      el.addEventListener('wy-complaint-saved', () => undefined);
      el.addEventListener('wy-complaint-save', () => undefined);
    });
    expect(notes).to.have.length(1);
    expect(notes[0]).to.contain('wy-complaint-saved').and.contain('wy-complaint-save');
    const fresh = oneEvent(el, 'wy-complaint-save');
    const old = oneEvent(el, 'wy-complaint-saved');
    expect(await el.requestSubmit()).to.equal(true);
    const [a, b] = await Promise.all([fresh, old]);
    expect(a.detail.value.recordNo).to.be.a('string');
    expect(b.detail.value).to.equal(a.detail.value);
  });

  it("<wy-complaint-form>: the inner form's events end at its shadow root; wy-change and wy-invalid are re-fired from the element", async () => {
    const el = await complaintForm({ value: {} });
    const types = ['wy-change', 'wy-submit', 'wy-invalid', 'wy-error', 'wy-error-select'];
    const seen = await escaping(types, async () => {
      expect(await el.requestSubmit()).to.equal(false);
      await aTimeout(20);
      const form = el.shadowRoot!.querySelector('wy-schema-form') as WySchemaForm;
      await form.updateComplete;
      const summary = form.shadowRoot!.querySelector('wy-error-summary')!;
      summary.shadowRoot!.querySelector('a')!.click();
      form.value = { ...intake };
      await aTimeout(20);
    });
    expect(seen.map((s) => s.type)).to.include('wy-invalid');
    expect(seen.filter((s) => s.type === 'wy-error-select')).to.deep.equal([]);
    for (const s of seen) expect(s.target, s.type).to.equal(el);
  });

  it('<wy-schema-form>: the error summary\'s wy-error-select moves focus and stays inside', async () => {
    const form = await fixture<WySchemaForm>(html`<wy-schema-form .schema=${complaint as JsonSchema}></wy-schema-form>`);
    await form.updateComplete;
    await aTimeout(20);
    await form.requestSubmit();
    await form.updateComplete;
    const seen = await escaping(['wy-error-select'], async () => {
      form.shadowRoot!.querySelector('wy-error-summary')!.shadowRoot!.querySelector('a')!.click();
      await aTimeout(20);
    });
    expect(seen).to.deep.equal([]);
    // Built-in fields render into the form's tree: the focused control is inside a field element.
    expect(form.shadowRoot!.activeElement?.closest('[data-path]')?.tagName.toLowerCase()).to.match(/-field$/);
  });

  it('<wy-defect-checklist>: uploader, now as any Instant, toCsv() returns text, downloadCsv() downloads; upload and exportCsv() still work with one note each', async () => {
    const items = makeDefects(12);
    const upload = async (file: File) => ({ id: file.name, url: `https://files.example.com/${file.name}` });
    const el = await fixture<WyDefectChecklist>(html`<wy-defect-checklist .house=${HOUSE} .contractors=${contractors} .commonProblems=${config as CommonProblems} .actor=${inspector} .items=${items}></wy-defect-checklist>`);
    const csvs: string[] = [];
    for (const now of [NOW, Date.parse(NOW), new Date(NOW)]) {
      el.now = now;
      await el.updateComplete;
      csvs.push(el.toCsv());
    }
    expect(csvs[0]).to.contain('\r\n');
    expect(csvs[1]).to.equal(csvs[0]);
    expect(csvs[2]).to.equal(csvs[0]);

    let downloads = 0;
    const create = URL.createObjectURL;
    URL.createObjectURL = (b: Blob | MediaSource) => (downloads++, create.call(URL, b));
    const notes = await warnings(() => {
      el.upload = upload;
      el.upload = upload;
      el.exportCsv();
      el.exportCsv();
    });
    URL.createObjectURL = create;
    expect(el.uploader).to.equal(upload);
    expect(downloads).to.equal(2);
    expect(notes).to.have.length(2);
    expect(notes[0]).to.contain('upload').and.contain('uploader');
    expect(notes[1]).to.contain('exportCsv()').and.contain('downloadCsv()');
  });

  it('<wy-complaint-stats>: complaints (as on <wy-deduction-calculator>); records still works with a note', async () => {
    const el = await fixture<WyComplaintStats>(html`<wy-complaint-stats .offices=${offices} from="2026-07"></wy-complaint-stats>`);
    el.complaints = examples;
    await el.updateComplete;
    const csv = el.toCsv();
    el.complaints = [];
    await el.updateComplete;
    const notes = await warnings(() => (el.records = examples));
    await el.updateComplete;
    expect(el.complaints).to.equal(examples);
    expect(el.toCsv()).to.equal(csv);
    expect(notes).to.have.length(1);
    expect(notes[0]).to.contain('records').and.contain('complaints');
  });
});
