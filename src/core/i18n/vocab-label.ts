import { vocab, type VocabName } from '../../generated/vocab.js';
import type { Locale } from './locale.js';

/**
 * The label of a vocabulary code in `locale` (`vocabLabel('contentCategory', 'staff', 'en')` →
 * `Staff conduct and competence`); the code itself when unknown, so nothing renders blank.
 */
export function vocabLabel(name: VocabName, code: string, locale: Locale): string {
  const labels = vocab[name].labels as Readonly<Record<string, Readonly<Record<Locale, string>>>>;
  return labels[code]?.[locale] ?? code;
}

/** The codes of a vocabulary with their labels in `locale`, in the vocabulary's order. */
export function vocabOptions(name: VocabName, locale: Locale): { value: string; label: string }[] {
  return (vocab[name].codes as readonly string[]).map((value) => ({ value, label: vocabLabel(name, value, locale) }));
}
