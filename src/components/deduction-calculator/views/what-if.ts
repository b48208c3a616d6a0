// The what-if panel of <wy-deduction-calculator>: change one complaint's facts and see the effect
// on its points and its office's deduction, score and rating. Loaded when a user first opens it
// (../controllers/what-if.ts asks for it); a template over whatIfEffect() from core. It imports
// only types: what it shares with the report (messages, labels, the rule-line template) comes in
// through the view, so the report's chunk is not split into smaller shared chunks.
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../../../core/i18n/locale.js';
import type { BeforeAfter, WhatIfEffect } from '../../../core/deductions/view.js';
import type { DeductionFact, DeductionFacts, DeductionLine, DeductionRatingResult } from '../../../core/deductions/types.js';
import type { msg } from './messages.js';

export { styles } from './what-if.styles.js';

export interface WhatIfView {
  readonly locale: Locale;
  /** The element's messages in its language. */
  t(key: Parameters<typeof msg>[1], params?: Record<string, string | number>): string;
  /** The facts offered, as `WHAT_IF_CHOICES` / `WHAT_IF_FLAGS` (core), with their labels and options in the element's language. */
  readonly choices: readonly { readonly fact: DeductionFact; readonly label: string; readonly optional: boolean; readonly options: readonly { readonly value: string; readonly label: string }[] }[];
  readonly flags: readonly { readonly fact: DeductionFact; readonly label: string }[];
  formatPoints(points: number): string;
  renderLine(line: DeductionLine): TemplateResult;
  /** "office" or "staff member", in the element's language. */
  readonly who: string;
  /** The facts now in effect for the record: recorded, with the what-if patch applied. */
  readonly facts: DeductionFacts;
  readonly effect: WhatIfEffect;
  nameOf(key: string): string;
  onSelect(event: Event): void;
  onFlag(event: Event): void;
  onReset(): void;
  onClose(): void;
}

export function renderWhatIf(v: WhatIfView): TemplateResult {
  const { locale, effect, facts, t, formatPoints } = v;
  const name = effect.groupKey !== undefined ? v.nameOf(effect.groupKey) : '';
  const cell = <T>(x: BeforeAfter<T>, text: (value: T) => string) => html`<td class="num">${text(x.before)}</td><td class=${x.changed ? 'num changed' : 'num'}>${text(x.after)}</td>`;
  const rating = (r: DeductionRatingResult | null) => (r ? r.label[locale] : t('noRating'));
  const title = t('whatIfTitle', { recordNo: effect.recordNo });
  return html`<section part="what-if" aria-labelledby="what-if-title">
    <h3 id="what-if-title">${title}</h3>
    <p class="note">${t('whatIfHelp', { who: v.who })}</p>
    <fieldset>
      <legend class="visually-hidden">${title}</legend>
      ${v.choices.map(({ fact, label, optional, options }) => {
        const value = facts[fact as keyof DeductionFacts];
        return html`<label class="field">
          <span>${label}</span>
          <select data-fact=${fact} @change=${v.onSelect}>
            ${optional ? html`<option value="" ?selected=${value === null}>${fact === 'validity' ? t('validityPending') : t('none')}</option>` : nothing}
            ${options.map((o) => html`<option value=${o.value} ?selected=${value === o.value}>${o.label}</option>`)}
          </select>
        </label>`;
      })}
      ${v.flags.map(
        ({ fact, label }) => html`<label class="check">
          <input type="checkbox" data-fact=${fact} .checked=${facts[fact as keyof DeductionFacts] === true} @change=${v.onFlag} />
          ${label}
        </label>`,
      )}
    </fieldset>
    <table class="compare">
      <thead>
        <tr>
          <th scope="col"><span class="visually-hidden">${t('measure')}</span></th>
          <th scope="col" class="num">${t('before')}</th>
          <th scope="col" class="num">${t('after')}</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">${t('effectRecord')} · ${t('points')}</th>
          ${cell(effect.points, formatPoints)}
        </tr>
        <tr>
          <th scope="row">${name} · ${t('deducted')}</th>
          ${cell(effect.deducted, formatPoints)}
        </tr>
        <tr>
          <th scope="row">${name} · ${t('finalScore')}</th>
          ${cell(effect.finalScore, formatPoints)}
        </tr>
        <tr>
          <th scope="row">${name} · ${t('rating')}</th>
          ${cell(effect.rating, rating)}
        </tr>
      </tbody>
    </table>
    ${effect.lines.length ? html`<ul class="lines">${effect.lines.map((l) => v.renderLine(l))}</ul>` : nothing}
    <div class="actions">
      <button part="button" type="button" @click=${v.onReset}>${t('resetWhatIf')}</button>
      <button part="button" type="button" @click=${v.onClose}>${t('closeWhatIf')}</button>
    </div>
  </section>`;
}
