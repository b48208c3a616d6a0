// What <wy-complaint-form> shows once its intake has loaded (on demand; the entry paints the
// header and a loading state): the manual's definition, where the complaint goes, the submit's
// outcome, the inner <wy-schema-form> with the submit button, and the read view's toolbar.
import { html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { guard } from 'lit/directives/guard.js';
import { pick, type Locale } from '../../../core/i18n/locale.js';
import type { ComplaintFormData } from '../../../core/complaint/form-data.js';
import type { ErrorDisplay } from '../../schema-form/schema-form.component.js';
import { localStorageDrafts, type DraftStore } from '../../schema-form/drafts.js';
import type { Uploader } from '../../shared/uploader.js';
import type { IntakeController } from '../controllers/intake.controller.js';
import { msg } from '../intake.messages.js';

export { styles } from './intake.styles.js';

/** The element's properties the view passes to the inner form. */
export interface IntakeViewHost {
  readonly readonly: boolean;
  readonly errorDisplay: ErrorDisplay;
  readonly draftKey?: string | undefined;
  readonly draftStore?: DraftStore | undefined;
  readonly uploader?: Uploader | undefined;
}

/** Definition (at intake), routing, and the outcome of the last submit. */
export function renderTop(c: IntakeController, data: ComplaintFormData | undefined, readonly: boolean, l: Locale) {
  return html`${readonly || !data ? nothing : renderDefinition(data, l)} ${renderRouting(c, l)}
  ${c.phase === 'saved' ? html`<div part="status">${msg(l, 'saved', { recordNo: c.savedNo })}</div>` : nothing}
  ${c.phase === 'failed' ? html`<div part="failure" role="alert">${c.failure}</div>` : nothing}`;
}

/** The inner form (made anew when `formKey` changes) and, at intake, the submit button in its actions slot. */
export function renderForm(c: IntakeController, host: IntakeViewHost, l: Locale) {
  const saving = c.phase === 'saving';
  return keyed(
    c.formKey,
    html`<wy-schema-form
      part="form"
      .schema=${c.schema}
      .uiSchema=${c.ui}
      .value=${guard([c.intake], () => c.intake)}
      .locale=${l}
      .readonly=${host.readonly}
      .errorDisplay=${host.errorDisplay}
      .draftKey=${host.readonly ? undefined : host.draftKey}
      .uploader=${host.uploader}
      .draftStore=${host.draftStore ?? localStorageDrafts}
      .noSubmit=${true}
      .precompiled=${c.check}
      @wy-submit=${c.onInnerSubmit}
      @wy-change=${c.onChange}
    >
      ${
        host.readonly
          ? nothing
          : html`<button slot="actions" part="submit" type="button" aria-disabled=${saving ? 'true' : 'false'} @click=${c.onSubmitClick}>
              ${saving ? html`<span class="spinner" aria-hidden="true"></span>${msg(l, 'saving')}` : c.phase === 'failed' ? msg(l, 'retry') : msg(l, 'submit')}
            </button>`
      }
    </wy-schema-form>`,
  );
}

/** The read view's toolbar (print). */
export function renderToolbar(l: Locale) {
  return html`<div part="toolbar">
    <button type="button" @click=${() => window.print()}>${msg(l, 'print')}</button>
  </div>`;
}

function renderRouting(c: IntakeController, l: Locale) {
  const d = c.route;
  if (!d) return nothing;
  return html`<p part="routing" class="routing">
    <span class="routing-label">${msg(l, 'routingUnit')}</span>
    <strong>${pick(d.unitLabel, l) ?? d.unit}</strong>
    <span class="routing-why">${msg(l, 'routingWhy', { reason: pick(d.reasonLabel, l) ?? d.reason })}${d.department ? ` · ${d.department}` : ''}</span>
  </p>`;
}

/** The manual's definition and explanations, folded: the receptionist opens it when in doubt. */
function renderDefinition(data: ComplaintFormData, l: Locale) {
  const guide = data.guide;
  return html`<details part="definition">
    <summary>${msg(l, 'definition')}</summary>
    <p>${pick(guide.definition.text, l)}</p>
    <dl>${guide.notes.map((n) => html`<div><dt>${pick(n.term, l)}</dt><dd>${pick(n.text, l)}</dd></div>`)}</dl>
  </details>`;
}
