import { catalog } from '../../core/i18n/catalog.js';

/** What the panel's shell says before its views are loaded: missing engine or instance, loading, failures. */
export const shellMsg = catalog(
  {
    loading: '正在载入流程…',
    noEngine: '未提供流程引擎：请在 <wy-kit-provider> 上设置 engine，或直接设置本元素的 engine 属性。',
    noInstance: '请指定流程实例（instance-id）。',
    unknownInstance: '找不到流程实例「{id}」。',
    loadFailed: '流程载入失败：{message}',
    retryLoad: '重新载入',
    partFailed: '面板的一部分未能载入。',
    retryPart: '重试',
  },
  {
    loading: 'Loading the workflow…',
    noEngine: 'No workflow engine: set engine on <wy-kit-provider>, or set this element’s engine property.',
    noInstance: 'Set the workflow instance (instance-id).',
    unknownInstance: 'There is no workflow instance “{id}”.',
    loadFailed: 'The workflow could not be loaded: {message}',
    retryLoad: 'Reload',
    partFailed: 'Part of the panel could not be loaded.',
    retryPart: 'Try again',
  },
);
