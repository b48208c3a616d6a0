import defectSchema from '../../generated/schemas/defect.js';
import type { Locale } from '../i18n/locale.js';

interface SchemaNode {
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly definitions?: Readonly<Record<string, SchemaNode>>;
  readonly $ref?: string;
  readonly 'x-label'?: Readonly<Record<Locale, string>>;
}

/**
 * The schema's own `x-label` of a field (`location`, `house/room`, `ownerDecision/reason`) of the
 * schema `root` in `locale`; the path itself when there is none.
 */
export function schemaFieldLabel(root: unknown, path: string, locale: Locale): string {
  const top = root as SchemaNode;
  let node: SchemaNode | undefined = top;
  let label: Readonly<Record<Locale, string>> | undefined;
  for (const key of path.split('/').filter(Boolean)) {
    let next: SchemaNode | undefined = node?.properties && Object.hasOwn(node.properties, key) ? node.properties[key] : undefined;
    label = next?.['x-label'];
    const ref: string | undefined = next?.$ref;
    if (ref?.startsWith('#/definitions/')) {
      const def: SchemaNode | undefined = top.definitions?.[ref.slice('#/definitions/'.length)];
      label = label ?? def?.['x-label'];
      next = def;
    }
    node = next;
  }
  return label?.[locale] ?? path;
}

/**
 * The label of a defect field (`location`, `house/room`) from schemas/defect.schema.json only
 * (what an element needs up front); checklist fields are `checklistFieldLabel`.
 */
export function defectLabel(path: string, locale: Locale): string {
  return schemaFieldLabel(defectSchema, path, locale);
}
