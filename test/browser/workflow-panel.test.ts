import { expect, fixture, html, oneEvent, aTimeout, waitUntil } from '@open-wc/testing';
import '../../src/components/workflow-panel/workflow-panel.js';
import '../../src/components/kit-provider/kit-provider.js';
import type { WyWorkflowPanel, WyTransitionEvent } from '../../src/components/workflow-panel/workflow-panel.js';
import type { WySchemaForm } from '../../src/components/schema-form/schema-form.js';
import type { Engine, SendResult } from '../../src/workflow/index.js';
import { scenario, specialist, handler, head, owner, receptionist, HOUR, type Scenario } from '../support/workflow-panel-fixtures.js';

const root = (p: WyWorkflowPanel) => p.shadowRoot!;
const q = <T extends Element = HTMLElement>(p: WyWorkflowPanel, sel: string) => root(p).querySelector<T>(sel);
const qa = (p: WyWorkflowPanel, sel: string) => [...root(p).querySelectorAll<HTMLElement>(sel)];
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function ready(p: WyWorkflowPanel) {
  await waitUntil(() => q(p, '[part="timeline"], .message:not([role="status"])'), 'panel did not render', { timeout: 3000 });
  await p.updateComplete;
}

async function panelFor(env: Scenario, actor = specialist, locale = 'zh-CN') {
  const p = await fixture<WyWorkflowPanel>(
    html`<wy-workflow-panel .engine=${env.engine} .actor=${actor} instance-id=${env.id} locale=${locale} .now=${env.now()}></wy-workflow-panel>`,
  );
  await ready(p);
  return p;
}

const actionButton = (p: WyWorkflowPanel, event: string) => q<HTMLButtonElement>(p, `button[data-event="${event}"]`)!;
async function openAction(p: WyWorkflowPanel, event: string) {
  actionButton(p, event).click();
  await waitUntil(() => q(p, 'wy-schema-form, [part="confirm"]'), `action ${event} did not open`, { timeout: 3000 });
  await p.updateComplete;
  const form = q<WySchemaForm>(p, 'wy-schema-form');
  if (form) await form.updateComplete;
  return form;
}
/** Where focus is, looking into shadow roots, as `tag#id[part]` (a failure message never serialises an element and its engine). */
function focusedName(): string {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a ? `${a.localName}${a.id ? `#${a.id}` : ''}${a.getAttribute('part') ? `[part=${a.getAttribute('part')}]` : ''}${a instanceof HTMLElement && a.dataset['event'] ? `[${a.dataset['event']}]` : ''}` : 'nothing';
}
const timelineTitles = (p: WyWorkflowPanel) => qa(p, '[part="entry"] .entry-title').map(text);

