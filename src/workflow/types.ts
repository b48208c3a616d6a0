import type { Localized } from '../core/i18n/locale.js';

/** A JSONLogic expression: plain data, interpreted by `evaluate()` in logic.ts, never eval'd. */
export type Logic = unknown;

export interface RoleDef {
  readonly id: string;
  readonly title: Localized;
}

export interface StateDef {
  readonly id: string;
  readonly title: Localized;
  readonly final?: boolean;
  /**
   * While the instance is here, once every child instance it started is in a final state the
   * engine moves it to this state (a step that waits until all children are done).
   */
  readonly childrenDone?: string;
}

export type EffectDef =
  | { readonly type: 'notify'; readonly role: string; readonly message?: Localized; readonly when?: Logic }
  | { readonly type: 'assign'; readonly value: Logic; readonly when?: Logic }
  | { readonly type: 'set'; readonly path: string; readonly value: Logic; readonly when?: Logic }
  | { readonly type: 'unset'; readonly path: string; readonly when?: Logic }
  | { readonly type: 'merge'; readonly path?: string; readonly value: Logic; readonly when?: Logic }
  /** Starts one instance of `definition` per element of `items` (data for each from `input`, which sees `item`). */
  | { readonly type: 'start-children'; readonly definition: string; readonly items: Logic; readonly input?: Logic; readonly when?: Logic };

/** A date-time field of an event that may not be in the future, before the previous step, or in the past. */
export interface TimeRule {
  readonly field: string;
  readonly notAfter?: 'now';
  readonly notBefore?: 'now' | 'previous';
}

export interface TransitionDef {
  readonly event: string;
  readonly title: Localized;
  readonly from: readonly string[];
  /** Absent: the instance stays in its state. */
  readonly to?: string;
  readonly roles: readonly string[];
  readonly guard?: Logic;
  /** What the guard requires, in words, shown beside the action when the guard fails. */
  readonly unmet?: Localized;
  /** Time rules for date-time fields of the payload (checked by forms before sending). */
  readonly times?: readonly TimeRule[];
  /** A definition name in schemas/workflow-events.schema.json. */
  readonly fields?: string;
  readonly effects?: readonly EffectDef[];
}

export interface EscalationStep {
  readonly after: string;
  readonly action: 'notify' | 'reassign';
  readonly role: string;
}

export interface ClockDef {
  readonly id: string;
  readonly title: Localized;
  readonly start: readonly string[];
  readonly pause?: readonly string[];
  readonly stop: readonly string[];
  readonly limit: string;
  readonly time: 'business' | 'calendar';
  readonly warning?: number;
  readonly warn?: readonly string[];
  readonly escalation?: readonly EscalationStep[];
}

export interface MigrationDef {
  readonly from: number;
  readonly note?: Localized;
  readonly states?: Readonly<Record<string, string>>;
  readonly clocks?: Readonly<Record<string, string>>;
  readonly data?: readonly EffectDef[];
}

/** A workflow definition (schemas/workflow.schema.json). */
export interface WorkflowDefinition {
  readonly id: string;
  readonly version: number;
  readonly title: Localized;
  readonly document?: string;
  readonly dataSchema?: string;
  readonly firstReceiver?: string;
  readonly handler?: string;
  readonly immutable?: readonly string[];
  readonly starters?: readonly string[];
  readonly roles: readonly RoleDef[];
  readonly initial: string;
  readonly states: readonly StateDef[];
  readonly transitions: readonly TransitionDef[];
  readonly clocks?: readonly ClockDef[];
  readonly migrations?: readonly MigrationDef[];
}

/** Who acts, and a person as recorded on an instance (first receiver, handler): declared once, in the kernel. */
export type { Actor, Person } from '../core/kernel/people.js';
import type { Person } from '../core/kernel/people.js';

export type JsonObject = { readonly [key: string]: unknown };

/** One SLA clock of one instance. Times are epoch ms. */
export interface ClockState {
  readonly status: 'idle' | 'running' | 'paused' | 'stopped';
  /** Increments each time the clock starts from zero or resumes, so timer ids never repeat. */
  readonly epoch: number;
  /** Elapsed time before the current run, in the clock's basis (business or calendar ms). */
  readonly elapsedMs: number;
  /** When the current run began (running only). */
  readonly runningSince?: number;
  readonly limitMs: number;
  readonly startedAt?: number;
  readonly stoppedAt?: number;
  readonly warnedAt?: number;
  readonly breachedAt?: number;
  /** Escalation steps already taken since the breach. */
  readonly escalations: number;
}

