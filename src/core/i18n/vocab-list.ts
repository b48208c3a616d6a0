import type { Locale } from './locale.js';

/**
 * One vocabulary as `npm run gen` writes it, `src/generated/vocab/<name>.ts`: its codes in order
 * and their zh-CN and en labels. Code that knows which list it shows imports that module and
 * passes it here, and carries only that list; `vocabLabel(name, …)` looks the name up in the
 * table of every vocabulary, so whatever calls it carries them all.
 */
export interface VocabList {
  readonly id: string;
  readonly codes: readonly string[];
  readonly labels: Readonly<Record<string, Readonly<Record<Locale, string>>>>;
}

/** The label of `code` in `locale` (`listLabel(trade, 'plumbing', 'en')`); the code itself when unknown, so nothing renders blank. */
export function listLabel(list: VocabList, code: string, locale: Locale): string {
  return (Object.hasOwn(list.labels, code) ? list.labels[code]?.[locale] : undefined) ?? code;
}

/** The codes of a vocabulary with their labels in `locale`, in the vocabulary's order. */
export function listOptions(list: VocabList, locale: Locale): { value: string; label: string }[] {
  return list.codes.map((value) => ({ value, label: listLabel(list, value, locale) }));
}
