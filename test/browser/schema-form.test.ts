import { expect, fixture, html, oneEvent, aTimeout } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/schema-form/schema-form.js';
import '../../src/components/kit-provider/kit-provider.js';
import type { WySchemaForm, WyFieldBase, DraftStore, Draft } from '../../src/components/schema-form/schema-form.js';
import { clearDrafts } from '../../src/components/schema-form/drafts.js';
import { deepActiveElement } from '../../src/components/shared/focus.js';
import complaint from '../../schemas/complaint.schema.json';
import complaintUi from '../../schemas/complaint.ui.json';
import examples from '../../schemas/examples/complaint.valid.json';
import type { JsonSchema, UiSchema } from '../../src/core/form/index.js';
import type { GeneratedError } from '../../src/generated/validator-types.js';

const schema = complaint as JsonSchema;
const ui = complaintUi as unknown as UiSchema;
const valid = examples[0] as Record<string, unknown>;

/** A field element inside the form's (possibly nested) shadow roots, by JSON pointer. */
/** A precompiled validator (as `wuye-kit compile` makes one) that requires a string `name`. */
function nameValidator() {
  const validator = Object.assign(
    (d: unknown): d is unknown => {
      const ok = typeof (d as { name?: unknown } | undefined)?.name === 'string';
      validator.errors = ok ? null : [{ instancePath: '', schemaPath: '#/required', keyword: 'required', params: { missingProperty: 'name' } }];
      return ok;
    },
    { errors: null as GeneratedError[] | null },
  );
  return validator;
}

function fieldAt(form: WySchemaForm, path: string): WyFieldBase {
  const walk = (root: ShadowRoot | Document | Element): WyFieldBase | undefined => {
    for (const el of root.querySelectorAll('*')) {
      if ((el as WyFieldBase).path === path && el.tagName.endsWith('-FIELD')) return el as WyFieldBase;
      if (el.shadowRoot) {
        const f = walk(el.shadowRoot);
        if (f) return f;
      }
    }
    return undefined;
  };
  const f = walk(form.shadowRoot!);
  if (!f) throw new Error(`no field ${path}`);
  return f;
}
/** Where a field's markup is: its own shadow root, or (built-in fields in a form) the field itself in the form's tree. */
const inside = (f: Element): Element | ShadowRoot => f.shadowRoot ?? f;
const control = (f: WyFieldBase) => inside(f).querySelector<HTMLElement>('input, select, textarea')!;
async function typeInto(form: WySchemaForm, path: string, text: string) {
  const f = fieldAt(form, path);
  f.focus();
  // Focus delegated from the host selects the text, like tabbing in: go to the end first.
  await sendKeys({ press: 'End' });
  await sendKeys({ type: text });
  await f.updateComplete;
  await form.updateComplete;
}
async function settle(form: WySchemaForm) {
  await form.updateComplete;
  await aTimeout(0);
  await form.updateComplete;
}

// First in this file: before any form here has loaded the shipped vocabularies.
describe('<wy-schema-form> with $refs to the shipped vocabularies in a run-time schema', () => {
  const severity = 'https://wuye-kit.dev/schemas/vocab/severity.json';
  it('validates a $ref the form itself does not follow (inside not): the vocabularies load for the validator', async () => {
    const s: JsonSchema = {
      $id: 'https://example.com/t/not-severity.schema.json',
      type: 'object',
      properties: { code: { type: 'string', title: '代码', not: { $ref: severity } } },
    };
    const form = await fixture<WySchemaForm>(html`<wy-schema-form .schema=${s} .value=${{ code: 'major' }}></wy-schema-form>`);
    await settle(form);
    expect(fieldAt(form, '/code').tagName).to.equal('WY-TEXT-FIELD');
    const errors = await form.validate();
    expect(errors.map((e) => [e.path, e.keyword])).to.deep.equal([['/code', 'not']]);
    form.value = { code: 'minor-ish' };
    expect(await form.validate()).to.deep.equal([]);
  });

  it('renders a field that $refs a vocabulary (loaded while building, then built again) and validates it', async () => {
    const s: JsonSchema = {
      $id: 'https://example.com/t/severity.schema.json',
      type: 'object',
      required: ['level'],
      properties: { level: { $ref: severity, title: '严重程度' } },
    };
    let failed = false;
    const form = await fixture<WySchemaForm>(html`<wy-schema-form .schema=${s} @wy-error=${() => (failed = true)}></wy-schema-form>`);
    await settle(form);
    expect(failed).to.equal(false);
    const level = fieldAt(form, '/level');
    expect(level.tagName).to.equal('WY-SELECT-FIELD');
    expect(level.options.map((o) => o.value)).to.deep.equal(['minor', 'serious', 'major', 'complex']);
    expect((await form.validate()).map((e) => e.keyword)).to.deep.equal(['required']);
  });
});

