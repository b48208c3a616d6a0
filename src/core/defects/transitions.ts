import type { Defect, DefectAction, DefectActor, DefectInspectionMode, DefectRole, DefectStatus, DefectStep } from './types.js';

/**
 * One status change a defect can make: from which statuses, to which, and who may do it.
 * The table is data so a host backend can run the very same rules the element shows.
 */
export interface DefectTransition {
  readonly action: DefectAction;
  readonly from: readonly DefectStatus[];
  readonly to: DefectStatus;
  readonly roles: readonly DefectRole[];
  /** A note is required (a rejection, a dispute…), or optional. */
  readonly note: 'required' | 'optional';
  /** A responsible contractor must be assigned first. */
  readonly needsContractor?: boolean;
  /**
   * A re-inspection: the actor must be neither the responsible contractor nor the person who
   * reported the repair done, so nobody passes their own work.
   */
  readonly independent?: boolean;
}

/**
 * The defect life cycle (内部验房 / 入伙验收 → 生成问题清单 → 整改 → 复验 → 关闭问题):
 * open → in repair → awaiting re-inspection → closed; a failed re-inspection goes to rejected
 * and back to repair; an owner may dispute a repair or a closure, a contractor may dispute
 * responsibility; staff settle a dispute (close) or reopen the defect.
 */
export const DEFECT_TRANSITIONS: readonly DefectTransition[] = [
  { action: 'start-repair', from: ['open', 'rejected'], to: 'in-repair', roles: ['contractor', 'inspector', 'staff'], note: 'optional', needsContractor: true },
  { action: 'report-fixed', from: ['open', 'in-repair', 'rejected'], to: 'awaiting-reinspection', roles: ['contractor', 'inspector', 'staff'], note: 'optional', needsContractor: true },
  { action: 'pass', from: ['awaiting-reinspection'], to: 'closed', roles: ['inspector', 'staff', 'owner'], note: 'optional', independent: true },
  { action: 'reject', from: ['awaiting-reinspection'], to: 'rejected', roles: ['inspector', 'staff', 'owner'], note: 'required', independent: true },
  { action: 'dispute', from: ['awaiting-reinspection', 'rejected', 'closed'], to: 'disputed', roles: ['owner'], note: 'required' },
  { action: 'dispute', from: ['open', 'in-repair', 'rejected'], to: 'disputed', roles: ['contractor'], note: 'required', needsContractor: true },
  { action: 'settle', from: ['disputed'], to: 'closed', roles: ['inspector', 'staff'], note: 'required', independent: true },
  { action: 'reopen', from: ['disputed', 'closed'], to: 'open', roles: ['inspector', 'staff'], note: 'required' },
];

/** The actions in the order an element offers them. */
export const DEFECT_ACTIONS: readonly DefectAction[] = ['start-repair', 'report-fixed', 'pass', 'reject', 'dispute', 'settle', 'reopen'];

/** Why an action is not allowed (labels in `defectReason()` from ./messages.js). */
export type DefectDenyReason =
  | 'status' // not possible from the current status
  | 'role' // none of the actor's roles may do it
  | 'not-assigned' // a contractor acting on another contractor's defect
  | 'no-contractor' // no responsible contractor assigned yet
  | 'not-independent' // the contractor, or whoever reported it fixed, cannot pass or reject it
  | 'note-required'; // the action needs a note

export interface DefectRuleContext {
  /** Owners act only in move-in acceptance; default `internal`. */
  readonly mode?: DefectInspectionMode;
  /** The rule table; default `DEFECT_TRANSITIONS`. */
  readonly transitions?: readonly DefectTransition[];
}

/** The answer to "may this actor do this now?", with the reason when not. */
export interface DefectActionCheck {
  readonly action: DefectAction;
  readonly allowed: boolean;
  readonly reason?: DefectDenyReason;
  /** The role the actor acts in when allowed. */
  readonly role?: DefectRole;
  /** The transition that applies (the first one possible from the current status). */
  readonly transition?: DefectTransition;
}

const ROLE_ORDER: readonly DefectRole[] = ['inspector', 'staff', 'owner', 'contractor'];

/** The person who last reported the repair done (the re-inspection must be by someone else). */
export function lastFixer(item: Defect): string | undefined {
  const history = item.history ?? [];
  for (let i = history.length - 1; i >= 0; i--) {
    const step = history[i]!;
    if (step.action === 'report-fixed') return step.by.id;
  }
  return undefined;
}

