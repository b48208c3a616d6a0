// Interface text of the workflow runtime (refusal reasons, clock levels), zh-CN and en.
import { catalog } from '../core/i18n/catalog.js';
import type { Locale } from '../core/i18n/locale.js';
import type { RefusalCode, WorkflowDefinition } from './types.js';
import type { ActionRefusal } from './actions.js';
import { pick } from '../core/i18n/locale.js';
import type { ClockReadout } from './clocks.js';

const zhCN = {
  'refusal.unknown-event': '流程中没有这个操作',
  'refusal.not-allowed-in-state': '当前状态下不能执行此操作',
  'refusal.role-not-allowed': '您的角色无权执行此操作',
  'refusal.guard-failed': '不满足执行此操作的条件',
  'refusal.missing-fields': '请填写此操作所需的信息',
  'refusal.invalid-fields': '填写的信息有误，请检查',
  'refusal.immutable-field': '首问责任人等字段登记后不能修改',
  'refusal.final-state': '流程已结束',
  'refusal.definition-mismatch': '流程定义版本不符，需要先迁移',
  'refusal.invalid-effect': '操作结果不符合记录格式',
  'refusal.payload-too-large': '提交的内容过大',
  'refusal.logic-budget': '此操作的判断规则过于复杂，无法执行，请联系流程配置人员',
  'refusal.roles': '只有{roles}可以执行此操作',
  'refusal.condition': '条件未满足：{condition}',
  'list.or': '或',
  'list.sep': '、',
  'clock.idle': '未开始',
  'clock.ok': '正常',
  'clock.warning': '即将超时',
  'clock.overdue': '已超时',
  'clock.met': '按时完成',
  'clock.missed': '超时完成',
  'clock.paused': '已暂停',
  'clock.business': '工作时间',
  'clock.calendar': '自然时间',
  'child.update': '子流程「{definition}」{child}：{state}',
  'child.final': '子流程「{definition}」{child}已结束：{state}',
  'child.started': '已开始子流程 {started} 个',
  'child.startedRefused': '已开始子流程 {started} 个，{refused} 个未能开始',
} as const;

type Key = keyof typeof zhCN;

export const workflowMessages = catalog<Key>(zhCN, {
  'refusal.unknown-event': 'This workflow has no such action',
  'refusal.not-allowed-in-state': 'This action is not possible in the current state',
  'refusal.role-not-allowed': 'Your role may not take this action',
  'refusal.guard-failed': 'The conditions for this action are not met',
  'refusal.missing-fields': 'Please fill in what this action needs',
  'refusal.invalid-fields': 'Some of the information is not valid; please check it',
  'refusal.immutable-field': 'The first receiver and other fixed fields cannot change after intake',
  'refusal.final-state': 'This workflow has ended',
  'refusal.definition-mismatch': 'The workflow definition version differs; migrate first',
  'refusal.invalid-effect': 'The result of this action does not fit the record',
  'refusal.payload-too-large': 'What was sent is too large',
  'refusal.logic-budget': 'The rule of this action is too complex to decide; ask whoever configures the workflow',
  'refusal.roles': 'Only {roles} may take this action',
  'refusal.condition': 'Condition not met: {condition}',
  'list.or': ' or ',
  'list.sep': ', ',
  'clock.idle': 'Not started',
  'clock.ok': 'On time',
  'clock.warning': 'Due soon',
  'clock.overdue': 'Overdue',
  'clock.met': 'Met',
  'clock.missed': 'Missed',
  'clock.paused': 'Paused',
  'clock.business': 'Business time',
  'clock.calendar': 'Calendar time',
  'child.update': 'Sub-process “{definition}” {child}: {state}',
  'child.final': 'Sub-process “{definition}” {child} ended: {state}',
  'child.started': '{started} sub-processes started',
  'child.startedRefused': '{started} sub-processes started, {refused} could not start',
});

/** A refusal reason for people, in `locale`. */
export function refusalMessage(code: RefusalCode, locale: Locale = 'zh-CN'): string {
  return workflowMessages(locale, `refusal.${code}`);
}

/** A clock's level (or paused status) as a short label. */
export function clockLevelLabel(readout: Pick<ClockReadout, 'level' | 'status'>, locale: Locale = 'zh-CN'): string {
  return workflowMessages(locale, readout.status === 'paused' ? 'clock.paused' : `clock.${readout.level}`);
}

/**
 * An action refusal in words: who may act (role titles from the definition, never codes), or the
 * condition the record does not meet (the transition's `unmet`, else the generic reason).
 */
export function refusalText(refusal: ActionRefusal, def: WorkflowDefinition | undefined, locale: Locale = 'zh-CN'): string {
  if (refusal.reason === 'role-not-allowed') {
    const titles = refusal.roles.map((r) => pick(def?.roles.find((x) => x.id === r)?.title, locale) ?? r);
    const or = workflowMessages(locale, 'list.or');
    const list = titles.length > 1 ? `${titles.slice(0, -1).join(workflowMessages(locale, 'list.sep'))}${or}${titles[titles.length - 1]}` : (titles[0] ?? '');
    return workflowMessages(locale, 'refusal.roles', { roles: list });
  }
  const condition = pick(refusal.unmet, locale);
  return condition ? workflowMessages(locale, 'refusal.condition', { condition }) : refusalMessage('guard-failed', locale);
}