/** The durable state of one instance; everything a store persists besides audit and timers. */
export interface Snapshot {
  readonly id: string;
  readonly definitionId: string;
  readonly definitionVersion: number;
  readonly state: string;
  /** Store version: 1 after start, +1 per commit. Used for optimistic concurrency. */
  readonly version: number;
  readonly data: JsonObject;
  readonly firstReceiver: Person;
  readonly handler?: Person;
  /** Set by a `reassign` escalation: the role now expected to pick the instance up. */
  readonly handlerRole?: string;
  readonly clocks: Readonly<Record<string, ClockState>>;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Number of audit entries so far; the next entry gets seq = auditCount + 1. */
  readonly auditCount: number;
}

/** An effect for the host to carry out (notifications) or that was applied (assign, set). */
export type Effect =
  | { readonly type: 'notify'; readonly role: string; readonly message?: Localized; readonly reason: 'transition' | 'warning' | 'breach' | 'escalation'; readonly clock?: string }
  | { readonly type: 'assign'; readonly handler: Person | undefined }
  | { readonly type: 'reassign'; readonly role: string; readonly clock: string }
  | { readonly type: 'set'; readonly path: string; readonly value: unknown }
  | { readonly type: 'unset'; readonly path: string }
  | { readonly type: 'merge'; readonly path: string; readonly value: JsonObject }
  /** The engine starts these children, linked to this instance (their data's `parent`). */
  | { readonly type: 'start-children'; readonly definition: string; readonly inputs: readonly JsonObject[] };

export type AuditKind = 'start' | 'transition' | 'timer' | 'migration';

/** One line of an instance's append-only history. */
export interface AuditEntry {
  readonly instanceId: string;
  /** 1, 2, 3 … with no gaps: the order of the history. */
  readonly seq: number;
  readonly at: number;
  readonly kind: AuditKind;
  readonly event: string;
  readonly from: string | null;
  readonly to: string;
  readonly actor: Person & { readonly roles: readonly string[] };
  readonly payload?: unknown;
  readonly effects: readonly Effect[];
  readonly commandId?: string;
  readonly definitionVersion: number;
  /** Migrations: the version migrated from. Timers: the timer id. */
  readonly note?: string;
}

/** `children`: resumes a start of child instances a crash interrupted (src/workflow/children.ts). */
export type TimerKind = 'warning' | 'breach' | 'escalation' | 'children';

/** A stored deadline. `tick(now)` fires it once when `dueAt <= now`. */
export interface Timer {
  /** Deterministic: instance, clock, epoch, kind and step; the idempotency key of its firing. */
  readonly id: string;
  readonly instanceId: string;
  readonly clock: string;
  readonly kind: TimerKind;
  /** Escalation step index (0-based) for kind `escalation`. */
  readonly step?: number;
  readonly dueAt: number;
}

/** Why transition() refused. */
export type RefusalCode =
  | 'unknown-event'
  | 'not-allowed-in-state'
  | 'role-not-allowed'
  | 'guard-failed'
  | 'missing-fields'
  | 'invalid-fields'
  | 'immutable-field'
  | 'final-state'
  | 'definition-mismatch'
  | 'invalid-effect'
  /** The event payload (or start data) is larger than the engine accepts. */
  | 'payload-too-large'
  /** A guard or effect rule needed more JSONLogic steps than its budget. */
  | 'logic-budget';

export interface Refusal {
  readonly ok: false;
  readonly code: RefusalCode;
  /** English, for logs; show users `refusalMessage(code, locale)` instead. */
  readonly message: string;
  readonly event: string;
  readonly state: string;
  /** Field errors for `invalid-fields` / `missing-fields` (paths inside the payload). */
  readonly errors?: readonly { readonly path: string; readonly keyword: string; readonly message: string }[];
}

export interface Accepted {
  readonly ok: true;
  readonly snapshot: Snapshot;
  readonly effects: readonly Effect[];
  readonly audit: AuditEntry;
  /** The transition that matched (the first in definition order whose guard passed). */
  readonly transition: TransitionDef;
}

export type TransitionResult = Accepted | Refusal;

/** An event sent to an instance. */
export interface WorkflowEvent {
  readonly type: string;
  readonly payload?: unknown;
  /** Idempotency key: the same command sent twice has one effect. */
  readonly commandId?: string;
}
