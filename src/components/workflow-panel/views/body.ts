// The instance's overview, loaded while the engine answers: the view model (panelView), the
// header and steps, the actions with their refusals and the open action's panel. The clock
// cards and the timeline are separate modules, asked for here only when there is something to
// show in them (until they arrive their section says it is loading).
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../../../core/i18n/locale.js';
import type { AvailableAction } from '../../../workflow/actions.js';
import type { ClockReadout } from '../../../workflow/clocks.js';
import { panelView } from '../../../workflow/panel-view.js';
import type { Actor, AuditEntry, Snapshot, WorkflowDefinition } from '../../../workflow/types.js';
import type { Lazy } from '../../shared/lazy.js';
import type { ActionFlow } from '../controllers/action-flow.js';
import { parts } from '../workflow-panel.lazy.js';
import { msg } from '../workflow-panel.messages.js';
import { shellMsg } from '../shell.messages.js';
import { renderActions } from './actions.js';
import { renderHeader, type VocabLabel } from './header.js';

export { styles } from './body.styles.js';

export interface BodyInput {
  readonly definition: WorkflowDefinition | undefined;
  readonly snapshot: Snapshot;
  readonly actor: Actor | undefined;
  readonly actions: readonly AvailableAction[];
  readonly clocks: readonly ClockReadout[];
  readonly history: readonly AuditEntry[];
  readonly locale: Locale;
  readonly timelineOrder: 'newest' | 'oldest';
  readonly fieldSchema: (event: string) => Readonly<Record<string, unknown>> | undefined;
  readonly definitionOf: (id: string) => WorkflowDefinition | undefined;
  readonly vocabLabel: VocabLabel | undefined;
  /** The action flow, once loaded (asked for with `need(parts.flow)` when there are actions). */
  readonly flow: ActionFlow | undefined;
  /** Opens an action (loading the flow first when it is not there yet). */
  open(action: AvailableAction): void;
  /** The element's LazyController: a module, or undefined while it loads. */
  need<T>(lazy: Lazy<T>): T | undefined;
  /** The live region. */
  readonly announcer: TemplateResult;
}

/** A section whose module is on its way. */
const loadingSection = (id: string, title: string, l: Locale) =>
  html`<section class="section" aria-labelledby=${id} aria-busy="true"><h3 id=${id}>${title}</h3><p class="empty">${shellMsg(l, 'loading')}</p></section>`;

export function renderBody(p: BodyInput): TemplateResult {
  const l = p.locale;
  const def = p.definition;
  const s = p.snapshot;
  const view = panelView({ definition: def, snapshot: s, actor: p.actor, actions: p.actions, clocks: p.clocks, history: p.history, locale: l, fieldSchema: p.fieldSchema, definitionOf: p.definitionOf });
  const clocks = view.clocks.length ? p.need(parts.clocks) : undefined;
  const timeline = view.audit.length ? p.need(parts.timeline) : undefined;
  const flow = p.flow;
  return html`<div part="base" class="panel">
    ${renderHeader(view.header, view.steps, l, p.vocabLabel)}
    ${view.clocks.length === 0
      ? html`<section class="section" aria-labelledby="clocks-title"><h3 id="clocks-title">${msg(l, 'clocks')}</h3><p class="empty">${msg(l, 'noClocks')}</p></section>`
      : clocks
        ? clocks.renderClocks(view.clocks, l)
        : loadingSection('clocks-title', msg(l, 'clocks'), l)}
    ${renderActions(view.actions, def, l, {
      openEvent: flow?.open?.event,
      sending: flow?.sending ?? false,
      notice: flow?.notice(l),
      panel: flow ? flow.panel(s, def, l) : nothing,
      onOpen: (a) => p.open(a),
    })}
    ${view.audit.length === 0
      ? html`<section class="section" aria-labelledby="timeline-title"><h3 id="timeline-title">${msg(l, 'timeline')}</h3><p class="empty">${msg(l, 'noHistory')}</p></section>`
      : timeline
        ? timeline.renderTimeline(view.audit, p.timelineOrder, l)
        : loadingSection('timeline-title', msg(l, 'timeline'), l)}
    ${p.announcer}
  </div>`;
}
