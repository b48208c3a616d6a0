import { catalog } from '../../core/i18n/catalog.js';

/**
 * Interface text of <wy-complaint-form> that its first paint shows (header, loading, a failed
 * load); the rest comes with the intake logic and its view (intake.messages.ts). Field labels,
 * vocabularies and the document header come from schemas/ (complaint.schema.json,
 * complaint.ui.json, vocab/*.json).
 */
export const msg = catalog(
  {
    firstReceiver: '首问责任人',
    person: '{name}（{id}）',
    noFirstReceiver: '未知（请宿主提供当前用户）',
    recordNo: '记录编号',
    recordNoPending: '提交时生成',
    failedUnknown: '未知错误',
    loading: '正在加载表单…',
    loadFailed: '表单加载失败：{reason}。请检查网络后重新打开本页。',
  },
  {
    firstReceiver: 'First receiver',
    person: '{name} ({id})',
    noFirstReceiver: 'Unknown (the host gives no current user)',
    recordNo: 'Record number',
    recordNoPending: 'assigned on submit',
    failedUnknown: 'unknown error',
    loading: 'Loading the form…',
    loadFailed: 'The form could not load: {reason}. Check the connection and open this page again.',
  },
);
export type ComplaintFormMessage = Parameters<typeof msg>[1];
