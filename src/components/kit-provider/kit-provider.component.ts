import { LitElement, html, css } from 'lit';
import { property } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { matchLocale, type Locale } from '../../core/i18n/locale.js';
import { actorContext, engineContext, localeContext, referenceContext, storeContext, type Actor, type ReferenceData } from '../shared/context.js';

/**
 * Gives every wuye-kit element inside it the host portal's locale, store, actor and reference
 * data through context. A property set on an element itself wins over what the provider gives.
 *
 * @tag wy-kit-provider
 * @summary Supplies locale, store, actor and reference data to the elements inside it.
 *
 * @slot - The host's content, with wuye-kit elements anywhere inside.
 */
export class WyKitProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Interface language for everything inside: `zh-CN` (default) or `en`. Mirrored to `lang`. */
  @property() locale?: string;

  /** The host's store or engine adapter (submit hooks, workflow engine). */
  @provide({ context: storeContext })
  @property({ attribute: false })
  store: unknown;

  /** The workflow engine (`createEngine()` from wuye-kit/workflow) for workflow panels inside. */
  @provide({ context: engineContext })
  @property({ attribute: false })
  engine: unknown;

  /** The signed-in user: `{ id, name, roles }`. */
  @provide({ context: actorContext })
  @property({ attribute: false })
  actor?: Actor;

  /** Reference data: offices, contractors, … */
  @provide({ context: referenceContext })
  @property({ attribute: false })
  reference?: ReferenceData;

  @provide({ context: localeContext })
  protected resolvedLocale?: Locale;

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('locale')) {
      this.resolvedLocale = matchLocale(this.locale);
      // Elements resolve their language from the closest [lang]; mirroring the locale here makes
      // the provider win over <html lang> and tells screen readers the language of the content.
      if (this.resolvedLocale) this.setAttribute('lang', this.resolvedLocale);
      else if (changed.get('locale') !== undefined) this.removeAttribute('lang');
    }
  }

  override render() {
    return html`<slot></slot>`;
  }
}
