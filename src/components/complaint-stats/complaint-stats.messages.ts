import { catalog } from '../../core/i18n/catalog.js';

/**
 * The few words the element's shell says itself, before its parts have loaded: everything else
 * is in the statistics catalogue (src/core/stats/messages.ts), loaded with the views.
 */
export const shellMsg = catalog(
  {
    'load.part': '统计表的部分内容未能加载。',
    'load.retry': '重试',
  },
  {
    'load.part': 'Part of the statistics could not be loaded.',
    'load.retry': 'Try again',
  },
);
