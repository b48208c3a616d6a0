import { expect, fixture, html, oneEvent, aTimeout, waitUntil } from '@open-wc/testing';
import { sendKeys, emulateMedia } from '@web/test-runner-commands';
// The elements run from the built entry points, as a host imports them (`npm run build` first;
// test/run.mjs does). Types come from the sources (the same API; the type check runs on src).
import '../../dist/components/complaint-form.js';
import '../../dist/components/kit-provider.js';
import type { WyComplaintForm, ComplaintStore } from '../../src/components/complaint-form/complaint-form.js';
import type { WySchemaForm, WyFieldBase, DraftStore, Draft } from '../../src/components/schema-form/schema-form.js';
import { validate } from '../../src/core/validate.js';
import offices from '../../schemas/examples/offices.json';
import examples from '../../schemas/examples/complaint.valid.json';

type Rec = Record<string, unknown>;
const actor = { id: 'E1001', name: '周敏', roles: ['receptionist'] };
const full = examples[0] as Rec;
/** What a receptionist types: the example without the parts the element and the workflow fill. */
const intake: Rec = (() => {
  const { recordNo: _r, firstReceiver: _f, meta: _m, handler: _h, deadline: _d, reply: _rp, validity: _v, returnVisit: _rv, closedAt: _c, routing: _x, ...rest } = full;
  return rest;
})();

const inner = (el: WyComplaintForm) => el.shadowRoot!.querySelector('wy-schema-form') as WySchemaForm;
const submitButton = (el: WyComplaintForm) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!;

function fieldAt(el: WyComplaintForm, path: string): WyFieldBase | undefined {
  const walk = (root: ShadowRoot | Element): WyFieldBase | undefined => {
    for (const n of root.querySelectorAll('*')) {
      if ((n as WyFieldBase).path === path && n.tagName.endsWith('-FIELD')) return n as WyFieldBase;
      if (n.shadowRoot) {
        const f = walk(n.shadowRoot);
        if (f) return f;
      }
    }
    return undefined;
  };
  return walk(inner(el).shadowRoot!);
}
const field = (el: WyComplaintForm, path: string) => {
  const f = fieldAt(el, path);
  if (!f) throw new Error(`no field ${path}`);
  return f;
};

async function settle(el: WyComplaintForm) {
  await el.updateComplete;
  await inner(el).updateComplete;
  await aTimeout(0);
  await inner(el).updateComplete;
  await el.updateComplete;
}

async function make(props: Partial<WyComplaintForm> = {}, lang = 'zh-CN') {
  const el = await fixture<WyComplaintForm>(html`<div lang=${lang}><wy-complaint-form></wy-complaint-form></div>`).then((d) => d.querySelector('wy-complaint-form')!);
  Object.assign(el, { offices, actor, ...props });
  await settle(el);
  await aTimeout(20);
  await settle(el);
  return el;
}

/** Every element that has focus, through shadow roots. */
function focusChain(): Element[] {
  const out: Element[] = [];
  let a: Element | null = document.activeElement;
  while (a) {
    out.push(a);
    a = a.shadowRoot?.activeElement ?? null;
  }
  return out;
}
// A built-in field renders into the form's tree: its control has focus, inside the field element.
const fieldOf = (n: Element) => ((n as WyFieldBase).path ? n : n.closest('[data-path]')) as WyFieldBase | null;
const focusedPath = () => focusChain().map((n) => fieldOf(n)?.path).filter((p): p is string => typeof p === 'string' && p !== '').pop();
/** Where a field's markup is: its own shadow root, or the field itself when it renders into the form's tree. */
const inside = (f: Element): Element | ShadowRoot => f.shadowRoot ?? f;

