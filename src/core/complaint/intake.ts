import { firstReceiverFor, type ActorLike } from './first-receiver.js';
import { localIso } from './record-number.js';
import { defaultRoutingRules, routeComplaint, routingValue, type RoutingRules } from './routing.js';
import { randomId } from '../kernel/ids.js';

type Rec = Record<string, unknown>;
const isObj = (v: unknown): v is Rec => Boolean(v) && typeof v === 'object' && !Array.isArray(v);

export interface IntakeOptions {
  readonly actor?: ActorLike | null | undefined;
  readonly now?: Date;
  /** UTC offset of times the form writes (the datetime field's, China Standard Time by default). */
  readonly offset?: string;
  /** Makes a fresh idempotency key (8–80 characters); `crypto.randomUUID` by default. */
  readonly newKey?: () => string;
}

const randomKey = (): string => randomId();

/**
 * The value a new (or reopened) intake starts from: the first receiver (kept if the record has
 * one, else the actor), receivedAt (now, unless given), kind `complaint` unless given, and an
 * idempotency key in `meta` that stays with this record through drafts and retries.
 * Returns the same object when there is nothing to add.
 */
export function startIntake(value: unknown, options: IntakeOptions = {}): Rec {
  const v: Rec = isObj(value) ? value : {};
  const add: Rec = {};
  const fr = firstReceiverFor(v, options.actor);
  if (fr && !isObj(v['firstReceiver'])) add['firstReceiver'] = fr;
  if (typeof v['receivedAt'] !== 'string' || !v['receivedAt']) add['receivedAt'] = localIso(options.now ?? new Date(), options.offset);
  if (v['kind'] === undefined) add['kind'] = 'complaint';
  const meta = isObj(v['meta']) ? v['meta'] : {};
  if (typeof meta['idempotencyKey'] !== 'string' || meta['idempotencyKey'].length < 8) add['meta'] = { ...meta, idempotencyKey: (options.newKey ?? randomKey)() };
  return Object.keys(add).length ? { ...v, ...add } : v;
}

export interface CompleteOptions extends IntakeOptions {
  /** The record number (from the host's hook, or `fallbackRecordNumber`); a record that has one keeps it. */
  readonly recordNo?: string;
  readonly rules?: RoutingRules;
}

/**
 * What is still missing before a submitted intake is a complete complaint record: the parts the
 * element fills rather than the user. `firstReceiver` missing means no actor was known.
 */
export type IntakeGap = 'recordNo' | 'firstReceiver';

/**
 * Completes a submitted intake into a Complaint record: record number, first receiver (never
 * replaced once set), routing by routeComplaint(), and meta (idempotency key kept, createdAt
 * set once, updatedAt on later saves). Pure: returns the record and what could not be filled.
 */
export function completeComplaint(value: unknown, options: CompleteOptions = {}): { record: Rec; gaps: IntakeGap[] } {
  const v = startIntake(value, options);
  const now = localIso(options.now ?? new Date(), options.offset);
  const record: Rec = { ...v };
  const gaps: IntakeGap[] = [];
  if (typeof record['recordNo'] !== 'string' || !record['recordNo']) {
    if (options.recordNo) record['recordNo'] = options.recordNo;
    else gaps.push('recordNo');
  }
  if (!isObj(record['firstReceiver'])) gaps.push('firstReceiver');
  record['routing'] = routingValue(routeComplaint(record, options.rules ?? defaultRoutingRules));
  const meta = isObj(record['meta']) ? { ...record['meta'] } : {};
  if (typeof meta['createdAt'] !== 'string') meta['createdAt'] = now;
  else meta['updatedAt'] = now;
  record['meta'] = meta;
  return { record, gaps };
}
