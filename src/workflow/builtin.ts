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
 * service (a project instance starting one move-in-house instance per house), property-rights
 * certificates (a project starting one property-rights-owner instance per customer), key-milestone
 * review and customer requests (客户诉求).
 */
export const builtinDefinitions: Readonly<Record<string, WorkflowDefinition>> = {
  complaint: def('complaint'),
  'internal-inspection': def('internal-inspection'),
  'move-in': def('move-in'),
  'move-in-house': def('move-in-house'),
  'property-rights': def('property-rights'),
  'property-rights-owner': def('property-rights-owner'),
  'key-milestone-review': def('key-milestone-review'),
  'customer-appeal': def('customer-appeal'),
};