describe('<wy-workflow-panel>', () => {
  it('passes axe: overview, an open form and an open confirm step', async () => {
    const env = await scenario('overdue');
    const p = await panelFor(env);
    await expect(p).to.be.accessible();
    await openAction(p, 'reply');
    await expect(p).to.be.accessible();
    const env2 = await scenario('dispatched');
    const p2 = await panelFor(env2, handler);
    await openAction(p2, 'accept');
    await expect(p2).to.be.accessible();
  });

  it('shows the state, handler and first receiver from the definition, zh-CN and en', async () => {
    const env = await scenario('handling');
    const p = await panelFor(env);
    expect(text(q(p, '.title'))).to.equal('顾客投诉处理 WI/KF-007');
    expect(text(q(p, '[part="state"]'))).to.equal('处理中');
    expect(text(q(p, '.facts'))).to.include('SZ-BH-202609-0003').and.include('王强').and.include('郑浩');
    p.locale = 'en';
    await p.updateComplete;
    expect(text(q(p, '.title'))).to.equal('Complaint handling WI/KF-007');
    expect(text(q(p, '[part="state"]'))).to.equal('Being handled');
    expect(text(q(p, '.facts'))).to.include('First receiver');
  });

  it('reads each clock: business and calendar time left, the due time in Shanghai, the level in words', async () => {
    const env = await scenario('handling');
    const p = await panelFor(env);
    const clocks = qa(p, '[part="clock"]');
    expect(clocks.map((c) => c.dataset['clock'])).to.deep.equal(['reply', 'close']);
    const reply = clocks[0]!;
    expect(reply.dataset['level']).to.equal('ok');
    expect(text(reply.querySelector('[part="clock-level"]'))).to.equal('正常');
    // Registered 09:40 on a Tuesday; one working day (7 h 30 min) later, 1 h 20 min used (09:40 → 10:30 … now 10:30).
    expect(text(reply.querySelector('dd.business'))).to.equal('剩余 6小时40分钟');
    expect(text(reply.querySelector('dd.calendar'))).to.equal('剩余 23小时10分钟');
    expect(text(reply)).to.include('2026/09/09 09:40');
    expect(reply.querySelector('time')!.getAttribute('datetime')).to.equal('2026-09-09T09:40:00+08:00');
    // Later: due soon, then overdue — in words and by level, not colour alone.
    p.now = Date.parse('2026-09-08T16:50:00+08:00');
    await waitUntil(() => qa(p, '[part="clock"]')[0]!.dataset['level'] === 'warning');
    expect(text(qa(p, '[part="clock"]')[0]!.querySelector('[part="clock-level"]'))).to.equal('即将超时');
    p.now = Date.parse('2026-09-09T10:40:00+08:00');
    await waitUntil(() => qa(p, '[part="clock"]')[0]!.dataset['level'] === 'overdue');
    const overdue = qa(p, '[part="clock"]')[0]!;
    expect(text(overdue.querySelector('[part="clock-level"]'))).to.equal('已超时');
    expect(text(overdue.querySelector('dd.business'))).to.equal('已超时 1小时');
    expect(text(overdue.querySelector('dd.calendar'))).to.equal('已超时 1小时');
    p.locale = 'en';
    await p.updateComplete;
    expect(text(qa(p, '[part="clock"]')[0]!.querySelector('[part="clock-level"]'))).to.equal('Overdue');
    expect(text(qa(p, '[part="clock"]')[0]!.querySelector('dd.business'))).to.equal('Overdue by 1 h');
  });

  it('after the timers fired, shows the escalation and the timer entries as the system', async () => {
    const env = await scenario('overdue');
    const p = await panelFor(env);
    expect(text(q(p, '[data-clock="reply"] .escalated'))).to.equal('已升级 1/3 级');
    expect(timelineTitles(p).slice(0, 3)).to.deep.equal(['答复时限超时升级', '答复时限已超时', '答复时限即将超时']);
    expect(text(qa(p, '[part="entry"]')[0]!.querySelector('.entry-who'))).to.equal('系统');
  });

  it('a paused clock says so', async () => {
    const env = await scenario('suspended');
    const p = await panelFor(env);
    const reply = q(p, '[data-clock="reply"]')!;
    expect(text(reply.querySelector('[part="clock-level"]'))).to.equal('已暂停');
    expect(reply.classList.contains('paused')).to.equal(true);
  });

  it('lists the timeline newest first as an ordered list numbered by sequence, with actor, time, state change and data', async () => {
    const env = await scenario('dispatched');
    const p = await panelFor(env);
    const list = q(p, 'ol[part="timeline"]')!;
    expect(list.hasAttribute('reversed')).to.equal(true);
    expect(text(q(p, '#timeline-title'))).to.include('最新在前');
    const entries = qa(p, '[part="entry"]') as HTMLLIElement[];
    expect(entries.map((e) => e.dataset['seq'])).to.deep.equal(['3', '2', '1']);
    expect(timelineTitles(p)).to.deep.equal(['派单', '登记', '创建']);
    const dispatch = entries[0]!;
    expect(text(dispatch.querySelector('.entry-who'))).to.equal('李娜 · 客服专员');
    expect(text(dispatch.querySelector('time'))).to.equal('2026/09/08 10:00');
    expect(text(dispatch.querySelector('.entry-state'))).to.equal('状态：已登记 → 已派单');
    expect([...dispatch.querySelectorAll('.entry-data dt')].map(text)).to.deep.equal(['处理人', '备注']);
    expect(text(dispatch.querySelector('.entry-data'))).to.include('王强（E3001）').and.include('请今天上门查看车库排水');
    expect(text(dispatch.querySelector('.entry-effects'))).to.include('处理人改为：王强');
    const register = entries[1]!;
    const pairs = (el: Element) => [...el.querySelectorAll('.entry-data > div')].map((d) => `${text(d.querySelector('dt'))}=${text(d.querySelector('dd'))}`);
    expect(pairs(register)).to.deep.equal(['投诉分类=管理责任类', '严重程度=较重', '重复投诉=否']);
    expect(text(register.querySelector('.entry-effects'))).to.equal('通知：客服专员');
    p.timelineOrder = 'oldest';
    await p.updateComplete;
    expect(timelineTitles(p)).to.deep.equal(['创建', '登记', '派单']);
    expect(q(p, 'ol[part="timeline"]')!.hasAttribute('reversed')).to.equal(false);
    p.locale = 'en';
    await p.updateComplete;
    expect(timelineTitles(p)).to.deep.equal(['Started', 'Register', 'Dispatch']);
    expect(text(qa(p, '[part="entry"]')[1]!.querySelector('.entry-data'))).to.include('Management responsibility');
    expect(text(qa(p, '[part="entry"]')[2]!.querySelector('.entry-state'))).to.equal('State: Registered → Dispatched');
  });

  it('offers one button per action the actor may take; a guarded one is explained, not hidden', async () => {
    const env = await scenario('registered');
    // Reporting to HQ is the customer-service head's (重大投诉和突发性事件), guarded by the severity.
    const p = await panelFor(env, head);
    expect(qa(p, '[part="action"]').map((b) => b.dataset['event'])).to.deep.equal(['dispatch', 'escalate', 'forward', 'dismiss']);
    const escalate = actionButton(p, 'escalate');
    expect(escalate.getAttribute('aria-disabled')).to.equal('true');
    const why = root(p).getElementById(escalate.getAttribute('aria-describedby')!)!;
    expect(text(why)).to.equal('暂不可执行：条件未满足：只有尚未上报的重大投诉或突发事件可以上报总部');
    escalate.click();
    await aTimeout(0);
    expect(q(p, '[part="action-panel"]')).to.equal(null);
    expect(actionButton(p, 'dispatch').getAttribute('aria-disabled')).to.equal('false');
  });

  it('says beside each disabled action which role may act, in both languages; the audit shows role titles, never codes', async () => {
    const env = await scenario('registered');
    const p = await panelFor(env, { ...receptionist, roles: ['receptionist', 'staff'] });
    const dispatch = actionButton(p, 'dispatch');
    expect(dispatch.getAttribute('aria-disabled')).to.equal('true');
    expect(dispatch.dataset['reason']).to.equal('role-not-allowed');
    expect(text(root(p).getElementById(dispatch.getAttribute('aria-describedby')!))).to.equal('暂不可执行：只有客服助理、客服专员或客服主任可以执行此操作');
    dispatch.click();
    await aTimeout(0);
    expect(q(p, '[part="action-panel"]')).to.equal(null);
    const roles = qa(p, '[part="entry"] .roles').map(text);
    expect(roles.length).to.be.greaterThan(0);
    expect(roles.join(' '), 'role titles in zh-CN, no codes').to.not.match(/[a-z]/);
    p.locale = 'en';
    await p.updateComplete;
    expect(text(root(p).getElementById(actionButton(p, 'dispatch').getAttribute('aria-describedby')!))).to.match(/^Not possible now: Only .+, .+ or .+ may take this action$/);
    await expect(p).to.be.accessible();
  });

  it('action forms know the case: the record values, now as the time, the host prefill; a reply in the future is refused at the field', async () => {
    const env = await scenario('registered');
    const p = await panelFor(env);
    // Prefill from the host wins over the panel's defaults; a draft the user typed wins over both.
    p.prefill = { dispatch: { note: '请今天处理' } };
    const dispatch = (await openAction(p, 'dispatch'))!;
    expect((dispatch.value as Record<string, unknown>)['note']).to.equal('请今天处理');
    const handling = await scenario('handling');
    const h = await panelFor(handling, handler);
    const form = (await openAction(h, 'reply'))!;
    const at = (form.value as Record<string, unknown>)['at'] as string;
    expect(Date.parse(at)).to.equal(Math.floor(handling.now() / 60_000) * 60_000);
    form.value = { at: new Date(handling.now() + 2 * HOUR).toISOString(), content: '已处理。' };
    await form.updateComplete;
    await form.requestSubmit();
    await waitUntil(() => q(h, '[part="notice"]'));
    expect(text(q(h, '[part="notice"]'))).to.match(/^未能执行「答复顾客」：不能晚于现在（\d{4}-\d{2}-\d{2} \d{2}:\d{2}）$/);
    expect((await handling.engine.history(handling.id)).map((a) => a.event)).to.not.include('reply');
    await waitUntil(async () => (await form.validate()).some((e) => e.path === '/at'));
  });

  it('an owner has nothing to do; without an actor the panel is view-only; a closed complaint says it ended', async () => {
    const env = await scenario('registered');
    const p = await panelFor(env, owner);
    expect(qa(p, '[part="action"]')).to.have.length(0);
    expect(text(q(p, '#actions-title + .empty'))).to.equal('您当前没有可执行的操作。');
    const viewOnly = await fixture<WyWorkflowPanel>(html`<wy-workflow-panel .engine=${env.engine} instance-id=${env.id}></wy-workflow-panel>`);
    await ready(viewOnly);
    expect(text(q(viewOnly, '#actions-title + .empty'))).to.equal('未识别当前用户，只能查看。');
    const closed = await scenario('closed');
    const c = await panelFor(closed);
    expect(text(q(c, '#actions-title + .empty'))).to.equal('流程已结束');
    expect(qa(c, '[part="clock"]').map((x) => x.dataset['level'])).to.deep.equal(['met', 'met']);
    // A stopped clock says how long it took, never a remaining time beside 按时完成.
    for (const card of qa(c, '[part="clock"]')) {
      expect(text(card)).to.contain('按时完成');
      expect(text(card)).to.contain('用时');
      expect(text(card)).to.not.contain('剩余');
      expect(card.querySelector('.business, .calendar')).to.equal(null);
    }
  });

  it('takes the engine and actor from <wy-kit-provider>; a property on the element wins', async () => {
    const env = await scenario('registered');
    const wrap = await fixture<HTMLElement>(html`<wy-kit-provider locale="en" .engine=${env.engine} .actor=${specialist}>
      <wy-workflow-panel instance-id=${env.id}></wy-workflow-panel>
    </wy-kit-provider>`);
    const p = wrap.querySelector('wy-workflow-panel')!;
    // The panel shows "loading" first; wait for the instance itself.
    await waitUntil(() => q(p, '[part="state"]'), 'panel did not load the instance', { timeout: 3000 });
    await p.updateComplete;
    expect(text(q(p, '[part="state"]'))).to.equal('Registered');
    expect(qa(p, '[part="action"]').map((b) => b.dataset['event'])).to.include('dispatch');
    p.actor = owner;
    await waitUntil(() => qa(p, '[part="action"]').length === 0);
    expect(text(q(p, '#actions-title + .empty'))).to.equal('There is nothing for you to do right now.');
  });

  it('an action without fields asks for confirmation, sends it, fires wy-transition and moves focus to the state', async () => {
    const env = await scenario('dispatched');
    const p = await panelFor(env, handler);
    await openAction(p, 'accept');
    expect(actionButton(p, 'accept').getAttribute('aria-expanded')).to.equal('true');
    expect(root(p).activeElement?.id).to.equal('action-title');
    expect(text(q(p, '#action-title'))).to.equal('确认执行「接单处理」？');
    expect(text(q(p, '.confirm-text'))).to.equal('执行后状态将变为：处理中。');
    setTimeout(() => q<HTMLButtonElement>(p, '[part="confirm"]')!.click());
    const ev = (await oneEvent(p, 'wy-transition')) as WyTransitionEvent;
    expect(ev.detail.event.type).to.equal('accept');
    expect(ev.detail.event.commandId).to.be.a('string').and.match(/^panel-/);
    expect(ev.detail.instance.state).to.equal('handling');
    expect(ev.bubbles && ev.composed).to.equal(true);
    await p.updateComplete;
    expect(text(q(p, '[part="state"]'))).to.equal('处理中');
    expect(root(p).activeElement?.getAttribute('part')).to.equal('state');
    expect(text(q(p, '[part="notice"]'))).to.equal('已执行「接单处理」，当前状态：处理中。');
    expect(q(p, '[part="notice"]')!.getAttribute('role')).to.equal('status');
    expect(timelineTitles(p)[0]).to.equal('接单处理');
    // The outcome line is worded from its data at each render: a language switch rewords it.
    p.locale = 'en';
    await p.updateComplete;
    expect(text(q(p, '[part="notice"]'))).to.match(/^“[A-Za-z][^\u4e00-\u9fff]*” done; the state is now: [^\u4e00-\u9fff]+\.$/);
    expect(text(q(p, '[role="status"][aria-live="polite"]')), 'the live region keeps no words of the other language').to.equal('');
    p.locale = 'zh-CN';
    await p.updateComplete;
    expect(text(q(p, '[part="notice"]'))).to.equal('已执行「接单处理」，当前状态：处理中。');
    expect((await env.engine.history(env.id)).map((a) => a.event)).to.deep.equal(['start', 'register', 'dispatch', 'accept']);
  });

  it('switched to another instance after an action (or while one is in flight), the next instance\'s actions are enabled', async () => {
    const env = await scenario('dispatched', { id: 'MI-A' });
    const other = await scenario('dispatched', { id: 'MI-B', store: env.store });
    const third = await scenario('dispatched', { id: 'MI-C', store: env.store });
    // A send that answers only when let go: the host switches the panel while it is in flight.
    let release!: () => void;
    let gate: Promise<void> = Promise.resolve();
    const engine = new Proxy(env.engine, {
      get(target, key) {
        if (key === 'send') return async (...args: Parameters<Engine['send']>) => (await gate, target.send(...args));
        const v = Reflect.get(target, key) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    const p = await fixture<WyWorkflowPanel>(html`<wy-workflow-panel .engine=${engine} .actor=${handler} instance-id="MI-A" locale="zh-CN" .now=${env.now()}></wy-workflow-panel>`);
    await ready(p);
    const enabledConfirm = async (id: string) => {
      await waitUntil(() => p.instanceId === id && text(q(p, '[part="state"]')) === '已派单' && actionButton(p, 'accept')?.getAttribute('aria-disabled') === 'false', `${id}: accept not enabled`, { timeout: 3000 });
      await openAction(p, 'accept');
      const confirm = q<HTMLButtonElement>(p, '[part="confirm"]')!;
      expect(confirm.disabled, `${id}: confirm disabled`).to.equal(false);
      return confirm;
    };
    // Done on A; the host moves on to B as soon as it hears of it.
    (await enabledConfirm('MI-A')).click();
    const ev = (await oneEvent(p, 'wy-transition')) as WyTransitionEvent;
    expect(ev.detail.instance.id).to.equal('MI-A');
    p.instanceId = 'MI-B';
    const confirmB = await enabledConfirm('MI-B');
    expect(q(p, '[part="notice"]'), 'no notice of A on B').to.equal(null);
    // B sent, switched to C before the answer: C is usable at once, and B's late answer leaves C alone.
    gate = new Promise<void>((r) => (release = r));
    confirmB.click();
    await waitUntil(() => actionButton(p, 'accept').getAttribute('aria-disabled') === 'true', 'B not sending');
    p.instanceId = 'MI-C';
    await enabledConfirm('MI-C');
    const heard = oneEvent(p, 'wy-transition');
    release();
    expect(((await heard) as WyTransitionEvent).detail.instance.id).to.equal('MI-B');
    await p.updateComplete;
    expect(q<HTMLButtonElement>(p, '[part="confirm"]')?.disabled, 'C still open and enabled').to.equal(false);
    expect(q(p, '[part="notice"]')).to.equal(null);
    expect((await other.engine.get('MI-B'))!.state).to.equal('handling');
    expect((await third.engine.get('MI-C'))!.state).to.equal('dispatched');
  });

  it('cancel closes the step, sends nothing and returns focus to the action button', async () => {
    const env = await scenario('dispatched');
    const p = await panelFor(env, handler);
    await openAction(p, 'accept');
    [...root(p).querySelectorAll<HTMLButtonElement>('[part="action-panel"] button')].find((b) => text(b) === '取消')!.click();
    await p.updateComplete;
    await aTimeout(0);
    expect(q(p, '[part="action-panel"]')).to.equal(null);
    expect(root(p).activeElement).to.equal(actionButton(p, 'accept'));
    expect((await env.engine.history(env.id)).length).to.equal(3);
  });

  it('after an action, focus goes to the new state only if the user has not moved on while the panel reloaded', async () => {
    const env = await scenario('dispatched');
    // Reads of the history wait while `gate` is closed: the panel's reload after the send is slow.
    let gate: Promise<void> = Promise.resolve();
    let release!: () => void;
    const engine = new Proxy(env.engine, {
      get(target, key) {
        if (key === 'history') return async (...args: Parameters<Engine['history']>) => (await gate, target.history(...args));
        const v = Reflect.get(target, key) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    const host = await fixture<HTMLDivElement>(
      html`<div><wy-workflow-panel .engine=${engine} .actor=${handler} instance-id=${env.id} locale="zh-CN" .now=${env.now()}></wy-workflow-panel><button id="next">下一条</button></div>`,
    );
    const p = host.querySelector<WyWorkflowPanel>('wy-workflow-panel')!;
    const next = host.querySelector<HTMLButtonElement>('#next')!;
    await ready(p);
    await openAction(p, 'accept');
    gate = new Promise<void>((r) => (release = r));
    const confirm = q<HTMLButtonElement>(p, '[part="confirm"]')!;
    confirm.focus();
    confirm.click();
    // The engine said yes (the notice is there); the panel is still reading the record again when
    // the user moves on to the next control.
    await waitUntil(() => text(q(p, '[part="notice"]')).startsWith('已执行'), 'no notice', { timeout: 3000 });
    next.focus();
    release();
    await waitUntil(() => text(q(p, '[part="state"]')) === '处理中', 'state not shown', { timeout: 3000 });
    await p.updateComplete;
    await aTimeout(0);
    expect(focusedName(), 'focus stays where the user put it').to.equal('button#next');
    // (Left alone, the new state takes focus: 'an action without fields asks for confirmation…'.)
  });

  it('a focused action button never changes what it does when someone else moves the record on', async () => {
    const env = await scenario('registered');
    const p = await panelFor(env);
    const before = qa(p, '[part="action"]').map((b) => b.dataset['event']);
    const first = qa(p, '[part="action"]')[0]!;
    const event = first.dataset['event'];
    first.focus();
    // Someone else dispatches it: the panel follows the engine's change.
    env.set(env.now() + HOUR);
    expect((await env.engine.send(env.id, { type: 'dispatch', payload: { handler: { id: handler.id, name: handler.name } } }, specialist)).ok).to.equal(true);
    await waitUntil(() => text(q(p, '[part="state"]')) === '已派单', 'the panel did not follow', { timeout: 3000 });
    await p.updateComplete;
    const after = qa(p, '[part="action"]').map((b) => b.dataset['event']);
    expect(after, 'the record offers other actions now').to.not.deep.equal(before);
    if (first.isConnected) {
      expect(first.dataset['event'], 'the same button, the same action').to.equal(event);
      expect(focusedName()).to.equal(`button[part=action][${event}]`);
    } else {
      // Its action is gone: focus is on the new state, not dropped to the page.
      expect(focusedName()).to.equal('span[part=state]');
    }
  });

  it('an action with fields opens them as <wy-schema-form>; an invalid form sends nothing, a valid one sends the payload', async () => {
    const env = await scenario('registered');
    const p = await panelFor(env);
    const form = (await openAction(p, 'dispatch'))!;
    expect(text(q(p, '#action-title'))).to.equal('操作：派单');
    setTimeout(() => void form.requestSubmit());
    const invalid = await oneEvent(form, 'wy-invalid');
    expect(invalid.detail.errors.map((e: { path: string }) => e.path)).to.include.members(['/handler/id', '/handler/name']);
    expect((await env.engine.history(env.id)).length).to.equal(2);
    form.value = { handler: { id: 'E3001', name: '王强' }, note: '今天上门' };
    await form.updateComplete;
    setTimeout(() => void form.requestSubmit());
    const ev = (await oneEvent(p, 'wy-transition')) as WyTransitionEvent;
    expect(ev.detail.event).to.deep.include({ type: 'dispatch', payload: { handler: { id: 'E3001', name: '王强' }, note: '今天上门' } });
    expect(ev.detail.instance.handler).to.deep.equal({ id: 'E3001', name: '王强' });
    await p.updateComplete;
    expect(q(p, 'wy-schema-form')).to.equal(null);
    expect(text(q(p, '[part="state"]'))).to.equal('已派单');
  });

  it('validates the event fields without eval (this page forbids it) and in English', async () => {
    const env = await scenario('handling');
    const p = await panelFor(env, handler, 'en');
    const form = (await openAction(p, 'suspend'))!;
    expect(text(q(p, '#action-title'))).to.equal('Action: Put on hold');
    setTimeout(() => void form.requestSubmit());
    const invalid = await oneEvent(form, 'wy-invalid');
    expect(invalid.detail.errors).to.deep.equal([{ path: '/reason', keyword: 'required', message: invalid.detail.errors[0].message, params: invalid.detail.errors[0].params }]);
    expect(invalid.detail.errors[0].message).to.match(/Reason/);
    expect(form.shadowRoot!.querySelector('[part="error-panel"]')).to.equal(null);
    expect(text(form.shadowRoot!.querySelector('[part="submit"]'))).to.equal('Submit “Put on hold”');
  });

  it('a refusal is shown in words, field errors land on the form, and what was typed stays', async () => {
    const env = await scenario('registered');
    const refusing: Engine = {
      ...env.engine,
      send: async (): Promise<SendResult> => ({
        ok: false,
        code: 'invalid-fields',
        message: 'bad',
        event: 'dispatch',
        state: 'registered',
        errors: [{ path: '/handler/id', keyword: 'pattern', message: '工号不存在' }],
      }),
    };
    const p = await panelFor({ ...env, engine: refusing });
    const form = (await openAction(p, 'dispatch'))!;
    form.value = { handler: { id: 'X9', name: '无名' } };
    await form.updateComplete;
    await form.requestSubmit();
    await waitUntil(() => q(p, '[part="notice"]'));
    const notice = q(p, '[part="notice"]')!;
    expect(text(notice)).to.equal('未能执行「派单」：填写的信息有误，请检查');
    expect(notice.getAttribute('role')).to.equal('alert');
    const same = q<WySchemaForm>(p, 'wy-schema-form')!;
    expect(same).to.equal(form);
    expect(same.value).to.deep.equal({ handler: { id: 'X9', name: '无名' } });
    await waitUntil(async () => (await same.validate()).some((e) => e.message === '工号不存在'));
    // The server's field error holds the form until that field changes (or the host clears it).
    expect(await form.requestSubmit()).to.equal(false);
    form.setErrors([]);
    p.locale = 'en';
    await form.requestSubmit();
    await waitUntil(() => text(q(p, '[part="notice"]')).startsWith('“Dispatch” was not done'));
    expect(text(q(p, '[part="notice"]'))).to.include('Some of the information is not valid');
  });

  it('a conflict (someone else acted first) reloads, says so and keeps the typed reply; resubmitting works', async () => {
    const env = await scenario('handling');
    const p = await panelFor(env, handler);
    const form = (await openAction(p, 'reply'))!;
    form.value = { at: '2026-09-08T10:30:00+08:00', content: '已安排抽水。' };
    await form.updateComplete;
    // Meanwhile the centre head transfers the complaint (the state stays, the version moves on).
    const t = await env.engine.send(env.id, { type: 'transfer', payload: { handler: { id: 'E3002', name: '赵磊' }, reason: '专业对口' } }, head);
    expect(t.ok).to.equal(true);
    await waitUntil(() => timelineTitles(p)[0] === '转派', 'the panel follows engine changes');
    await form.requestSubmit();
    await waitUntil(() => q(p, '[part="notice"]'));
    expect(text(q(p, '[part="notice"]'))).to.equal('此记录刚被他人更新，已重新载入最新内容。您填写的内容已保留，请核对后再次提交。');
    expect(q(p, 'wy-schema-form')).to.equal(form);
    expect(form.value).to.deep.equal({ at: '2026-09-08T10:30:00+08:00', content: '已安排抽水。' });
    expect((await env.engine.history(env.id)).map((a) => a.event)).to.not.include('reply');
    setTimeout(() => void form.requestSubmit());
    const ev = (await oneEvent(p, 'wy-transition')) as WyTransitionEvent;
    expect(ev.detail.instance.state).to.equal('replied');
  });

  it('a conflict that makes the action impossible closes it and says why', async () => {
    const env = await scenario('registered');
    const p = await panelFor(env);
    const form = (await openAction(p, 'dispatch'))!;
    form.value = { handler: { id: 'E3001', name: '王强' }, note: '草稿' };
    form.dispatchEvent(new CustomEvent('wy-change', { detail: { value: form.value, path: '/note' } }));
    await env.engine.send(env.id, { type: 'dismiss', payload: { reason: '非物业责任' } }, head);
    await form.requestSubmit();
    await waitUntil(() => text(q(p, '[part="notice"]')).includes('已不可执行'));
    expect(q(p, 'wy-schema-form')).to.equal(null);
    expect(text(q(p, '[part="notice"]'))).to.include('「派单」在当前状态下已不可执行');
    expect(text(q(p, '[part="state"]'))).to.equal('已结案');
  });

  it('a lost response: the failure is reported, the data kept, and the retry does not act twice', async () => {
    const env = await scenario('registered');
    let calls = 0;
    const flaky: Engine = {
      ...env.engine,
      send: async (id, event, actor) => {
        const r = await env.engine.send(id, event, actor);
        if (++calls === 1) throw new Error('网络中断');
        return r;
      },
    };
    const p = await panelFor({ ...env, engine: flaky });
    const form = (await openAction(p, 'dispatch'))!;
    form.value = { handler: { id: 'E3001', name: '王强' } };
    await form.updateComplete;
    await form.requestSubmit();
    await waitUntil(() => q(p, '[part="notice"]'));
    expect(text(q(p, '[part="notice"]'))).to.equal('提交失败，内容已保留，可直接重试（不会重复执行）：网络中断');
    expect(q(p, 'wy-schema-form')).to.equal(form);
    expect(form.value).to.deep.equal({ handler: { id: 'E3001', name: '王强' } });
    setTimeout(() => void form.requestSubmit());
    const ev = (await oneEvent(p, 'wy-transition')) as WyTransitionEvent;
    expect(ev.detail.instance.state).to.equal('dispatched');
    expect((await env.engine.history(env.id)).filter((a) => a.event === 'dispatch')).to.have.length(1);
  });

  it('keeps a draft when the form is cancelled and restores it when reopened', async () => {
    const env = await scenario('handling');
    const p = await panelFor(env, handler);
    const form = (await openAction(p, 'suspend'))!;
    const input = (() => {
      const field = form.shadowRoot!.querySelector<HTMLElement & { value: unknown }>('[class~="field"]')!;
      return field;
    })();
    input.value = '等待业主回电';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await form.updateComplete;
    [...root(p).querySelectorAll<HTMLButtonElement>('[part="action-panel"] button')].find((b) => text(b) === '取消')!.click();
    await p.updateComplete;
    const again = (await openAction(p, 'suspend'))!;
    expect(again.value).to.deep.equal({ reason: '等待业主回电' });
  });

  it('shows hostile text as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    const env = await scenario('registered');
    await env.engine.send(env.id, { type: 'dispatch', payload: { handler: { id: 'E3001', name: hostile.slice(0, 40) }, note: hostile } }, specialist);
    const p = await panelFor(env);
    expect(root(p).querySelector('img, script')).to.equal(null);
    expect(text(q(p, '.entry-data'))).to.include('<script>window.__pwned=1</script>');
    expect(text(q(p, '.facts'))).to.include(hostile.slice(0, 40));
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('follows changes made elsewhere, and unsubscribes when removed', async () => {
    const env = await scenario('registered');
    let active = 0;
    const counting: Engine = {
      ...env.engine,
      subscribe: (fn, options) => {
        active++;
        const off = env.engine.subscribe(fn, options);
        return () => {
          active--;
          off();
        };
      },
    };
    const p = await panelFor({ ...env, engine: counting });
    expect(active).to.equal(1);
    await env.engine.send(env.id, { type: 'dispatch', payload: { handler: { id: 'E3001', name: '王强' } } }, specialist);
    await waitUntil(() => text(q(p, '[part="state"]')) === '已派单');
    p.remove();
    expect(active).to.equal(0);
    document.body.append(p);
    await p.updateComplete;
    expect(active).to.equal(1);
    p.remove();
    expect(active).to.equal(0);
  });

  it('without `now` it reads the clocks at the engine clock', async () => {
    const env = await scenario('handling');
    // 17:00: 5 h 50 min of the 7 h 30 min working day since registration at 09:40 (over 75 %).
    env.set(env.now() + 6.5 * HOUR);
    const p = await fixture<WyWorkflowPanel>(html`<wy-workflow-panel .engine=${env.engine} .actor=${specialist} instance-id=${env.id}></wy-workflow-panel>`);
    await ready(p);
    expect(q(p, '[data-clock="reply"]')!.dataset['level']).to.equal('warning');
  });

  it('says what is missing: no engine, no instance id, an unknown instance', async () => {
    const none = await fixture<WyWorkflowPanel>(html`<wy-workflow-panel instance-id="x"></wy-workflow-panel>`);
    expect(text(q(none, '.message'))).to.include('未提供流程引擎');
    const env = await scenario('received');
    const noId = await fixture<WyWorkflowPanel>(html`<wy-workflow-panel .engine=${env.engine}></wy-workflow-panel>`);
    expect(text(q(noId, '.message'))).to.equal('请指定流程实例（instance-id）。');
    const unknown = await fixture<WyWorkflowPanel>(html`<wy-workflow-panel .engine=${env.engine} instance-id="nope" locale="en"></wy-workflow-panel>`);
    await ready(unknown);
    expect(text(q(unknown, '.message'))).to.equal('There is no workflow instance “nope”.');
    expect(q(unknown, '.message')!.getAttribute('role')).to.equal('alert');
    await expect(unknown).to.be.accessible();
    void receptionist;
  });
});