/** Presses Tab until the field at `path` has focus (keyboard only, as a receptionist would). */
async function tabTo(path: string) {
  for (let i = 0; i < 60; i++) {
    if (focusedPath() === path) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${path} (at ${focusedPath()})`);
}

/** A store that fails `failures` times, then stores each idempotency key once. */
function memoryStore(failures = 0) {
  const records = new Map<string, Rec>();
  const calls: string[] = [];
  const store: ComplaintStore = {
    async submitComplaint(record, { idempotencyKey }) {
      calls.push(idempotencyKey);
      if (calls.length <= failures) throw new Error('网络中断 (503)');
      if (!records.has(idempotencyKey)) records.set(idempotencyKey, structuredClone(record) as unknown as Rec);
      return { id: idempotencyKey };
    },
  };
  return { store, records, calls };
}

function memoryDrafts(): DraftStore & { data: Map<string, Draft> } {
  const data = new Map<string, Draft>();
  return {
    data,
    load: (k) => data.get(k),
    save: (k, d) => void data.set(k, structuredClone(d)),
    clear: (k) => void data.delete(k),
  };
}

describe('<wy-complaint-form>', () => {
  afterEach(() => emulateMedia({ media: 'screen' }));

  it('passes axe: empty, with errors, read view (zh-CN and en)', async () => {
    const el = await make();
    await expect(el).to.be.accessible();
    await el.requestSubmit();
    await settle(el);
    await expect(el).to.be.accessible();
    const read = await make({ value: full, readonly: true }, 'en');
    await expect(read).to.be.accessible();
  });

  it('a receptionist fills it with the keyboard only and submits a valid record', async () => {
    const { store, records } = memoryStore();
    const before = await fixture<HTMLButtonElement>(html`<button>start</button>`);
    const el = await make({ store });
    before.after(el.parentElement!);
    before.focus();
    await tabTo('/complainant/type');
    await sendKeys({ press: 'Space' }); // 业主/住户
    await tabTo('/complainant/name');
    await sendKeys({ type: '王女士' });
    await tabTo('/complainant/phone');
    await sendKeys({ type: '13800138000' });
    await tabTo('/officeId');
    await sendKeys({ press: 'ArrowDown' }); // 华苑管理处
    await tabTo('/room');
    await sendKeys({ type: '1201' });
    await tabTo('/channel');
    await sendKeys({ press: 'ArrowDown' }); // 电话
    await tabTo('/category');
    await sendKeys({ press: 'ArrowDown' });
    await tabTo('/subject');
    await sendKeys({ type: '电梯停运两天无人处理' });
    await tabTo('/description');
    await sendKeys({ type: '3栋电梯从周一起停运，报修后无人到场。' });
    await tabTo('/severity');
    await sendKeys({ press: 'Space' });
    // On to the submit button, then Enter.
    for (let i = 0; i < 30 && !focusChain().includes(submitButton(el)); i++) await sendKeys({ press: 'Tab' });
    expect(focusChain()).to.include(submitButton(el));
    const submitted = oneEvent(el, 'wy-submit');
    await sendKeys({ press: 'Enter' });
    const record = (await submitted).detail.value as Rec;
    expect(validate('complaint', record).errors).to.deep.equal([]);
    expect(record).to.deep.include({ officeId: 'SZ-HY', project: '华苑花园', room: '1201', channel: 'phone', category: 'management', severity: 'minor', kind: 'complaint' });
    expect(record['complainant']).to.deep.equal({ type: 'owner', name: '王女士', phone: '13800138000' });
    expect(record['firstReceiver']).to.deep.equal({ id: 'E1001', name: '周敏' });
    expect(record['recordNo']).to.match(/^SZ-HY-\d{6}-L[0-9A-Z]{6}$/);
    expect(record['routing']).to.deep.equal({ unit: 'service-centre', reason: 'customer-complaint' });
    await waitUntil(() => records.size === 1, 'stored');
  });

  it('shows every required field’s error in zh-CN and in en; the element’s own fields are not asked for', async () => {
    const expected: Record<string, [string, string]> = {
      '/complainant/type': ['投诉人·投诉人类别为必填项', 'Complainant · Complainant type is required'],
      '/officeId': ['管理处为必填项', 'Management office is required'],
      '/channel': ['受理渠道为必填项', 'Channel is required'],
      '/category': ['投诉分类为必填项', 'Content category is required'],
      '/severity': ['严重程度为必填项', 'Severity is required'],
      '/subject': ['主题为必填项', 'Subject is required'],
      '/description': ['内容描述为必填项', 'Description is required'],
    };
    for (const [i, lang] of (['zh-CN', 'en'] as const).entries()) {
      const el = await make({}, lang);
      const invalid = oneEvent(el, 'wy-invalid');
      submitButton(el).click();
      const errors = (await invalid).detail.errors as { path: string; message: string }[];
      await settle(el);
      expect(errors.map((e) => e.path).sort()).to.deep.equal(Object.keys(expected).sort());
      for (const [path, messages] of Object.entries(expected)) expect(field(el, path).error, path).to.equal(messages[i]);
      // Kind of voice and received-at are prefilled, record number and first receiver are ours.
      expect(errors.some((e) => ['/recordNo', '/firstReceiver', '/kind', '/receivedAt'].includes(e.path))).to.equal(false);
    }
  });

  it('validates phone and room formats, and shows the description length', async () => {
    const el = await make({ errorDisplay: 'live', value: { ...intake } });
    const phone = field(el, '/complainant/phone');
    phone.value = '12345';
    phone.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    const room = field(el, '/room');
    room.value = '12#01';
    room.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await settle(el);
    expect(phone.error).to.equal('投诉人·联系电话的格式不正确');
    expect(room.error).to.equal('房号的格式不正确');
    const counter = inside(field(el, '/description')).querySelector('[part="field-counter"]')!;
    expect(counter.textContent).to.equal(`${[...String(intake['description'])].length}/2000 字`);
  });

  const routingCases: [string, Rec, Rec, boolean][] = [
    ['1 customer complaint → customer-service centre', { complainant: { type: 'owner' }, concern: 'service' }, { unit: 'service-centre', reason: 'customer-complaint' }, false],
    ['2 staff defending own rights → HR/admin', { complainant: { type: 'staff-partner' }, concern: 'own-rights' }, { unit: 'hr-admin', reason: 'staff-matter' }, true],
    ['3 company rule → the department owning it', { complainant: { type: 'staff-partner' }, concern: 'company-rule', ruleDocument: '装修管理规定', ruleOwner: '工程管理部' }, { unit: 'functional-department', reason: 'company-rule', department: '工程管理部' }, true],
    ['4 media → HR/admin', { complainant: { type: 'other' }, concern: 'service', externalBody: 'media' }, { unit: 'hr-admin', reason: 'external-body' }, true],
  ];
  for (const [name, patch, routing, shown] of routingCases) {
    it(`routing case ${name}`, async () => {
      const el = await make({ value: { ...intake, ...patch } });
      const routingField = field(el, '/routing');
      expect(routingField.hidden).to.equal(!shown);
      const notice = [...inner(el).shadowRoot!.querySelectorAll('[part="notice"]')].map((n) => n.textContent ?? '');
      expect(notice.some((t) => t.includes('不由客服中心处理'))).to.equal(shown);
      if (shown) expect(field(el, '/routing/unit').disabled, 'routing is not editable').to.equal(true);
      const submitted = oneEvent(el, 'wy-submit');
      submitButton(el).click();
      const record = (await submitted).detail.value as Rec;
      expect(record['routing']).to.deep.equal(routing);
      expect(validate('complaint', record).errors).to.deep.equal([]);
    });
  }

  it('a repeat complaint requires the earlier record; major or emergency shows the escalation notice', async () => {
    const el = await make({ value: { ...intake, repeat: true, emergency: true } });
    const related = field(el, '/relatedRecords');
    expect(related.hidden).to.equal(false);
    expect(related.required).to.equal(true);
    const notices = [...inner(el).shadowRoot!.querySelectorAll('[part="notice"]')].map((n) => n.textContent ?? '');
    expect(notices.some((t) => t.includes('重大、复杂或重复投诉由管理处客服主任受理和处理'))).to.equal(true);
    const invalid = oneEvent(el, 'wy-invalid');
    submitButton(el).click();
    const errors = (await invalid).detail.errors as { path: string; message: string }[];
    expect(errors.map((e) => [e.path, e.message])).to.deep.equal([['/relatedRecords', '关联的历史记录为必填项']]);
  });

  it('routing follows what is typed, and a change is announced', async () => {
    const el = await make({ value: { ...intake } });
    const concern = field(el, '/concern');
    concern.value = 'hq-staff';
    concern.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await settle(el);
    expect(field(el, '/routing').hidden).to.equal(false);
    expect(field(el, '/routing/unit').value).to.equal('hr-admin');
    expect(el.shadowRoot!.querySelector('[role="status"][aria-live]')!.textContent).to.contain('行政人事部');
  });

  it('shows everyone where the complaint goes and why, in the common case too, in both languages', async () => {
    const el = await make({ value: { ...intake } });
    const routing = () => (el.shadowRoot!.querySelector('[part="routing"]')!.textContent ?? '').replace(/\s+/g, ' ').trim();
    expect(routing()).to.match(/^负责单位 客服中心 依据：/);
    const concern = field(el, '/concern');
    concern.value = 'hq-staff';
    concern.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await settle(el);
    expect(routing()).to.contain('行政人事部');
    el.locale = 'en';
    await settle(el);
    expect(routing()).to.match(/^Responsible unit .+ because: /);
    await expect(el).to.be.accessible();
  });

  it('first receiver: from the actor (property or provider), kept when the record has one, never a field', async () => {
    const el = await make({ value: { ...intake } });
    expect(el.shadowRoot!.querySelector('[part="intake-header"]')!.textContent).to.contain('周敏（E1001）');
    expect(fieldAt(el, '/firstReceiver/name')).to.equal(undefined);

    const wrapper = await fixture<HTMLElement>(html`<wy-kit-provider .actor=${{ id: 'E2002', name: '黄佳', roles: [] }} .reference=${{ offices }}>
      <wy-complaint-form .value=${{ ...intake }}></wy-complaint-form>
    </wy-kit-provider>`);
    const viaContext = wrapper.querySelector('wy-complaint-form')!;
    await settle(viaContext);
    const s1 = oneEvent(viaContext, 'wy-submit');
    submitButton(viaContext).click();
    expect(((await s1).detail.value as Rec)['firstReceiver']).to.deep.equal({ id: 'E2002', name: '黄佳' });

    const kept = await make({ value: { ...intake, firstReceiver: { id: 'E0007', name: '林涛' } } });
    const s2 = oneEvent(kept, 'wy-submit');
    submitButton(kept).click();
    expect(((await s2).detail.value as Rec)['firstReceiver']).to.deep.equal({ id: 'E0007', name: '林涛' });
  });

  it('without an actor the submit says so and sends nothing', async () => {
    const { store, calls } = memoryStore();
    const el = await make({ value: { ...intake }, store, actor: undefined });
    let submits = 0;
    el.addEventListener('wy-submit', () => submits++);
    expect(await el.requestSubmit()).to.equal(false);
    await settle(el);
    expect(el.shadowRoot!.querySelector('[part="failure"]')!.textContent).to.contain('无法确定首问责任人');
    expect(submits).to.equal(0);
    expect(calls).to.deep.equal([]);
  });

  it('record numbers: the host hook (called once across retries), else the store’s, else the fallback', async () => {
    const { store, records, calls } = memoryStore(1);
    let asked = 0;
    const el = await make({ value: { ...intake }, store, recordNumber: async () => `SZ-HY-202607-${String(++asked).padStart(4, '0')}` });
    expect(await el.requestSubmit()).to.equal(false);
    expect(await el.requestSubmit()).to.equal(true);
    expect(asked).to.equal(1);
    expect(calls.length).to.equal(2);
    expect([...records.values()][0]!['recordNo']).to.equal('SZ-HY-202607-0001');

    const viaStore = await make({ value: { ...intake }, store: { ...memoryStore().store, recordNumber: () => 'HOST-0042' } });
    const s = oneEvent(viaStore, 'wy-submit');
    submitButton(viaStore).click();
    expect(((await s).detail.value as Rec)['recordNo']).to.equal('HOST-0042');

    const bad = await make({ value: { ...intake }, recordNumber: () => '../etc/passwd' });
    expect(await bad.requestSubmit()).to.equal(false);
    await settle(bad);
    expect(bad.shadowRoot!.querySelector('[part="failure"]')!.textContent).to.contain('不符合格式');
  });

  it('a failed submit keeps everything and shows the error; the retry stores exactly one record', async () => {
    const { store, records, calls } = memoryStore(1);
    const el = await make({ value: { ...intake }, store });
    const failed = oneEvent(el, 'wy-complaint-save-fail');
    submitButton(el).click();
    await failed;
    await settle(el);
    const alert = el.shadowRoot!.querySelector('[part="failure"]')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.contain('网络中断 (503)');
    expect(submitButton(el).textContent!.trim()).to.equal('重新提交');
    expect((el.currentValue as Rec)['subject']).to.equal(intake['subject']);
    expect(field(el, '/subject').value).to.equal(intake['subject']);
    expect(inside(field(el, '/category')).querySelector('select')!.disabled).to.equal(false);
    expect(records.size).to.equal(0);

    const saved = oneEvent(el, 'wy-complaint-save');
    submitButton(el).click();
    const ev = await saved;
    expect(records.size).to.equal(1);
    expect(calls[0]).to.equal(calls[1]);
    expect((ev.detail.value.meta as Rec)['idempotencyKey']).to.equal(calls[0]);
    await settle(el);
    expect(el.shadowRoot!.querySelector('[part="status"]')!.textContent).to.contain(String(ev.detail.value.recordNo));
    // The form starts the next intake, with a new idempotency key.
    expect((el.currentValue as Rec)['subject']).to.equal(undefined);
    expect(((el.currentValue as Rec)['meta'] as Rec)['idempotencyKey']).not.to.equal(calls[0]);
  });

  it('while the store works the button shows progress and a second click sends nothing', async () => {
    let release!: () => void;
    const calls: string[] = [];
    const store: ComplaintStore = {
      submitComplaint: (_r, { idempotencyKey }) => {
        calls.push(idempotencyKey);
        return new Promise<void>((r) => (release = r));
      },
    };
    const el = await make({ value: { ...intake }, store });
    submitButton(el).click();
    await waitUntil(() => calls.length === 1, 'store called');
    await settle(el);
    const button = submitButton(el);
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(button.textContent).to.contain('正在提交');
    expect(button.querySelector('.spinner')).not.to.equal(null);
    button.click();
    await aTimeout(10);
    expect(calls.length).to.equal(1);
    const saved = oneEvent(el, 'wy-complaint-save');
    release();
    await saved;
    await settle(el);
    expect(submitButton(el).getAttribute('aria-disabled')).to.equal('false');
  });

  it('drafts: what is typed survives a reload, with the same idempotency key; a stored record clears it', async () => {
    const drafts = memoryDrafts();
    const el = await make({ draftKey: 'intake-1', draftStore: drafts });
    const subject = field(el, '/subject');
    subject.focus();
    await sendKeys({ type: '楼道灯坏了' });
    await waitUntil(() => (drafts.data.get('intake-1')?.value as Rec | undefined)?.['subject'] === '楼道灯坏了', 'draft saved');
    const key = ((drafts.data.get('intake-1')!.value as Rec)['meta'] as Rec)['idempotencyKey'];
    el.parentElement!.remove(); // the tab is closed, or crashes

    const { store, records } = memoryStore();
    const again = await make({ draftKey: 'intake-1', draftStore: drafts, store });
    await waitUntil(() => (again.currentValue as Rec)['subject'] === '楼道灯坏了', 'draft restored');
    await settle(again);
    expect(field(again, '/subject').value).to.equal('楼道灯坏了');
    expect(((again.currentValue as Rec)['meta'] as Rec)['idempotencyKey']).to.equal(key);
    const fill = { ...intake, subject: '楼道灯坏了' };
    // The receptionist answers the rest, then submits.
    for (const [k, v] of Object.entries(fill)) if (k !== 'subject' && typeof v === 'string') {
      const f = fieldAt(again, `/${k}`);
      if (f && !f.hidden && !f.disabled) {
        f.value = v;
        f.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      }
    }
    const type = field(again, '/complainant/type');
    type.value = 'owner';
    type.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await settle(again);
    expect(await again.requestSubmit()).to.equal(true);
    expect([...records.keys()]).to.deep.equal([key]);
    await waitUntil(() => !drafts.data.has('intake-1'), 'draft cleared');
  });

  it('hostile text is shown as text, in the form and in the read view', async () => {
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    const el = await make({ value: { ...full, description: evil, subject: evil, complainant: { type: 'owner', name: evil } }, readonly: true });
    const all: Element[] = [];
    const walk = (root: ShadowRoot | Element) => {
      for (const n of root.querySelectorAll('*')) {
        all.push(n);
        if (n.shadowRoot) walk(n.shadowRoot);
      }
    };
    walk(el.shadowRoot!);
    expect(all.some((n) => n.tagName === 'IMG' || n.tagName === 'SCRIPT')).to.equal(false);
    expect(inside(field(el, '/description')).textContent).to.contain(evil);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    const edit = await make({ value: { ...intake, description: evil } });
    expect((inside(field(edit, '/description')).querySelector('textarea') as HTMLTextAreaElement).value).to.equal(evil);
  });

  it('cancelling wy-submit leaves storing to the host', async () => {
    const { store, calls } = memoryStore();
    const el = await make({ value: { ...intake }, store });
    el.addEventListener('wy-submit', (e) => e.preventDefault());
    expect(await el.requestSubmit()).to.equal(true);
    expect(calls).to.deep.equal([]);
  });

  it('a store rejection with field errors puts them on the fields', async () => {
    const store: ComplaintStore = {
      submitComplaint: () => Promise.reject(Object.assign(new Error('校验失败'), { errors: [{ path: '/room', message: '该房号不属于此管理处' }] })),
    };
    const el = await make({ value: { ...intake }, store });
    expect(await el.requestSubmit()).to.equal(false);
    await settle(el);
    expect(field(el, '/room').error).to.equal('该房号不属于此管理处');
  });

  it('offices come from the property or the provider; their projects fill in; __proto__ ids are ignored', async () => {
    const el = await make({ value: {}, offices: [...offices, { id: '__proto__', name: 'x' }] });
    const office = field(el, '/officeId');
    expect((office.options as unknown as { value: string }[]).map((o) => o.value)).to.deep.equal(offices.map((o) => o.id));
    office.value = 'SZ-LJ';
    office.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await settle(el);
    expect(field(el, '/project').value).to.equal('丽景城');
    expect(field(el, '/project').disabled).to.equal(true);

    const wrapper = await fixture<HTMLElement>(html`<wy-kit-provider locale="en" .reference=${{ offices }} .actor=${actor}><wy-complaint-form></wy-complaint-form></wy-kit-provider>`);
    const viaContext = wrapper.querySelector('wy-complaint-form')!;
    await settle(viaContext);
    await aTimeout(20);
    await settle(viaContext);
    const labels = (field(viaContext, '/officeId').options as unknown as { label: string }[]).map((o) => o.label);
    expect(labels[0]).to.equal('Huayuan Office');
    expect(viaContext.shadowRoot!.querySelector('[part="intake-header"]')!.textContent).to.contain('First receiver');
  });

  it('read view: the paper record with its title (no invented number), registration and handling; print hides the controls', async () => {
    const el = await make({ value: full, readonly: true });
    const form = inner(el);
    const doc = form.shadowRoot!.querySelector('[part="document"]')!;
    expect(doc.textContent).to.contain('顾客投诉处理记录');
    // The manual does not pair its record-form numbers (MR-001KF…) with titles: none is printed until a company sets one.
    expect(doc.textContent).to.not.contain('WI/KF');
    const legends = [...form.shadowRoot!.querySelectorAll('legend[part="group-title"]')].map((l) => l.textContent);
    expect(legends).to.deep.equal(['登记信息', '投诉人', '地点', '内容', '严重程度', '处理与回访']);
    expect(field(el, '/recordNo').value).to.equal(full['recordNo']);
    expect(field(el, '/returnVisit/satisfaction').value).to.equal('dissatisfied');
    expect(el.shadowRoot!.querySelector('[part="submit"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part="intake-header"]')).to.equal(null);
    const print = el.shadowRoot!.querySelector<HTMLElement>('[part="toolbar"]')!;
    expect(print.textContent).to.contain('打印');
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle(print).display).to.equal('none');
    expect(getComputedStyle(doc).display).not.to.equal('none');
    // The page footer (page x / y; the document number once a company sets one) goes into the page margins while printing.
    window.dispatchEvent(new Event('beforeprint'));
    const pageRules = document.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText)).join('\n');
    window.dispatchEvent(new Event('afterprint'));
    expect(pageRules).to.not.contain('WI/KF');
    expect(pageRules).to.contain('counter(page)');
  });

  it('en: header, button and messages in English', async () => {
    const el = await make({}, 'en');
    expect(el.shadowRoot!.querySelector('[part="intake-header"]')!.textContent).to.contain('assigned on submit');
    expect(submitButton(el).textContent!.trim()).to.equal('Register');
    expect(field(el, '/category').label).to.equal('Content category');
  });

  it('shows the manual’s complaint definition at intake: help beside the type and category, a hint per type, the explanations folded', async () => {
    const el = await make();
    // Help beside the choice, from schemas/complaint-definition.json (WI/KF-007 四(二)).
    expect(field(el, '/kind').help).to.contain('失职、失误、失度、失控').and.contain('口头或书面');
    expect(field(el, '/category').help).to.contain('只用于投诉');
    // The explanations are one click away, not a wall of text.
    const details = el.shadowRoot!.querySelector<HTMLDetailsElement>('[part="definition"]')!;
    expect(details.open).to.equal(false);
    details.open = true;
    expect(details.textContent).to.contain('广义顾客，也包括员工和合作伙伴').and.contain('不涵盖内部员工的投诉');
    await expect(el).to.be.accessible();
    // A hint for the type of feedback chosen.
    const s = await make({ value: { ...intake, kind: 'suggestion' } });
    const notices = () => [...inner(s).shadowRoot!.querySelectorAll('[part="notice"]')].map((n) => n.textContent ?? '');
    expect(notices().some((t) => t.includes('发泄性抱怨'))).to.equal(true);
    const en = await make({ value: { ...intake, kind: 'reasonable-need' } }, 'en');
    expect(field(en, '/kind').help).to.contain('oral or written');
    expect([...inner(en).shadowRoot!.querySelectorAll('[part="notice"]')].map((n) => n.textContent ?? '').some((t) => t.includes('Reasonable need'))).to.equal(true);
    expect(en.shadowRoot!.querySelector('[part="definition"] summary')!.textContent).to.contain('What counts as a complaint?');
  });

  it('shows an accessible loading state (aria-busy, a status in zh-CN and en) until the form’s data and <wy-schema-form> arrive', async () => {
    const Form = customElements.get('wy-complaint-form') as unknown as { loadFormData: () => Promise<unknown> };
    const real = Form.loadFormData;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    Form.loadFormData = () => held.then(() => real());
    try {
      for (const [lang, text] of [
        ['zh-CN', '正在加载表单'],
        ['en', 'Loading the form'],
      ] as const) {
        const el = await fixture<WyComplaintForm>(html`<div lang=${lang}><wy-complaint-form .actor=${actor} .offices=${offices}></wy-complaint-form></div>`).then((d) => d.querySelector('wy-complaint-form')!);
        // updateComplete waits for the load: look at the first render instead.
        await aTimeout(0);
        const loading = () => el.shadowRoot!.querySelector('[part="loading"]');
        expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
        expect(loading()?.getAttribute('role')).to.equal('status');
        expect(loading()!.textContent).to.contain(text);
        expect(inner(el)).to.equal(null);
        // The header shows at once.
        expect(el.shadowRoot!.querySelector('[part="intake-header"]')!.textContent).to.contain('周敏');
        if (lang === 'en') {
          await expect(el).to.be.accessible();
          release();
        }
        if (lang === 'en') {
          await el.updateComplete;
          await aTimeout(0);
          await el.updateComplete;
          expect(loading()).to.equal(null);
          expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-busy')).to.equal('false');
          expect(inner(el)).to.not.equal(null);
          expect(field(el, '/category').label).to.be.a('string');
        }
      }
    } finally {
      release();
      Form.loadFormData = real;
    }
  });

  it('when the form’s data cannot load it says so in zh-CN and en, keeps the header, and connecting again loads the form', async () => {
    const Form = customElements.get('wy-complaint-form') as unknown as { loadFormData: () => Promise<unknown> };
    const real = Form.loadFormData;
    Form.loadFormData = () => Promise.reject(new Error('offline'));
    const failing = async (lang: string) => {
      const el = await fixture<WyComplaintForm>(html`<div lang=${lang}><wy-complaint-form .actor=${actor} .offices=${offices}></wy-complaint-form></div>`).then((d) => d.querySelector('wy-complaint-form')!);
      await el.updateComplete;
      await aTimeout(0);
      await el.updateComplete;
      return el;
    };
    try {
      const el = await failing('zh-CN');
      const failure = () => el.shadowRoot!.querySelector('[part="failure"]');
      expect(failure()?.getAttribute('role')).to.equal('alert');
      expect(failure()!.textContent).to.contain('表单加载失败').and.contain('offline');
      expect(inner(el)).to.equal(null);
      expect(el.shadowRoot!.querySelector('[part="intake-header"]')!.textContent).to.contain('周敏');
      await expect(el).to.be.accessible();
      const en = await failing('en');
      expect(en.shadowRoot!.querySelector('[part="failure"]')!.textContent).to.contain('The form could not load').and.contain('offline');
      // Back online: connecting again loads the form and the message goes.
      Form.loadFormData = real;
      const parent = el.parentElement!;
      el.remove();
      parent.append(el);
      await settle(el);
      await aTimeout(20);
      await settle(el);
      expect(failure()).to.equal(null);
      expect(inner(el)).to.not.equal(null);
      expect(field(el, '/category').label).to.be.a('string');
    } finally {
      Form.loadFormData = real;
    }
  });
});
