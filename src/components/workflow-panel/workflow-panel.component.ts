import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { isDraftExpired, localStorageDrafts, type Draft } from '../schema-form/drafts.js';
import { ContextConsumer } from '@lit/context';
import { pick, type Locale } from '../../core/i18n/locale.js';
import type { AvailableAction } from '../../workflow/actions.js';
import type { ClockReadout } from '../../workflow/clocks.js';
import type { Engine } from '../../workflow/engine.js';
import { refusalMessage } from '../../workflow/messages.js';
import { panelView, stateTitle } from '../../workflow/panel-view.js';
import type { Actor, AuditEntry, Effect, Snapshot, WorkflowDefinition, WorkflowEvent } from '../../workflow/types.js';
import type { JsonSchema } from '../../core/form/types.js';
import type { UiSchema } from '../../core/form/ui.js';
import { actorContext, engineContext, referenceContext, type ReferenceData } from '../shared/context.js';
import { LocalizeController } from '../shared/localize-controller.js';
import { AnnounceController } from '../shared/announce-controller.js';
import { WyEvent } from '../shared/events.js';
import { InnerEventsController } from '../shared/inner-events.js';
import { epochMs, type Instant } from '../../core/kernel/time.js';
import type { WySchemaForm } from '../schema-form/schema-form.component.js';
import type { ActionForm } from './action-form.js';
import type * as ActionFormLib from './action-form.js';
import type * as RecordLabelsModule from './record-labels.js';
import { msg } from './workflow-panel.messages.js';
import { styles } from './workflow-panel.styles.js';
import { randomId } from '../../core/kernel/ids.js';
import { renderHeader } from './views/header.js';
import { renderClocks } from './views/clocks.js';
import { renderActions, type Notice } from './views/actions.js';
import { renderTimeline } from './views/timeline.js';

type RecordLabels = typeof RecordLabelsModule;
type ActionFormModule = typeof ActionFormLib;
/** Loaded on demand: the form element, validators, UI schemas and pickers; the record's labels. */
const loadActionForm = () => import('./action-form.js');
let recordLabels: Promise<RecordLabels> | undefined;
const loadRecordLabels = () => (recordLabels ??= import('./record-labels.js').catch((err: unknown) => ((recordLabels = undefined), Promise.reject(err))));

/** What `wy-transition` carries: the instance after the event, the event sent, and the effects to carry out. */
export interface TransitionDetail {
  readonly instance: Snapshot;
  readonly event: WorkflowEvent;
  /** Notifications and other effects of the transition, for the host to carry out. */
  readonly effects: readonly Effect[];
}

/** Fired after the engine accepted an event sent from the panel. */
export class WyTransitionEvent extends WyEvent<TransitionDetail> {
  static readonly type = 'wy-transition';
  constructor(detail: TransitionDetail) {
    super(WyTransitionEvent.type, detail);
  }
}

type Status = 'idle' | 'loading' | 'ready' | 'missing' | 'error';
/** The action whose form (or confirm step) is open, with the command's idempotency key. */
interface OpenAction {
  readonly event: string;
  /** The action as offered when opened: a retry stays possible after a reload that no longer lists it. */
  readonly action: AvailableAction;
  readonly commandId: string;
  /** The instance version the user saw when they opened it: a newer one is a conflict. */
  readonly version: number;
}

/** A notice as data: its words are made in the language of the moment it is shown. */
interface Said {
  readonly tone: Notice['tone'];
  readonly words: (l: Locale) => string;
}

const LIVE_REFRESH_MS = 30_000;

const newCommandId = (): string => randomId('panel');

const isConflict = (err: unknown): boolean =>
  err instanceof Error && (err.name === 'ConflictError' || (err as { code?: unknown }).code === 'conflict');