/** Checks whether `actor` may perform `action` on `item` (note presence is checked by `applyAction`). */
export function checkAction(item: Defect, action: DefectAction, actor: DefectActor | undefined, ctx: DefectRuleContext = {}): DefectActionCheck {
  const rules = (ctx.transitions ?? DEFECT_TRANSITIONS).filter((t) => t.action === action && t.from.includes(item.status));
  if (!rules.length) return { action, allowed: false, reason: 'status' };
  const mode = ctx.mode ?? 'internal';
  const roles = ROLE_ORDER.filter((r) => actor?.roles.includes(r) && (r !== 'owner' || mode === 'move-in'));
  let reason: DefectDenyReason = 'role';
  // The most telling reason wins when several rules and roles fail.
  const rank: Record<DefectDenyReason, number> = { status: 0, role: 1, 'no-contractor': 2, 'not-assigned': 3, 'not-independent': 4, 'note-required': 5 };
  const deny = (r: DefectDenyReason) => {
    if (rank[r] > rank[reason]) reason = r;
  };
  for (const rule of rules) {
    for (const role of roles) {
      if (!rule.roles.includes(role)) continue;
      if (rule.needsContractor && !item.contractorId) {
        deny('no-contractor');
        continue;
      }
      if (role === 'contractor' && item.contractorId !== actor!.id) {
        deny('not-assigned');
        continue;
      }
      if (rule.independent && (actor!.id === item.contractorId || actor!.id === lastFixer(item))) {
        deny('not-independent');
        continue;
      }
      return { action, allowed: true, role, transition: rule };
    }
  }
  return { action, allowed: false, reason };
}

/** Every action with its check, in offer order: an element shows the allowed ones. */
export function defectActions(item: Defect, actor: DefectActor | undefined, ctx: DefectRuleContext = {}): DefectActionCheck[] {
  return DEFECT_ACTIONS.map((a) => checkAction(item, a, actor, ctx));
}

/** The actions `actor` may take on `item` now. */
export function availableActions(item: Defect, actor: DefectActor | undefined, ctx: DefectRuleContext = {}): DefectAction[] {
  return defectActions(item, actor, ctx)
    .filter((c) => c.allowed)
    .map((c) => c.action);
}

export interface ApplyOptions extends DefectRuleContext {
  /** When it happens (ISO 8601 date-time). */
  readonly now: string;
  readonly note?: string;
}

export type ApplyResult =
  | { readonly ok: true; readonly item: Defect; readonly step: DefectStep }
  | { readonly ok: false; readonly reason: DefectDenyReason; readonly item: Defect };

/**
 * Performs a status change: returns a new defect with the status, a history step (who, when, in
 * which role, with the note) and, for a closure, closed by/at/note. The input is never changed;
 * a refusal returns the item untouched with the reason.
 */
export function applyAction(item: Defect, action: DefectAction, actor: DefectActor | undefined, options: ApplyOptions): ApplyResult {
  const check = checkAction(item, action, actor, options);
  if (!check.allowed || !check.transition || !check.role || !actor) return { ok: false, reason: check.reason ?? 'role', item };
  const note = options.note?.trim() ?? '';
  if (check.transition.note === 'required' && !note) return { ok: false, reason: 'note-required', item };
  const by = { id: actor.id, name: actor.name };
  const step: DefectStep = { action, from: item.status, to: check.transition.to, at: options.now, by, role: check.role, ...(note ? { note } : {}) };
  const next: Defect = { ...item, status: step.to, history: [...(item.history ?? []), step] };
  if (step.to === 'closed') {
    next.closedBy = by;
    next.closedAt = options.now;
    if (note) next.closeNote = note;
    else delete next.closeNote;
  } else {
    delete next.closedBy;
    delete next.closedAt;
    delete next.closeNote;
  }
  return { ok: true, item: next, step };
}

/** How many times a defect failed re-inspection (the honest count of the reject loop). */
export function rejectionCount(item: Defect): number {
  let n = 0;
  for (const s of item.history ?? []) if (s.action === 'reject') n++;
  return n;
}

/** Whether `actor` may record new defects: inspectors and staff, and the owner at move-in. */
export function canRecord(actor: DefectActor | undefined, mode: DefectInspectionMode = 'internal'): boolean {
  if (!actor) return false;
  return actor.roles.includes('inspector') || actor.roles.includes('staff') || (mode === 'move-in' && actor.roles.includes('owner'));
}

/** Whether `actor` may assign a responsible contractor and time limit: inspectors and staff. */
export function canAssign(actor: DefectActor | undefined): boolean {
  return !!actor && (actor.roles.includes('inspector') || actor.roles.includes('staff'));
}

export interface AssignOptions {
  /** The contractor to assign; `undefined` leaves each item's contractor as it is. */
  readonly contractorId?: string;
  /** The time limit (ISO 8601 date-time); `undefined` leaves each item's time limit as it is. */
  readonly due?: string;
}

/**
 * Bulk assignment (批量指定责任单位与整改期限): a new array where the items whose ids are in
 * `ids` get the contractor and/or time limit; closed items are left alone. Returns how many changed.
 */
export function assignDefects(items: readonly Defect[], ids: Iterable<string>, options: AssignOptions): { items: Defect[]; changed: number } {
  const wanted = new Set(ids);
  let changed = 0;
  const out = items.map((item) => {
    if (!wanted.has(item.id) || item.status === 'closed') return item;
    const next = { ...item };
    if (options.contractorId !== undefined) next.contractorId = options.contractorId;
    if (options.due !== undefined) next.due = options.due;
    if (next.contractorId === item.contractorId && next.due === item.due) return item;
    changed++;
    return next;
  });
  return { items: out, changed };
}
