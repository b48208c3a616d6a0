import { catalog } from '../../core/i18n/catalog.js';

/**
 * Interface text of <wy-complaint-form>'s intake logic and view, loaded with them on demand (the
 * header's and the loading state's text is in complaint-form.messages.ts).
 */
export const msg = catalog(
  {
    submit: '登记',
    saving: '正在提交…',
    retry: '重新提交',
    print: '打印',
    definition: '什么算投诉？投诉的定义及释义（WI/KF-007）',
    saved: '已登记，记录编号 {recordNo}。可以登记下一条。',
    submitted: '记录 {recordNo} 已提交。',
    failed: '提交失败，已填写的内容都保留着，可直接重新提交：{reason}',
    noActor: '无法确定首问责任人：没有当前用户（actor）。',
    badRecordNo: '记录编号「{recordNo}」不符合格式。',
    invalidRecord: '记录不完整：{problems}',
    routedTo: '建议负责单位：{unit}（{reason}）',
    routingUnit: '负责单位',
    routingWhy: '依据：{reason}',
    recordGroup: '登记信息',
    handlingGroup: '处理与回访',
  },
  {
    submit: 'Register',
    saving: 'Submitting…',
    retry: 'Submit again',
    print: 'Print',
    definition: 'What counts as a complaint? The definition and its explanations (WI/KF-007)',
    saved: 'Registered as {recordNo}. Ready for the next one.',
    submitted: 'Record {recordNo} submitted.',
    failed: 'Submitting failed. Everything you entered is kept; you can submit again: {reason}',
    noActor: 'No first receiver: there is no current user (actor).',
    badRecordNo: 'The record number “{recordNo}” is not in the expected format.',
    invalidRecord: 'The record is incomplete: {problems}',
    routedTo: 'Suggested unit: {unit} ({reason})',
    routingUnit: 'Responsible unit',
    routingWhy: 'because: {reason}',
    recordGroup: 'Registration',
    handlingGroup: 'Handling and return visit',
  },
);
export type IntakeMessage = Parameters<typeof msg>[1];
