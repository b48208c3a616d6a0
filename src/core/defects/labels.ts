import defectSchema from '../../generated/schemas/defect.js';
import checklistSchema from '../../generated/schemas/checklist.js';
import type { Locale } from '../i18n/locale.js';

interface SchemaNode {
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly definitions?: Readonly<Record<string, SchemaNode>>;
  readonly $ref?: string;
  readonly 'x-label'?: Readonly<Record<Locale, string>>;
}

/**
 * The schema's own `x-label` of a defect or checklist field (`location`, `house/room`,
 * `ownerDecision/reason`) in `locale`; the path itself when there is none. Reads only the two
 * schemas, not every shipped schema's labels, so an element importing it stays small.
 */
export function defectFieldLabel(path: string, locale: Locale, schema: 'defect' | 'checklist' = 'defect'): string {
  const root = (schema === 'defect' ? defectSchema : checklistSchema) as SchemaNode;
  let node: SchemaNode | undefined = root;
  let label: Readonly<Record<Locale, string>> | undefined;
  for (const key of path.split('/').filter(Boolean)) {
    let next: SchemaNode | undefined = node?.properties && Object.hasOwn(node.properties, key) ? node.properties[key] : undefined;
    label = next?.['x-label'];
    const ref: string | undefined = next?.$ref;
    if (ref?.startsWith('#/definitions/')) {
      const def: SchemaNode | undefined = root.definitions?.[ref.slice('#/definitions/'.length)];
      label = label ?? def?.['x-label'];
      next = def;
    }
    node = next;
  }
  return label?.[locale] ?? path;
}
