import { catalog } from '../i18n/catalog.js';
import type { Locale } from '../i18n/locale.js';
import type { DefectDenyReason } from './transitions.js';

/**
 * Words the defect core produces itself: why an action is refused, and the CSV's own columns.
 * Domain labels (statuses, trades, locations…) live in schemas/vocab, not here.
 */
export const defectText = catalog(
  {
    'reason.status': '当前状态下不能执行此操作',
    'reason.role': '您的角色无权执行此操作',
    'reason.not-assigned': '该问题不属于您的单位',
    'reason.no-contractor': '请先指定责任单位',
    'reason.not-independent': '复验须由施工单位和报完工人以外的人员进行',
    'reason.note-required': '请填写说明',
    'csv.overdue': '是否逾期',
    'csv.overdueYes': '逾期',
  },
  {
    'reason.status': 'This action is not possible in the current status',
    'reason.role': 'Your role may not do this',
    'reason.not-assigned': 'This defect is assigned to another contractor',
    'reason.no-contractor': 'Assign a responsible contractor first',
    'reason.not-independent': 'The re-inspection must be done by someone other than the contractor and whoever reported the repair',
    'reason.note-required': 'Please add a note',
    'csv.overdue': 'Overdue',
    'csv.overdueYes': 'overdue',
  },
);

/** Why an action was refused, in `locale`. */
export function defectReason(reason: DefectDenyReason, locale: Locale): string {
  return defectText(locale, `reason.${reason}`);
}
