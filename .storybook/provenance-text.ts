// The provenance badges' words, one source for the docs blocks and the configurator playground.
export const BADGE_TEXT = {
  default: '默认值 — 请替换 · default — replace',
  manual: '手册 · manual',
  missing: '无出处 · no provenance',
} as const;
