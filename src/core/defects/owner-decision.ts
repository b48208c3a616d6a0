import checklistSchema from '../../generated/schemas/checklist.js';
import { epochMsOr, isoShanghai, type Instant } from '../kernel/time.js';
import type { DefectActor, DefectInspectionMode, OwnerDecision } from './types.js';

/**
 * The owner's decision at move-in (是否收房, CRM 5.3.9): who may record it and what makes it
 * complete. Pure data in, data out, so a server holds the same rule as the element.
 */

/** What the person filled in so far. */
export interface OwnerDecisionInput {
  readonly decision?: 'accept' | 'refuse' | undefined;
  readonly reason?: string | undefined;
  readonly signature?: string | undefined;
}

/** Why a decision cannot be recorded yet, per field. */
export type OwnerDecisionError = 'choose' | 'reason-required' | 'signature-required' | 'too-long';

export type OwnerDecisionCheck =
  | { readonly ok: true; readonly decision: OwnerDecision }
  | { readonly ok: false; readonly errors: Readonly<Partial<Record<'decision' | 'reason' | 'signature', OwnerDecisionError>>> };

interface Props {
  readonly properties: { readonly reason: { readonly maxLength: number }; readonly signatureName: { readonly maxLength: number } };
}
const def = (checklistSchema as unknown as { definitions: { ownerDecision: Props } }).definitions.ownerDecision;

/** Lengths the checklist schema allows (schemas/checklist.schema.json `ownerDecision`). */
export const OWNER_DECISION_LIMITS = {
  reason: def.properties.reason.maxLength,
  signature: def.properties.signatureName.maxLength,
} as const;

/** Roles that may record the owner's decision: the owner, or staff and inspectors beside them. */
const DECIDERS = ['owner', 'staff', 'inspector'] as const;

/** Whether `actor` may record (or change) the owner's decision; never when read-only or outside move-in. */
export function canDecideOwner(actor: DefectActor | undefined, options: { readonly readonly?: boolean; readonly mode?: DefectInspectionMode } = {}): boolean {
  if (options.readonly || (options.mode ?? 'move-in') !== 'move-in' || !actor) return false;
  return DECIDERS.some((r) => actor.roles.includes(r));
}

/**
 * Checks a decision and, when complete, makes the record: a choice, a reason when refusing, the
 * owner's signature (name), within the schema's lengths; `at` is `now` in Asia/Shanghai.
 */
export function checkOwnerDecision(input: OwnerDecisionInput, now: Instant): OwnerDecisionCheck {
  const reason = input.reason?.trim() ?? '';
  const signature = input.signature?.trim() ?? '';
  const errors: Partial<Record<'decision' | 'reason' | 'signature', OwnerDecisionError>> = {};
  if (input.decision !== 'accept' && input.decision !== 'refuse') errors.decision = 'choose';
  if (input.decision === 'refuse' && !reason) errors.reason = 'reason-required';
  else if (reason.length > OWNER_DECISION_LIMITS.reason) errors.reason = 'too-long';
  if (!signature) errors.signature = 'signature-required';
  else if (signature.length > OWNER_DECISION_LIMITS.signature) errors.signature = 'too-long';
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    decision: { decision: input.decision!, ...(reason ? { reason } : {}), signatureName: signature, at: isoShanghai(epochMsOr(now)) },
  };
}
