// The paste-a-rule-set panel of <wy-deduction-calculator>: a textarea with the rule set as JSON,
// apply / reset, and the problems of a rejected one in an error summary that leads to the text.
// Loaded when the panel first opens, with <wy-error-summary>; its words come in through the view.
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../../../core/i18n/locale.js';
import type { DeductionRuleError } from '../../../core/deductions/compile.js';
import type { msg } from './messages.js';

export { styles } from './editor.styles.js';

export interface RulesEditorView {
  readonly locale: Locale;
  /** The element's messages in its language. */
  t(key: Parameters<typeof msg>[1]): string;
  readonly draft: string;
  readonly errors: readonly DeductionRuleError[];
  /** Whether a pasted rule set is in use (then it can be reset). */
  readonly pasted: boolean;
  onInput(event: Event): void;
  onApply(): void;
  onReset(): void;
  onErrorSelect(): void;
}

export function renderRulesEditor(v: RulesEditorView): TemplateResult {
  const t = v.t;
  return html`<div part="rules-editor" id="rules-editor">
    <label for="rules-text">${t('rulesLabel')}</label>
    <p id="rules-help" class="note">${t('rulesHelp')}</p>
    <textarea id="rules-text" spellcheck="false" rows="14" aria-describedby="rules-help" aria-invalid=${v.errors.length ? 'true' : 'false'} .value=${v.draft} @input=${v.onInput}></textarea>
    <div class="actions">
      <button part="button" type="button" @click=${v.onApply}>${t('applyRules')}</button>
      ${v.pasted ? html`<button part="button" type="button" @click=${v.onReset}>${t('resetRules')}</button>` : nothing}
    </div>
    <wy-error-summary locale=${v.locale} .errors=${v.errors} @wy-error-select=${v.onErrorSelect}></wy-error-summary>
  </div>`;
}
