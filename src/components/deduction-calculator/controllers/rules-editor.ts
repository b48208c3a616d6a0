// The paste-a-rule-set panel of <wy-deduction-calculator>: open and close it, check and apply the
// pasted JSON (core's parseDeductionRules), go back to the given rules, say what happened in the
// live region and fire `wy-change`. Its template (../views/editor.ts) and the error summary load
// when it first opens.
import type { TemplateResult } from 'lit';
import { parseDeductionRules } from '../../../core/deductions/check.js';
import type { DeductionRuleError } from '../../../core/deductions/compile.js';
import { msg } from '../views/messages.js';
import type { DeductionModel } from './model.js';

const TEXT = '#rules-text';

export class RulesEditorController {
  open = false;
  /** The JSON in the textarea. */
  draft = '';
  /** The problems of the last draft the user tried to apply. */
  errors: readonly DeductionRuleError[] = [];

  constructor(private readonly model: DeductionModel) {}

  /** Opens (with the rule set in use as JSON, focused) or closes the panel. */
  toggle(): void {
    this.open = !this.open;
    if (this.open && !this.draft) this.draft = JSON.stringify(this.model.activeRules ?? {}, null, 2);
    this.model.host.requestUpdate();
    if (this.open) this.model.focusAfterUpdate(TEXT);
  }

  /** From the summary of unusable `rules`: opens the panel, or moves to its text. */
  readonly openAt = (): void => {
    if (!this.open) this.toggle();
    else this.focusDraft();
  };

  private readonly focusDraft = (): void => {
    this.model.host.renderRoot.querySelector<HTMLTextAreaElement>(TEXT)?.focus();
  };

  private readonly onInput = (e: Event): void => {
    this.draft = (e.target as HTMLTextAreaElement).value;
  };

  private readonly apply = (): void => {
    const m = this.model;
    const locale = m.locale;
    const parsed = parseDeductionRules(this.draft, { locale });
    if (!parsed.valid || !parsed.rules) {
      this.errors = parsed.errors;
      m.host.requestUpdate();
      m.services.announce(msg(locale, 'rulesRejected', { count: parsed.errors.length }));
      m.focusAfterUpdate('#rules-editor wy-error-summary');
      return;
    }
    this.errors = [];
    m.whatIf.clear();
    m.set({ pasted: parsed.rules });
    m.services.announce(msg(locale, 'rulesApplied', { name: parsed.rules.name[locale] }));
    void m.host.updateComplete.then(() => m.fireChange(false));
  };

  private readonly reset = (): void => {
    const m = this.model;
    this.errors = [];
    m.set({ pasted: undefined });
    this.draft = JSON.stringify(m.activeRules ?? {}, null, 2);
    void m.host.updateComplete.then(() => m.result && m.fireChange(false));
  };

  /** The panel, once its template and the error summary have loaded; nothing when closed. */
  render(): TemplateResult | undefined {
    if (!this.open) return undefined;
    const { need, parts } = this.model.services;
    const summary = need(parts.errorSummary);
    const view = need(parts.editor);
    if (!view || !summary) return undefined;
    const locale = this.model.locale;
    return view.renderRulesEditor({
      locale,
      t: (k) => msg(locale, k),
      draft: this.draft,
      errors: this.errors,
      pasted: this.model.pasted !== undefined,
      onInput: this.onInput,
      onApply: this.apply,
      onReset: this.reset,
      onErrorSelect: this.focusDraft,
    });
  }
}