describe('<wy-schema-form> with the complaint schema', () => {
  it('passes axe, empty and with errors shown', async () => {
    const form = await fixture<WySchemaForm>(html`<wy-schema-form .schema=${schema} .uiSchema=${ui}></wy-schema-form>`);
    await settle(form);
    await expect(form).to.be.accessible();
    await form.requestSubmit();
    await settle(form);
    await expect(form).to.be.accessible();
  });

  it('renders the groups of the UI schema with translated labels (zh-CN and en)', async () => {
    const form = await fixture<WySchemaForm>(html`<wy-schema-form .schema=${schema} .uiSchema=${ui}></wy-schema-form>`);
    await settle(form);
    const legends = [...form.shadowRoot!.querySelectorAll('legend[part="group-title"]')].map((l) => l.textContent);
    expect(legends).to.deep.equal(['投诉人', '地点', '内容', '严重程度']);
    expect(fieldAt(form, '/category').label).to.equal('投诉分类');
    form.locale = 'en';
    await settle(form);
    expect(fieldAt(form, '/category').label).to.equal('Content category');
    expect((fieldAt(form, '/category').options[1] as { label: string }).label).to.equal('Staff conduct and competence');
  });

  it('submit with problems: fires wy-invalid, lists them in a summary that takes focus, marks fields', async () => {
    // A complaint: the content category is asked for complaints only.
    const form = await fixture<WySchemaForm>(html`<wy-schema-form .schema=${schema} .uiSchema=${ui} .value=${{ kind: 'complaint' }}></wy-schema-form>`);
    await settle(form);
    setTimeout(() => form.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!.click());
    const ev = await oneEvent(form, 'wy-invalid');
    expect(ev.detail.errors.map((e: { path: string }) => e.path)).to.include.members(['/complainant/type', '/category', '/subject']);
    await settle(form);
    const summary = form.shadowRoot!.querySelector('wy-error-summary')!;
    expect(summary.shadowRoot!.activeElement?.getAttribute('part')).to.equal('base');
    expect(fieldAt(form, '/subject').error).to.equal('主题为必填项');
    expect(fieldAt(form, '/complainant/type').error).to.equal('投诉人·投诉人类别为必填项');
  });

  it('choosing a problem in the summary moves focus to its field', async () => {
    const form = await fixture<WySchemaForm>(html`<wy-schema-form .schema=${schema} .uiSchema=${ui}></wy-schema-form>`);
    await settle(form);
    await form.requestSubmit();
    await settle(form);
    const summary = form.shadowRoot!.querySelector('wy-error-summary')!;
    const link = [...summary.shadowRoot!.querySelectorAll('a')].find((a) => a.dataset['path'] === '/subject')!;
    link.click();
    await aTimeout(50);
    // The field renders into the form's tree: focus is on its control, inside the field.
    const subject = fieldAt(form, '/subject');
    expect(form.shadowRoot!.activeElement).to.equal(control(subject));
    expect(subject.contains(form.shadowRoot!.activeElement)).to.equal(true);
  });

  it('a valid value submits without hidden fields; wy-change reports the path', async () => {
    const form = await fixture<WySchemaForm>(html`<wy-schema-form .schema=${schema} .uiSchema=${ui} .value=${valid}></wy-schema-form>`);
    await settle(form);
    const change = oneEvent(form, 'wy-change');
    await typeInto(form, '/room', '9');
    const c = await change;
    expect((c.detail as { path: string }).path).to.equal('/room');
    setTimeout(() => void form.requestSubmit());
    const ev = await oneEvent(form, 'wy-submit');
    const value = ev.detail.value as Record<string, unknown>;
    expect(value['room']).to.equal(`${valid['room']}9`);
    expect(value['recordNo']).to.equal(valid['recordNo']);
    expect(value).not.to.have.property('relatedRecords');
  });

  it('rules: a repeat complaint shows and requires the earlier records; an escalation notice appears', async () => {
    const form = await fixture<WySchemaForm>(html`<wy-schema-form .schema=${schema} .uiSchema=${ui} .value=${valid}></wy-schema-form>`);
    await settle(form);
    expect(fieldAt(form, '/relatedRecords').hidden).to.equal(true);
    expect(form.shadowRoot!.querySelector('[part="notice"]')).to.equal(null);
    control(fieldAt(form, '/repeat')).click();
    await settle(form);
    const related = fieldAt(form, '/relatedRecords');
    expect(related.hidden).to.equal(false);
    expect(related.required).to.equal(true);
    expect(form.shadowRoot!.querySelector('[part="notice"]')!.textContent).to.contain('重大、复杂或重复投诉由管理处客服主任受理和处理');
    const errors = await form.validate();
    expect(errors.map((e) => e.path)).to.include('/relatedRecords');
  });

  it('a keystroke does not re-render the form: only dependent fields update', async () => {
    const form = await fixture<WySchemaForm>(html`<wy-schema-form .schema=${schema} .uiSchema=${ui} .value=${valid}></wy-schema-form>`);
    await settle(form);
    let renders = 0;
    const original = form.render.bind(form);
    form.render = () => {
      renders++;
      return original();
    };
    await typeInto(form, '/subject', '补充');
    await typeInto(form, '/description', '再次来电。');
    expect(renders).to.equal(0);
    expect((form.value as Record<string, unknown>)['subject']).to.equal(`${valid['subject']}补充`);
  });

  it('errors show after a field is left (touched), in zh-CN or en', async () => {
    const form = await fixture<WySchemaForm>(html`<wy-schema-form locale="en" .schema=${schema} .uiSchema=${ui}></wy-schema-form>`);
    await settle(form);
    const phone = fieldAt(form, '/complainant/phone');
    phone.focus();
    await sendKeys({ type: '123' });
    expect(phone.error).to.equal('');
    await sendKeys({ press: 'Tab' });
    await settle(form);
    expect(phone.error).to.equal('Complainant · Phone is not in the expected format');
    expect(control(phone).getAttribute('aria-invalid')).to.equal('true');
  });

  it('errorDisplay="live" shows errors while typing; "submit" only after a submit', async () => {
    const live = await fixture<WySchemaForm>(html`<wy-schema-form error-display="live" .schema=${schema} .uiSchema=${ui}></wy-schema-form>`);
    await settle(live);
    await typeInto(live, '/room', '#');
    expect(fieldAt(live, '/room').error).to.equal('房号的格式不正确');
    const sub = await fixture<WySchemaForm>(html`<wy-schema-form error-display="submit" .schema=${schema} .uiSchema=${ui}></wy-schema-form>`);
    await settle(sub);
    await typeInto(sub, '/room', '#');
    await sendKeys({ press: 'Tab' });
    await settle(sub);
    expect(fieldAt(sub, '/room').error).to.equal('');
  });

  it('inside a host <form>: the whole value travels in FormData as JSON; reset and :invalid work', async () => {
    const host = await fixture<HTMLFormElement>(html`<form><wy-schema-form name="complaint" .schema=${schema} .uiSchema=${ui} .value=${valid}></wy-schema-form></form>`);
    const form = host.querySelector('wy-schema-form')!;
    await settle(form);
    expect(JSON.parse(String(new FormData(host).get('complaint')))).to.deep.include({ recordNo: valid['recordNo'], category: valid['category'] });
    // Valid once checked (before its first check a form is "not checked yet", never valid).
    expect(await form.validate()).to.deep.equal([]);
    expect(form.matches(':invalid')).to.equal(false);
    await typeInto(form, '/room', '#');
    expect(form.matches(':invalid')).to.equal(true);
    host.reset();
    await settle(form);
    expect((form.value as Record<string, unknown>)['room']).to.equal(valid['room']);
  });

  it('disabled disables every field', async () => {
    const form = await fixture<WySchemaForm>(html`<wy-schema-form disabled .schema=${schema} .uiSchema=${ui}></wy-schema-form>`);
    await settle(form);
    expect(form.shadowRoot!.querySelector<HTMLFieldSetElement>('fieldset.body')!.disabled).to.equal(true);
    expect(fieldAt(form, '/subject').matches(':disabled')).to.equal(true);
  });

  it('readonly renders a read view with option labels, and the paper-record header', async () => {
    const form = await fixture<WySchemaForm>(html`<wy-schema-form readonly .schema=${schema} .uiSchema=${ui} .value=${valid}></wy-schema-form>`);
    await settle(form);
    expect(form.shadowRoot!.querySelector('input, select, textarea')).to.equal(null);
    expect(inside(fieldAt(form, '/category')).textContent).to.contain('管理责任类');
    const header = form.shadowRoot!.querySelector('[part="document"]')!;
    expect(header.textContent).to.contain('顾客投诉处理记录');
    expect(header.textContent).to.not.contain('WI/KF'); // no invented number: empty until a company sets document.number
    await expect(form).to.be.accessible();
  });

  it('printing puts the document number, version and page x/y in the page margins, and removes them after', async () => {
    // The shipped number is empty (the manual does not pair MR-…KF numbers with titles): a company sets its own.
    const numbered = { ...ui, document: { ...ui.document, number: 'MR-001KF', version: 'A/1' } };
    const form = await fixture<WySchemaForm>(html`<wy-schema-form readonly .schema=${schema} .uiSchema=${numbered} .value=${valid}></wy-schema-form>`);
    await settle(form);
    const before = document.adoptedStyleSheets.length;
    window.dispatchEvent(new Event('beforeprint'));
    const sheet = document.adoptedStyleSheets.at(-1)!;
    const text = [...sheet.cssRules].map((r) => r.cssText).join(' ');
    expect(text).to.contain('@page').and.contain('MR-001KF A/1').and.contain('counter(pages)');
    window.dispatchEvent(new Event('afterprint'));
    expect(document.adoptedStyleSheets.length).to.equal(before);
  });

  it('takes its language from a <wy-kit-provider> around it', async () => {
    const wrap = await fixture(html`<wy-kit-provider locale="en"><wy-schema-form .schema=${schema} .uiSchema=${ui}></wy-schema-form></wy-kit-provider>`);
    const form = wrap.querySelector('wy-schema-form')!;
    await settle(form);
    expect(fieldAt(form, '/category').label).to.equal('Content category');
    expect(form.shadowRoot!.querySelector('[part="submit"]')!.textContent!.trim()).to.equal('Submit');
  });

  it('hostile strings in titles, help and values are shown as text', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    const s: JsonSchema = { type: 'object', properties: { a: { type: 'string', title: evil, description: evil, default: evil } } };
    const form = await fixture<WySchemaForm>(html`<wy-schema-form .schema=${s}></wy-schema-form>`);
    await settle(form);
    const f = fieldAt(form, '/a');
    expect(inside(f).querySelector('img')).to.equal(null);
    expect(inside(f).querySelector('label')!.textContent).to.contain(evil);
    expect((control(f) as HTMLInputElement).value).to.equal(evil);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('a __proto__ key in a value is ignored', async () => {
    const form = await fixture<WySchemaForm>(html`<wy-schema-form .schema=${schema} .uiSchema=${ui} .value=${JSON.parse('{"__proto__":{"polluted":1},"room":"101"}')}></wy-schema-form>`);
    await settle(form);
    expect(Object.hasOwn(form.value as object, '__proto__')).to.equal(false);
    expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
  });
});

describe('<wy-schema-form> bad input', () => {
  it('an invalid schema renders an error panel naming the problem and fires wy-error', async () => {
    const el = document.createElement('wy-schema-form');
    const ev = oneEvent(el, 'wy-error');
    el.schema = { type: 'object', properties: { a: { type: 'text' } } } as JsonSchema;
    document.body.append(el);
    const { detail } = await ev;
    expect(detail.error.message).to.contain('/properties/a/type');
    await el.updateComplete;
    const panel = el.shadowRoot!.querySelector('[part="error-panel"]')!;
    expect(panel.getAttribute('role')).to.equal('alert');
    expect(panel.textContent).to.contain('表单配置有误').and.contain('/properties/a/type').and.contain('unknown type "text"');
    el.remove();
  });

  it('an invalid UI schema names the pointer inside it', async () => {
    const form = await fixture<WySchemaForm>(html`<wy-schema-form .schema=${schema} .uiSchema=${{ groups: [{ id: 'g', fields: ['/nope'] }] }}></wy-schema-form>`);
    await settle(form);
    expect(form.shadowRoot!.querySelector('[part="error-panel"]')!.textContent).to.contain('uiSchema /groups/0/fields/0').and.contain('no field "/nope"');
  });

  it('a custom schema validates and submits under a CSP without unsafe-eval (interpreted, nothing compiled)', async () => {
    const custom = {
      type: 'object',
      required: ['count', 'email'],
      properties: {
        count: { type: 'integer', minimum: 1, 'x-label': { 'zh-CN': '数量', en: 'Count' } },
        email: { type: 'string', format: 'email', 'x-label': { 'zh-CN': '电子邮箱', en: 'E-mail' } },
      },
    };
    const form = await fixture<WySchemaForm>(html`<wy-schema-form .schema=${custom} .value=${{ count: 0, email: 'not-an-email' }}></wy-schema-form>`);
    const zh = await form.validate();
    expect(zh.map((e) => e.message)).to.have.members(['数量不能小于 1', '电子邮箱不是有效的电子邮箱']);
    form.locale = 'en';
    await form.updateComplete;
    const en = await form.validate();
    expect(en.map((e) => e.message)).to.have.members(['Count must be at least 1', 'E-mail must be a valid e-mail address']);
    expect(form.shadowRoot!.querySelector('[part="error-panel"]')).to.equal(null);
    form.value = { count: 2, email: 'wang@example.com' };
    let submitted: unknown;
    form.addEventListener('wy-submit', (e) => (submitted = e.detail.value));
    expect(await form.requestSubmit()).to.equal(true);
    expect(submitted).to.deep.equal({ count: 2, email: 'wang@example.com' });
  });

  it('a custom schema the validator cannot use (a broken pattern) still renders, says why, and cannot submit', async () => {
    const el = document.createElement('wy-schema-form');
    el.schema = { type: 'object', properties: { n: { type: 'string', pattern: '([a-z', title: '编号' } } };
    const ev = oneEvent(el, 'wy-error');
    document.body.append(el);
    const { detail } = await ev;
    expect(detail.error.message).to.contain('invalid pattern');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="error-panel"]')!.textContent).to.contain('invalid pattern');
    expect(el.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!.disabled).to.equal(true);
    expect(fieldAt(el, '/n').label).to.equal('编号');
    expect(await el.requestSubmit()).to.equal(false);
    el.remove();
  });
});

