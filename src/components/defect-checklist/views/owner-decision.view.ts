import { html, nothing, type TemplateResult } from 'lit';
import { summaryStyles } from './summary.styles.js';
import { defectVocabLabel as vocabLabel, defectVocabOptions as vocabOptions } from '../../../core/defects/vocab.js';
import { shanghaiDate } from '../../../core/kernel/time.js';
import { checklistFieldLabel } from '../../../core/defects/checklist-labels.js';
import { OWNER_DECISION_LIMITS, type OwnerDecisionError, type OwnerDecisionInput } from '../../../core/defects/owner-decision.js';
// The rule itself, for the element to call once this module has loaded.
export { canDecideOwner, checkOwnerDecision } from '../../../core/defects/owner-decision.js';
import type { OwnerDecision } from '../../../core/defects/types.js';
import type { DefectMoreMessageKey } from '../defect-checklist.more-messages.js';
import { checkedOf, valueOf, type ViewContext } from './view-context.js';
import { tt } from '../defect-checklist.more-messages.js';

/** The owner's decision at move-in (是否收房), loaded on demand with the summary in move-in mode. */
export interface OwnerDecisionProps {
  readonly decision: OwnerDecision | undefined;
  readonly editing: boolean;
  readonly canDecide: boolean;
  /** Defects not closed yet. */
  readonly open: number;
  readonly draft: OwnerDecisionInput;
  readonly errors: Readonly<Partial<Record<'decision' | 'reason' | 'signature', OwnerDecisionError>>>;
  onChange(patch: Partial<OwnerDecisionInput>): void;
  onSubmit(e: Event): void;
  onEdit(): void;
}

const ERROR_TEXT: Readonly<Record<OwnerDecisionError, DefectMoreMessageKey>> = {
  choose: 'decision.choose',
  'reason-required': 'decision.reasonRequired',
  'signature-required': 'decision.signatureRequired',
  'too-long': 'decision.tooLong',
};

/** The recorded decision as one line (also what the element announces). */
export function decisionLine(c: ViewContext, d: OwnerDecision): string {
  return tt(c, 'decision.recorded', { decision: vocabLabel('defectOwnerDecision', d.decision, c.locale), name: d.signatureName, date: shanghaiDate(d.at) });
}

export function renderOwnerDecision(c: ViewContext, p: OwnerDecisionProps): TemplateResult {
  const d = p.decision;
  if (d && !p.editing) {
    return html`<section part="decision" aria-labelledby="decision-heading">
      <h3 id="decision-heading">${tt(c, 'decision.heading')}</h3>
      <p class=${`decision ${d.decision}`} data-decision=${d.decision}>${decisionLine(c, d)}</p>
      ${d.reason ? html`<p>${tt(c, 'decision.reasonLine', { reason: d.reason })}</p>` : nothing}
      ${p.canDecide ? html`<button type="button" @click=${p.onEdit}>${tt(c, 'decision.change')}</button>` : nothing}
    </section>`;
  }
  const err = (k: 'decision' | 'reason' | 'signature') => (p.errors[k] ? tt(c, ERROR_TEXT[p.errors[k]]) : '');
  return html`<section part="decision" aria-labelledby="decision-heading">
    <h3 id="decision-heading">${tt(c, 'decision.heading')}</h3>
    <p>${tt(c, 'decision.open', { open: p.open })}</p>
    ${p.canDecide
      ? html`<form @submit=${p.onSubmit} novalidate>
          <fieldset aria-describedby="decision-error" aria-invalid=${p.errors.decision ? 'true' : 'false'}>
            <legend>${tt(c, 'decision.legend')}</legend>
            ${vocabOptions('defectOwnerDecision', c.locale).map(
              (o) => html`<label class="check"><input type="radio" name="decision" value=${o.value} .checked=${p.draft.decision === o.value} @change=${(e: Event) => checkedOf(e) && p.onChange({ decision: o.value as 'accept' | 'refuse' })} />${o.label}</label>`,
            )}
            <p id="decision-error" class="error">${err('decision')}</p>
          </fieldset>
          <label for="decision-reason">${checklistFieldLabel('ownerDecision/reason', c.locale)}</label>
          <textarea id="decision-reason" rows="2" maxlength=${OWNER_DECISION_LIMITS.reason} .value=${p.draft.reason ?? ''} aria-invalid=${p.errors.reason ? 'true' : 'false'} aria-describedby="reason-error" @input=${(e: Event) => p.onChange({ reason: valueOf(e) })}></textarea>
          <p id="reason-error" class="error">${err('reason')}</p>
          <label for="decision-signature">${tt(c, 'decision.signature')}</label>
          <input id="decision-signature" type="text" maxlength=${OWNER_DECISION_LIMITS.signature} autocomplete="name" .value=${p.draft.signature ?? ''} aria-invalid=${p.errors.signature ? 'true' : 'false'} aria-describedby="signature-error" @input=${(e: Event) => p.onChange({ signature: valueOf(e) })} />
          <p id="signature-error" class="error">${err('signature')}</p>
          <button type="submit" class="primary">${tt(c, 'decision.submit')}</button>
        </form>`
      : html`<p class="muted">${tt(c, 'decision.notAllowed')}</p>`}
  </section>`;
}

/** Adopted by the element when this module loads. */
export const styles = [summaryStyles];
