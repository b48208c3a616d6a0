// The six workflows of the manuals, shipped as JSON in schemas/workflows/ (a configurator edits
// those files, not this one).
import complaint from '../../schemas/workflows/complaint.json' with { type: 'json' };
import internalInspection from '../../schemas/workflows/internal-inspection.json' with { type: 'json' };
import moveIn from '../../schemas/workflows/move-in.json' with { type: 'json' };
import propertyRights from '../../schemas/workflows/property-rights.json' with { type: 'json' };
import keyMilestoneReview from '../../schemas/workflows/key-milestone-review.json' with { type: 'json' };
import customerAppeal from '../../schemas/workflows/customer-appeal.json' with { type: 'json' };
import type { WorkflowDefinition } from './types.js';

/**
 * Built-in definitions by id: complaint handling (WI/KF-007), internal house inspection, move-in
 * service, property-rights certificates, key-milestone review and customer appeals.
 */
export const builtinDefinitions: Readonly<Record<string, WorkflowDefinition>> = {
  complaint: complaint as WorkflowDefinition,
  'internal-inspection': internalInspection as WorkflowDefinition,
  'move-in': moveIn as WorkflowDefinition,
  'property-rights': propertyRights as WorkflowDefinition,
  'key-milestone-review': keyMilestoneReview as WorkflowDefinition,
  'customer-appeal': customerAppeal as WorkflowDefinition,
};
