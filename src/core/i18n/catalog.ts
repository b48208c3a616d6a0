import type { Locale } from './locale.js';

/** Fills `{name}` placeholders from `params`; unknown placeholders are left as they are. */
export function format(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/**
 * A typed message catalog: zh-CN is the source, en must have every key (a compile error
 * otherwise). Each area of the kit keeps its own catalog next to its code.
 *
 *   const zhCN = { 'stats.total': '合计' } as const;
 *   export const msg = catalog(zhCN, { 'stats.total': 'Total' });
 *   msg('en', 'stats.total')
 */
export function catalog<K extends string>(zhCN: Readonly<Record<K, string>>, en: Readonly<Record<K, string>>) {
  const all: Readonly<Record<Locale, Readonly<Record<K, string>>>> = { 'zh-CN': zhCN, en };
  return (locale: Locale, key: K, params?: Readonly<Record<string, string | number>>): string => format(all[locale][key], params);
}
