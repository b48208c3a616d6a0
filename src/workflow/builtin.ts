// The six workflows of the manuals, shipped as JSON in schemas/workflows/ (a configurator edits
// those files, not this one; `npm run gen` turns them into a module).
import { workflows } from '../generated/data/workflows.js';
import type { WorkflowDefinition } from './types.js';

const def = (name: string): WorkflowDefinition => {
  const d = workflows[name];
  if (!d) throw new Error(`schemas/workflows/${name}.json is missing`);
  return d as WorkflowDefinition;
};

/**
 * Built-in definitions by id: complaint handling (WI/KF-007), internal house inspection, move-in
 * service, property-rights certificates, key-milestone review and customer appeals.
 */
export const builtinDefinitions: Readonly<Record<string, WorkflowDefinition>> = {
  complaint: def('complaint'),
  'internal-inspection': def('internal-inspection'),
  'move-in': def('move-in'),
  'property-rights': def('property-rights'),
  'key-milestone-review': def('key-milestone-review'),
  'customer-appeal': def('customer-appeal'),
};
