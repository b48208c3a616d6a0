import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { canAssign } from '../../core/defects/transitions.js';
import type { Locale } from '../../core/i18n/locale.js';
import type { CommonProblems, Defect, DefectAction, DefectContractor, DefectHouse, OwnerDecision } from '../../core/defects/types.js';
import type { Lazy } from '../shared/lazy.js';
import type { Actor } from '../shared/context.js';
import type { Uploader } from '../shared/uploader.js';
import type { WyEvent } from '../shared/events.js';
import type { DefectMessageKey } from './defect-checklist.messages.js';
import type { EntryDraftController } from './controllers/entry-draft.js';
import type { ConfigController } from './controllers/config.js';
import { dispatchRenamed } from '../shared/events.js';
import type { ViewContext } from './views/view-context.js';

/**
 * What the checklist's parts (the views with their behaviour, the status changes, the export)
 * read from and call on the element: its properties, what is derived from them and a few
 * services. One object per element, made by the element; not public API.
 * @internal
 */
export interface ChecklistHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  // ——— properties (as set, or from context) ———
  readonly items: readonly Defect[];
  readonly mode: 'internal' | 'move-in';
  readonly house: DefectHouse | undefined;
  readonly readonly: boolean;
  readonly uploader: Uploader | undefined;
  readonly entryComplete: boolean;
  readonly newId: (() => string) | undefined;
  /** Move-in: the owner's recorded decision (the decision part records a new one). */
  ownerDecision: OwnerDecision | undefined;
  readonly actor: Actor | undefined;
  readonly contractors: readonly DefectContractor[];
  readonly locale: Locale;
  /** `now` as epoch ms (the current time when unset). */
  readonly nowMs: number;
  // ——— derived ———
  /** The common problems in force, and whether a host's list is still being checked. */
  readonly config: CommonProblems;
  readonly configPending: boolean;
  readonly canEnter: boolean;
  readonly canBulk: boolean;
  readonly draft: EntryDraftController;
  // ——— services ———
  t(key: DefectMessageKey, params?: Readonly<Record<string, string | number>>): string;
  context(): ViewContext;
  /** A module loaded on demand, or `undefined` while it loads (the element renders again then). */
  need<T>(lazy: Lazy<T>): T | undefined;
  /** What a part still loading (or failed, with a retry) shows. */
  pending(): TemplateResult;
  /** Sets the items and fires `wy-change`. */
  publish(items: readonly Defect[]): void;
  say(text: string): void;
  /** Dispatches an event of the element (and its deprecated twin `renamed`, if any). */
  fire(event: WyEvent<unknown>, renamed?: string): void;
  /** A status change asked for from a row (asks for a note first when the action takes one). */
  onAction(id: string, action: DefectAction): void;
  /** The row of a defect in the list now (-1 when it is not shown or the list is not loaded). */
  rowIndex(id: string): number;
}

/** The element's public properties the parts read (structurally, so this module needs no class). */
interface HostElement extends ReactiveControllerHost, EventTarget {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly items: readonly Defect[];
  readonly mode: string;
  readonly house?: DefectHouse | undefined;
  readonly readonly: boolean;
  readonly uploader?: Uploader | undefined;
  readonly entryComplete: boolean;
  readonly newId?: (() => string) | undefined;
  ownerDecision?: OwnerDecision | undefined;
}

/** The element's private state and services the parts use. */
export interface HostInternals extends Pick<ChecklistHost, 'draft' | 't' | 'context' | 'need' | 'pending' | 'publish' | 'say' | 'onAction' | 'rowIndex'> {
  actor(): Actor | undefined;
  contractors(): readonly DefectContractor[];
  locale(): Locale;
  nowMs(): number;
  common(): ConfigController;
  canEnter(): boolean;
}

/** The one live view of an element its parts get: getters over its properties and state. */
export function createChecklistHost(el: HostElement, x: HostInternals): ChecklistHost {
  return {
    ...x,
    addController: (c: ReactiveController) => el.addController(c),
    removeController: (c: ReactiveController) => el.removeController(c),
    requestUpdate: () => el.requestUpdate(),
    get updateComplete() {
      return el.updateComplete;
    },
    get renderRoot() {
      return el.renderRoot;
    },
    get items() {
      return el.items;
    },
    get mode() {
      return el.mode === 'move-in' ? 'move-in' : 'internal';
    },
    get house() {
      return el.house;
    },
    get readonly() {
      return el.readonly;
    },
    get uploader() {
      return el.uploader;
    },
    get entryComplete() {
      return el.entryComplete;
    },
    get newId() {
      return el.newId;
    },
    get ownerDecision() {
      return el.ownerDecision;
    },
    set ownerDecision(d: OwnerDecision | undefined) {
      el.ownerDecision = d;
    },
    get actor() {
      return x.actor();
    },
    get contractors() {
      return x.contractors();
    },
    get locale() {
      return x.locale();
    },
    get nowMs() {
      return x.nowMs();
    },
    get config(): CommonProblems {
      return x.common().config;
    },
    get configPending() {
      return x.common().pending;
    },
    get canEnter() {
      return x.canEnter();
    },
    get canBulk() {
      return !el.readonly && canAssign(x.actor());
    },
    fire: (event, renamed) => void (renamed ? dispatchRenamed(el, event, renamed) : el.dispatchEvent(event)),
  };
}
