// The page-load benchmark's schema: 300 fields of six kinds and 50 conditional rules as plain
// draft-07 (25 `dependencies`, 25 root `if/then` in `allOf`), the shape a low-code host fetches
// as JSON at run time. The bench writes it to a .json file the pages fetch.
import type { JsonSchema } from '../../../src/core/form/index.js';

/** Kinds in order: text, number, select (5 options), radio (3 options), checkbox, date. */
export const KINDS = ['text', 'number', 'select', 'radio', 'checkbox', 'date'] as const;

export function pageLoadSchema(fields = 300): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const labels = (o: readonly string[]) => Object.fromEntries(o.map((v, i) => [v, { 'zh-CN': `选项${i + 1}`, en: `Option ${i + 1}` }]));
  for (let i = 0; i < fields; i++) {
    const label = { 'zh-CN': `字段 ${i}`, en: `Field ${i}` };
    const kind = KINDS[i % KINDS.length]!;
    properties[`f${i}`] =
      kind === 'text'
        ? { type: 'string', maxLength: 50, 'x-label': label }
        : kind === 'number'
          ? { type: 'number', minimum: 0, 'x-label': label }
          : kind === 'select'
            ? { type: 'string', enum: ['a', 'b', 'c', 'd', 'e'], 'x-labels': labels(['a', 'b', 'c', 'd', 'e']), 'x-label': label }
            : kind === 'radio'
              ? { type: 'string', enum: ['y', 'n', 'u'], 'x-labels': labels(['y', 'n', 'u']), 'x-label': label }
              : kind === 'checkbox'
                ? { type: 'boolean', 'x-label': label }
                : { type: 'string', format: 'date', 'x-label': label };
  }
  const required = Object.keys(properties).filter((_, i) => i % 10 === 0);
  // 25 dependencies: a text field given makes the number after it required.
  const dependencies: Record<string, string[]> = {};
  for (let r = 0; r < 25; r++) dependencies[`f${(r * 12) % fields}`] = [`f${(r * 12 + 1) % fields}`];
  // 25 if/then: a radio answered "y" makes the date two fields on required.
  const allOf: JsonSchema[] = [];
  for (let r = 0; r < 25; r++) {
    const src = `f${(r * 12 + 3) % fields}`;
    allOf.push({ if: { properties: { [src]: { const: 'y' } }, required: [src] }, then: { required: [`f${(r * 12 + 5) % fields}`] } });
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://example.com/bench/page-load.schema.json',
    type: 'object',
    additionalProperties: false,
    required,
    properties,
    dependencies,
    allOf,
  };
}
