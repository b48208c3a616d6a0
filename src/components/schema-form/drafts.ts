/** A saved, unsent form value, tagged with the schema it belongs to. */
export interface Draft {
  readonly schemaId: string;
  readonly savedAt: string;
  readonly value: unknown;
}

/** Where drafts live; localStorage by default, any async store (IndexedDB, server) by adapter. */
export interface DraftStore {
  load(key: string): Draft | undefined | Promise<Draft | undefined>;
  save(key: string, draft: Draft): void | Promise<void>;
  clear(key: string): void | Promise<void>;
}

const PREFIX = 'wy-draft:';

/** Drafts in localStorage (quota errors are swallowed: a draft must never break typing). */
export const localStorageDrafts: DraftStore = {
  load(key) {
    try {
      const raw = localStorage.getItem(PREFIX + key);
      if (!raw) return undefined;
      const d = JSON.parse(raw) as Partial<Draft>;
      return typeof d.schemaId === 'string' && d.value !== undefined ? (d as Draft) : undefined;
    } catch {
      return undefined;
    }
  },
  save(key, draft) {
    try {
      localStorage.setItem(PREFIX + key, JSON.stringify(draft));
    } catch {
      /* storage full or denied: keep working without a draft */
    }
  },
  clear(key) {
    try {
      localStorage.removeItem(PREFIX + key);
    } catch {
      /* denied */
    }
  },
};

/** Drafts older than this are dropped unread (x-default: a week; `draft-max-age-days` changes it). */
export const DEFAULT_DRAFT_MAX_AGE_DAYS = 7;

/** Whether a draft saved at `draft.savedAt` is older than `maxAgeDays` at `now` (an unreadable date counts as expired). */
export function isDraftExpired(draft: Pick<Draft, 'savedAt'>, maxAgeDays: number = DEFAULT_DRAFT_MAX_AGE_DAYS, now: number = Date.now()): boolean {
  const saved = Date.parse(draft.savedAt);
  return !Number.isFinite(saved) || now - saved > maxAgeDays * 86_400_000;
}

/**
 * Forgets drafts kept in localStorage by every wuye-kit form on this origin — on sign-out, or
 * when the host's policy says personal data must go. `keyPrefix` limits it to keys starting so
 * (`'portal-'`); `olderThanDays` keeps younger ones. Returns how many were removed.
 */
export function clearDrafts(options: { readonly keyPrefix?: string; readonly olderThanDays?: number; readonly now?: number } = {}): number {
  let removed = 0;
  try {
    const keys: string[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k && k.startsWith(PREFIX + (options.keyPrefix ?? ''))) keys.push(k);
    }
    for (const k of keys) {
      if (options.olderThanDays !== undefined) {
        let savedAt: unknown;
        try {
          savedAt = (JSON.parse(localStorage.getItem(k) ?? 'null') as Partial<Draft> | null)?.savedAt;
        } catch {
          savedAt = undefined;
        }
        if (typeof savedAt === 'string' && !isDraftExpired({ savedAt }, options.olderThanDays, options.now)) continue;
      }
      localStorage.removeItem(k);
      removed++;
    }
  } catch {
    /* storage denied: nothing kept, nothing to clear */
  }
  return removed;
}
