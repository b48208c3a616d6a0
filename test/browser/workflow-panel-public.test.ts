import { expect, fixture, html, waitUntil, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
// Through the public entry points as built (package exports `wuye-kit/components/<name>.js`).
import '../../dist/components/workflow-panel.js';
import '../../dist/components/kit-provider.js';
import type { WyWorkflowPanel } from '../../dist/components/workflow-panel.js';
import type { WyTransitionEvent } from '../../dist/components/workflow-panel/workflow-panel.js';
import type { StaffMember } from '../../dist/components/shared/context.js';
import { scenario, specialist, handler, type Scenario } from '../support/workflow-panel-fixtures.js';
import people from '../../schemas/examples/people.json';
import contractorList from '../../schemas/examples/contractors.json';

const staff = people as StaffMember[];
const root = (p: WyWorkflowPanel) => p.shadowRoot!;
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

type Reference = { staff?: readonly StaffMember[]; contractors?: typeof contractorList };

async function mount(env: Scenario, { actor = specialist, locale = 'zh-CN', reference = { staff } as Reference | undefined } = {}) {
  const provider = await fixture<HTMLElement>(html`<wy-kit-provider locale=${locale} .engine=${env.engine} .actor=${actor} .reference=${reference}>
    <wy-workflow-panel instance-id=${env.id} .now=${env.now()}></wy-workflow-panel>
  </wy-kit-provider>`);
  const p = provider.querySelector<WyWorkflowPanel>('wy-workflow-panel')!;
  await waitUntil(() => root(p).querySelector('[part="timeline"]'), 'panel did not render', { timeout: 5000 });
  return p;
}

async function open(p: WyWorkflowPanel, event: string) {
  root(p).querySelector<HTMLButtonElement>(`button[data-event="${event}"]`)!.click();
  await waitUntil(() => root(p).querySelector('wy-schema-form'), `${event} did not open`, { timeout: 5000 });
  const form = root(p).querySelector('wy-schema-form')!;
  await form.updateComplete;
  return form;
}

/** The control of the field at `path` inside the form (each field renders in its own shadow root). */
async function fieldAt(form: Element, path: string) {
  await waitUntil(() => [...form.shadowRoot!.querySelectorAll<HTMLElement & { path: string }>('.field')].find((f) => f.path === path), `no field ${path}`, { timeout: 5000 });
  const field = [...form.shadowRoot!.querySelectorAll<HTMLElement & { path: string; updateComplete: Promise<unknown> }>('.field')].find((f) => f.path === path)!;
  await field.updateComplete;
  return field;
}

describe('<wy-workflow-panel> from the built package', () => {
  it('shows an instance without loading the form element; it arrives when an action opens', async () => {
    const p = await mount(await scenario('registered'));
    expect(customElements.get('wy-schema-form'), 'not loaded up front').to.equal(undefined);
    await open(p, 'dispatch');
    expect(customElements.get('wy-schema-form')).to.not.equal(undefined);
  });

  it('派单: the handler is a picker of the office staff, chosen by keyboard, sent as a person; axe clean', async () => {
    const env = await scenario('registered');
    const p = await mount(env);
    const form = await open(p, 'dispatch');
    const field = await fieldAt(form, '/handler');
    expect(field.tagName.toLowerCase()).to.equal('wy-select-field');
    const select = (field.shadowRoot ?? field).querySelector('select')!;
    // Labelled for screen readers, with the staff of SZ-BH and HQ (not other offices, not contractors).
    const label = (field.shadowRoot ?? field).querySelector(`label[for="${select.id}"]`);
    expect(text(label)).to.contain('处理人');
    expect([...select.options].map((o) => o.text)).to.deep.equal(['请选择', '刘洋 · 客服专员', '黄丽 · 客服助理', '王峰 · 总部客服经理']);
    await expect(p).to.be.accessible();
    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => select.selectedIndex === 1, 'arrow key did not choose');
    const sent = oneEvent(p, 'wy-transition') as Promise<WyTransitionEvent>;
    await form.requestSubmit();
    const e = await sent;
    expect((e.detail.event.payload as Record<string, unknown>)['handler']).to.deep.equal({ id: 'E2301', name: '刘洋' });
    expect((await env.engine.get(env.id))!.handler).to.deep.equal({ id: 'E2301', name: '刘洋' });
  });

  it('in English the picker reads the English names and titles', async () => {
    const p = await mount(await scenario('registered'), { locale: 'en' });
    const form = await open(p, 'dispatch');
    const handler = await fieldAt(form, '/handler');
    const select = (handler.shadowRoot ?? handler).querySelector('select')!;
    expect([...select.options].slice(1).map((o) => o.text)).to.deep.equal(['Liu Yang · Specialist', 'Huang Li · Assistant', 'Wang Feng · HQ manager']);
  });

  it('答复: the replier starts as the acting person (kept as a choice though not on the staff list)', async () => {
    const p = await mount(await scenario('handling'), { actor: handler });
    const form = await open(p, 'reply');
    const by = await fieldAt(form, '/by');
    const select = (by.shadowRoot ?? by).querySelector('select')!;
    expect(select.options[select.selectedIndex]!.text).to.equal('王强（E3001）');
  });

  it('a host without a staff list: the handler is typed as an ID and a name, and is sent', async () => {
    const env = await scenario('registered');
    const p = await mount(env, { reference: {} });
    const form = await open(p, 'dispatch');
    const field = await fieldAt(form, '/handler');
    expect(field.tagName.toLowerCase()).to.equal('wy-object-field');
    await expect(p).to.be.accessible();
    (form as unknown as { value: unknown }).value = { handler: { id: 'E9', name: '临时工' } };
    await form.updateComplete;
    const sent = oneEvent(p, 'wy-transition') as Promise<WyTransitionEvent>;
    await form.requestSubmit();
    expect(((await sent).detail.event.payload as Record<string, unknown>)['handler']).to.deep.equal({ id: 'E9', name: '临时工' });
  });

  describe('per-field pickers: the repair contractor of 派单 from reference.contractors', () => {
    /** Every input inside an element, through nested shadow roots. */
    const inputsIn = (el: Element): HTMLInputElement[] => {
      const out: HTMLInputElement[] = [];
      const walk = (n: Element | ShadowRoot) => {
        for (const c of n.children) {
          if (c instanceof HTMLInputElement) out.push(c);
          walk(c);
          if (c.shadowRoot) walk(c.shadowRoot);
        }
      };
      walk(el.shadowRoot ?? el);
      return out;
    };

    it('a native select of the contractors, labelled, chosen by keyboard and sent as { id, name }; axe clean', async () => {
      const env = await scenario('registered');
      const p = await mount(env, { reference: { staff, contractors: contractorList } });
      const form = await open(p, 'dispatch');
      const field = await fieldAt(form, '/contractor');
      expect(field.tagName.toLowerCase()).to.equal('wy-select-field');
      const select = (field.shadowRoot ?? field).querySelector('select')!;
      expect(text((field.shadowRoot ?? field).querySelector(`label[for="${select.id}"]`))).to.contain('维修单位');
      expect([...select.options].map((o) => o.text)).to.deep.equal(['请选择', '深圳建工土建一队', '华安门窗工程有限公司', '鹏城水电安装公司', '美居装饰工程公司', '恒通机电设备公司']);
      await expect(p).to.be.accessible();
      const handlerField = await fieldAt(form, '/handler');
      const handlerSelect = (handlerField.shadowRoot ?? handlerField).querySelector('select')!;
      handlerSelect.focus();
      await sendKeys({ press: 'ArrowDown' });
      select.focus();
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => select.selectedIndex === 3, 'arrow keys did not choose');
      const sent = oneEvent(p, 'wy-transition') as Promise<WyTransitionEvent>;
      await form.requestSubmit();
      const payload = (await sent).detail.event.payload as Record<string, unknown>;
      expect(payload['contractor']).to.deep.equal({ id: 'C-SD03', name: '鹏城水电安装公司' });
      // The timeline names it, labelled.
      await waitUntil(() => text(root(p).querySelector('[part="entry"] .entry-data')).includes('鹏城水电安装公司'), 'timeline does not show the contractor', { timeout: 5000 });
      expect(text(root(p).querySelector('[part="entry"] .entry-data'))).to.contain('维修单位');
    });

    it('in English the contractors read their English names', async () => {
      const p = await mount(await scenario('registered'), { locale: 'en', reference: { staff, contractors: contractorList } });
      const form = await open(p, 'dispatch');
      const field = await fieldAt(form, '/contractor');
      const select = (field.shadowRoot ?? field).querySelector('select')!;
      expect([...select.options].map((o) => o.text)).to.deep.equal(['Choose…', 'Shenzhen Construction Civil Team 1', "Hua'an Doors & Windows Co.", 'Pengcheng Plumbing & Electrical', 'Meiju Fit-out Co.', 'Hengtong M&E Equipment']);
      await expect(p).to.be.accessible();
    });

    it('without a contractor list the contractor is typed (ID and name), optional, and sent when typed', async () => {
      const env = await scenario('registered');
      const p = await mount(env, { reference: { staff } });
      const form = await open(p, 'dispatch');
      const field = await fieldAt(form, '/contractor');
      expect(field.tagName.toLowerCase()).to.equal('wy-object-field');
      await expect(p).to.be.accessible();
      await waitUntil(() => inputsIn(field).length === 2, 'no ID and name inputs', { timeout: 5000 });
      const [id, name] = inputsIn(field);
      id!.focus();
      await sendKeys({ type: 'W-01' });
      name!.focus();
      await sendKeys({ type: '外协维修队' });
      const handlerField = await fieldAt(form, '/handler');
      const handlerSelect = (handlerField.shadowRoot ?? handlerField).querySelector('select')!;
      handlerSelect.focus();
      await sendKeys({ press: 'ArrowDown' });
      const sent = oneEvent(p, 'wy-transition') as Promise<WyTransitionEvent>;
      await form.requestSubmit();
      expect(((await sent).detail.event.payload as Record<string, unknown>)['contractor']).to.deep.equal({ id: 'W-01', name: '外协维修队' });
    });
  });
});
