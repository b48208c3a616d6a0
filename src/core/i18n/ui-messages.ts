import { catalog } from './catalog.js';

/** Interface text shared by several elements (domain labels live in schemas/, not here). */
export const t = catalog(
  {
    'errorSummary.title': '请修正以下 {count} 个问题',
    'errorSummary.titleOne': '请修正以下问题',
  },
  {
    'errorSummary.title': 'Please fix the {count} problems below',
    'errorSummary.titleOne': 'Please fix the problem below',
  },
);
