// The vocabularies the deduction calculator names things with, read one by one from their
// generated schema modules (schemas/vocab/<name>.json), so that the calculator does not carry
// every vocabulary of the kit.
import contentCategory from '../../generated/schemas/vocab/content-category.js';
import severity from '../../generated/schemas/vocab/severity.js';
import validity from '../../generated/schemas/vocab/validity.js';
import externalBody from '../../generated/schemas/vocab/external-body.js';
import satisfaction from '../../generated/schemas/vocab/satisfaction.js';
import deductionFact from '../../generated/schemas/vocab/deduction-fact.js';
import deductionStatus from '../../generated/schemas/vocab/deduction-status.js';
import deductionRoundingMode from '../../generated/schemas/vocab/deduction-rounding-mode.js';
import voiceKind from '../../generated/schemas/vocab/voice-kind.js';
import type { Locale, Localized } from '../i18n/locale.js';

const schemas = { contentCategory, severity, validity, externalBody, satisfaction, deductionFact, deductionStatus, deductionRoundingMode, voiceKind };

/** A vocabulary the calculator uses (same names as `vocab` in wuye-kit/core). */
export type DeductionVocab = keyof typeof schemas;

/** The codes of a vocabulary, in its order. */
export function codesOf(name: DeductionVocab): readonly string[] {
  return schemas[name]['enum'] as readonly string[];
}

/** The label of a code in `locale`; the code itself when unknown, so nothing renders blank. */
export function labelOf(name: DeductionVocab, code: string, locale: Locale): string {
  const labels = schemas[name]['x-labels'] as Readonly<Record<string, Localized>>;
  return (Object.hasOwn(labels, code) ? labels[code]?.[locale] : undefined) ?? code;
}

/** The codes of a vocabulary with their labels in `locale`. */
export function optionsOf(name: DeductionVocab, locale: Locale): { value: string; label: string }[] {
  return codesOf(name).map((value) => ({ value, label: labelOf(name, value, locale) }));
}
