// Field labels (zh-CN, en) by JSON pointer, so validate() names the field in its messages:
// labels/<name>.ts per schema (code that validates one schema carries only its labels) and
// labels.ts with all of them, built from those modules (core's validate(), which takes any
// shipped schema by name).
import { BANNER, camel, emit, escapePointer, isObject, type Inputs, type Json, type JsonObject, type Paths } from './context.js';

type Label = { readonly 'zh-CN': string; readonly en: string };
type Labels = Record<string, Label>;

/** Resolves a local (#/definitions/x) or vocabulary (vocab/x.json) $ref. */
function deref(node: Json | undefined, root: JsonObject, byId: ReadonlyMap<string, JsonObject>): Json | undefined {
  let seen = 0;
  while (isObject(node) && typeof node['$ref'] === 'string' && seen++ < 20) {
    const ref: string = node['$ref'];
    if (ref.startsWith('#/')) {
      node = ref
        .slice(2)
        .split('/')
        .reduce<Json | undefined>((n, k) => (isObject(n) ? n[k.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined), root);
    } else {
      node = byId.get(new URL(ref, root['$id'] as string).href);
    }
  }
  return node;
}

const asLabel = (v: Json | undefined): Label | undefined =>
  isObject(v) && typeof v['zh-CN'] === 'string' && typeof v['en'] === 'string' ? { 'zh-CN': v['zh-CN'], en: v['en'] } : undefined;

/** Labels by path; a nested field's label is prefixed with its parent's (`投诉人·联系电话`). */
export function collectLabels(schema: Json | undefined, root: JsonObject, byId: ReadonlyMap<string, JsonObject>, path = '', out: Labels = {}, depth = 0, parent?: Label): Labels {
  if (depth > 12 || !isObject(schema)) return out;
  const node = deref(schema, root, byId);
  const own = asLabel(schema['x-label']) ?? (isObject(node) ? asLabel(node['x-label']) : undefined);
  const label = own && parent ? { 'zh-CN': `${parent['zh-CN']}·${own['zh-CN']}`, en: `${parent.en} · ${own.en}` } : own;
  if (path && label) out[path] = label;
  if (!isObject(node)) return out;
  const next = path ? (label ?? parent) : undefined;
  const props = node['properties'];
  for (const [k, sub] of Object.entries(isObject(props) ? props : {})) collectLabels(sub, root, byId, `${path}/${escapePointer(k)}`, out, depth + 1, next);
  const items = node['items'];
  if (isObject(items)) collectLabels(items, root, byId, `${path}/*`, out, depth + 1, next);
  const allOf = node['allOf'];
  for (const part of [...(Array.isArray(allOf) ? allOf : []), node['then'], node['else']]) {
    if (part !== undefined && part !== null) collectLabels(part, root, byId, path, out, depth + 1, parent);
  }
  return out;
}

const LABEL_TYPE = "{ readonly 'zh-CN': string; readonly en: string }";

export function writeLabels(p: Paths, { main, all }: Inputs): void {
  const byId = new Map(all.map((x) => [x.schema['$id'] as string, x.schema]));
  const labels = Object.fromEntries(main.map((s) => [s.name, collectLabels(s.schema, s.schema, byId)]));
  for (const s of main) {
    emit(
      p,
      `labels/${s.name}.ts`,
      `${BANNER}/** Field labels of ${s.name}.schema.json by JSON pointer (array items are \`*\`). */
const labels: Readonly<Record<string, ${LABEL_TYPE}>> = ${JSON.stringify(labels[s.name], null, 2)};
export default labels;
`,
    );
  }
  // Every schema's labels, built from the modules above (not a second copy of them).
  emit(
    p,
    'labels.ts',
    `${BANNER}/** Field labels (zh-CN, en) of every shipped schema by JSON pointer; array items are \`*\`. */
${main.map((s) => `import ${camel(s.name)} from './labels/${s.name}.js';`).join('\n')}

export const labels: Readonly<Record<string, Readonly<Record<string, ${LABEL_TYPE}>>>> = {
${main.map((s) => `  ${JSON.stringify(s.name)}: ${camel(s.name)},`).join('\n')}
};
`,
  );
}