/**
 * One workflow instance at a glance: its current state, each SLA clock (business and calendar
 * time left, warning and overdue in words, not colour alone), the actions the current actor may
 * take, and the audit timeline. An action with fields opens them as a `<wy-schema-form>`
 * (validated with the shipped precompiled validator, so it works under a CSP without eval); an
 * action without fields asks for confirmation. A person field (the handler of 派单, who replied) is a
 * picker of the staff of the record's office from the provider's `reference.staff`; without a
 * staff list it is typed as an ID and a name. Each event's form is laid out by
 * schemas/workflow-events.ui.json. The form, its validator and the record's labels load on demand:
 * showing an instance needs none of them. Events are sent with the actor, an idempotency key
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
 * @csspart state - The current state's name (takes focus after an action).
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
   * Reference data (`staff`: the people action forms offer as pickers); otherwise the provider's
   * `reference`. Without a staff list a person is typed as an ID and a name.
   */
  @property({ attribute: false }) reference?: ReferenceData;

  /** Interface language (`zh-CN` or `en`); otherwise the closest `[lang]`, the provider, then zh-CN. */
  @property({ reflect: true }) locale?: string;

  /**
   * The instant clocks are read at (epoch ms, a Date or an ISO string; for a fixed read-out in tests and stories).
   * Unset: the engine's clock, read again every 30 seconds while the panel is on the page.
   */
  @property({ attribute: false }) now?: Instant;

  /** `now` in epoch ms; undefined when unset or not an instant (then the engine's clock). */
  private get nowMs(): number | undefined {
    if (this.now === undefined) return undefined;
    const ms = epochMs(this.now);
    return Number.isFinite(ms) ? ms : undefined;
  }

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
  @state() private open?: OpenAction;
  /** The open action's form once its module, validator and pickers are ready. */
  @state() private form?: ActionForm;
  @state() private sending = false;
  /** The outcome of the last action, worded from its data at each render (it follows a language switch). */
  @state() private notice?: Said;
  /** The record's labels (field and vocabulary labels), once loaded. */
  @state() private labels?: RecordLabels;

  /** @ignore */
  private readonly localize = new LocalizeController(this);
  private readonly announcer = new AnnounceController(this);
  private readonly engineConsumer = new ContextConsumer(this, { context: engineContext, subscribe: true });
  private readonly actorConsumer = new ContextConsumer(this, { context: actorContext, subscribe: true });
  private readonly referenceConsumer = new ContextConsumer(this, { context: referenceContext, subscribe: true });
  /** Kept drafts by event: what the user typed survives closing the form, refusals and conflicts. */
  private readonly drafts = new Map<string, unknown>();
  private bound?: { engine: Engine | undefined; instanceId: string | undefined; actor: Actor | undefined };
  private unsubscribe?: () => void;
  private timer?: ReturnType<typeof setInterval>;
  private loadToken = 0;
  /** Bumped when the panel shows another instance: a send still in flight for the old one no longer touches the panel. */
  private instanceToken = 0;
  private reopened?: string;
  private formLib?: ActionFormModule;
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
        this.labels = await loadRecordLabels().catch(() => undefined);
      }
      if (token !== this.loadToken) return;
      this.snapshot = snapshot;
      this.history = history;
      this.actions = actions;
      this.clocks = clocks;
      this.loadError = undefined;
      this.status = 'ready';
      this.reopenRemembered();
    } catch (err) {
      if (token !== this.loadToken) return;
      this.loadError = err instanceof Error ? err : new Error(String(err));
      this.status = 'error';
    }
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
        this.instanceToken++;
        // Nothing of the previous instance carries over: its open action, its send in flight, its notice.
        this.sending = false;
        this.closeAction(false);
        this.notice = undefined;
        this.drafts.clear();
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

  // ── actions ───────────────────────────────────────────────────────────────────────────────

  private get definition(): WorkflowDefinition | undefined {
    return this.snapshot ? this.currentEngine?.definition(this.snapshot.definitionId) : undefined;
  }

  private actionTitle(event: string, l: Locale = this.localize.locale): string {
    const a = this.actions.find((x) => x.event === event);
    return pick(a?.title, l) ?? pick(this.definition?.transitions.find((t) => t.event === event)?.title, l) ?? event;
  }

  private async openAction(action: AvailableAction): Promise<void> {
    if (!action.enabled || !this.snapshot || this.sending) return;
    if (this.open?.event === action.event) return;
    this.closeAction(false);
    this.notice = undefined;
    const snapshot = this.snapshot;
    const open: OpenAction = { event: action.event, action, commandId: newCommandId(), version: snapshot.version };
    this.open = open;
    this.rememberOpen(action.event);
    if (action.schema) {
      try {
        const lib = (this.formLib ??= await loadActionForm());
        const form = await lib.actionForm({
          action,
          snapshot,
          definition: this.definition,
          actor: this.currentActor,
          now: this.clockNow(),
          prefill: this.prefill?.[action.event],
          draft: this.drafts.get(action.event),
          staff: this.currentReference?.staff,
        });
        if (this.open === open) this.form = form;
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        if (this.open === open) this.notice = { tone: 'error', words: (l) => msg(l, 'failed', { message }) };
      }
    }
    await this.updateComplete;
    if (this.open === open) this.renderRoot.querySelector<HTMLElement>('#action-title')?.focus();
  }

  private get openKey(): string | undefined {
    return this.draftKey && this.instanceId ? `${this.draftKey}:${this.instanceId}:open` : undefined;
  }

  private formDraftKey(event: string): string | undefined {
    return this.draftKey && this.instanceId ? `${this.draftKey}:${this.instanceId}:${event}` : undefined;
  }

  /** Which action form is open, so a reload opens it again (with its draft). */
  private rememberOpen(event: string | undefined): void {
    const key = this.openKey;
    if (!key) return;
    if (event) localStorageDrafts.save(key, { schemaId: 'wy-workflow-panel:open', savedAt: new Date().toISOString(), value: event });
    else localStorageDrafts.clear(key);
  }

  /** After a reload: the action that was open, if the actor may still take it. */
  private reopenRemembered(): void {
    const key = this.openKey;
    if (!key || this.open || this.reopened === key) return;
    this.reopened = key;
    const saved = localStorageDrafts.load(key) as Draft | undefined; // localStorage answers synchronously
    if (!saved || isDraftExpired(saved)) return;
    const action = this.actions.find((a) => a.event === saved.value && a.enabled);
    if (action) void this.openAction(action);
  }

  private closeAction(returnFocus: boolean): void {
    const event = this.open?.event;
    if (returnFocus) this.rememberOpen(undefined);
    this.open = undefined;
    this.form = undefined;
    if (returnFocus && event) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`button[data-event="${CSS.escape(event)}"]`)?.focus());
    }
  }

  private get formElement(): WySchemaForm | null {
    return this.renderRoot.querySelector('wy-schema-form');
  }

  private say(notice: Said): void {
    this.notice = notice;
    this.speak(notice.words(this.localize.locale));
  }

  private speak(text: string): void {
    this.spokenIn = this.localize.locale;
    this.announcer.announce(text);
  }

  /** Sends the open action's event; keeps what was typed unless the engine accepted it. */
  private async send(payload: unknown): Promise<void> {
    const open = this.open;
    const engine = this.currentEngine;
    const actor = this.currentActor;
    const id = this.instanceId;
    if (!open || !engine || !actor || !id || this.sending) return;
    const token = this.instanceToken;
    /** Still showing the instance this send is for (not switched to another one meanwhile). */
    const current = () => token === this.instanceToken;
    const l = this.localize.locale;
    const title = (l: Locale) => this.actionTitle(open.event, l);
    const event: WorkflowEvent = { type: open.event, ...(payload === undefined ? {} : { payload }), commandId: open.commandId };
    this.sending = true;
    this.notice = undefined;
    this.speak(msg(l, 'sending'));
    try {
      const r = await engine.send(id, { ...event, expectedVersion: open.version }, actor);
      if (!current()) {
        // The panel shows another instance now: the host still hears of the accepted event.
        if (r.ok) this.dispatchEvent(new WyTransitionEvent({ instance: r.snapshot, event, effects: r.effects }));
        return;
      }
      if (r.ok) {
        this.drafts.delete(open.event);
        await this.formElement?.clearDraft();
        if (!current()) return;
        this.rememberOpen(undefined);
        this.open = undefined;
        this.form = undefined;
        const def = this.definition;
        this.say({ tone: 'success', words: (l) => msg(l, 'done', { action: title(l), state: stateTitle(def, r.snapshot.state, l) }) });
        // Idle again before the host hears of it: a host that switches the panel to another instance
        // on wy-transition finds its actions enabled.
        this.sending = false;
        await this.reload();
        this.dispatchEvent(new WyTransitionEvent({ instance: r.snapshot, event, effects: r.effects }));
        await this.updateComplete;
        if (!current()) return;
        this.renderRoot.querySelector<HTMLElement>('[part="state"]')?.focus();
        return;
      }
      this.say({ tone: 'error', words: (l) => msg(l, 'refused', { action: title(l), reason: refusalMessage(r.code, l) }) });
      if (r.errors?.length) this.formElement?.setErrors(r.errors.map((e) => ({ path: e.path, message: e.message })));
    } catch (err) {
      if (!current()) return;
      if (isConflict(err)) {
        await this.reload();
        const still = this.actions.find((a) => a.event === open.event && a.enabled);
        if (still && this.snapshot && this.open === open) {
          this.open = { ...open, action: still, version: this.snapshot.version };
          this.say({ tone: 'warning', words: (l) => msg(l, 'conflict') });
        } else {
          if (this.open === open) this.closeAction(false);
          this.say({ tone: 'warning', words: (l) => msg(l, 'conflictGone', { action: title(l) }) });
        }
      } else {
        const message = err instanceof Error ? err.message : String(err);
        this.say({ tone: 'error', words: (l) => msg(l, 'failed', { message }) });
      }
    } finally {
      if (current()) this.sending = false;
    }
  }

  /** The instant forms are checked at: the `now` property, else the page clock. */
  private clockNow(): number {
    return this.nowMs ?? Date.now();
  }

  private onFormSubmit = (e: CustomEvent<{ value: unknown }> | Event): void => {
    e.stopPropagation();
    const value = (e as CustomEvent<{ value: unknown }>).detail.value;
    if (this.open) this.drafts.set(this.open.event, value);
    // Time rules of the definition (not in the future, not before the previous step): said at the field, nothing sent.
    const def = this.definition;
    const lib = this.formLib;
    if (this.open && def && this.snapshot && lib) {
      const errors = lib.checkTimes(lib.timeRulesOf(def, this.snapshot, this.open.event), value, { now: this.clockNow(), previous: this.snapshot.updatedAt }, this.localize.locale);
      if (errors.length) {
        this.formElement?.setErrors(errors);
        const event = this.open.event;
        const reason = errors[0]!.message; // the field's message, as the form shows it
        this.say({ tone: 'error', words: (l) => msg(l, 'refused', { action: this.actionTitle(event, l), reason }) });
        return;
      }
    }
    void this.send(value);
  };

  private onFormChange = (e: Event): void => {
    // The form's own wy-change is about the event's fields, not the host's data: keep it inside.
    e.stopPropagation();
    const value = (e as CustomEvent<{ value: unknown }>).detail.value;
    if (this.open) this.drafts.set(this.open.event, structuredClone(value));
  };

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
    if (!this.currentEngine) return this.renderMessage(msg(l, 'noEngine'));
    if (!this.instanceId) return this.renderMessage(msg(l, 'noInstance'));
    if (this.status === 'missing') return this.renderMessage(msg(l, 'unknownInstance', { id: this.instanceId }), true);
    if (this.status === 'error') {
      return html`<div part="base" class="panel">
        <div class="message error" role="alert">${msg(l, 'loadFailed', { message: this.loadError?.message ?? '' })}</div>
        <button type="button" class="secondary" @click=${() => void this.reload()}>${msg(l, 'retryLoad')}</button>
      </div>`;
    }
    const s = this.snapshot;
    if (!s || this.status !== 'ready') return html`<div part="base" class="panel" aria-busy="true"><p class="message" role="status">${msg(l, 'loading')}</p></div>`;
    const def = this.definition;
    const view = panelView({ definition: def, snapshot: s, actor: this.currentActor, actions: this.actions, clocks: this.clocks, history: this.history, locale: l, fieldSchema: this.fieldSchema, definitionOf: this.definitionOf });
    const open = this.open;
    return html`<div part="base" class="panel">
      ${renderHeader(view.header, view.steps, l, this.labels?.vocabLabel)} ${renderClocks(view.clocks, l)}
      ${renderActions(view.actions, def, l, {
        openEvent: open?.event,
        sending: this.sending,
        notice: this.notice && { tone: this.notice.tone, text: this.notice.words(l) },
        panel: open ? this.renderActionPanel(open.action, s, def) : nothing,
        onOpen: (a) => void this.openAction(a),
      })}
      ${renderTimeline(view.audit, this.timelineOrder, l)} ${this.announcer.render()}
    </div>`;
  }

  private renderMessage(text: string, alert = false): TemplateResult {
    return html`<div part="base" class="panel"><p class="message" role=${alert ? 'alert' : 'note'}>${text}</p></div>`;
  }

  private renderActionPanel(a: AvailableAction, s: Snapshot, def: WorkflowDefinition | undefined): TemplateResult {
    const l = this.localize.locale;
    const title = pick(a.title, l) ?? a.event;
    const cancel = html`<button type="button" class="secondary" slot="actions" ?disabled=${this.sending} @click=${() => this.closeAction(true)}>${msg(l, 'cancel')}</button>`;
    let content: TemplateResult;
    if (a.schema) {
      const f = this.form;
      content = f
        ? html`<wy-schema-form
            .schema=${f.schema as JsonSchema}
            .precompiled=${f.validator}
            .uiSchema=${guard([f, l], (): UiSchema => ({ ...f.ui, submitLabel: msg(l, 'submitAction', { action: title }) }))}
            .value=${guard([this.open?.event, this.open?.commandId, f], () => f.initial)}
            draft-key=${ifDefined(this.formDraftKey(a.event))}
            .locale=${l}
            ?disabled=${this.sending}
            @wy-submit=${this.onFormSubmit}
            @wy-change=${this.onFormChange}
            >${cancel}</wy-schema-form
          >`
        : html`<p class="message" role="status">${msg(l, 'loading')}</p>`;
    } else {
      const targets = a.targets.filter((t) => t !== s.state);
      content = html`<p class="confirm-text">
          ${targets.length ? msg(l, 'confirmMove', { state: targets.map((t) => stateTitle(def, t, l)).join(' / ') }) : msg(l, 'confirmStay', { state: stateTitle(def, s.state, l) })}
        </p>
        <div class="confirm-actions">
          <button part="confirm" type="button" class="primary" ?disabled=${this.sending} @click=${() => void this.send(undefined)}>${msg(l, 'confirm')}</button>
          ${cancel}
        </div>`;
    }
    return html`<div part="action-panel" id="action-panel" class="action-panel" role="group" aria-labelledby="action-title" aria-busy=${this.sending ? 'true' : 'false'}>
      <h4 id="action-title" tabindex="-1">${a.schema ? msg(l, 'formTitle', { action: title }) : msg(l, 'confirmTitle', { action: title })}</h4>
      ${content}
    </div>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'wy-transition': WyTransitionEvent;
  }
}
