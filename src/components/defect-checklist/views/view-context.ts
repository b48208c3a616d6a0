import type { Locale } from '../../../core/i18n/locale.js';
import type { DefectContractor } from '../../../core/defects/types.js';
import type { DefectMessageKey } from '../defect-checklist.messages.js';

/** What every view module of the checklist reads: language, wording and reference data. */
export interface ViewContext {
  readonly locale: Locale;
  readonly mode: 'internal' | 'move-in';
  readonly contractors: readonly DefectContractor[];
  t(key: DefectMessageKey, params?: Readonly<Record<string, string | number>>): string;
  /** The same key worded for the mode (`title.internal` / `title.move-in`). */
  tm(key: string, params?: Readonly<Record<string, string | number>>): string;
  /** A defect field's label from its schema. */
  field(path: string): string;
  /** A contractor's name, or "unassigned" for none. */
  contractor(id: string | undefined): string;
}

/** The value of the control an event came from. */
export const valueOf = (e: Event): string => (e.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value;
export const checkedOf = (e: Event): boolean => (e.target as HTMLInputElement).checked;
