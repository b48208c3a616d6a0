import { houseLocation } from '../../generated/vocab/house-location.js';
import { trade } from '../../generated/vocab/trade.js';
import { defectSeverity } from '../../generated/vocab/defect-severity.js';
import { defectStatus } from '../../generated/vocab/defect-status.js';
import { defectAction } from '../../generated/vocab/defect-action.js';
import { defectOwnerDecision } from '../../generated/vocab/defect-owner-decision.js';
import type { Locale } from '../i18n/locale.js';
import { listLabel, listOptions } from '../i18n/vocab-list.js';

/**
 * The six vocabularies of the defect checklist (schemas/vocab/*.json), read from their own
 * generated modules rather than the kit's whole vocabulary table, so the checklist and its core
 * stay small. Same shape and same labels as `vocab` in src/generated/vocab.ts.
 */
export const defectVocab = { houseLocation, trade, defectSeverity, defectStatus, defectAction, defectOwnerDecision };
export type DefectVocabName = keyof typeof defectVocab;

/** The label of a code in `locale`; the code itself when unknown (the kit's `listLabel`). */
export function defectVocabLabel(name: DefectVocabName, code: string, locale: Locale): string {
  return listLabel(defectVocab[name], code, locale);
}

/** The codes of a vocabulary with their labels in `locale`, in the vocabulary's order (`listOptions`). */
export function defectVocabOptions(name: DefectVocabName, locale: Locale): { value: string; label: string }[] {
  return listOptions(defectVocab[name], locale);
}
