// The panel's action flow, loaded when the actor has an action (or a remembered open form to
// bring back): which action is open, its form, sending with an idempotency key and the version
// the user saw, refusals, conflicts and failures as notices, drafts kept by event, focus after
// each step. The element's shell holds none of it; it renders `panel()` and reads `notice`.
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { isDraftExpired, localStorageDrafts, type Draft } from '../../schema-form/drafts.js';
import { pick, type Locale } from '../../../core/i18n/locale.js';
import type { AvailableAction } from '../../../workflow/actions.js';
import { refusalMessage } from '../../../workflow/messages.js';
import { stateTitle } from '../../../workflow/panel-view.js';
import type { Snapshot, WorkflowDefinition, WorkflowEvent } from '../../../workflow/types.js';
import type { JsonSchema } from '../../../core/form/types.js';
import type { UiSchema } from '../../../core/form/ui.js';
import { randomId } from '../../../core/kernel/ids.js';
import type { WySchemaForm } from '../../schema-form/schema-form.component.js';
import type { ActionForm } from '../action-form.js';
import { WyTransitionEvent } from '../workflow-panel.events.js';
import { msg } from '../workflow-panel.messages.js';
import { shellMsg } from '../shell.messages.js';
import { parts } from '../workflow-panel.lazy.js';
import type { FlowHost } from '../panel-host.js';
import type { Notice } from '../views/actions.js';
import { deepActiveElement, focusMovedFrom } from '../../shared/focus.js';

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

const isConflict = (err: unknown): boolean =>
  err instanceof Error && (err.name === 'ConflictError' || (err as { code?: unknown }).code === 'conflict');

export class ActionFlow {
  /** The open action. */
  open?: OpenAction;
  /** The open action's form once its module, validator and pickers are ready. */
  form?: ActionForm;
  sending = false;
  /** The outcome of the last action, worded from its data at each render (it follows a language switch). */
  private said?: Said;
  /** Kept drafts by event: what the user typed survives closing the form, refusals and conflicts. */
  private readonly drafts = new Map<string, unknown>();
  /** Bumped when the panel shows another instance: a send still in flight for the old one no longer touches the panel. */
  private instanceToken = 0;
  private reopened?: string;

  constructor(private readonly host: FlowHost) {}

  /** The last outcome in `l`. */
  notice(l: Locale): Notice | undefined {
    return this.said && { tone: this.said.tone, text: this.said.words(l) };
  }

  /** Another instance is shown: nothing of the previous one carries over (open action, send in flight, notice, drafts). */
  reset(): void {
    this.instanceToken++;
    this.sending = false;
    this.closeAction(false);
    this.said = undefined;
    this.drafts.clear();
    this.host.requestUpdate();
  }

  private actionTitle(event: string, l: Locale): string {
    const a = this.host.actions.find((x) => x.event === event);
    return pick(a?.title, l) ?? pick(this.host.definition?.transitions.find((t) => t.event === event)?.title, l) ?? event;
  }

  async openAction(action: AvailableAction): Promise<void> {
    const h = this.host;
    const snapshot = h.snapshot;
    if (!action.enabled || !snapshot || this.sending) return;
    if (this.open?.event === action.event) return;
    const focused = deepActiveElement();
    this.closeAction(false);
    this.said = undefined;
    const open: OpenAction = { event: action.event, action, commandId: randomId('panel'), version: snapshot.version };
    this.open = open;
    h.requestUpdate();
    this.rememberOpen(action.event);
    if (action.schema) {
      try {
        const lib = await parts.form.load();
        const form = await lib.actionForm({
          action,
          snapshot,
          definition: h.definition,
          actor: h.actor,
          now: h.clockNow(),
          prefill: h.prefill?.[action.event],
          draft: this.drafts.get(action.event),
          reference: h.reference,
        });
        if (this.open === open) this.form = form;
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        if (this.open === open) this.said = { tone: 'error', words: (l) => msg(l, 'failed', { message }) };
      }
      h.requestUpdate();
    }
    await h.updateComplete;
    // To the form's title, unless the user has moved on while it loaded (into the form, or elsewhere).
    if (this.open === open && !focusMovedFrom(focused)) h.renderRoot.querySelector<HTMLElement>('#action-title')?.focus();
  }

  private get openKey(): string | undefined {
    const h = this.host;
    return h.draftKey && h.instanceId ? `${h.draftKey}:${h.instanceId}:open` : undefined;
  }

  private formDraftKey(event: string): string | undefined {
    const h = this.host;
    return h.draftKey && h.instanceId ? `${h.draftKey}:${h.instanceId}:${event}` : undefined;
  }

  /** Which action form is open, so a reload opens it again (with its draft). */
  private rememberOpen(event: string | undefined): void {
    const key = this.openKey;
    if (!key) return;
    if (event) localStorageDrafts.save(key, { schemaId: 'wy-workflow-panel:open', savedAt: new Date().toISOString(), value: event });
    else localStorageDrafts.clear(key);
  }

  /** After a reload: the action that was open, if the actor may still take it. */
  reopenRemembered(): void {
    const key = this.openKey;
    if (!key || this.open || this.reopened === key) return;
    this.reopened = key;
    const saved = localStorageDrafts.load(key) as Draft | undefined; // localStorage answers synchronously
    if (!saved || isDraftExpired(saved)) return;
    const action = this.host.actions.find((a) => a.event === saved.value && a.enabled);
    if (action) void this.openAction(action);
  }

