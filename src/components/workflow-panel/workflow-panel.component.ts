import { LitElement, html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import type { Locale } from '../../core/i18n/locale.js';
import type { AvailableAction } from '../../workflow/actions.js';
import type { ClockReadout } from '../../workflow/clocks.js';
import type { Engine } from '../../workflow/engine.js';
import type { Actor, AuditEntry, Snapshot, WorkflowDefinition } from '../../workflow/types.js';
import { actorContext, engineContext, referenceContext, type ReferenceData } from '../shared/context.js';
import { LocalizeController } from '../shared/localize-controller.js';
import { AnnounceController } from '../shared/announce-controller.js';
import { InnerEventsController } from '../shared/inner-events.js';
import { LazyController } from '../shared/lazy.js';
import { epochMs, type Instant } from '../../core/kernel/time.js';
import type { ActionFlow } from './controllers/action-flow.js';
import type { FlowHost } from './panel-host.js';
import { parts } from './workflow-panel.lazy.js';
import { shellMsg } from './shell.messages.js';
import { styles } from './workflow-panel.styles.js';

export { WyTransitionEvent, type TransitionDetail } from './workflow-panel.events.js';

type Status = 'idle' | 'loading' | 'ready' | 'missing' | 'error';
type RecordLabels = NonNullable<(typeof parts.labels)['value']>;

const LIVE_REFRESH_MS = 30_000;

/**
 * One workflow instance at a glance: its current state, each SLA clock (business and calendar
 * time left, warning and overdue in words, not colour alone), the actions the current actor may
 * take, and the audit timeline. An action with fields opens them as a `<wy-schema-form>`
 * (validated with the shipped precompiled validator, so it works under a CSP without eval); an
 * action without fields asks for confirmation. A person field (the handler of 派单, who replied) is a
 * picker of the staff of the record's office from the provider's `reference.staff`, a contractor
 * field (派单's repair contractor) of `reference.contractors`, each as the field's `picker` in the
 * event's UI schema says; without the list it is typed as an ID and a name. Each event's form is laid out by
 * schemas/workflow-events.ui.json. The element's entry is a thin shell (properties, loading, the
 * messages shown before anything is loaded); the overview, the clock cards, the timeline, the
 * action flow, the form with its validator and the record's labels load on demand
 * (workflow-panel.lazy.ts), each when there is something to show in it, and `updateComplete`
 * waits for what is shown. Events are sent with the actor, an idempotency key
 * (a retry after a failure never acts twice) and the version the user saw (a change by someone
 * else is reported and reloaded, never overwritten). What the user typed survives refusals,
 * conflicts and failures.
 *
 * The engine and actor come from `<wy-kit-provider>` (context) unless set on the element.
 * The timeline lists the newest entry first; times are shown in Asia/Shanghai.
 *
 * @tag wy-workflow-panel
 * @summary State, SLA clocks, allowed actions and audit timeline of one workflow instance.
 *
 * @fires wy-transition - The engine accepted an event sent from the panel; `detail` is `{ instance, event, effects }`.
 *
 * The events of the action forms inside (`wy-change`, `wy-submit`, `wy-invalid`, `wy-error`,
 * `wy-error-select`) end at the panel's shadow root: what the host hears is `wy-transition`.
 *
 * @csspart base - The panel.
 * @csspart header - Title, record number, state, handler and first receiver.
 * @csspart steps - The states the instance went through, oldest first (the last is the current one).
 * @csspart state - The current state's name (takes focus after an action, unless the user has moved focus meanwhile, and when a reload takes away the focused action).
 * @csspart clocks - The list of SLA clocks.
 * @csspart clock - One clock; `data-level` is idle, ok, warning, overdue, met or missed.
 * @csspart clock-level - A clock's level in words.
 * @csspart actions - The row of action buttons.
 * @csspart action - One action button.
 * @csspart action-panel - The open action's form or confirm step.
 * @csspart confirm - The confirm button of an action without fields.
 * @csspart routing - A complaint's responsible unit and the routing rule's reason, in the header.
 * @csspart refusal - Beside a disabled action: which role may act, or which condition the record does not meet.
 * @csspart notice - The outcome of the last action (done, refused, conflict, failure).
 * @csspart timeline - The audit timeline (an ordered list).
 * @csspart entry - One audit entry.
 *
 * @cssprop --wy-workflow-panel-gap - Space between the sections. Falls back to `--wy-space-l`.
 * @cssprop --wy-workflow-panel-warning - Colour of a clock that is due soon. Falls back to `--wy-color-warning`.
 * @cssprop --wy-workflow-panel-overdue - Colour of an overdue or missed clock. Falls back to `--wy-color-danger`.
 * @cssprop --wy-color-primary - Action buttons and the current step.
 */
export class WyWorkflowPanel extends LitElement {
  static override styles = styles;

  constructor() {
    super();
    // The action forms' own events are not the panel's API: they end at its shadow root.
    new InnerEventsController(this, ['wy-change', 'wy-submit', 'wy-invalid', 'wy-error', 'wy-error-select']);
  }

  /** The workflow instance to show. */
  @property({ attribute: 'instance-id' }) instanceId?: string;

  /** The workflow engine (`createEngine()`); otherwise the one a `<wy-kit-provider>` gives. */
  @property({ attribute: false }) engine?: Engine;

  /** Who acts (`{ id, name, roles }`); otherwise the provider's actor. Without one the panel is view-only. */
  @property({ attribute: false }) actor?: Actor;

  /**
   * Reference data (`staff`, `contractors`: the lists action forms offer as pickers, field by field
   * as the event's UI schema says); otherwise the provider's `reference`. Without a list its fields
   * are typed as an ID and a name.
   */
  @property({ attribute: false }) reference?: ReferenceData;

  /** Interface language (`zh-CN` or `en`); otherwise the closest `[lang]`, the provider, then zh-CN. */
  @property({ reflect: true }) locale?: string;

  /**
   * The instant clocks are read at (epoch ms, a Date or an ISO string; for a fixed read-out in tests and stories).
   * Unset: the engine's clock, read again every 30 seconds while the panel is on the page.
   */
  @property({ attribute: false }) now?: Instant;

  /**
   * Values an action's form starts with, by event (`{ 'generate-list': { count: 12 } }`): what the
   * host knows and the record does not (a checklist's counts). Over the panel's own defaults (the
   * record's values under the same name, the actor as `by`, now as `at`); a kept draft wins.
   */
  @property({ attribute: false }) prefill?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;

  /**
   * Keeps what is typed in an action form across reloads: the form's draft under
   * `<draft-key>:<instance>:<event>` (and which action was open), restored with a notice and a
   * discard button, dropped after sending or after the form's `draft-max-age-days`.
   */
  @property({ attribute: 'draft-key' }) draftKey?: string;

  /** Timeline order: `newest` first (default) or `oldest` first. */
  @property({ attribute: 'timeline-order' }) timelineOrder: 'newest' | 'oldest' = 'newest';

  @state() private status: Status = 'idle';
  @state() private loadError?: Error;
  @state() private snapshot?: Snapshot;
  @state() private history: readonly AuditEntry[] = [];
  @state() private actions: readonly AvailableAction[] = [];
  @state() private clocks: readonly ClockReadout[] = [];
  /** The record's labels (field and vocabulary labels), once loaded. */
  @state() private labels?: RecordLabels;

  /** @ignore */
  private readonly localize = new LocalizeController(this);
  private readonly announcer = new AnnounceController(this);
  private readonly lazy = new LazyController(this);
  private readonly engineConsumer = new ContextConsumer(this, { context: engineContext, subscribe: true });
  private readonly actorConsumer = new ContextConsumer(this, { context: actorContext, subscribe: true });
  private readonly referenceConsumer = new ContextConsumer(this, { context: referenceContext, subscribe: true });
  private bound?: { engine: Engine | undefined; instanceId: string | undefined; actor: Actor | undefined };
  private unsubscribe?: () => void;
  private timer?: ReturnType<typeof setInterval>;
  private loadToken = 0;
  /** The action flow (controllers/action-flow.ts), made once its module is loaded. */
  private flow?: ActionFlow;
  /** The language the live region's words are in: after a switch they are cleared (not said again). */
  private spokenIn?: Locale;

  /** The engine in use: the property, else the provider's. */
  get currentEngine(): Engine | undefined {
    return this.engine ?? (this.engineConsumer.value as Engine | undefined);
  }

  /** The actor in use: the property, else the provider's. */
  get currentActor(): Actor | undefined {
    return this.actor ?? this.actorConsumer.value;
  }

  private get currentReference(): ReferenceData | undefined {
    return this.reference ?? this.referenceConsumer.value;
  }

  /** `now` in epoch ms; undefined when unset or not an instant (then the engine's clock). */
  private get nowMs(): number | undefined {
    if (this.now === undefined) return undefined;
    const ms = epochMs(this.now);
    return Number.isFinite(ms) ? ms : undefined;
  }

  /** Loads the instance again (state, actions, clocks, timeline). */
  async reload(): Promise<void> {
    const engine = this.currentEngine;
    const id = this.instanceId;
    const token = ++this.loadToken;
    if (!engine || !id) {
      this.status = 'idle';
      this.snapshot = undefined;
      return;
    }
    if (this.snapshot?.id !== id) this.status = 'loading';
    // The views an instance shows load while the engine answers (every instance has a history;
    // the action flow only matters to an actor).
    for (const part of [parts.body, parts.clocks, parts.timeline]) this.lazy.prefetch(part);
    if (this.currentActor) this.lazy.prefetch(parts.flow);
    try {
      const snapshot = await engine.get(id);
      if (token !== this.loadToken) return;
      if (!snapshot) {
        this.status = 'missing';
        this.snapshot = undefined;
        this.history = [];
        this.actions = [];
        this.clocks = [];
        return;
      }
      const actor = this.currentActor;
      const [history, actions, clocks] = await Promise.all([
        engine.history(id),
        actor ? engine.availableActions(snapshot, actor) : Promise.resolve([]),
        engine.clocks(snapshot, this.nowMs),
      ]);
      // The record's labels are fetched only when there is something to label.
      if (!this.labels && (snapshot.data['routing'] !== undefined || history.some((a) => a.kind === 'transition' && a.payload !== undefined))) {
        this.labels = await parts.labels.load().catch(() => undefined);
      }
      // A remembered open form comes back after a reload: the flow is needed before the first paint of the actions.
      const flow = actions.length && this.draftKey ? await this.loadFlow().catch(() => undefined) : this.flow;
      if (token !== this.loadToken) return;
      this.snapshot = snapshot;
      this.history = history;
      this.actions = actions;
      this.clocks = clocks;
      this.loadError = undefined;
      this.status = 'ready';
      flow?.reopenRemembered();
    } catch (err) {
      if (token !== this.loadToken) return;
      this.loadError = err instanceof Error ? err : new Error(String(err));
      this.status = 'error';
    }
  }

  private async loadFlow(): Promise<ActionFlow> {
    const m = await parts.flow.load();
    return (this.flow ??= new m.ActionFlow(this.flowHost()));
  }

  /** Opens an action; a click before the flow's module arrived waits for it (a failed import shows a retry). */
  private openAction(action: AvailableAction): void {
    const flow = this.loadFlow();
    this.lazy.track(flow);
    flow.then((f) => f.openAction(action)).catch(() => {});
  }

  /** What the action flow sees of the panel, read when asked. */
  private flowHost(): FlowHost {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the getters below read the element's current state
    const p = this;
    return {
      get renderRoot() {
        return p.renderRoot;
      },
      get updateComplete() {
        return p.updateComplete;
      },
      requestUpdate: () => p.requestUpdate(),
      dispatchEvent: (e) => p.dispatchEvent(e),
      get instanceId() {
        return p.instanceId;
      },
      get draftKey() {
        return p.draftKey;
      },
      get prefill() {
        return p.prefill;
      },
      get engine() {
        return p.currentEngine;
      },
      get actor() {
        return p.currentActor;
      },
      get reference() {
        return p.currentReference;
      },
      get snapshot() {
        return p.snapshot;
      },
      get actions() {
        return p.actions;
      },
      get definition() {
        return p.definition;
      },
      get locale() {
        return p.localize.locale;
      },
      clockNow: () => p.nowMs ?? Date.now(),
      speak: (text) => p.speak(text),
      reload: () => p.reload(),
    };
  }

  private speak(text: string): void {
    this.spokenIn = this.localize.locale;
    this.announcer.announce(text);
  }

  // ── lifecycle ─────────────────────────────────────────────────────────────────────────────

  override connectedCallback(): void {
    super.connectedCallback();
    this.startLiveClock();
    // Reconnected: willUpdate subscribes again and reloads.
    if (!this.bound) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.bound = undefined;
    this.stopLiveClock();
  }

  /** Waits for the views and modules what is shown needs, not only for the render. */
  protected override async getUpdateComplete(): Promise<boolean> {
    return this.lazy.settled(() => super.getUpdateComplete());
  }

  /**
   * A reload that takes away the action button the user is on (someone else moved the record on)
   * hands focus to the current state, which says what happened, instead of dropping it to the page.
   */
  protected override update(changed: PropertyValues<this>): void {
    const focused = (this.renderRoot as ShadowRoot).activeElement;
    super.update(changed);
    if (focused && !focused.isConnected && focused.matches('[part="action"]')) this.renderRoot.querySelector<HTMLElement>('[part="state"]')?.focus();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (this.spokenIn && this.spokenIn !== this.localize.locale) {
      this.spokenIn = undefined;
      this.announcer.announce('');
    }
    const engine = this.currentEngine;
    const actor = this.currentActor;
    const b = this.bound;
    if (this.isConnected && (!b || b.engine !== engine || b.instanceId !== this.instanceId || b.actor !== actor)) {
      const sameInstance = b && b.engine === engine && b.instanceId === this.instanceId;
      this.bound = { engine, instanceId: this.instanceId, actor };
      if (!sameInstance) {
        this.unsubscribe?.();
        this.unsubscribe = undefined;
        // Nothing of the previous instance carries over: its open action, its send in flight, its notice.
        this.flow?.reset();
        const id = this.instanceId;
        if (engine && id) this.unsubscribe = engine.subscribe(() => void this.reload(), { instanceId: id });
      }
      void this.reload();
    }
    if (changed.has('now')) {
      if (this.now === undefined) this.startLiveClock();
      else this.stopLiveClock();
      if (changed.get('now') !== undefined || this.now !== undefined) void this.refreshClocks();
    }
  }

  private startLiveClock(): void {
    if (this.timer !== undefined || this.now !== undefined || !this.isConnected) return;
    this.timer = setInterval(() => void this.refreshClocks(), LIVE_REFRESH_MS);
  }

  private stopLiveClock(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async refreshClocks(): Promise<void> {
    const engine = this.currentEngine;
    const snapshot = this.snapshot;
    if (!engine || !snapshot) return;
    try {
      const clocks = await engine.clocks(snapshot, this.nowMs);
      if (this.snapshot === snapshot) this.clocks = clocks;
    } catch {
      /* the next reload reports it */
    }
  }

  private get definition(): WorkflowDefinition | undefined {
    return this.snapshot ? this.currentEngine?.definition(this.snapshot.definitionId) : undefined;
  }

  // ── rendering ─────────────────────────────────────────────────────────────────────────────

  /** The schema of an event's fields, for the timeline's labels (once the record labels are loaded). */
  private fieldSchema = (event: string): Readonly<Record<string, unknown>> | undefined => {
    const name = this.definition?.transitions.find((t) => t.event === event && t.fields)?.fields;
    if (!name || !this.labels) return undefined;
    try {
      return this.labels.fieldsSchema(name);
    } catch {
      return undefined;
    }
  };

  /** Another definition by id (a child's), from the engine. */
  private definitionOf = (id: string): WorkflowDefinition | undefined => {
    try {
      return this.currentEngine?.definition(id);
    } catch {
      return undefined;
    }
  };

  override render() {
    const l = this.localize.locale;
    if (!this.currentEngine) return this.renderMessage(shellMsg(l, 'noEngine'));
    if (!this.instanceId) return this.renderMessage(shellMsg(l, 'noInstance'));
    if (this.status === 'missing') return this.renderMessage(shellMsg(l, 'unknownInstance', { id: this.instanceId }), true);
    if (this.status === 'error') return this.renderFailure(shellMsg(l, 'loadFailed', { message: this.loadError?.message ?? '' }), shellMsg(l, 'retryLoad'), () => void this.reload());
    if (this.lazy.failed) return this.renderFailure(shellMsg(l, 'partFailed'), shellMsg(l, 'retryPart'), () => this.lazy.retry());
    const s = this.snapshot;
    const body = s && this.status === 'ready' ? this.lazy.need(parts.body) : undefined;
    if (!s || !body) return html`<div part="base" class="panel" aria-busy="true"><p class="message" role="status">${shellMsg(l, 'loading')}</p></div>`;
    if (this.actions.length && !this.flow) {
      const m = this.lazy.need(parts.flow);
      if (m) this.flow = new m.ActionFlow(this.flowHost());
    }
    return body.renderBody({
      definition: this.definition,
      snapshot: s,
      actor: this.currentActor,
      actions: this.actions,
      clocks: this.clocks,
      history: this.history,
      locale: l,
      timelineOrder: this.timelineOrder,
      fieldSchema: this.fieldSchema,
      definitionOf: this.definitionOf,
      vocabLabel: this.labels?.vocabLabel,
      flow: this.flow,
      open: (a) => this.openAction(a),
      need: (lazy) => this.lazy.need(lazy),
      announcer: this.announcer.render(),
    });
  }

  private renderMessage(text: string, alert = false): TemplateResult {
    return html`<div part="base" class="panel"><p class="message" role=${alert ? 'alert' : 'note'}>${text}</p></div>`;
  }

  private renderFailure(text: string, retry: string, onRetry: () => void): TemplateResult {
    return html`<div part="base" class="panel">
      <div class="message error" role="alert">${text}</div>
      <button type="button" class="secondary" @click=${onRetry}>${retry}</button>
    </div>`;
  }
}
