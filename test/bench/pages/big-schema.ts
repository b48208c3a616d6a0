// A generated 300-field schema with 50 JSONLogic rules, for the form benchmarks.
import type { JsonSchema, UiSchema, UiRule } from '../../../src/core/form/index.js';

export function bigSchema(fields = 300, rules = 50): { schema: JsonSchema; ui: UiSchema } {
  const properties: Record<string, JsonSchema> = {};
  const kinds = ['string', 'number', 'select', 'boolean', 'date'] as const;
  for (let i = 0; i < fields; i++) {
    const k = kinds[i % kinds.length];
    const label = { 'zh-CN': `字段 ${i}`, en: `Field ${i}` };
    properties[`f${i}`] =
      k === 'string'
        ? { type: 'string', maxLength: 50, 'x-label': label }
        : k === 'number'
          ? { type: 'number', minimum: 0, 'x-label': label }
          : k === 'select'
            ? { type: 'string', enum: ['a', 'b', 'c', 'd'], 'x-labels': { a: { 'zh-CN': '甲', en: 'A' }, b: { 'zh-CN': '乙', en: 'B' }, c: { 'zh-CN': '丙', en: 'C' }, d: { 'zh-CN': '丁', en: 'D' } }, 'x-label': label }
            : k === 'boolean'
              ? { type: 'boolean', 'x-label': label }
              : { type: 'string', format: 'date', 'x-label': label };
  }
  const required = Object.keys(properties).filter((_, i) => i % 7 === 0);
  const ruleList: UiRule[] = [];
  for (let r = 0; r < rules; r++) {
    // Each rule reads one string field and shows, requires or disables another field.
    const src = `f${(r * 5) % fields}`;
    const target = `/f${(r * 5 + 3) % fields}`;
    const effect = (['show', 'require', 'disable'] as const)[r % 3]!;
    ruleList.push({ id: `r${r}`, effect, target, when: effect === 'show' ? { '!=': [{ var: src }, 'hide'] } : { '==': [{ var: src }, 'x'] } });
  }
  const groups = Array.from({ length: 10 }, (_, g) => ({ id: `g${g}`, title: { 'zh-CN': `第 ${g + 1} 组`, en: `Group ${g + 1}` }, columns: 3, fields: Object.keys(properties).slice(g * (fields / 10), (g + 1) * (fields / 10)).map((k) => `/${k}`) }));
  return { schema: { $id: 'https://wuye-kit.dev/bench/big.schema.json', type: 'object', required, properties }, ui: { groups, rules: ruleList } };
}
