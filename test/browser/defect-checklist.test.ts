import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, emulateMedia } from '@web/test-runner-commands';
import '../../src/components/defect-checklist/defect-checklist.js';
import '../../src/components/kit-provider/kit-provider.js';
import type { WyDefectChecklist } from '../../src/components/defect-checklist/defect-checklist.js';
import type { Actor } from '../../src/components/shared/context.js';
import type { CommonProblems, Defect } from '../../src/core/defects/types.js';
import { validate } from '../../src/core/index.js';
import config from '../../schemas/common-problems.json';
import contractors from '../../schemas/examples/contractors.json';
import { HOUSE, NOW, makeDefects } from '../support/defect-fixtures.js';
// @internal: the list of parts loaded on demand, to make one fail as an offline page would.
import { lazyModules } from '../../src/components/defect-checklist/controllers/lazy.js';
import { Lazy } from '../../src/components/shared/lazy.js';

const problems = config as CommonProblems;
const inspector: Actor = { id: 'E3101', name: '陈工', roles: ['inspector'] };
const inspector2: Actor = { id: 'E3102', name: '李工', roles: ['inspector'] };
const civil: Actor = { id: 'C-TJ01', name: '王师傅', roles: ['contractor'] };
const plumber: Actor = { id: 'C-SD03', name: '刘师傅', roles: ['contractor'] };
const owner: Actor = { id: 'O-1202', name: '张伟', roles: ['owner'] };

const frames = (n = 2) => new Promise<void>((r) => {
  const step = (k: number) => (k ? requestAnimationFrame(() => step(k - 1)) : r());
  step(n);
});
async function settle(el: WyDefectChecklist) {
  await el.updateComplete;
  await frames(3);
  await el.updateComplete;
}
const $ = <T extends Element = HTMLElement>(el: WyDefectChecklist, sel: string) => el.shadowRoot!.querySelector<T & Element>(sel) as T | null;
const $$ = <T extends Element = HTMLElement>(el: WyDefectChecklist, sel: string) => [...el.shadowRoot!.querySelectorAll<T & Element>(sel)] as T[];
const text = (n: Element | null) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A checklist that keeps its items in sync with its own wy-change, as a host would. */
async function make(props: Partial<WyDefectChecklist> = {}): Promise<WyDefectChecklist> {
  const el = await fixture<WyDefectChecklist>(html`<wy-defect-checklist
    .house=${HOUSE}
    .now=${NOW}
    .contractors=${contractors}
    .commonProblems=${problems}
    .actor=${inspector}
  ></wy-defect-checklist>`);
  Object.assign(el, props);
  await settle(el);
  return el;
}

function select(el: WyDefectChecklist, sel: string, value: string) {
  const s = $<HTMLSelectElement>(el, sel)!;
  s.value = value;
  s.dispatchEvent(new Event('change', { bubbles: true }));
}

async function act(el: WyDefectChecklist, id: string, action: string, note?: string) {
  const sel = `[part~="row"][data-id="${id}"] [data-action="${action}"]`;
  // Scroll the virtualised list as a user would until the row is on screen.
  const list = $(el, 'lit-virtualizer');
  if (list && !$(el, sel)) {
    list.scrollTop = 0;
    await settle(el);
    for (let i = 0; i < 40 && !$(el, sel); i++) {
      list.scrollTop += 200;
      await settle(el);
    }
  }
  const btn = $(el, sel);
  expect(btn, `${action} on ${id} for ${el.actor?.id}`).to.not.equal(null);
  btn!.click();
  await settle(el);
  if (['pass', 'reject', 'dispute', 'settle', 'reopen'].includes(action)) {
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    expect(dialog.open).to.equal(true);
    if (note) $<HTMLTextAreaElement>(el, '#dialog-note')!.value = note;
    $(el, '[data-dialog="confirm"]')!.click();
    await settle(el);
  }
}

