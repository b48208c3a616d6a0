/** A person on a record (`{ id, name }`), as the complaint schema stores them. */
export interface PersonRef {
  readonly id: string;
  readonly name: string;
}

/** Who is using the kit, as hosts give it (`actor` property or the provider's actorContext). */
export interface ActorLike {
  readonly id: string;
  readonly name: string;
}

const person = (v: unknown): PersonRef | undefined => {
  if (!v || typeof v !== 'object') return undefined;
  const { id, name } = v as Record<string, unknown>;
  return typeof id === 'string' && id && typeof name === 'string' && name ? { id, name } : undefined;
};

/**
 * 首问负责制: the first receiver is whoever records the complaint, and it never changes. A record
 * that already names one keeps it, whoever opens it later; otherwise it is the actor, if any.
 */
export function firstReceiverFor(record: unknown, actor: ActorLike | undefined | null): PersonRef | undefined {
  const existing = record && typeof record === 'object' ? person((record as Record<string, unknown>)['firstReceiver']) : undefined;
  return existing ?? person(actor);
}

/** `record` with its first receiver set by `firstReceiverFor` (the same object when nothing changes). */
export function withFirstReceiver<T extends object>(record: T, actor: ActorLike | undefined | null): T {
  const fr = firstReceiverFor(record, actor);
  const cur = (record as Record<string, unknown>)['firstReceiver'];
  if (!fr || (cur && person(cur))) return record;
  return { ...record, firstReceiver: fr };
}
