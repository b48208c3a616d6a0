import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { guard } from 'lit/directives/guard.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { isDraftExpired, localStorageDrafts, type Draft } from '../schema-form/drafts.js';
import { ContextConsumer } from '@lit/context';
import { pick, type Locale } from '../../core/i18n/locale.js';
import { vocabLabel } from '../../core/i18n/vocab-label.js';
import type { GeneratedValidator } from '../../generated/validator-types.js';
import { actionRefusals, type ActionRefusal, type AvailableAction } from '../../workflow/actions.js';
import { actionDefaults, checkTimes, timeRulesOf } from '../../workflow/action-defaults.js';
import type { ClockReadout } from '../../workflow/clocks.js';
import type { Engine } from '../../workflow/engine.js';
import { fieldsSchema } from '../../workflow/field-schemas.js';
import { clockLevelLabel, refusalMessage, refusalText } from '../../workflow/messages.js';
import type { Actor, AuditEntry, Effect, Snapshot, WorkflowDefinition, WorkflowEvent } from '../../workflow/types.js';
import type { JsonSchema } from '../../core/form/types.js';
import type { UiSchema } from '../../core/form/ui.js';
import { actorContext, engineContext } from '../shared/context.js';
import { LocalizeController } from '../shared/localize-controller.js';
import { WyEvent } from '../shared/events.js';
import { InnerEventsController } from '../shared/inner-events.js';
import { epochMs, type Instant } from '../../core/kernel/time.js';
import type { WySchemaForm } from '../schema-form/schema-form.component.js';
import { eventFieldsValidator } from './event-validator.js';
import { formatDuration, formatInstant, isoShanghai, stateTitle, timelineRows, type TimelineRow } from './format.js';
import { msg } from './workflow-panel.messages.js';
import { styles } from './workflow-panel.styles.js';
import { randomId } from '../../core/kernel/ids.js';

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
type Notice = { readonly tone: 'success' | 'warning' | 'error'; readonly text: string };
/** The action whose form (or confirm step) is open, with the command's idempotency key. */
interface OpenAction {
  readonly event: string;
  /** The action as offered when opened: a retry stays possible after a reload that no longer lists it. */
  readonly action: AvailableAction;
  readonly commandId: string;
  /** The instance version the user saw when they opened it: a newer one is a conflict. */
  readonly version: number;
  /** The value the form starts from (a kept draft); not updated while typing, so the form is never reset under the user. */
  readonly initial: unknown;
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
 * action without fields asks for confirmation. Events are sent with the actor, an idempotency key
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
 * @cssprop --wy-color-primary - Action buttons.
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
  @state() private validator?: GeneratedValidator<unknown>;
  @state() private sending = false;
  @state() private notice?: Notice;
  @state() private announcement = '';

  /** @ignore */
  private readonly localize = new LocalizeController(this);
  private readonly engineConsumer = new ContextConsumer(this, { context: engineContext, subscribe: true });
  private readonly actorConsumer = new ContextConsumer(this, { context: actorContext, subscribe: true });
  /** Kept drafts by event: what the user typed survives closing the form, refusals and conflicts. */
  private readonly drafts = new Map<string, unknown>();
  private bound?: { engine: Engine | undefined; instanceId: string | undefined; actor: Actor | undefined };
  private unsubscribe?: () => void;
  private timer?: ReturnType<typeof setInterval>;
  private loadToken = 0;
  private reopened?: string;
  private refusalMemo?: { snapshot: Snapshot; actor: Actor; list: readonly ActionRefusal[] };

  /** The engine in use: the property, else the provider's. */
  get currentEngine(): Engine | undefined {
    return this.engine ?? (this.engineConsumer.value as Engine | undefined);
  }

