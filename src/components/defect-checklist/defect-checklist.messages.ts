import { catalog } from '../../core/i18n/catalog.js';

/**
 * Interface text of <wy-defect-checklist>'s shell (title, counts, tabs, loading, announcements of
 * status changes); the views' text travels with them (defect-checklist.view-messages.ts for batch
 * entry and the list, defect-checklist.more-messages.ts for the rest). Domain labels (locations, trades, severities,
 * statuses, actions, roles) come from schemas/vocab; field labels from the schemas' x-label.
 * Keys ending in `.internal` / `.move-in` word the same thing for staff or for the owner.
 */
export const msg = catalog(
  {
    'title.internal': '内部验房问题清单',
    'title.move-in': '入伙验收问题清单',
    'counts': '共 {total} 项 · 未关闭 {open} 项 · 逾期 {overdue} 项',
    'tab.entry.internal': '集中录入',
    'tab.entry.move-in': '记录问题',
    'tab.list': '问题列表',
    'tab.summary.internal': '验房总结',
    'tab.summary.move-in': '验收总结',
    'tab.print': '问题清单',
    'tabs.label': '验房视图',
    'entry.draftRestored': '已恢复上次未添加的录入内容',
    'list.unassigned': '未指定',
    'list.actionDone': '{id}：{action}',
    'action.denied': '不能执行：{reason}',
    'load.failed': '此部分未能加载，请检查网络后重试。',
    'load.retry': '重试',
    'load.loading': '加载中…',
    'print.file': '问题清单',
    'config.invalid': '常见问题配置无效，已改用默认配置：{message}',
  },
  {
    'title.internal': 'Internal inspection defects',
    'title.move-in': 'Move-in acceptance defects',
    'counts': '{total} in all · {open} not closed · {overdue} overdue',
    'tab.entry.internal': 'Batch entry',
    'tab.entry.move-in': 'Record problems',
    'tab.list': 'Defects',
    'tab.summary.internal': 'Inspection summary',
    'tab.summary.move-in': 'Acceptance summary',
    'tab.print': 'Problem list',
    'tabs.label': 'Inspection views',
    'entry.draftRestored': 'Entry text not yet added was restored',
    'list.unassigned': 'Unassigned',
    'list.actionDone': '{id}: {action}',
    'action.denied': 'Not possible: {reason}',
    'load.failed': 'This part could not be loaded. Check the connection and try again.',
    'load.retry': 'Try again',
    'load.loading': 'Loading…',
    'print.file': 'problem-list',
    'config.invalid': 'The common-problems configuration is invalid; the defaults are used instead: {message}',
  },
);

export type DefectMessageKey = Parameters<typeof msg>[1];