describe('<wy-schema-form> drafts, async checks and server errors', () => {
  it('saves a draft as you type and restores it in a new form (same schema $id only)', async () => {
    localStorage.clear();
    const form = await fixture<WySchemaForm>(html`<wy-schema-form draft-key="t1" .schema=${schema} .uiSchema=${ui}></wy-schema-form>`);
    await settle(form);
    await typeInto(form, '/subject', '楼道灯坏了');
    await aTimeout(500);
    const saved = JSON.parse(localStorage.getItem('wy-draft:t1')!) as Draft;
    expect(saved.schemaId).to.equal(schema.$id);
    const again = await fixture<WySchemaForm>(html`<wy-schema-form draft-key="t1" .schema=${schema} .uiSchema=${ui}></wy-schema-form>`);
    await settle(again);
    await aTimeout(10);
    expect((again.value as Record<string, unknown>)['subject']).to.equal('楼道灯坏了');
    expect(fieldAt(again, '/subject').value).to.equal('楼道灯坏了');
    await again.clearDraft();
    expect(localStorage.getItem('wy-draft:t1')).to.equal(null);
  });

  it('keeps the last keystrokes when removed before the debounce fires, through a pluggable store', async () => {
    const store = new Map<string, Draft>();
    const drafts: DraftStore = { load: (k) => store.get(k), save: (k, d) => void store.set(k, d), clear: (k) => void store.delete(k) };
    const form = await fixture<WySchemaForm>(html`<wy-schema-form draft-key="t2" .draftStore=${drafts} .schema=${schema} .uiSchema=${ui}></wy-schema-form>`);
    await settle(form);
    await typeInto(form, '/room', '1201');
    form.remove();
    expect((store.get('t2')!.value as Record<string, unknown>)['room']).to.equal('1201');
  });

  it('writes the draft at once on pagehide and when hidden; a restored draft is shown with a discard button', async () => {
    localStorage.clear();
    const form = await fixture<WySchemaForm>(html`<wy-schema-form draft-key="t3" .schema=${schema} .uiSchema=${ui}></wy-schema-form>`);
    await settle(form);
    await typeInto(form, '/subject', '电梯异响');
    expect(localStorage.getItem('wy-draft:t3'), 'still debounced').to.equal(null);
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect((JSON.parse(localStorage.getItem('wy-draft:t3')!) as Draft).value).to.deep.include({ subject: '电梯异响' });
    const again = await fixture<WySchemaForm>(html`<wy-schema-form draft-key="t3" .schema=${schema} .uiSchema=${ui}></wy-schema-form>`);
    await settle(again);
    await aTimeout(10);
    await again.updateComplete;
    const notice = again.shadowRoot!.querySelector('[part="draft-notice"]')!;
    expect(notice.textContent).to.contain('已恢复未提交的草稿');
    await expect(again).to.be.accessible();
    notice.querySelector('button')!.click();
    await aTimeout(10);
    await again.updateComplete;
    expect(again.shadowRoot!.querySelector('[part="draft-notice"]')).to.equal(null);
    expect((again.value as Record<string, unknown> | undefined)?.['subject']).to.equal(undefined);
    expect(localStorage.getItem('wy-draft:t3')).to.equal(null);
  });

  it('drops a draft older than draft-max-age-days; the host can clear every draft', async () => {
    localStorage.clear();
    const old = new Date(Date.now() - 8 * 86_400_000).toISOString();
    localStorage.setItem('wy-draft:t4', JSON.stringify({ schemaId: schema.$id, savedAt: old, value: { subject: '旧草稿' } }));
    const form = await fixture<WySchemaForm>(html`<wy-schema-form draft-key="t4" .schema=${schema} .uiSchema=${ui}></wy-schema-form>`);
    await settle(form);
    await aTimeout(10);
    expect((form.value as Record<string, unknown> | undefined)?.['subject']).to.equal(undefined);
    expect(localStorage.getItem('wy-draft:t4')).to.equal(null);
    localStorage.setItem('wy-draft:t5', JSON.stringify({ schemaId: schema.$id, savedAt: old, value: {} }));
    const kept = await fixture<WySchemaForm>(html`<wy-schema-form draft-key="t5" draft-max-age-days="30" .schema=${schema} .uiSchema=${ui}></wy-schema-form>`);
    await settle(kept);
    await aTimeout(10);
    expect(localStorage.getItem('wy-draft:t5')).to.not.equal(null);
    localStorage.setItem('wy-draft:portal-a', JSON.stringify({ schemaId: 'x', savedAt: new Date().toISOString(), value: 1 }));
    localStorage.setItem('other', '1');
    expect(clearDrafts({ olderThanDays: 7 })).to.equal(1);
    expect(clearDrafts()).to.equal(1);
    expect(localStorage.getItem('other')).to.equal('1');
  });

  it('runs an async check debounced, with pending state, and aborts the stale one', async () => {
    const seen: string[] = [];
    let aborted = 0;
    const check = async (v: unknown, { signal }: { signal: AbortSignal }) => {
      seen.push(String(v));
      signal.addEventListener('abort', () => aborted++);
      await aTimeout(50);
      return v === 'DUP-1' ? '记录编号已存在' : undefined;
    };
    const s: JsonSchema = { ...schema };
    const form = await fixture<WySchemaForm>(html`<wy-schema-form .schema=${s} .uiSchema=${{ ...ui, fields: { ...ui.fields, '/recordNo': {} } }} .asyncValidators=${{ '/recordNo': check }}></wy-schema-form>`);
    await settle(form);
    await typeInto(form, '/recordNo', 'DUP-1');
    expect(seen).to.deep.equal([], 'debounced: nothing ran while typing');
    // Poll rather than sleep a fixed 420 ms: timers run late on a busy machine.
    const until = async (ok: () => boolean) => {
      for (let t = 0; t < 200 && !ok(); t++) await aTimeout(5);
    };
    await until(() => fieldAt(form, '/recordNo').pending);
    expect(fieldAt(form, '/recordNo').pending).to.equal(true);
    expect(seen).to.deep.equal(['DUP-1']);
    await until(() => !fieldAt(form, '/recordNo').pending);
    expect(fieldAt(form, '/recordNo').pending).to.equal(false);
    expect(fieldAt(form, '/recordNo').error).to.equal('记录编号已存在');
    expect(aborted).to.equal(0);
  });

  it('setErrors() puts server errors on fields until the field changes', async () => {
    const form = await fixture<WySchemaForm>(html`<wy-schema-form .schema=${schema} .uiSchema=${ui} .value=${valid}></wy-schema-form>`);
    await settle(form);
    form.setErrors([{ path: '/room', message: '该房号不属于此管理处' }]);
    await settle(form);
    expect(fieldAt(form, '/room').error).to.equal('该房号不属于此管理处');
    await typeInto(form, '/room', '2');
    expect(fieldAt(form, '/room').error).to.equal('');
  });
});

