/** The languages the app is written in; the first is the default for anyone who asks for none of them. */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** Set by the footer's language switcher; it wins over the browser's Accept-Language. */
export const LOCALE_COOKIE = 'locale';

/** Each language's name in itself, as the switcher shows it whichever language the page is in. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '中文' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
