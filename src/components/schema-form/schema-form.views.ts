// View modules of <wy-schema-form>: pieces of its markup as functions of plain data (no element
// state), so the element's render() only assembles them.
import { html, nothing, type TemplateResult } from 'lit';
import { FormSchemaError } from '../../core/form/types.js';
import type { ActiveNotice } from '../../core/form/engine.js';
import type { Layout, UiDocument } from '../../core/form/ui.js';
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