describe('<wy-schema-form> widgets from a configurator schema', () => {
  const custom: JsonSchema = {
    $id: 'https://wuye-kit.dev/schemas/complaint.schema.json',
    type: 'object',
  };
  void custom;

  it('arrays of objects: add, reorder and remove by keyboard', async () => {
    const form = await fixture<WySchemaForm>(html`<wy-schema-form .schema=${schema} .uiSchema=${ui} .value=${{ ...valid, repeat: true, relatedRecords: ['A-1'] }}></wy-schema-form>`);
    await settle(form);
    const arr = fieldAt(form, '/relatedRecords');
    const add = inside(arr).querySelector<HTMLButtonElement>('[part="add-button"]')!;
    add.click();
    await settle(form);
    await arr.updateComplete;
    await typeInto(form, '/relatedRecords/1', 'B-2');
    expect((form.value as Record<string, unknown>)['relatedRecords']).to.deep.equal(['A-1', 'B-2']);
    inside(arr).querySelectorAll<HTMLButtonElement>('[data-action="up"]')[1]!.click();
    await settle(form);
    expect((form.value as Record<string, unknown>)['relatedRecords']).to.deep.equal(['B-2', 'A-1']);
    inside(arr).querySelectorAll<HTMLButtonElement>('[data-action="remove"]')[0]!.click();
    await settle(form);
    expect((form.value as Record<string, unknown>)['relatedRecords']).to.deep.equal(['A-1']);
  });

  it('attachments upload through the adapter and keep only references', async () => {
    const uploader = async (file: File) => ({ id: `att-${file.name}`, url: `/files/${file.name}` });
    const form = await fixture<WySchemaForm>(html`<wy-schema-form .schema=${schema} .uiSchema=${ui} .value=${valid} .uploader=${uploader}></wy-schema-form>`);
    await settle(form);
    const f = fieldAt(form, '/attachments');
    const input = inside(f).querySelector<HTMLInputElement>('input[type="file"]')!;
    const dt = new DataTransfer();
    dt.items.add(new File(['x'.repeat(2048)], '现场.jpg', { type: 'image/jpeg' }));
    input.files = dt.files;
    input.dispatchEvent(new Event('change'));
    await aTimeout(20);
    await settle(form);
    expect((form.value as Record<string, unknown>)['attachments']).to.deep.equal([{ id: 'att-现场.jpg', name: '现场.jpg', type: 'image/jpeg', size: 2048, url: '/files/现场.jpg' }]);
  });

  it('a wizard validates each step before moving on', async () => {
    const wizard: UiSchema = {
      steps: [
        { id: 'who', title: { 'zh-CN': '投诉人', en: 'Who' }, groups: [{ id: 'a', fields: ['/complainant'] }] },
        { id: 'what', title: { 'zh-CN': '内容', en: 'What' }, groups: [{ id: 'b', fields: ['/subject', '/description'] }] },
      ],
    };
    const form = await fixture<WySchemaForm>(html`<wy-schema-form .schema=${schema} .uiSchema=${wizard}></wy-schema-form>`);
    await settle(form);
    const next = () => [...form.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === '下一步')!;
    next().click();
    await settle(form);
    await aTimeout(20);
    expect(form.shadowRoot!.querySelector('[aria-current="step"]')!.textContent).to.equal('投诉人');
    const radio = inside(fieldAt(form, '/complainant/type')).querySelector<HTMLInputElement>('input[type="radio"]')!;
    radio.click();
    await settle(form);
    next().click();
    await aTimeout(20);
    await settle(form);
    expect(form.shadowRoot!.querySelector('[aria-current="step"]')!.textContent).to.equal('内容');
  });

  it('a configurator schema with if/then, dependencies, $ref and oneOf renders and behaves', async () => {
    const s: JsonSchema = {
      type: 'object',
      definitions: { level: { oneOf: [{ const: 1, title: '低' }, { const: 2, title: '中' }, { const: 3, title: '高' }, { const: 4, title: '紧急' }] } },
      properties: { level: { $ref: '#/definitions/level', title: '等级' }, phone: { type: 'string', title: '电话' }, ext: { type: 'string', title: '分机' } },
      dependencies: { ext: ['phone'] },
      if: { properties: { level: { const: 4 } }, required: ['level'] },
      then: { properties: { reason: { type: 'string', title: '紧急原因' } }, required: ['reason'] },
    };
    const form = await fixture<WySchemaForm>(html`<wy-schema-form .schema=${s}></wy-schema-form>`);
    await settle(form);
    const level = fieldAt(form, '/level');
    expect(level.tagName).to.equal('WY-SELECT-FIELD');
    expect(fieldAt(form, '/reason').hidden).to.equal(true);
    const select = control(level) as HTMLSelectElement;
    select.value = '3';
    select.dispatchEvent(new Event('change'));
    await settle(form);
    expect((form.value as Record<string, unknown>)['level']).to.equal(4);
    expect(fieldAt(form, '/reason').hidden).to.equal(false);
    expect(fieldAt(form, '/reason').required).to.equal(true);
    await typeInto(form, '/ext', '801');
    expect(fieldAt(form, '/phone').required).to.equal(true);
  });
});

