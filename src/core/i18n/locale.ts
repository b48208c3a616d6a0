/** The locales wuye-kit ships. UI text defaults to Simplified Chinese. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/**
 * Maps any BCP 47 tag to a shipped locale: `zh`, `zh-Hans-CN`, `zh-TW` → `zh-CN`;
 * `en-GB` → `en`; anything else (or nothing) → undefined, so the caller can fall back.
 */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const lower = tag.toLowerCase();
  // Every Chinese tag gets zh-CN, the only Chinese catalog shipped.
  if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  return undefined;
}

/** A string in each shipped locale, as schemas and vocabularies carry them. */
export type Localized = Readonly<Record<Locale, string>>;

/** Picks the string for `locale` from a localized label, falling back to zh-CN, then any. */
export function pick(label: Partial<Localized> | string | undefined, locale: Locale): string | undefined {
  if (label === undefined || typeof label === 'string') return label;
  return label[locale] ?? label['zh-CN'] ?? label.en;
}
