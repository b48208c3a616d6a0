import { catalog } from '../../core/i18n/catalog.js';

/**
 * The words of <wy-deduction-calculator>'s first paint (title, rule set, toolbar, loading): the
 * entry carries only these. The rest is in views/messages.ts, loaded with the report.
 */
export const msg = catalog(
  {
    title: '投诉扣分',
    periodAll: '全部记录',
    defaultBadge: '示例默认规则，请替换',
    ruleSet: '规则集：{name}（{id}，版本 {version}）',
    exportGroups: '导出汇总 CSV',
    exportLines: '导出扣分明细 CSV',
    bom: '含 BOM（Excel 打开中文不乱码）',
    pasteRules: '粘贴规则集',
    closeRules: '收起规则集',
    loading: '正在加载扣分计算…',
    loadFailed: '扣分计算未能加载。',
    retry: '重试',
  },
  {
    title: 'Complaint deductions',
    periodAll: 'All records',
    defaultBadge: 'Example default rules: replace them',
    ruleSet: 'Rule set: {name} ({id}, version {version})',
    exportGroups: 'Export summary CSV',
    exportLines: 'Export explanation CSV',
    bom: 'Include BOM (for Excel)',
    pasteRules: 'Paste a rule set',
    closeRules: 'Hide the rule set',
    loading: 'Loading the deduction calculator…',
    loadFailed: 'The deduction calculator could not be loaded.',
    retry: 'Try again',
  },
);
