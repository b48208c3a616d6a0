import { html, type TemplateResult } from 'lit';
import type { DefectMessageKey } from '../defect-checklist.messages.js';

/** The view switcher (a tablist: arrow keys, Home and End move between the views). */
export function renderTabs<V extends string>(p: {
  readonly views: readonly V[];
  readonly active: V;
  readonly label: string;
  tab(view: V): string;
  onShow(view: V): void;
  onKey(e: KeyboardEvent): void;
}): TemplateResult {
  return html`<div part="tabs" role="tablist" aria-label=${p.label} @keydown=${p.onKey}>
    ${p.views.map(
      (v) => html`<button
        part="tab"
        role="tab"
        id=${`tab-${v}`}
        type="button"
        aria-selected=${p.active === v ? 'true' : 'false'}
        aria-controls="panel"
        tabindex=${p.active === v ? 0 : -1}
        data-view=${v}
        @click=${() => p.onShow(v)}
      >
        ${p.tab(v)}
      </button>`,
    )}
  </div>`;
}

/** Shown in place of a part still loading, or that failed to load (with a retry). */
export function renderPending(t: (key: DefectMessageKey) => string, failed: boolean, retry: () => void): TemplateResult {
  if (failed) {
    return html`<div class="load-failed" role="alert">
      <p>${t('load.failed')}</p>
      <button type="button" @click=${retry}>${t('load.retry')}</button>
    </div>`;
  }
  return html`<p class="muted" aria-busy="true">${t('load.loading')}</p>`;
}
