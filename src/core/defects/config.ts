import schema from '../../generated/schemas/common-problems.js';
import type { CommonProblemDefaults, CommonProblems } from './types.js';

/**
 * The defaults (severity, time limit per severity) a checklist uses when the host gives no
 * configuration: read from the `default` of schemas/common-problems.schema.json, so the numbers
 * stay in JSON. The shipped list of common problems is schemas/common-problems.json
 * (`wuye-kit/schemas/common-problems.json`), which hosts pass as the `commonProblems` property.
 */
export function schemaDefaults(): CommonProblemDefaults {
  const props = schema['properties'] as { defaults: { default: CommonProblemDefaults } };
  return props.defaults.default;
}

/** The configuration in force: the host's, or the schema defaults with no common problems. */
export function resolveConfig(config: CommonProblems | undefined): CommonProblems {
  return config ?? { defaults: schemaDefaults(), problems: [] };
}
