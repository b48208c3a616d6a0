// What the actor may do: one button per action of the current state in definition order; an
// action they cannot take now stays in the list (aria-disabled) with the reason beside it, in
// words: which role may act, or which condition the record does not meet. Below, the outcome of
// the last action and the open action's form or confirm step.
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Locale } from '../../../core/i18n/locale.js';
import type { AvailableAction } from '../../../workflow/actions.js';
import type { ActionItemView, ActionsView, RefusalView } from '../../../workflow/panel-view.js';
import type { WorkflowDefinition } from '../../../workflow/types.js';
import { refusalMessage, refusalText } from '../../../workflow/messages.js';
import { msg } from '../workflow-panel.messages.js';

export type Notice = { readonly tone: 'success' | 'warning' | 'error'; readonly text: string };

export interface ActionsHost {
  /** The event whose form or confirm step is open. */
  readonly openEvent: string | undefined;
  readonly sending: boolean;
  readonly notice: Notice | undefined;
  /** The open action's panel (form or confirm step), rendered by the element. */
  readonly panel: TemplateResult | typeof nothing;
  onOpen(action: AvailableAction): void;
}

/** A refusal in words, in `l`. */
export function refusalWords(r: RefusalView, def: WorkflowDefinition | undefined, l: Locale): string {
  return r.code === 'role-not-allowed' || r.code === 'guard-failed' ? refusalText(r.refusal, def, l) : refusalMessage(r.code, l);
}

function renderItem(item: ActionItemView, i: number, def: WorkflowDefinition | undefined, l: Locale, host: ActionsHost): TemplateResult {
  const open = host.openEvent === item.event;
  const why = item.refusal ? `why-${i}` : undefined;
  const action = item.action;
  return html`<div class=${item.enabled ? 'action-item' : 'action-item refused'}>
    <button
      part="action"
      type="button"
      class=${open ? 'action current' : 'action'}
      data-event=${item.event}
      data-reason=${item.refusal?.code ?? nothing}
      aria-expanded=${item.enabled ? (open ? 'true' : 'false') : nothing}
      aria-controls=${open ? 'action-panel' : nothing}
      aria-disabled=${item.enabled && !host.sending ? 'false' : 'true'}
      aria-describedby=${why ?? nothing}
      @click=${() => (action && item.enabled ? host.onOpen(action) : undefined)}
    >
      ${item.title}${item.enabled && item.targets.length ? html`<span class="target">${msg(l, 'leadsTo', { state: item.targets.join(' / ') })}</span>` : nothing}
    </button>
    ${item.refusal ? html`<span part="refusal" class="why" id=${why!}>${msg(l, 'unavailable', { reason: refusalWords(item.refusal, def, l) })}</span>` : nothing}
  </div>`;
}

export function renderActions(view: ActionsView, def: WorkflowDefinition | undefined, l: Locale, host: ActionsHost): TemplateResult {
  let body: TemplateResult;
  if (view.kind === 'final') body = html`<p class="empty">${msg(l, 'finalState')}</p>`;
  else if (view.kind === 'view-only') body = html`<p class="empty">${msg(l, 'noActor')}</p>`;
  else if (view.kind === 'none') body = html`<p class="empty">${msg(l, 'noActions')}</p>`;
  // Keyed by event: a button keeps its action across reloads (a focused 生成问题清单 never turns
  // into the next state's 通知业主 under a keyboard user's finger); a gone action's button goes.
  else body = html`<div part="actions" class="actions">${repeat(view.items, (item) => item.event, (item, i) => renderItem(item, i, def, l, host))}</div>`;
  return html`<section class="section" aria-labelledby="actions-title">
    <h3 id="actions-title">${msg(l, 'actions')}</h3>
    ${body}
    ${host.notice ? html`<div part="notice" class=${`notice ${host.notice.tone}`} role=${host.notice.tone === 'success' ? 'status' : 'alert'}>${host.notice.text}</div>` : nothing}
    ${host.panel}
  </section>`;
}
