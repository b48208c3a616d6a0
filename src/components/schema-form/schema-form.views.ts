// View modules of <wy-schema-form>: pieces of its markup as functions of plain data (no element
// state), so the element's render() only assembles them.
import { html, nothing, type TemplateResult } from 'lit';
import { FormSchemaError } from '../../core/form/types.js';
import type { ActiveNotice } from '../../core/form/engine.js';
import type { Layout, UiDocument } from '../../core/form/ui.js';
import type { ValidationError } from '../../core/errors.js';
import { pick, type Locale } from '../../core/i18n/locale.js';
import { msg } from './messages.js';

/** The panel for a schema, UI schema or validator the form cannot use: what and where. */
export function errorPanelView(error: Error, l: Locale): TemplateResult {
  const where = error instanceof FormSchemaError ? msg(l, 'schemaErrorWhere', { source: error.source, pointer: error.pointer || '/' }) : '';
  return html`<div part="error-panel" class="error-panel" role="alert">
    <strong>${msg(l, 'schemaError')}</strong>
    ${where ? html`<div><code>${where}</code></div>` : nothing}
    <div>${error instanceof FormSchemaError ? error.reason : error.message}</div>
  </div>`;
}

/** The paper record's header (title, document number, version, department). */
export function documentView(doc: UiDocument | undefined, l: Locale): TemplateResult | typeof nothing {
  if (!doc) return nothing;
  return html`<header part="document" class="document">
    ${doc.title ? html`<div class="doc-title">${pick(doc.title, l) ?? ''}</div>` : nothing}
    <div class="doc-meta">
      ${doc.number ? html`<span>${msg(l, 'documentNumber')}：${doc.number}</span>` : nothing}
      ${doc.version ? html`<span>${msg(l, 'version')}：${doc.version}</span>` : nothing}
      ${doc.department ? html`<span>${pick(doc.department, l) ?? ''}</span>` : nothing}
    </div>
  </header>`;
}

/** The UI schema's rule notices in force. */
export function noticesView(notices: readonly ActiveNotice[], l: Locale): TemplateResult[] {
  return notices.map((n) => html`<div part="notice" class=${`notice ${n.tone}`} role="status">${pick(n.text, l) ?? ''}</div>`);
}

/** A wizard's step list and the polite "step n of m" line. */
export function stepsView(layout: Layout, step: number, l: Locale): TemplateResult | typeof nothing {
  if (!layout.wizard) return nothing;
  return html`<ol part="steps" class="steps">
      ${layout.steps.map((s, i) => html`<li aria-current=${i === step ? 'step' : 'false'} class=${i < step ? 'done' : ''}>${pick(s.title, l) || String(i + 1)}</li>`)}
    </ol>
    <div class="visually-hidden" aria-live="polite">${msg(l, 'stepOf', { n: step + 1, total: layout.steps.length })}</div>`;
}

/** Everything the form's markup shows, as plain data plus its handlers. */
export interface FormViewModel {
  readonly locale: Locale;
  readonly layout: Layout;
  /** The wizard step shown (0 without a wizard). */
  readonly step: number;
  readonly document: UiDocument | undefined;
  readonly columns: boolean;
  readonly busy: boolean;
  readonly validatorError: Error | undefined;
  readonly summary: readonly ValidationError[];
  readonly notices: readonly ActiveNotice[];
  readonly draftShown: boolean;
  readonly disabled: boolean;
  readonly readonly: boolean;
  readonly noSubmit: boolean;
  /** The UI schema's submit label in the locale ('' = the default). */
  readonly submitLabel: string;
  /** The groups of the step shown, already drawn. */
  readonly groups: readonly TemplateResult[];
  /** The live region. */
  readonly announcer: TemplateResult;
  readonly onSubmit: (e: Event) => void;
  readonly onErrorSelect: (e: Event) => void;
  readonly onDiscardDraft: () => void;
  readonly onBack: () => void;
  readonly onNext: () => void;
}

/** The draft notice with its discard button. */
function draftNoticeView(m: FormViewModel): TemplateResult | typeof nothing {
  if (!m.draftShown) return nothing;
  return html`<div part="draft-notice" class="notice info draft">
    <span>${msg(m.locale, 'draftRestored')}</span>
    <button type="button" class="secondary" @click=${m.onDiscardDraft}>${msg(m.locale, 'draftDiscard')}</button>
  </div>`;
}

/** Back / next / submit and the host's slotted buttons (none in the read view). */
function actionsView(m: FormViewModel): TemplateResult | typeof nothing {
  if (m.readonly) return nothing;
  const l = m.locale;
  const { wizard, steps } = m.layout;
  const last = m.step >= steps.length - 1;
  return html`<div part="actions" class="actions">
    ${wizard && m.step > 0 ? html`<button type="button" class="secondary" @click=${m.onBack}>${msg(l, 'back')}</button>` : nothing}
    ${wizard && !last ? html`<button type="button" class="primary" @click=${m.onNext}>${msg(l, 'next')}</button>` : nothing}
    ${(!wizard || last) && !m.noSubmit
      ? html`<button part="submit" type="submit" class="primary" ?disabled=${m.disabled || Boolean(m.validatorError)}>${m.submitLabel || msg(l, 'submit')}</button>`
      : nothing}
    <slot name="actions"></slot>
  </div>`;
}

/** The whole form. */
export function formView(m: FormViewModel): TemplateResult {
  const l = m.locale;
  const doc = m.document;
  return html`<form part="base" class=${m.columns ? 'columns' : ''} novalidate @submit=${m.onSubmit} aria-busy=${m.busy ? 'true' : 'false'}>
    ${documentView(doc, l)}
    ${m.validatorError ? errorPanelView(m.validatorError, l) : nothing}
    <wy-error-summary .errors=${m.summary} .locale=${l} @wy-error-select=${m.onErrorSelect}></wy-error-summary>
    ${noticesView(m.notices, l)}
    ${draftNoticeView(m)}
    ${stepsView(m.layout, m.step, l)}
    <fieldset class="body" ?disabled=${m.disabled}>${m.groups}</fieldset>
    ${actionsView(m)}
    ${m.announcer}
    ${doc ? html`<footer class="print-footer">${[doc.number, doc.version].filter(Boolean).join(' · ')}</footer>` : nothing}
  </form>`;
}
