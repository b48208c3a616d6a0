// The complaint definition at intake (WI/KF-007 四(二)1): what counts as a complaint, the
// manual's explanations, and one hint per type of feedback, from schemas/complaint-definition.json
// (a configurator edits that file). Pure: returns data the form shows as help, never markup.
import data from '../../generated/data/complaint-definition.js';
import type { Localized } from '../i18n/locale.js';
import type { UiNotice } from '../form/ui.js';

export interface ComplaintGuideNote {
  readonly id: string;
  readonly term: Localized;
  readonly text: Localized;
}

export interface ComplaintGuide {
  readonly definition: { readonly text: Localized; readonly short: Localized };
  readonly notes: readonly ComplaintGuideNote[];
  /** Per type of feedback (vocab/voice-kind.json code): a one-line hint and the notes that explain it. */
  readonly kinds: Readonly<Record<string, { readonly hint: Localized; readonly notes?: readonly string[] }>>;
  readonly category: { readonly hint: Localized };
}

/** The shipped guide (schemas/complaint-definition.json, without its provenance notes). */
export const complaintGuide = data as ComplaintGuide;

/** What intake shows: help beside the type of feedback and the category, and a hint for the chosen type. */
export interface IntakeGuide {
  readonly kindHelp: Localized;
  readonly categoryHelp: Localized;
  /** One UI notice per type of feedback, shown while that type is chosen. */
  readonly notices: readonly UiNotice[];
}

export function intakeGuide(guide: ComplaintGuide = complaintGuide): IntakeGuide {
  return {
    kindHelp: guide.definition.short,
    categoryHelp: guide.category.hint,
    notices: Object.entries(guide.kinds).map(([kind, k]) => ({ id: `kind-${kind}`, tone: 'info' as const, when: { '==': [{ var: 'kind' }, kind] }, text: k.hint })),
  };
}
