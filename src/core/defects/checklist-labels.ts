import checklistSchema from '../../generated/schemas/checklist.js';
import { schemaFieldLabel } from './defect-labels.js';
import type { Locale } from '../i18n/locale.js';

/** The label of a checklist field (`ownerDecision/reason`) from schemas/checklist.schema.json. */
export function checklistFieldLabel(path: string, locale: Locale): string {
  return schemaFieldLabel(checklistSchema, path, locale);
}
