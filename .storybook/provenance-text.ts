// The provenance badges' words, one source for the docs blocks (both languages: docs pages have
// no locale) and the configurator playground (the page's language).
export const BADGE_TEXT = {
  default: '默认值 — 请替换 · default — replace',
  manual: '手册 · manual',
  missing: '无出处 · no provenance',
  'zh-CN': { default: '默认值 — 请替换', manual: '手册', missing: '无出处' },
  en: { default: 'default — replace', manual: 'manual', missing: 'no provenance' },
} as const;
