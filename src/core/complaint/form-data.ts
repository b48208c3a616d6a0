// The shipped data the complaint form is built from — the complaint schema, its layout
// (complaint.ui.json), the manual's definition (complaint-definition.json) and the precompiled
// complaint validator — loaded together on demand, as one code-split chunk: an element that
// shows the form loads it when it connects, and the entry that defines the element stays small.
import type { GeneratedValidator } from '../../generated/validator-types.js';
import type { JsonSchema } from '../form/types.js';
import type { UiSchema } from '../form/ui.js';
import type { ComplaintGuide, IntakeGuide } from './guide.js';

export interface ComplaintFormData {
  /** schemas/complaint.schema.json (without provenance notes). */
  readonly schema: JsonSchema;
  /** schemas/complaint.ui.json. */
  readonly ui: UiSchema;
  /** schemas/complaint-definition.json. */
  readonly guide: ComplaintGuide;
  /** What intake shows of the guide (help, notices): intakeGuide(guide). */
  readonly intake: IntakeGuide;
  /** The shipped complaint validator (precompiled, no eval). */
  readonly validator: GeneratedValidator<unknown>;
}

let loading: Promise<ComplaintFormData> | undefined;

/** Loads the complaint form's data once per page (later calls share the promise). */
export function loadComplaintFormData(): Promise<ComplaintFormData> {
  loading ??= Promise.all([
    import('../../generated/schemas/complaint.js'),
    import('../../generated/data/complaint.ui.js'),
    import('./guide.js'),
    import('../../generated/validators/complaint.js'),
  ]).then(([schema, ui, guide, validator]) => ({
    schema: schema.default as JsonSchema,
    ui: ui.default as UiSchema,
    guide: guide.complaintGuide,
    intake: guide.intakeGuide(),
    validator: validator.default as GeneratedValidator<unknown>,
  }));
  // A failed load (a chunk that did not arrive) is tried again by the next caller.
  loading.catch(() => (loading = undefined));
  return loading;
}
