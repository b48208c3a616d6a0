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
