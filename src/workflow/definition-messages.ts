// The words of the definition linter's findings (checkDefinition in definition.ts), zh-CN and en:
// `wuye-kit check` and the portal show them in the reader's language. zh-CN is the source; a
// missing en string is a compile error (catalog()).
import { catalog } from '../core/i18n/catalog.js';

const zhCN = {
  'duplicate-state': '状态 "{id}" 声明了两次',
  'duplicate-role': '角色 "{id}" 声明了两次',
  'unknown-role': '角色 "{id}" 被使用但未声明',
  'unknown-state': '状态 "{id}" 未声明',
  'unknown-operator': '不支持 JSONLogic 运算符 "{op}"',
  'logic-budget': 'JSONLogic 表达式可能需要约 {cost} 步求值，超过上限 {budget}（从数据读取的列表按长 {length} 估算）',
  'logic-budget-unbounded': 'JSONLogic 表达式的求值步数可能没有上限，超过上限 {budget}（从数据读取的列表按长 {length} 估算）',
  'pointer-start': 'JSON 指针以 "/" 开头："{pointer}"',
  'pointer-key': 'JSON 指针 "{pointer}" 含有不允许的段（__proto__、constructor、prototype）',
  'bad-duration': '{value} 不是支持的 ISO 8601 时长（PnW、PnDTnHnMnS）',
  'notify-role': 'notify 效果需要 role',
  'effect-path': '{type} 效果需要 path',
  'effect-value': '{type} 效果需要 value',
  'start-children': 'start-children 效果需要 definition 和 items',
  'data-schema': '没有名为 "{name}" 的内置 schema',
  'unknown-fields': 'workflow-events.schema.json 中没有事件字段 "{fields}"',
  'inconsistent-fields': '从 "{state}" 发出的事件 "{event}" 在不同转换中要求的字段不同',
  'migration-from': '迁移的起始版本必须低于流程定义的版本 {version}',
  'migration-clock': '时钟 "{id}" 未声明',
  unreachable: '状态 "{id}" 从 "{initial}" 无法到达',
  'dead-end': '状态 "{id}" 不是终态，却没有出口',
  'final-exits': '终态 "{id}" 有转换，这些转换永远不会执行',
  'no-final': '没有终态',
  'unused-role': '角色 "{id}" 已声明但从未使用',
} as const;

/** A linter finding in the given language. */
export const definitionText = catalog<keyof typeof zhCN>(zhCN, {
  'duplicate-state': 'state "{id}" is declared twice',
  'duplicate-role': 'role "{id}" is declared twice',
  'unknown-role': 'role "{id}" is used but not declared',
  'unknown-state': 'state "{id}" is not declared',
  'unknown-operator': 'JSONLogic operator "{op}" is not supported',
  'logic-budget': 'JSONLogic expression may need about {cost} evaluation steps, over the budget of {budget} (lists read from data are assumed {length} long)',
  'logic-budget-unbounded': 'JSONLogic expression may need unboundedly many evaluation steps, over the budget of {budget} (lists read from data are assumed {length} long)',
  'pointer-start': 'A JSON pointer starts with "/": {pointer}',
  'pointer-key': 'Refusing a pointer segment (__proto__, constructor, prototype) in {pointer}',
  'bad-duration': 'Not a supported ISO 8601 duration (PnW, PnDTnHnMnS): {value}',
  'notify-role': 'a notify effect needs a role',
  'effect-path': 'a {type} effect needs a path',
  'effect-value': 'a {type} effect needs a value',
  'start-children': 'a start-children effect needs a definition and items',
  'data-schema': 'no shipped schema named "{name}"',
  'unknown-fields': 'no event fields "{fields}" in workflow-events.schema.json',
  'inconsistent-fields': 'event "{event}" from "{state}" asks for different fields in different transitions',
  'migration-from': "a migration must start below the definition's version {version}",
  'migration-clock': 'clock "{id}" is not declared',
  unreachable: 'state "{id}" cannot be reached from "{initial}"',
  'dead-end': 'state "{id}" is not final but has no way out',
  'final-exits': 'final state "{id}" has transitions, which never run',
  'no-final': 'no state is final',
  'unused-role': 'role "{id}" is declared but never used',
});

export type DefinitionTextKey = Parameters<typeof definitionText>[1];