describe('<wy-schema-form> host-driven updates', () => {
  it('toggling disabled on and off re-enables every control', async () => {
    const form = await fixture<WySchemaForm>(html`<wy-schema-form .schema=${schema} .uiSchema=${ui} .value=${valid}></wy-schema-form>`);
    await settle(form);
    form.disabled = true;
    await settle(form);
    expect(control(fieldAt(form, '/subject')).matches(':disabled')).to.equal(true);
    form.disabled = false;
    await settle(form);
    await fieldAt(form, '/subject').updateComplete;
    expect(control(fieldAt(form, '/subject')).matches(':disabled')).to.equal(false);
    expect(control(fieldAt(form, '/complainant/phone')).matches(':disabled')).to.equal(false);
  });

  it('binding the same value object again keeps what the user typed', async () => {
    const form = await fixture<WySchemaForm>(html`<wy-schema-form .schema=${schema} .uiSchema=${ui} .value=${valid}></wy-schema-form>`);
    await settle(form);
    await typeInto(form, '/room', '8');
    form.value = valid;
    await settle(form);
    expect((form.value as Record<string, unknown>)['room']).to.equal(`${valid['room']}8`);
  });

  it('after a new UI schema, rule-driven updates still reach the fields', async () => {
    const form = await fixture<WySchemaForm>(html`<wy-schema-form .schema=${schema} .uiSchema=${ui} .value=${valid}></wy-schema-form>`);
    await settle(form);
    form.uiSchema = { ...ui, columns: 1 };
    await settle(form);
    control(fieldAt(form, '/repeat')).click();
    await settle(form);
    expect(fieldAt(form, '/relatedRecords').hidden).to.equal(false);
  });
});