describe('<wy-defect-checklist>', () => {
  // lit-virtualizer measures rows with a ResizeObserver; Chromium reports "ResizeObserver loop
  // completed with undelivered notifications" when a measurement changes layout within a frame.
  // It is a benign notice (the next frame delivers them), not an error of the element.
  let onerror: OnErrorEventHandler;
  before(() => {
    onerror = window.onerror;
    window.onerror = (message, ...rest) => (String(message).includes('ResizeObserver loop') ? true : onerror?.call(window, message, ...rest));
  });
  after(() => {
    window.onerror = onerror;
  });
  afterEach(async () => {
    await emulateMedia({ media: 'screen' });
  });

  for (const view of ['entry', 'list', 'summary', 'print'] as const) {
    it(`passes axe in the ${view} view`, async () => {
      const el = await make({ items: makeDefects(12), view });
      await expect(el).to.be.accessible();
    });
  }

  it('passes axe in move-in mode with the owner decision form, in English', async () => {
    const el = await make({ items: makeDefects(5), mode: 'move-in', actor: owner, view: 'summary', locale: 'en' });
    expect($(el, '[part="decision"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a full inspection as a user would: 20 items by keyboard, assign, reject one, close the rest, read the summary', async () => {
    const el = await make({ items: [] });
    let changes = 0;
    el.addEventListener('wy-change', (e) => {
      changes++;
      el.items = (e.detail as { items: Defect[] }).items;
    });
    // Batch entry: location and trade once, then type and press Enter for each defect.
    select(el, 'select[name="location"]', 'bathroom');
    select(el, 'select[name="trade"]', 'plumbing');
    await settle(el);
    const area = $<HTMLTextAreaElement>(el, '#entry-text')!;
    area.focus();
    for (let i = 1; i <= 18; i++) {
      await sendKeys({ type: `漏水点${i}` });
      await sendKeys({ press: 'Enter' });
    }
    // A prefix changes the location for one line; a tap on a common problem adds one more.
    await sendKeys({ type: '厨房：水槽下渗水 [严重]' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.shadowRoot!.activeElement, 'focus stays in the entry field').to.equal(area);
    $(el, '[part="chip"][data-problem="drain-blocked"]')!.click();
    await settle(el);
    expect(el.items.length).to.equal(20);
    expect(changes).to.equal(20);
    expect(area.value).to.equal('');
    expect(text($(el, '[role="status"]'))).to.match(/已添加问题：地漏堵塞/);
    const kitchen = el.items.find((d) => d.location === 'kitchen')!;
    expect([kitchen.description, kitchen.severity, kitchen.trade]).to.deep.equal(['水槽下渗水', 'serious', 'plumbing']);
    expect(el.items.every((d) => validate('defect', d).valid)).to.equal(true);
    expect(el.items.every((d) => d.due && d.status === 'open' && d.foundBy.id === 'E3101')).to.equal(true);

    // Tabs by keyboard: ArrowRight moves to the list.
    $(el, '#tab-entry')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(el.view).to.equal('list');

    // Bulk assign every defect to one contractor with a time limit.
    $<HTMLInputElement>(el, '[data-bulk="all"]')!.click();
    await settle(el);
    expect(text($(el, '[part="bulk"]'))).to.contain('已选 20 项');
    select(el, '[data-bulk="contractor"]', 'C-SD03');
    const due = $<HTMLInputElement>(el, '[data-bulk="due"]')!;
    due.value = '2026-11-25';
    due.dispatchEvent(new Event('change'));
    $(el, '[data-bulk="apply"]')!.click();
    await settle(el);
    // The date picked is a day in Asia/Shanghai: the limit is its end there, whatever the browser's zone.
    expect(el.items.every((d) => d.contractorId === 'C-SD03' && d.due === '2026-11-25T23:59:59+08:00')).to.equal(true);

    // The contractor reports every repair done.
    el.actor = plumber;
    for (const d of [...el.items]) await act(el, d.id, 'report-fixed');
    expect(el.items.every((d) => d.status === 'awaiting-reinspection')).to.equal(true);

    // Re-inspection: the inspector rejects one with a note, then closes the others one by one.
    el.actor = inspector;
    select(el, '[data-filter="status"]', 'awaiting-reinspection');
    await settle(el);
    const rejectId = el.items[3]!.id;
    $(el, `[part~="row"][data-id="${rejectId}"] [data-action="reject"]`)!.click();
    await settle(el);
    // Without a note the rejection is refused and the dialog says why.
    $(el, '[data-dialog="confirm"]')!.click();
    await settle(el);
    expect(text($(el, '#dialog-error'))).to.equal('请填写说明');
    expect($<HTMLDialogElement>(el, 'dialog')!.open).to.equal(true);
    $<HTMLTextAreaElement>(el, '#dialog-note')!.focus();
    await sendKeys({ type: '仍有渗水' });
    $(el, '[data-dialog="confirm"]')!.click();
    await settle(el);
    expect(el.items.find((d) => d.id === rejectId)!.status).to.equal('rejected');
    // The rejected defect left the filtered list: focus goes to the row that took its place.
    await settle(el);
    const focused = (el.shadowRoot!.activeElement as HTMLElement | null)?.closest<HTMLElement>('[part~="row"]');
    expect(focused, 'focus stays in the list').to.not.equal(null);
    expect(focused!.dataset['id']).to.equal(el.items[4]!.id);
    let closes = 0;
    el.addEventListener('wy-defect-close', () => closes++);
    for (let guard = 0; guard < 30; guard++) {
      const btn = $(el, '[part~="row"] [data-action="pass"]');
      if (!btn) break;
      const id = btn.closest<HTMLElement>('[part~="row"]')!.dataset['id']!;
      await act(el, id, 'pass', '复验合格');
    }
    expect(closes).to.equal(19);
    // The rejected one is repaired again and passes.
    el.actor = plumber;
    select(el, '[data-filter="status"]', '');
    await settle(el);
    select(el, '[data-filter="status"]', 'rejected');
    await settle(el);
    await act(el, rejectId, 'report-fixed');
    el.actor = inspector2;
    select(el, '[data-filter="status"]', '');
    await settle(el);
    select(el, '[data-filter="status"]', 'awaiting-reinspection');
    await settle(el);
    await act(el, rejectId, 'pass');
    const closed = el.items.find((d) => d.id === rejectId)!;
    expect(closed.history!.map((s) => s.action)).to.deep.equal(['report-fixed', 'reject', 'report-fixed', 'pass']);
    expect(closed.closedBy).to.deep.equal({ id: 'E3102', name: '李工' });

    // The summary reads what happened.
    el.view = 'summary';
    await settle(el);
    expect(text($(el, '[data-stat="total"]'))).to.equal('20');
    expect(text($(el, '[data-stat="closed"]'))).to.equal('20');
    expect(text($(el, '[data-stat="rate"]'))).to.equal('100%');
    expect(text($(el, '[data-stat="rejected"]'))).to.equal('1');
    expect(text($(el, '[data-stat="overdue"]'))).to.equal('0');
    expect(text($(el, '[part="chart"]'))).to.contain('给排水：20 项，已关闭 20 项');
  });

  it('hands focus back to a changed defect only if the user has not moved on, and a focused button never changes what it does', async () => {
    const items = makeDefects(3).map((d) => ({ ...d, status: 'awaiting-reinspection' as const, contractorId: 'C-TJ01' }));
    const el = await make({ items, view: 'list', actor: inspector2 });
    const [a, b] = [el.items[0]!.id, el.items[1]!.id];
    const passOf = (id: string) => $(el, `[part~="row"][data-id="${id}"] [data-action="pass"]`)!;
    // Pass the first: the note dialog, confirmed; before the list has laid out again the user is
    // already on the second defect's 通过 — focus must stay there.
    const first = passOf(a);
    first.click();
    await settle(el);
    $<HTMLTextAreaElement>(el, '#dialog-note')!.value = '复验合格';
    $(el, '[data-dialog="confirm"]')!.click();
    await el.updateComplete;
    const next = passOf(b);
    next.focus();
    await settle(el);
    await frames(4);
    expect(el.items.find((d) => d.id === a)!.status).to.equal('closed');
    expect(el.shadowRoot!.activeElement, 'focus stays where the user put it').to.equal(next);
    // The passed defect's 通过 button is gone, not turned into its 重新打开.
    expect(first.isConnected).to.equal(false);
    expect($(el, `[part~="row"][data-id="${a}"] [data-action="reopen"]`)).to.not.equal(null);
    // Left alone, focus goes back to the defect just changed.
    next.click();
    await settle(el);
    $<HTMLTextAreaElement>(el, '#dialog-note')!.value = '复验合格';
    $(el, '[data-dialog="confirm"]')!.click();
    await settle(el);
    await frames(4);
    const row = (el.shadowRoot!.activeElement as HTMLElement | null)?.closest<HTMLElement>('[part~="row"]');
    expect(row?.dataset['id']).to.equal(b);
  });

  it('arrow keys on the tabs move focus at once, and never take it back from where the user has gone', async () => {
    const el = await make();
    const outside = document.createElement('button');
    outside.id = 'after-checklist';
    document.body.append(outside);
    try {
      expect(el.view).to.equal('entry');
      $(el, '#tab-entry')!.focus();
      $(el, '#tab-entry')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true, cancelable: true }));
      expect(el.shadowRoot!.activeElement?.id, 'on the list tab at once').to.equal('tab-list');
      // The user moves on (Tab) before the list has loaded and drawn: focus stays there.
      outside.focus();
      await settle(el);
      await frames(2);
      expect(el.view).to.equal('list');
      expect(document.activeElement?.id, 'focus stays where the user put it').to.equal('after-checklist');
    } finally {
      outside.remove();
    }
  });

  it('offers each status change only to whoever may make it', async () => {
    const items = [
      ...makeDefects(1).map((d) => ({ ...d, id: 'A', status: 'open' as const, contractorId: 'C-TJ01' })),
      { ...makeDefects(1)[0]!, id: 'B', status: 'awaiting-reinspection' as const, contractorId: 'C-TJ01', history: [{ action: 'report-fixed' as const, from: 'in-repair' as const, to: 'awaiting-reinspection' as const, at: NOW, by: { id: 'E3101', name: '陈工' }, role: 'inspector' as const }] },
      { ...makeDefects(1)[0]!, id: 'C', status: 'closed' as const, contractorId: 'C-TJ01' },
    ];
    const el = await make({ items, view: 'list' });
    const actionsOf = (id: string) => $$(el, `[part~="row"][data-id="${id}"] [data-action]`).map((b) => b.dataset['action']);
    const cases: [Actor, 'internal' | 'move-in', Record<string, string[]>][] = [
      [civil, 'internal', { A: ['start-repair', 'report-fixed', 'dispute'], B: [], C: [] }],
      [plumber, 'internal', { A: [], B: [], C: [] }],
      // E3101 reported B fixed: another inspector must re-inspect it.
      [inspector, 'internal', { A: ['start-repair', 'report-fixed'], B: [], C: ['reopen'] }],
      [inspector2, 'internal', { A: ['start-repair', 'report-fixed'], B: ['pass', 'reject'], C: ['reopen'] }],
      [owner, 'internal', { A: [], B: [], C: [] }],
      [owner, 'move-in', { A: [], B: ['pass', 'reject', 'dispute'], C: ['dispute'] }],
    ];
    for (const [actor, mode, expected] of cases) {
      el.actor = actor;
      el.mode = mode;
      await settle(el);
      for (const [id, acts] of Object.entries(expected)) expect(actionsOf(id), `${actor.id} ${mode} ${id}`).to.deep.equal(acts);
    }
    // Contractors and owners get no bulk assignment; readonly shows no actions at all.
    expect($(el, '[part="bulk"]')).to.equal(null);
    el.actor = inspector2;
    el.readonly = true;
    await settle(el);
    expect($$(el, '[data-action]').length).to.equal(0);
    expect($(el, '[part="bulk"]')).to.equal(null);
    expect($(el, '#tab-entry')).to.equal(null);
  });

  it('takes the actor and contractors from <wy-kit-provider>; without an actor nothing can change', async () => {
    const wrap = await fixture(html`<wy-kit-provider .actor=${civil} .reference=${{ contractors }} locale="en">
      <wy-defect-checklist .house=${HOUSE} .now=${NOW} .items=${makeDefects(6)} view="list"></wy-defect-checklist>
    </wy-kit-provider>`);
    const el = wrap.querySelector('wy-defect-checklist')!;
    await settle(el);
    expect(text($(el, '[part~="row"][data-id="HY-1202-0001"]'))).to.contain('Shenzhen Construction Civil Team 1');
    expect($$(el, '[part~="row"][data-id="HY-1202-0001"] [data-action]').map((b) => text(b))).to.deep.equal(['Start repair', 'Report fixed', 'Dispute']);
    const bare = await fixture<WyDefectChecklist>(html`<wy-defect-checklist .house=${HOUSE} .now=${NOW} .items=${makeDefects(6)}></wy-defect-checklist>`);
    await settle(bare);
    expect($(bare, '#tab-entry'), 'no entry view without an actor who may record').to.equal(null);
    expect($(bare, '[part="tab"][aria-selected="true"]')!.id).to.equal('tab-list');
    expect($$(bare, '[data-action]').length).to.equal(0);
  });

  it('filters and groups by status, location, trade and contractor; overdue defects stand out', async () => {
    const el = await make({ items: makeDefects(40), view: 'list' });
    const shown = () => text($(el, '#list-count'));
    expect(shown()).to.equal('显示 40 / 40 项');
    select(el, '[data-filter="contractor"]', '');
    await settle(el);
    expect(shown()).to.equal(`显示 ${makeDefects(40).filter((d) => !d.contractorId).length} / 40 项`);
    select(el, '[data-filter="contractor"]', '*');
    const overdue = $<HTMLInputElement>(el, '[data-filter="overdue"]')!;
    overdue.click();
    await settle(el);
    const rows = $$(el, '[part~="row"]');
    expect(rows.length).to.be.greaterThan(0);
    for (const r of rows) {
      expect(r.getAttribute('part')).to.equal('row overdue');
      expect(text(r.querySelector('.badge.overdue'))).to.equal('已逾期');
    }
    overdue.click();
    select(el, '[data-filter="group"]', 'trade');
    await settle(el);
    const groups = $$(el, '[part="group"]').map((g) => text(g.querySelector('h3')));
    expect(groups[0]).to.match(/^土建\/墙面 \d+ 项$/);
    select(el, '[data-filter="trade"]', 'electrical');
    select(el, '[data-filter="location"]', 'kitchen');
    await settle(el);
    for (const r of $$(el, '[part~="row"]')) expect(text(r)).to.contain('厨房 · 电气');
  });

  it('generates the problem list per contractor as CSV with a BOM', async () => {
    const items = makeDefects(30);
    items[0] = { ...items[0]!, description: '=HYPERLINK("http://evil","x")' };
    const el = await make({ items, view: 'print' });
    select(el, '[data-print="contractor"]', 'C-TJ01');
    await settle(el);
    let blob: Blob | undefined;
    let fileName = '';
    const create = URL.createObjectURL;
    URL.createObjectURL = (b: Blob | MediaSource) => {
      blob = b as Blob;
      return create.call(URL, b);
    };
    const grab = (e: Event) => {
      const a = e.target as HTMLAnchorElement;
      if (a.download) {
        e.preventDefault();
        fileName = a.download;
      }
    };
    document.addEventListener('click', grab, true);
    try {
      $(el, '[data-print="csv"]')!.click();
    } finally {
      document.removeEventListener('click', grab, true);
      URL.createObjectURL = create;
    }
    expect(fileName).to.match(/^问题清单-深圳建工土建一队-2026-11-\d\d\.csv$/);
    expect(blob!.type).to.equal('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blob!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
    expect(lines[0]).to.equal('责任单位,项目,楼栋,单元,房号,问题编号,部位,专业,问题描述,严重程度,状态,整改期限,是否逾期,发现时间,发现人');
    const expected = items.filter((d) => d.contractorId === 'C-TJ01' && d.status !== 'closed');
    expect(lines.length - 1).to.equal(expected.length);
    expect(lines.slice(1).every((l) => l.startsWith('深圳建工土建一队,华苑花园,3栋,2单元,1202,'))).to.equal(true);
    expect(csv).to.contain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    // English headers and labels with locale="en".
    el.locale = 'en';
    await settle(el);
    const en = el.toCsv();
    expect(en.startsWith('\uFEFFResponsible contractor,Project,')).to.equal(true);
    expect(en).to.contain('Shenzhen Construction Civil Team 1');
  });

  it('prints the problem list: one sheet per contractor, controls hidden in print', async () => {
    const el = await make({ items: makeDefects(30), view: 'list' });
    let printed = 0;
    const original = window.print;
    window.print = () => {
      printed++;
    };
    try {
      el.view = 'print';
      await settle(el);
      const sheets = $$(el, '[part="sheet"]');
      expect(sheets.map((s) => s.dataset['contractor'])).to.deep.equal(['C-TJ01', 'C-MC02', 'C-SD03', 'C-ZS04', 'C-SB05', '']);
      expect(text(sheets[0]!.querySelector('h3'))).to.equal('整改通知单（问题清单） — 深圳建工土建一队');
      expect(text(sheets[0]!.querySelector('caption'))).to.equal('华苑花园 3栋 2单元 1202');
      expect(text(sheets[0]!)).to.contain('责任单位签收：');
      $(el, '[data-print="print"]')!.click();
      await settle(el);
      expect(printed).to.equal(1);
      await emulateMedia({ media: 'print' });
      expect(getComputedStyle($(el, '[part="tabs"]')!).display).to.equal('none');
      expect(getComputedStyle($(el, '.print-toolbar')!).display).to.equal('none');
      expect(getComputedStyle(sheets[0]!).display).to.equal('block');
      expect(getComputedStyle(sheets[0]!).breakAfter).to.equal('page');
      // Printing from another view switches to the problem list first.
      await emulateMedia({ media: 'screen' });
      el.view = 'summary';
      await settle(el);
      window.dispatchEvent(new Event('beforeprint'));
      expect(el.view).to.equal('print');
    } finally {
      window.print = original;
    }
  });

  it('speaks English and words the move-in mode for the owner', async () => {
    const el = await make({ items: makeDefects(4), locale: 'en', mode: 'move-in', actor: owner });
    expect(text($(el, 'h2'))).to.equal('Move-in acceptance defects');
    expect($$(el, '[part="tab"]').map(text)).to.deep.equal(['Record problems', 'Defects', 'Acceptance summary', 'Problem list']);
    expect(text($(el, '#entry-heading'))).to.equal('Record the problems you found in your home');
    const zh = await make({ items: makeDefects(4), mode: 'move-in', actor: owner });
    expect(text($(zh, 'h2'))).to.equal('入伙验收问题清单');
    expect(text($(zh, '#entry-heading'))).to.equal('记录您发现的房屋问题');
  });

  it('records the owner decision at move-in: refusing needs a reason and a signature', async () => {
    const el = await make({ items: makeDefects(4), mode: 'move-in', actor: owner, view: 'summary' });
    const radio = (v: string) => $<HTMLInputElement>(el, `input[name="decision"][value="${v}"]`)!;
    radio('refuse').click();
    await settle(el);
    $<HTMLButtonElement>(el, '[part="decision"] button[type="submit"]')!.click();
    await settle(el);
    expect(text($(el, '#reason-error'))).to.equal('暂不收房时请填写原因');
    expect(text($(el, '#signature-error'))).to.equal('请填写业主签名');
    expect($(el, '#decision-reason')!.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#decision-reason'));
    await sendKeys({ type: '卫生间渗水未修复' });
    $<HTMLInputElement>(el, '#decision-signature')!.focus();
    await sendKeys({ type: '张伟' });
    setTimeout(() => $<HTMLButtonElement>(el, '[part="decision"] button[type="submit"]')!.click());
    const ev = await oneEvent(el, 'wy-owner-decide');
    expect(ev.detail.decision).to.deep.include({ decision: 'refuse', reason: '卫生间渗水未修复', signatureName: '张伟' });
    const record = { id: 'M1', mode: 'move-in', house: HOUSE, inspectors: [owner].map(({ id, name }) => ({ id, name })), date: '2026-11-20', items: el.items, ownerDecision: ev.detail.decision };
    expect(validate('checklist', record).errors).to.deep.equal([]);
    await settle(el);
    expect(text($(el, '[data-decision]'))).to.match(/^暂不收房：张伟，2026-11-\d\d$/);
  });

  it('shows hostile text as text and drops script URLs of photos', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const items: Defect[] = [{ ...makeDefects(1)[0]!, description: hostile, foundBy: { id: 'x', name: hostile }, photos: [{ id: 'p', url: 'javascript:window.__pwned=1', name: hostile }] }];
    const el = await make({ items, view: 'list' });
    expect($(el, '[part~="row"] .desc')!.textContent).to.equal(hostile);
    expect($(el, '[part~="row"] img[src="x"]')).to.equal(null);
    expect($(el, '.thumbs a')!.getAttribute('href')).to.equal('#');
    el.view = 'print';
    await settle(el);
    expect(text($(el, '[part="sheet"] tbody'))).to.contain(hostile);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    // Typing hostile text in batch entry stores it as plain text.
    el.view = 'entry';
    await settle(el);
    const added: Defect[][] = [];
    el.addEventListener('wy-change', (e) => added.push([...(e.detail as { items: Defect[] }).items]));
    $<HTMLTextAreaElement>(el, '#entry-text')!.value = `__proto__: ${hostile}`;
    $<HTMLButtonElement>(el, '[part="entry"] button[type="submit"]')!.click();
    await settle(el);
    expect(added[0]!.at(-1)!.description).to.equal(`__proto__: ${hostile}`);
    expect(({} as Record<string, unknown>)['onerror']).to.equal(undefined);
  });

  it('keeps lines it cannot add and says why; an invalid configuration falls back to the defaults', async () => {
    const el = await make({ items: [] });
    const area = $<HTMLTextAreaElement>(el, '#entry-text')!;
    area.value = `墙面空鼓\n${'长'.repeat(501)}`;
    $<HTMLButtonElement>(el, '[part="entry"] button[type="submit"]')!.click();
    await settle(el);
    expect(el.items.length).to.equal(1);
    expect(area.value).to.equal('长'.repeat(501));
    expect(text($(el, '#entry-errors'))).to.equal('第 2 行超过 500 个字，未添加');
    const bad = await make({ commonProblems: { defaults: { severity: 'huge' }, problems: [] } as unknown as CommonProblems });
    expect(text($(bad, '[role="alert"]'))).to.match(/^常见问题配置无效/);
    expect($(bad, 'select[name="severity"]')!.querySelector<HTMLOptionElement>('option:checked')!.value).to.equal('general');
  });

  it('uploads photos through the host hook, keeps only references, revokes previews, retries a failure', async () => {
    let fail = true;
    const uploads: string[] = [];
    const el = await make({
      items: [],
      uploader: async (file: File) => {
        uploads.push(file.name);
        if (fail) throw new Error('offline');
        return { id: `ph-${uploads.length}`, url: `https://files.example.com/${file.name}` };
      },
    });
    el.addEventListener('wy-change', (e) => (el.items = (e.detail as { items: Defect[] }).items));
    const input = $<HTMLInputElement>(el, 'input[type="file"]')!;
    expect(input.accept).to.equal('image/*');
    expect(input.getAttribute('capture')).to.equal('environment');
    const revoked: string[] = [];
    const revoke = URL.revokeObjectURL;
    URL.revokeObjectURL = (u: string) => {
      revoked.push(u);
      revoke.call(URL, u);
    };
    try {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array([0xff, 0xd8, 0xff])], 'IMG_1.jpg', { type: 'image/jpeg' }));
      input.files = dt.files;
      input.dispatchEvent(new Event('change'));
      await settle(el);
      const preview = $<HTMLImageElement>(el, '.previews img')!;
      expect(preview.src.startsWith('blob:')).to.equal(true);
      $<HTMLTextAreaElement>(el, '#entry-text')!.value = '窗户渗水';
      $<HTMLButtonElement>(el, '[part="entry"] button[type="submit"]')!.click();
      await settle(el);
      await settle(el);
      expect(el.items.length).to.equal(1);
      expect(el.items[0]!.photos).to.equal(undefined);
      expect(text($(el, '.previews'))).to.contain('照片 IMG_1.jpg 上传失败');
      fail = false;
      $<HTMLButtonElement>(el, '.previews .failed button')!.click();
      await settle(el);
      await settle(el);
      expect(el.items[0]!.photos).to.deep.equal([{ id: 'ph-2', url: 'https://files.example.com/IMG_1.jpg', name: 'IMG_1.jpg' }]);
      expect(revoked).to.include(preview.src);
      expect($(el, '.previews img')).to.equal(null);
      expect(validate('defect', el.items[0]).valid).to.equal(true);
    } finally {
      URL.revokeObjectURL = revoke;
    }
  });

  it('keeps only photo references the schema allows: an inline data: URL is refused and said so', async () => {
    const el = await make({ items: [], uploader: async () => ({ id: 'ph-1', url: 'data:image/png;base64,AAAA' }) });
    el.addEventListener('wy-change', (e) => (el.items = (e.detail as { items: Defect[] }).items));
    const input = $<HTMLInputElement>(el, 'input[type="file"]')!;
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array([0xff, 0xd8, 0xff])], 'IMG_2.jpg', { type: 'image/jpeg' }));
    dt.items.add(new File(['%PDF'], 'report.pdf', { type: 'application/pdf' }));
    input.files = dt.files;
    input.dispatchEvent(new Event('change'));
    await settle(el);
    expect($$(el, '.previews img').length, 'images only').to.equal(1);
    $<HTMLTextAreaElement>(el, '#entry-text')!.value = '窗户渗水';
    $<HTMLButtonElement>(el, '[part="entry"] button[type="submit"]')!.click();
    await settle(el);
    await settle(el);
    expect(el.items.length).to.equal(1);
    expect(el.items[0]!.photos).to.equal(undefined);
    expect(el.items[0]!.foundAt).to.equal('2026-11-20T10:00:00+08:00');
    expect(text($(el, '[role="status"]'))).to.equal('照片 IMG_2.jpg 未能保存：上传返回的不是有效的文件地址');
    expect($(el, '.previews .failed')).to.not.equal(null);
  });

  it('keeps 1,000 defects virtualised and moves focus through them with the arrow keys', async () => {
    const el = await make({ items: makeDefects(1000), view: 'list' });
    const rendered = $$(el, '[part~="row"]').length;
    expect(rendered).to.be.greaterThan(3);
    expect(rendered).to.be.lessThan(100);
    const first = $<HTMLInputElement>(el, '[part~="row"][data-index="0"] input')!;
    first.focus();
    for (let i = 0; i < 25; i++) {
      await sendKeys({ press: 'ArrowDown' });
      await frames(2);
    }
    await settle(el);
    const active = el.shadowRoot!.activeElement as HTMLElement;
    expect(active.closest<HTMLElement>('[part~="row"]')!.dataset['index']).to.equal('25');
    expect(active.closest<HTMLElement>('[part~="row"]')!.getAttribute('aria-posinset')).to.equal('26');
    expect(active.closest<HTMLElement>('[part~="row"]')!.getAttribute('aria-setsize')).to.equal('1000');
  });

  it('the first paint waits for its view, and a view that fails to load says so with a retry that works', async () => {
    const list = lazyModules.list;
    let offline = true;
    lazyModules.list = new Lazy(() => (offline ? Promise.reject(new Error('offline')) : list.load()));
    try {
      const el = await make({ items: makeDefects(3), view: 'list', actor: civil });
      expect($(el, '[part="list"]')).to.equal(null);
      const failed = $(el, '.load-failed')!;
      expect(failed.getAttribute('role')).to.equal('alert');
      expect(text(failed)).to.contain('此部分未能加载');
      expect(text($(el, '[part="header"]'))).to.contain('共 3 项');
      await expect(el).to.be.accessible();
      offline = false;
      $<HTMLButtonElement>(el, '.load-failed button')!.click();
      await settle(el);
      expect($(el, '.load-failed')).to.equal(null);
      expect($$(el, '[part~="row"]').length).to.equal(3);
    } finally {
      lazyModules.list = list;
    }
  });

  describe('shipped common problems, entry complete and the entry draft', () => {
    it('loads the shipped common problems when none are given', async () => {
      const el = await fixture<WyDefectChecklist>(html`<wy-defect-checklist .house=${HOUSE} .now=${NOW} .contractors=${contractors} .actor=${inspector}></wy-defect-checklist>`);
      await settle(el);
      expect($$(el, '[part="chip"]').length).to.be.greaterThan(0);
      expect($(el, '.chips .muted')).to.equal(null);
    });

    it('"entry complete" fires wy-entry-complete with the count', async () => {
      const el = await make({ entryComplete: true });
      const area = $<HTMLTextAreaElement>(el, '#entry-text')!;
      area.value = '客厅墙面开裂\n卫生间地漏堵塞';
      $(el, 'form[part="entry"] button[type="submit"]')!.click();
      await settle(el);
      const button = $(el, '[part="entry-complete"]')!;
      expect(text(button)).to.equal('录入完成（2 项），生成问题清单');
      setTimeout(() => button.click());
      const ev = await oneEvent(el, 'wy-entry-complete');
      expect(ev.detail.count).to.equal(2);
      await expect(el).to.be.accessible();
    });

    it('keeps text not yet added across a reload, announces it with a discard button, drops it after 7 days', async () => {
      localStorage.removeItem('wy-draft:insp:entry');
      const el = await make({ draftKey: 'insp' });
      const area = $<HTMLTextAreaElement>(el, '#entry-text')!;
      area.focus();
      await sendKeys({ type: '阳台栏杆松动' });
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      expect((JSON.parse(localStorage.getItem('wy-draft:insp:entry')!) as { value: string }).value).to.equal('阳台栏杆松动');
      el.remove();
      const again = await make({ draftKey: 'insp' });
      expect($<HTMLTextAreaElement>(again, '#entry-text')!.value).to.equal('阳台栏杆松动');
      expect(text($(again, '[part="draft-notice"]'))).to.contain('已恢复上次未添加的录入内容');
      await expect(again).to.be.accessible();
      $(again, '[part="draft-notice"] button')!.click();
      await settle(again);
      expect($<HTMLTextAreaElement>(again, '#entry-text')!.value).to.equal('');
      expect(localStorage.getItem('wy-draft:insp:entry')).to.equal(null);
      localStorage.setItem('wy-draft:insp:entry', JSON.stringify({ schemaId: 'wy-defect-checklist:entry', savedAt: new Date(Date.now() - 8 * 86_400_000).toISOString(), value: '旧的' }));
      const old = await make({ draftKey: 'insp' });
      expect($<HTMLTextAreaElement>(old, '#entry-text')!.value).to.equal('');
      expect(localStorage.getItem('wy-draft:insp:entry')).to.equal(null);
    });
  });
});