  closeAction(returnFocus: boolean): void {
    const event = this.open?.event;
    if (returnFocus) this.rememberOpen(undefined);
    this.open = undefined;
    this.form = undefined;
    this.host.requestUpdate();
    if (returnFocus && event) {
      const focused = deepActiveElement();
      void this.host.updateComplete.then(() => {
        if (!focusMovedFrom(focused)) this.host.renderRoot.querySelector<HTMLElement>(`button[data-event="${CSS.escape(event)}"]`)?.focus();
      });
    }
  }

  private get formElement(): WySchemaForm | null {
    return this.host.renderRoot.querySelector('wy-schema-form');
  }

  private say(notice: Said): void {
    this.said = notice;
    this.host.requestUpdate();
    this.host.speak(notice.words(this.host.locale));
  }

  /** Sends the open action's event; keeps what was typed unless the engine accepted it. */
  async send(payload: unknown): Promise<void> {
    const h = this.host;
    const open = this.open;
    const engine = h.engine;
    const actor = h.actor;
    const id = h.instanceId;
    if (!open || !engine || !actor || !id || this.sending) return;
    const token = this.instanceToken;
    /** Still showing the instance this send is for (not switched to another one meanwhile). */
    const current = () => token === this.instanceToken;
    const title = (l: Locale) => this.actionTitle(open.event, l);
    const event: WorkflowEvent = { type: open.event, ...(payload === undefined ? {} : { payload }), commandId: open.commandId };
    /** Where focus was when sent (the submit or confirm button): focus goes to the new state only if the user has not moved it since. */
    const focused = deepActiveElement();
    this.sending = true;
    this.said = undefined;
    h.requestUpdate();
    h.speak(msg(h.locale, 'sending'));
    try {
      const r = await engine.send(id, { ...event, expectedVersion: open.version }, actor);
      if (!current()) {
        // The panel shows another instance now: the host still hears of the accepted event.
        if (r.ok) h.dispatchEvent(new WyTransitionEvent({ instance: r.snapshot, event, effects: r.effects }));
        return;
      }
      if (r.ok) {
        this.drafts.delete(open.event);
        await this.formElement?.clearDraft();
        if (!current()) return;
        this.rememberOpen(undefined);
        this.open = undefined;
        this.form = undefined;
        const def = h.definition;
        this.say({ tone: 'success', words: (l) => msg(l, 'done', { action: title(l), state: stateTitle(def, r.snapshot.state, l) }) });
        // Idle again before the host hears of it: a host that switches the panel to another instance
        // on wy-transition finds its actions enabled.
        this.sending = false;
        await h.reload();
        h.dispatchEvent(new WyTransitionEvent({ instance: r.snapshot, event, effects: r.effects }));
        await h.updateComplete;
        if (!current()) return;
        // The new state takes focus (the form that had it is gone), unless the user, or the host on
        // wy-transition, has put it somewhere else meanwhile: a keyboard user already on the next
        // action must not land back on the state heading and press Enter on nothing.
        if (!focusMovedFrom(focused)) h.renderRoot.querySelector<HTMLElement>('[part="state"]')?.focus();
        return;
      }
      this.say({ tone: 'error', words: (l) => msg(l, 'refused', { action: title(l), reason: refusalMessage(r.code, l) }) });
      if (r.errors?.length) this.formElement?.setErrors(r.errors.map((e) => ({ path: e.path, message: e.message })));
    } catch (err) {
      if (!current()) return;
      if (isConflict(err)) {
        await h.reload();
        const still = h.actions.find((a) => a.event === open.event && a.enabled);
        const snapshot = h.snapshot;
        if (still && snapshot && this.open === open) {
          this.open = { ...open, action: still, version: snapshot.version };
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
      if (current()) {
        this.sending = false;
        h.requestUpdate();
      }
    }
  }

  private onFormSubmit = (e: Event): void => {
    e.stopPropagation();
    const value = (e as CustomEvent<{ value: unknown }>).detail.value;
    const h = this.host;
    if (this.open) this.drafts.set(this.open.event, value);
    // Time rules of the definition (not in the future, not before the previous step): said at the field, nothing sent.
    const def = h.definition;
    const snapshot = h.snapshot;
    const lib = parts.form.value;
    if (this.open && def && snapshot && lib) {
      const errors = lib.checkTimes(lib.timeRulesOf(def, snapshot, this.open.event), value, { now: h.clockNow(), previous: snapshot.updatedAt }, h.locale);
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

  /** The open action's form or confirm step; nothing when no action is open. */
  panel(s: Snapshot, def: WorkflowDefinition | undefined, l: Locale): TemplateResult | typeof nothing {
    const open = this.open;
    if (!open) return nothing;
    const a = open.action;
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
            .value=${guard([open.event, open.commandId, f], () => f.initial)}
            draft-key=${ifDefined(this.formDraftKey(a.event))}
            .locale=${l}
            ?disabled=${this.sending}
            @wy-submit=${this.onFormSubmit}
            @wy-change=${this.onFormChange}
            >${cancel}</wy-schema-form
          >`
        : html`<p class="message" role="status">${shellMsg(l, 'loading')}</p>`;
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
