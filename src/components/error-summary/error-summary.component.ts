import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { ValidationError } from '../../core/errors.js';
import { t } from '../../core/i18n/ui-messages.js';
import { LocalizeController } from '../shared/localize-controller.js';
import { WyEvent } from '../shared/events.js';
import { styles } from './error-summary.styles.js';

/** Fired when the user picks an error in the summary; the form moves focus to that field. */
export class WyErrorSelectEvent extends WyEvent<{ readonly path: string }> {
  static readonly type = 'wy-error-select';
  constructor(path: string) {
    super(WyErrorSelectEvent.type, { path });
  }
}

/**
 * A list of validation problems shown at the top of a form. Each problem is a link; choosing it
 * fires `wy-error-select` with the field's path so the form can move focus there. Messages are
 * rendered as text, never as HTML.
 *
 * @tag wy-error-summary
 * @summary Validation problems at the top of a form, each linking to its field.
 *
 * @fires wy-error-select - The user chose a problem; `detail.path` is the field's JSON pointer.
 *
 * @csspart base - The alert box (focusable, so a form can move focus to it after a failed submit).
 * @csspart heading - The heading that counts the problems.
 * @csspart list - The list of problems.
 * @csspart item - One problem.
 *
 * @cssprop --wy-error-summary-color - Border, heading and link colour. Falls back to `--wy-color-danger`.
 * @cssprop --wy-error-summary-background - Background. Falls back to `--wy-color-danger-surface`.
 */
export class WyErrorSummary extends LitElement {
  static override styles = styles;

  /** The problems to list, as returned by `validate()`. Nothing renders when empty. */
  @property({ attribute: false }) errors: readonly ValidationError[] = [];

  /** Interface language (`zh-CN` or `en`); otherwise the closest `[lang]`, the provider, then zh-CN. */
  @property({ reflect: true }) locale?: string;

  /** @ignore */
  private readonly localize = new LocalizeController(this);

  /** Moves focus to the summary, so screen readers announce it after a failed submit. */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('[part="base"]')?.focus(options);
  }

  override render() {
    const errors = this.errors;
    if (!errors.length) return nothing;
    const locale = this.localize.locale;
    const title = errors.length === 1 ? t(locale, 'errorSummary.titleOne') : t(locale, 'errorSummary.title', { count: errors.length });
    return html`
      <div part="base" role="alert" tabindex="-1" aria-labelledby="heading">
        <h2 part="heading" id="heading">${title}</h2>
        <ul part="list">
          ${errors.map(
            (e) => html`<li part="item">
              <a href="#" data-path=${e.path} @click=${this.onSelect}>${e.message}</a>
            </li>`,
          )}
        </ul>
      </div>
    `;
  }

  private onSelect(event: MouseEvent): void {
    event.preventDefault();
    const path = (event.currentTarget as HTMLElement).dataset['path'] ?? '';
    const selected = new WyErrorSelectEvent(path);
    this.dispatchEvent(selected);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'wy-error-select': WyErrorSelectEvent;
  }
}
