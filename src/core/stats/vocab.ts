// The two vocabularies the statistics table names things with, read from their own generated
// modules (schemas/vocab/<name>.json) so the table's entry does not carry every vocabulary of the kit.
import { contentCategory } from '../../generated/vocab/content-category.js';
import { voiceKind } from '../../generated/vocab/voice-kind.js';
import type { Locale } from '../i18n/locale.js';

export const statsVocab = { contentCategory, voiceKind };

/** The label of a code in `locale`; the code itself when unknown, so nothing renders blank. */
export function statsLabel(name: keyof typeof statsVocab, code: string, locale: Locale): string {
  const labels = statsVocab[name].labels as Readonly<Record<string, Readonly<Record<Locale, string>>>>;
  return (Object.hasOwn(labels, code) ? labels[code]?.[locale] : undefined) ?? code;
}
