import { defectLabel } from './defect-labels.js';
import { checklistFieldLabel } from './checklist-labels.js';
import type { Locale } from '../i18n/locale.js';

/**
 * The schema's own `x-label` of a defect or checklist field (`location`, `house/room`,
 * `ownerDecision/reason`) in `locale`; the path itself when there is none. Reads only the two
 * schemas, not every shipped schema's labels. (An element that needs defect fields only imports
 * `defectLabel` from ./defect-labels.js, which reads the defect schema alone.)
 */
export function defectFieldLabel(path: string, locale: Locale, schema: 'defect' | 'checklist' = 'defect'): string {
  return schema === 'defect' ? defectLabel(path, locale) : checklistFieldLabel(path, locale);
}
