import type { Locale } from './locale.js';

/**
 * Interface text of the elements (not domain labels: those live in schemas/). en is typed
 * against zh-CN's keys, so a missing translation is a compile error.
 */
const zhCN = {
  'errorSummary.title': '请修正以下 {count} 个问题',
  'errorSummary.titleOne': '请修正以下问题',
} as const;

export type UiMessageKey = keyof typeof zhCN;

const en: Record<UiMessageKey, string> = {
  'errorSummary.title': 'Please fix the {count} problems below',
  'errorSummary.titleOne': 'Please fix the problem below',
};

export const uiMessages: Readonly<Record<Locale, Readonly<Record<UiMessageKey, string>>>> = { 'zh-CN': zhCN, en };

/** The message `key` in `locale` with `{name}` placeholders filled from `params`. */
export function t(locale: Locale, key: UiMessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  return uiMessages[locale][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
