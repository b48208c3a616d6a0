import { catalog } from '../../core/i18n/catalog.js';

/**
 * Interface text of <wy-complaint-form>. Field labels, vocabularies and the document header come
 * from schemas/ (complaint.schema.json, complaint.ui.json, vocab/*.json).
 */
export const msg = catalog(
  {
    submit: '登记',
    saving: '正在提交…',
    retry: '重新提交',
    print: '打印',
    firstReceiver: '首问责任人',
    definition: '什么算投诉？投诉的定义及释义（WI/KF-007）',
    person: '{name}（{id}）',
    noFirstReceiver: '未知（请宿主提供当前用户）',
    recordNo: '记录编号',
    recordNoPending: '提交时生成',
    saved: '已登记，记录编号 {recordNo}。可以登记下一条。',
    submitted: '记录 {recordNo} 已提交。',
    failed: '提交失败，已填写的内容都保留着，可直接重新提交：{reason}',
    failedUnknown: '未知错误',
    loadFailed: '表单加载失败：{reason}。请检查网络后重新打开本页。',
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
    firstReceiver: 'First receiver',
    definition: 'What counts as a complaint? The definition and its explanations (WI/KF-007)',
    person: '{name} ({id})',
    noFirstReceiver: 'Unknown (the host gives no current user)',
    recordNo: 'Record number',
    recordNoPending: 'assigned on submit',
    saved: 'Registered as {recordNo}. Ready for the next one.',
    submitted: 'Record {recordNo} submitted.',
    failed: 'Submitting failed. Everything you entered is kept; you can submit again: {reason}',
    failedUnknown: 'unknown error',
    loadFailed: 'The form could not load: {reason}. Check the connection and open this page again.',
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
export type ComplaintFormMessage = Parameters<typeof msg>[1];