  /** The actor in use: the property, else the provider's. */
  get currentActor(): Actor | undefined {
    return this.actor ?? this.actorConsumer.value;
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
    const engine = this.currentEngine;
    const actor = this.currentActor;
    const b = this.bound;
    if (this.isConnected && (!b || b.engine !== engine || b.instanceId !== this.instanceId || b.actor !== actor)) {
      const sameInstance = b && b.engine === engine && b.instanceId === this.instanceId;
      this.bound = { engine, instanceId: this.instanceId, actor };
      if (!sameInstance) {
        this.unsubscribe?.();
        this.unsubscribe = undefined;
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

  private actionTitle(event: string): string {
    const a = this.actions.find((x) => x.event === event);
    return pick(a?.title, this.localize.locale) ?? pick(this.definition?.transitions.find((t) => t.event === event)?.title, this.localize.locale) ?? event;
  }

  private async openAction(action: AvailableAction): Promise<void> {
    if (!action.enabled || !this.snapshot || this.sending) return;
    if (this.open?.event === action.event) return;
    this.closeAction(false);
    this.notice = undefined;
    const defaults = action.schema ? { ...actionDefaults(action.schema, this.snapshot, this.currentActor, this.clockNow()), ...this.prefill?.[action.event] } : {};
    const initial = this.drafts.get(action.event) ?? (Object.keys(defaults).length ? defaults : undefined);
    const open: OpenAction = { event: action.event, action, commandId: newCommandId(), version: this.snapshot.version, initial };
    this.open = open;
    this.rememberOpen(action.event);
    if (action.fields) {
      try {
        const v = await eventFieldsValidator(action.fields);
        if (this.open === open) this.validator = v;
      } catch (err) {
        if (this.open === open) this.notice = { tone: 'error', text: msg(this.localize.locale, 'failed', { message: err instanceof Error ? err.message : String(err) }) };
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
    this.validator = undefined;
    if (returnFocus && event) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`button[data-event="${CSS.escape(event)}"]`)?.focus());
    }
  }

  private get form(): WySchemaForm | null {
    return this.renderRoot.querySelector('wy-schema-form');
  }

  /** Sends the open action's event; keeps what was typed unless the engine accepted it. */
  private async send(payload: unknown): Promise<void> {
    const open = this.open;
    const engine = this.currentEngine;
    const actor = this.currentActor;
    const id = this.instanceId;
    if (!open || !engine || !actor || !id || this.sending) return;
    const l = this.localize.locale;
    const title = this.actionTitle(open.event);
    const event: WorkflowEvent = { type: open.event, ...(payload === undefined ? {} : { payload }), commandId: open.commandId };
    this.sending = true;
    this.notice = undefined;
    this.announcement = msg(l, 'sending');
    try {
      const r = await engine.send(id, { ...event, expectedVersion: open.version }, actor);
      if (r.ok) {
        this.drafts.delete(open.event);
        await this.form?.clearDraft();
        this.rememberOpen(undefined);
        this.open = undefined;
        this.validator = undefined;
        const text = msg(l, 'done', { action: title, state: stateTitle(this.definition, r.snapshot.state, l) });
        this.notice = { tone: 'success', text };
        this.announcement = text;
        await this.reload();
        this.dispatchEvent(new WyTransitionEvent({ instance: r.snapshot, event, effects: r.effects }));
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('[part="state"]')?.focus();
        return;
      }
      const text = msg(l, 'refused', { action: title, reason: refusalMessage(r.code, l) });
      this.notice = { tone: 'error', text };
      this.announcement = text;
      if (r.errors?.length) this.form?.setErrors(r.errors.map((e) => ({ path: e.path, message: e.message })));
    } catch (err) {
      if (isConflict(err)) {
        await this.reload();
        const still = this.actions.find((a) => a.event === open.event && a.enabled);
        if (still && this.snapshot && this.open === open) {
          this.open = { ...open, action: still, version: this.snapshot.version };
          this.notice = { tone: 'warning', text: msg(l, 'conflict') };
        } else {
          if (this.open === open) this.closeAction(false);
          this.notice = { tone: 'warning', text: msg(l, 'conflictGone', { action: title }) };
        }
      } else {
        this.notice = { tone: 'error', text: msg(l, 'failed', { message: err instanceof Error ? err.message : String(err) }) };
      }
      this.announcement = this.notice.text;
    } finally {
      this.sending = false;
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
    if (this.open && def && this.snapshot) {
      const errors = checkTimes(timeRulesOf(def, this.snapshot, this.open.event), value, { now: this.clockNow(), previous: this.snapshot.updatedAt }, this.localize.locale);
      if (errors.length) {
        this.form?.setErrors(errors);
        this.notice = { tone: 'error', text: msg(this.localize.locale, 'refused', { action: this.actionTitle(this.open.event), reason: errors[0]!.message }) };
        this.announcement = this.notice.text;
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
    return html`<div part="base" class="panel">
      ${this.renderHeader(s, def, l)} ${this.renderClocks(l)} ${this.renderActions(s, def, l)} ${this.renderTimeline(def, l)}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  private renderMessage(text: string, alert = false): TemplateResult {
    return html`<div part="base" class="panel"><p class="message" role=${alert ? 'alert' : 'note'}>${text}</p></div>`;
  }

  private renderHeader(s: Snapshot, def: WorkflowDefinition | undefined, l: Locale): TemplateResult {
    const recordNo = typeof s.data['recordNo'] === 'string' ? s.data['recordNo'] : s.id;
    const final = def?.states.find((x) => x.id === s.state)?.final === true;
    // Not <header>: inside a page it would be a second banner landmark.
    return html`<div part="header" class="header">
      <h2 class="title">${pick(def?.title, l) ?? s.definitionId}${def?.document ? html` <span class="doc">${def.document}</span>` : nothing}</h2>
      <dl class="facts">
        <div><dt>${msg(l, 'instance')}</dt><dd>${recordNo}</dd></div>
        <div>
          <dt>${msg(l, 'state')}</dt>
          <dd><span part="state" class=${final ? 'state final' : 'state'} tabindex="-1">${stateTitle(def, s.state, l)}</span></dd>
        </div>
        ${s.handler ? html`<div><dt>${msg(l, 'handler')}</dt><dd>${s.handler.name}</dd></div>` : nothing}
        <div><dt>${msg(l, 'firstReceiver')}</dt><dd>${s.firstReceiver.name}</dd></div>
        ${this.renderRouting(s, l)}
      </dl>
    </div>`;
  }

  /** A complaint's routing (responsible unit and the rule's reason), as the record holds it. */
  private renderRouting(s: Snapshot, l: Locale): TemplateResult | typeof nothing {
    const r = s.data['routing'];
    if (r === null || typeof r !== 'object' || Array.isArray(r)) return nothing;
    const { unit, reason, department } = r as { unit?: unknown; reason?: unknown; department?: unknown };
    if (typeof unit !== 'string') return nothing;
    const unitText = vocabLabel('routingUnit', unit, l);
    const why = typeof reason === 'string' ? vocabLabel('routingReason', reason, l) : '';
    return html`<div part="routing">
      <dt>${msg(l, 'routing')}</dt>
      <dd>${unitText}${typeof department === 'string' && department ? ` · ${department}` : ''}${why ? html` <span class="why-route">${msg(l, 'routingWhy', { reason: why })}</span>` : nothing}</dd>
    </div>`;
  }

  private remainingText(ms: number | null, basis: 'business' | 'calendar', l: Locale): string {
    if (ms === null) return msg(l, 'notApplicable');
    const d = formatDuration(ms, l, { days: basis === 'calendar' });
    return ms < 0 ? `${msg(l, 'overdueBy')} ${d}` : `${msg(l, 'remaining')} ${d}`;
  }

  private renderClocks(l: Locale): TemplateResult {
    return html`<section class="section" aria-labelledby="clocks-title">
      <h3 id="clocks-title">${msg(l, 'clocks')}</h3>
      ${this.clocks.length === 0
        ? html`<p class="empty">${msg(l, 'noClocks')}</p>`
        : html`<ul part="clocks" class="clocks">
            ${this.clocks.map((c) => {
              const level = c.status === 'paused' ? 'paused' : c.level;
              const ratio = c.limitMs > 0 ? Math.min(1, Math.max(0, c.elapsedMs / c.limitMs)) : 0;
              return html`<li part="clock" class=${`clock ${level}`} data-level=${c.level} data-clock=${c.id}>
                <div class="clock-head">
                  <span class="clock-title">${pick(c.title, l)}</span>
                  <span part="clock-level" class="level"><span class="icon" aria-hidden="true"></span>${clockLevelLabel(c, l)}</span>
                </div>
                <dl class="clock-facts">
                  ${c.level === 'met' || c.level === 'missed'
                    ? // A stopped clock says how long it took (and by how much it was late), never a remaining time.
                      html`<div>
                        <dt>${msg(l, 'took')}</dt>
                        <dd class="took">
                          ${formatDuration(c.elapsedMs, l, { days: c.time === 'calendar' })}${c.level === 'missed'
                            ? html`（${msg(l, 'lateBy')} ${formatDuration(Math.max(0, c.elapsedMs - c.limitMs), l, { days: c.time === 'calendar' })}）`
                            : nothing}
                        </dd>
                      </div>`
                    : html`<div><dt>${msg(l, 'businessTime')}</dt><dd class="business">${this.remainingText(c.businessRemainingMs, 'business', l)}</dd></div>
                        <div><dt>${msg(l, 'calendarTime')}</dt><dd class="calendar">${this.remainingText(c.calendarRemainingMs, 'calendar', l)}</dd></div>`}
                  ${c.dueAt !== null && c.level !== 'met' && c.level !== 'missed'
                    ? html`<div><dt>${msg(l, 'due')}</dt><dd><time datetime=${isoShanghai(c.dueAt)}>${formatInstant(c.dueAt, l)}</time></dd></div>`
                    : nothing}
                  <div>
                    <dt>${msg(l, 'limit')}</dt>
                    <dd>${msg(l, c.time === 'business' ? 'businessTime' : 'calendarTime')} ${formatDuration(c.limitMs, l, { days: c.time === 'calendar' })}</dd>
                  </div>
                </dl>
                ${c.escalations > 0 ? html`<p class="escalated">${msg(l, 'escalations', { n: c.escalations, total: c.escalationSteps })}</p>` : nothing}
                <div class="bar" aria-hidden="true"><span style=${`inline-size: ${(ratio * 100).toFixed(1)}%`}></span></div>
              </li>`;
            })}
          </ul>`}
    </section>`;
  }

  private renderActions(s: Snapshot, def: WorkflowDefinition | undefined, l: Locale): TemplateResult {
    const final = def?.states.find((x) => x.id === s.state)?.final === true;
    const actor = this.currentActor;
    const open = this.open;
    let body: TemplateResult;
    if (final) body = html`<p class="empty">${msg(l, 'finalState')}</p>`;
    else if (!actor) body = html`<p class="empty">${msg(l, 'noActor')}</p>`;
    else if (!this.actions.length && !this.refusals(s, def, actor).length) body = html`<p class="empty">${msg(l, 'noActions')}</p>`;
    else {
      const refusals = new Map(this.refusals(s, def, actor).map((r) => [r.event, r]));
      // One list in definition order: what the actor may do, and beside it what they may not and why.
      const order = (event: string) => (def?.transitions.findIndex((t) => t.event === event) ?? 0) >>> 0;
      const items = [
        ...this.actions.filter((a) => !refusals.has(a.event)).map((a) => ({ event: a.event, a })),
        ...[...refusals.values()].map((r) => ({ event: r.event, r })),
      ].sort((x, y) => order(x.event) - order(y.event));
      body = html`<div part="actions" class="actions">
        ${items.map((item, i) => {
          if ('r' in item) {
            const r = item.r;
            return html`<div class="action-item refused">
              <button part="action" type="button" class="action" data-event=${r.event} data-reason=${r.reason} aria-disabled="true" aria-describedby=${`why-${i}`}>
                ${pick(r.title, l) ?? r.event}
              </button>
              <span part="refusal" class="why" id=${`why-${i}`}>${msg(l, 'unavailable', { reason: refusalText(r, def, l) })}</span>
            </div>`;
          }
          const a = item.a;
          const title = pick(a.title, l) ?? a.event;
          // The target state, unless the action is named after it (暂停 → 暂停).
          const targets = a.targets
            .filter((t) => t !== s.state)
            .map((t) => stateTitle(def, t, l))
            .filter((t) => t !== title);
          return html`<div class="action-item">
            <button
              part="action"
              type="button"
              class=${open?.event === a.event ? 'action current' : 'action'}
              data-event=${a.event}
              aria-expanded=${open?.event === a.event ? 'true' : 'false'}
              aria-controls=${open?.event === a.event ? 'action-panel' : nothing}
              aria-disabled=${a.enabled && !this.sending ? 'false' : 'true'}
              aria-describedby=${a.enabled ? nothing : `why-${i}`}
              @click=${() => void this.openAction(a)}
            >
              ${title}${targets.length ? html`<span class="target">${msg(l, 'leadsTo', { state: targets.join(' / ') })}</span>` : nothing}
            </button>
            ${a.enabled ? nothing : html`<span class="why" id=${`why-${i}`}>${msg(l, 'unavailable', { reason: refusalMessage(a.reason ?? 'guard-failed', l) })}</span>`}
          </div>`;
        })}
      </div>`;
    }
    return html`<section class="section" aria-labelledby="actions-title">
      <h3 id="actions-title">${msg(l, 'actions')}</h3>
      ${body}
      ${this.notice
        ? html`<div part="notice" class=${`notice ${this.notice.tone}`} role=${this.notice.tone === 'success' ? 'status' : 'alert'}>${this.notice.text}</div>`
        : nothing}
      ${open ? this.renderActionPanel(open.action, s, def, l) : nothing}
    </section>`;
  }

  /** Actions of the current state the actor cannot take now, with who may or what is missing. */
  private refusals(s: Snapshot, def: WorkflowDefinition | undefined, actor: Actor): readonly ActionRefusal[] {
    // Someone the workflow does not involve at all (an owner on a complaint) is not shown its steps.
    if (!def || !actor.roles.some((r) => def.roles.some((x) => x.id === r))) return [];
    if (this.refusalMemo?.snapshot === s && this.refusalMemo.actor === actor) return this.refusalMemo.list;
    const list = actionRefusals(def, s, actor, this.nowMs ?? Date.now());
    this.refusalMemo = { snapshot: s, actor, list };
    return list;
  }

  private renderActionPanel(a: AvailableAction, s: Snapshot, def: WorkflowDefinition | undefined, l: Locale): TemplateResult {
    const title = pick(a.title, l) ?? a.event;
    const cancel = html`<button type="button" class="secondary" slot="actions" ?disabled=${this.sending} @click=${() => this.closeAction(true)}>${msg(l, 'cancel')}</button>`;
    let content: TemplateResult;
    if (a.schema) {
      const ui: UiSchema = { submitLabel: msg(l, 'submitAction', { action: title }) };
      content = this.validator
        ? html`<wy-schema-form
            .schema=${a.schema as JsonSchema}
            .precompiled=${this.validator}
            .uiSchema=${ui}
            .value=${guard([this.open?.event, this.open?.commandId], () => this.open?.initial)}
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

  private schemaOf = (event: string): Readonly<Record<string, unknown>> | undefined => {
    const name = this.definition?.transitions.find((t) => t.event === event && t.fields)?.fields;
    if (!name) return undefined;
    try {
      return fieldsSchema(name);
    } catch {
      return undefined;
    }
  };

  private renderTimeline(def: WorkflowDefinition | undefined, l: Locale): TemplateResult {
    const rows = timelineRows(this.history, def, l, this.schemaOf);
    const newest = this.timelineOrder !== 'oldest';
    const ordered = newest ? [...rows].reverse() : rows;
    return html`<section class="section" aria-labelledby="timeline-title">
      <h3 id="timeline-title">${msg(l, 'timeline')}${newest ? html` <span class="order">(${msg(l, 'timelineOrder')})</span>` : nothing}</h3>
      ${rows.length === 0
        ? html`<p class="empty">${msg(l, 'noHistory')}</p>`
        : html`<ol part="timeline" class="timeline" ?reversed=${newest}>
            ${repeat(ordered, (r) => r.seq, (r) => this.renderEntry(r, l))}
          </ol>`}
    </section>`;
  }

  private renderEntry(r: TimelineRow, l: Locale): TemplateResult {
    // No `value` attribute: seq runs 1, 2, 3 … without gaps, so the list's own numbering (counting
    // down when reversed) is the seq, and Chromium renumbers a long list slowly on each `value`.
    return html`<li part="entry" class=${`entry ${r.kind}`} data-seq=${r.seq}><div class="entry-body">
      <div class="entry-head">
        <span class="entry-title">${r.title}</span>
        <time datetime=${isoShanghai(r.at)}>${formatInstant(r.at, l)}</time>
      </div>
      <div class="entry-who">${r.actor}${r.roles ? html`<span class="roles"> · ${r.roles}</span>` : nothing}</div>
      <div class=${r.moved ? 'entry-state moved' : 'entry-state'}>${r.stateText}</div>
      ${r.payload.length
        ? html`<span class="visually-hidden">${msg(l, 'changed')}</span>
            <dl class="entry-data">
            ${r.payload.map((p) => html`<div><dt>${p.label}</dt><dd>${p.value}</dd></div>`)}
          </dl>`
        : nothing}
      ${r.effects.length ? html`<ul class="entry-effects">${r.effects.map((e) => html`<li>${e}</li>`)}</ul>` : nothing}
    </div></li>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'wy-transition': WyTransitionEvent;
  }
}