describe("<wy-schema-form>: fields render into the form's own tree", () => {
  const small: JsonSchema = {
    $id: 'https://example.com/test/tree.schema.json',
    type: 'object',
    required: ['name'],
    properties: {
      name: { type: 'string', 'x-label': { 'zh-CN': '姓名', en: 'Name' } },
      a: { type: 'string', enum: ['y', 'n'], 'x-label': { 'zh-CN': '甲', en: 'A' } },
      b: { type: 'string', enum: ['y', 'n'], 'x-label': { 'zh-CN': '乙', en: 'B' } },
      spot: { type: 'string', format: 'geo', 'x-label': { 'zh-CN': '位置', en: 'Spot' } },
    },
  };

  it('built-in fields have no shadow root of their own; labels, aria-describedby and aria-invalid resolve in the form (zh-CN, en), and axe passes', async () => {
    for (const locale of ['zh-CN', 'en']) {
      const form = await fixture<WySchemaForm>(html`<wy-schema-form locale=${locale} error-display="live" .schema=${small}></wy-schema-form>`);
      await settle(form);
      await form.validate();
      await settle(form);
      const name = fieldAt(form, '/name');
      expect(name.shadowRoot, 'no shadow root').to.equal(null);
      expect(name.getAttribute('data-path')).to.equal('/name');
      const input = control(name);
      expect(input.getRootNode()).to.equal(form.shadowRoot);
      const label = form.shadowRoot!.querySelector(`label[for="${input.id}"]`)!;
      expect(label.textContent).to.contain(locale === 'en' ? 'Name' : '姓名');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      const described = input.getAttribute('aria-describedby')!.split(' ').map((id) => form.shadowRoot!.getElementById(id)?.textContent ?? '').join(' ');
      expect(described).to.contain(locale === 'en' ? 'Name is required' : '姓名为必填项');
      await expect(form).to.be.accessible();
    }
  });

  it('two radio groups in one form stay separate', async () => {
    const form = await fixture<WySchemaForm>(html`<wy-schema-form .schema=${small}></wy-schema-form>`);
    await settle(form);
    const radios = (p: string) => [...fieldAt(form, p).querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    radios('/a')[0]!.click();
    radios('/b')[1]!.click();
    await settle(form);
    expect(radios('/a')[0]!.checked).to.equal(true);
    expect(form.value).to.deep.include({ a: 'y', b: 'n' });
  });

  it('loadPrecompiled: the validator loads when the form first validates, once, and its errors are worded like the other paths', async () => {
    let loads = 0;
    const validator = nameValidator();
    const form = await fixture<WySchemaForm>(html`<wy-schema-form .schema=${small} .loadPrecompiled=${async () => (loads++, { default: validator })}></wy-schema-form>`);
    await settle(form);
    const errors = await form.validate();
    expect(errors.map((e) => [e.path, e.message])).to.deep.equal([['/name', '姓名为必填项']]);
    form.value = { name: '张三' };
    await settle(form);
    expect(await form.validate()).to.deep.equal([]);
    expect(loads).to.equal(1);
  });

  it('before its validator has loaded the form is "not checked yet", never valid: a host <form> does not submit an unchecked value', async () => {
    const validator = nameValidator();
    let arrive!: () => void;
    const arrived = new Promise<void>((r) => (arrive = r));
    const host = await fixture<HTMLFormElement>(html`<form><wy-schema-form name="c" no-submit .value=${{ name: '张三' }} .schema=${small} .loadPrecompiled=${() => arrived.then(() => ({ default: validator }))}></wy-schema-form></form>`);
    const form = host.querySelector('wy-schema-form')!;
    await form.updateComplete;
    await aTimeout(50);
    // The value is valid, but nothing has checked it yet.
    expect(form.checkValidity(), 'checkValidity() before the validator').to.equal(false);
    expect(host.checkValidity(), 'the host form before the validator').to.equal(false);
    expect(form.validationMessage).to.equal('表单尚未校验完毕，请稍候再提交。');
    form.locale = 'en';
    await form.updateComplete;
    expect(form.validationMessage).to.equal('The form is still being checked; submit again in a moment.');
    arrive();
    await settle(form);
    await aTimeout(50);
    expect(form.checkValidity(), 'once checked').to.equal(true);
    expect(host.checkValidity()).to.equal(true);
    // A disabled form is never invalid, checked or not.
    const disabled = await fixture<WySchemaForm>(html`<wy-schema-form disabled .schema=${small} .loadPrecompiled=${() => new Promise(() => {})}></wy-schema-form>`);
    await disabled.updateComplete;
    expect(disabled.checkValidity()).to.equal(true);
  });

  it('after a submit with errors the summary takes focus, unless the user has moved on while the form was checking', async () => {
    const validator = nameValidator();
    let arrive!: () => void;
    const arrived = new Promise<void>((r) => (arrive = r));
    const form = await fixture<WySchemaForm>(html`<wy-schema-form .schema=${small} .loadPrecompiled=${() => arrived.then(() => ({ default: validator }))}></wy-schema-form>`);
    await settle(form);
    const submit = form.shadowRoot!.querySelector<HTMLElement>('[part="submit"]')!;
    submit.focus();
    const first = form.requestSubmit();
    // While the validator loads, the user goes to a field and starts typing.
    const other = fieldAt(form, '/name');
    other.focus();
    arrive();
    expect(await first).to.equal(false);
    await settle(form);
    const now = deepActiveElement();
    expect(now?.closest('[data-path]')?.getAttribute('data-path') ?? now?.tagName, 'focus stays where the user went').to.equal('/name');
    expect(now === control(other)).to.equal(true);
    // Pressed again and left there: the summary takes focus.
    submit.focus();
    expect(await form.requestSubmit()).to.equal(false);
    await settle(form);
    expect(form.shadowRoot!.activeElement?.tagName.toLowerCase()).to.equal('wy-error-summary');
  });

  it('a registered custom widget keeps its own shadow root and styles, and feeds the form', async () => {
    const { registerWidget, WyFieldBase: Base } = await import('../../src/components/schema-form/schema-form.js');
    const { css, html: h } = await import('lit');
    class GeoField extends Base {
      static override styles = [...(Base.styles as unknown as []), css`input { letter-spacing: 0.1em; }`];
      protected renderControl() {
        return h`<input id=${this.ids.control} .value=${String(this.value ?? '')} @input=${(e: Event) => this.setFromUser((e.target as HTMLInputElement).value, false)} />`;
      }
    }
    if (!customElements.get('test-geo-field')) customElements.define('test-geo-field', GeoField);
    registerWidget({ tag: 'test-geo-field', rank: (f) => (f.format === 'geo' ? 50 : -1) });
    const form = await fixture<WySchemaForm>(html`<wy-schema-form .schema=${small}></wy-schema-form>`);
    await settle(form);
    const geo = fieldAt(form, '/spot');
    expect(geo.tagName.toLowerCase()).to.equal('test-geo-field');
    expect(geo.shadowRoot, 'its own shadow root').to.not.equal(null);
    const changed = oneEvent(form, 'wy-change');
    const input = geo.shadowRoot!.querySelector('input')!;
    input.value = '22.5,114.0';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    expect((await changed).detail).to.deep.include({ path: '/spot' });
    expect(form.value).to.deep.include({ spot: '22.5,114.0' });
  });
});
