// The UI schema's shape is checked after the form's first frame (its generated validator loads
// then, not before the first render), with the same error as a check before it. Its own file:
// the UI-schema validator loads once per page, and the first tests need a page that has not
// loaded it yet.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/schema-form/schema-form.js';
import type { WySchemaForm } from '../../src/components/schema-form/schema-form.js';
import type { JsonSchema, UiSchema } from '../../src/core/form/index.js';
import type { FormSchemaError } from '../../src/core/form/types.js';

const schema = {
  type: 'object',
  properties: {
    room: { type: 'string', 'x-label': { 'zh-CN': '房号', en: 'Room' } },
    note: { type: 'string', 'x-label': { 'zh-CN': '备注', en: 'Note' } },
  },
} as JsonSchema;

/** Whether this page has requested the UI schema's generated validator. */
const uiValidatorRequested = () => performance.getEntriesByType('resource').some((e) => e.name.includes('/generated/validators/ui.'));

/** The error a check before the first render gives (the core's `checkUiSchema`, run on its own). */
async function expectedError(ui: unknown): Promise<FormSchemaError> {
  const [{ checkUiSchema }, { normalizeSchema }] = await Promise.all([import('../../src/core/form/ui-check.js'), import('../../src/core/form/normalize.js')]);
  try {
    checkUiSchema(ui, normalizeSchema(schema));
  } catch (err) {
    return err as FormSchemaError;
  }
  throw new Error('expected the UI schema to be refused');
}

/** Appends forms (in one task) and resolves in their first animation frame with what each showed then. */
async function firstFrame(...uis: unknown[]): Promise<{ form: WySchemaForm; controls: number; panel: boolean; error: Promise<CustomEvent<{ error: Error }>> }[]> {
  const forms = uis.map((ui) => {
    const form = document.createElement('wy-schema-form') as WySchemaForm;
    form.locale = 'en';
    form.schema = schema;
    form.uiSchema = ui as UiSchema;
    return { form, error: oneEvent(form, 'wy-error') as Promise<CustomEvent<{ error: Error }>> };
  });
  const seen = new Promise<{ controls: number; panel: boolean }[]>((resolve) =>
    requestAnimationFrame(() =>
      resolve(forms.map(({ form }) => ({ controls: form.shadowRoot!.querySelectorAll('input').length, panel: Boolean(form.shadowRoot!.querySelector('[part="error-panel"]')) }))),
    ),
  );
  document.body.append(...forms.map((f) => f.form));
  const shown = await seen;
  return forms.map((f, i) => ({ ...f, ...shown[i]! }));
}

describe('wy-schema-form: the UI schema checked after the first frame', () => {
  it('an empty UI schema never loads the UI-schema validator', async () => {
    const form = await fixture<WySchemaForm>(html`<wy-schema-form .schema=${schema} .uiSchema=${{}}></wy-schema-form>`);
    await form.updateComplete;
    expect(form.shadowRoot!.querySelectorAll('input')).to.have.length(2);
    await form.validate();
    expect(uiValidatorRequested()).to.equal(false);
  });

  // One test: the three forms must be appended before this page loads the UI-schema validator.
  it('UI schemas of the wrong shape: the form shows first (or nothing, when it cannot be drawn), then the same error panel and wy-error as a check before it', async () => {
    // Builds fine (every pointer names a field) but does not fit schemas/ui.schema.json.
    const extraKey = { fields: { '/room': { label: 'Room no.', colour: 'red' } } };
    // A wizard step title of null: the step list cannot be drawn until the check reports.
    const nullTitle = {
      steps: [
        { id: 'a', title: null, groups: [{ id: 'g', fields: ['/room'] }] },
        { id: 'b', groups: [{ id: 'h', fields: ['/note'] }] },
      ],
    };
    // Building itself fails: the shape is checked first, so that error wins.
    const notAList = { groups: 'room' };
    const uncaught: unknown[] = [];
    const onError = (e: ErrorEvent) => uncaught.push(e.error);
    const onRejection = (e: PromiseRejectionEvent) => uncaught.push(e.reason);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    try {
      const [a, b, c] = await firstFrame(extraKey, nullTitle, notAList);
      expect(a!.controls, 'the first frame shows the form').to.equal(2);
      expect(a!.panel, 'no error panel in the first frame').to.equal(false);
      expect(a!.form.validationMessage, 'not checked yet, never valid').to.equal('The form is still being checked; submit again in a moment.');
      expect(b!.controls, 'a form that cannot be drawn shows nothing').to.equal(0);
      expect(b!.panel).to.equal(false);
      expect(uiValidatorRequested(), 'the UI-schema validator loads after the first frame').to.equal(false);
      for (const [{ form, error }, ui, pointer] of [
        [a!, extraKey, '/fields/~1room/colour'],
        [b!, nullTitle, '/steps/0/title'],
        [c!, notAList, '/groups'],
      ] as const) {
        const { detail } = await error;
        await form.updateComplete;
        const expected = await expectedError(ui);
        expect(expected.pointer).to.equal(pointer);
        expect(detail.error.message).to.equal(expected.message);
        const errorPanel = form.shadowRoot!.querySelector('[part="error-panel"]')!;
        expect(errorPanel.getAttribute('role')).to.equal('alert');
        expect(errorPanel.textContent).to.contain(`uiSchema ${pointer}`);
        expect(form.shadowRoot!.querySelectorAll('input')).to.have.length(0);
        expect(await form.requestSubmit()).to.equal(false);
        // A form that cannot be used is invalid for a host <form>, with the reason.
        expect(form.checkValidity()).to.equal(false);
        expect(form.validationMessage).to.equal('This form is misconfigured');
      }
      expect(uiValidatorRequested()).to.equal(true);
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      for (const f of document.querySelectorAll('wy-schema-form')) f.remove();
    }
    expect(uncaught, 'no error thrown while rendering').to.deep.equal([]);
  });

  it('a valid UI schema: the form stays after the check, laid out by it', async () => {
    const ui = { groups: [{ id: 'g', title: { 'zh-CN': '房屋', en: 'Home' }, fields: ['/note', '/room'] }] };
    const form = await fixture<WySchemaForm>(html`<wy-schema-form locale="en" .schema=${schema} .uiSchema=${ui}></wy-schema-form>`);
    await form.updateComplete;
    expect(form.shadowRoot!.querySelector('[part="error-panel"]')).to.equal(null);
    expect(form.shadowRoot!.querySelector('[part="group-title"]')!.textContent).to.equal('Home');
    const paths = [...form.shadowRoot!.querySelectorAll('[data-path]')].map((f) => f.getAttribute('data-path'));
    expect(paths).to.deep.equal(['/note', '/room']);
    expect(await form.requestSubmit()).to.equal(true);
    // Checked (the value and the UI schema's shape): valid for a host <form>.
    await new Promise((r) => setTimeout(r, 20));
    expect(form.checkValidity()).to.equal(true);
    expect(form.validationMessage).to.equal('');
  });
});
