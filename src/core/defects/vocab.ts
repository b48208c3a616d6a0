import houseLocation from '../../generated/schemas/vocab/house-location.js';
import trade from '../../generated/schemas/vocab/trade.js';
import defectSeverity from '../../generated/schemas/vocab/defect-severity.js';
import defectStatus from '../../generated/schemas/vocab/defect-status.js';
import defectAction from '../../generated/schemas/vocab/defect-action.js';
import defectOwnerDecision from '../../generated/schemas/vocab/defect-owner-decision.js';
import type { Locale } from '../i18n/locale.js';
import type { DefectAction, DefectSeverity, DefectStatus, HouseLocation, Trade } from './types.js';

/**
 * The six vocabularies of the defect checklist (schemas/vocab/*.json), read from their own
 * generated modules rather than the kit's whole vocabulary table, so the checklist and its core
 * stay small. Same shape and same labels as `vocab` in src/generated/vocab.ts.
 */
interface Vocabulary<K extends string> {
  readonly codes: readonly K[];
  readonly labels: Readonly<Record<K, Readonly<Record<Locale, string>>>>;
}

function of<K extends string>(schema: Readonly<Record<string, unknown>>): Vocabulary<K> {
  return { codes: schema['enum'] as readonly K[], labels: schema['x-labels'] as Vocabulary<K>['labels'] };
}

export const defectVocab = {
  houseLocation: of<HouseLocation>(houseLocation),
  trade: of<Trade>(trade),
  defectSeverity: of<DefectSeverity>(defectSeverity),
  defectStatus: of<DefectStatus>(defectStatus),
  defectAction: of<DefectAction>(defectAction),
  defectOwnerDecision: of<'accept' | 'refuse'>(defectOwnerDecision),
};
export type DefectVocabName = keyof typeof defectVocab;

/** The label of a code in `locale`; the code itself when unknown, so nothing renders blank. */
export function defectVocabLabel(name: DefectVocabName, code: string, locale: Locale): string {
  const labels = defectVocab[name].labels as Readonly<Record<string, Readonly<Record<Locale, string>>>>;
  return labels[code]?.[locale] ?? code;
}

/** The codes of a vocabulary with their labels in `locale`, in the vocabulary's order. */
export function defectVocabOptions(name: DefectVocabName, locale: Locale): { value: string; label: string }[] {
  return (defectVocab[name].codes as readonly string[]).map((value) => ({ value, label: defectVocabLabel(name, value, locale) }));
}
